using System.Text.Json;
using Magnesia.Data.Contracts;

namespace Magnesia.Data.Tests;

public sealed class ContractTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // A pound is 453.59237 g exactly (NIST SP 811, B.8): 2.62 per lb is 0.005776111269… per gram, printed to six figures.
    [Fact]
    public void PriceResponse_PricePerGram_HasSixSignificantFigures_AndTheFieldsKeepTheirOrder()
    {
        var r = new PriceResponse("12014", "Seeds, pumpkin", 2.62, "lb", 2.62 / 453.59237);
        Assert.Equal(0.00577611, r.PricePerGram);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(r, Web)).RootElement;
        Assert.Equal(["foodId", "name", "price", "per", "pricePerGram", "ndb"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("12014", json.GetProperty("ndb").GetString());
    }

    // Issue 21's one vocabulary: a classification is "category" in every result, a dataset id is "dataset", a sign is
    // "sign", a portion is (description, grams); the old names are still written, after the new ones, for one release.
    [Fact]
    public void Renamed_Fields_AreWritten_WithTheirOldNamesAfterThem()
    {
        string[] Names(object o) => [.. JsonDocument.Parse(JsonSerializer.Serialize(o, o.GetType(), Web)).RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["points", "category", "items", "disclaimer", "level"], Names(new ScreeningResponse(3, "moderate", [], "d")));
        Assert.Equal(["egfrMlMin173m2", "equation", "category", "sources", "stage"], Names(new EgfrResponse(80.3, "CKD-EPI 2021", "G2", [])));
        Assert.Equal(["score", "category", "components", "egfrMlMin173m2", "sources", "group"], Names(new MdsResponse(1, "low", [], 80, [])));
        Assert.Equal(["mmolPerL", "mgPerDl", "meqPerL", "category", "interpretation", "referenceRange", "sources", "band"], Names(new SerumResponse(0.8, 1.94, 1.6, "normal", "i", "r", [])));
        Assert.Equal(["id", "date", "sign", "severity", "symptom"], Names(new LoggedSymptomResponse(4, new DateOnly(2026, 11, 26), "fatigue", 2)));
        Assert.Equal(["foodId", "dataset", "sourceId", "source", "ndb"], Names(new FoodRefResponse("fdc:1", "fdc-branded", "1")));
        Assert.Equal(["dataset", "name", "release", "foods", "importedAt", "id", "description", "foodCount"],
            Names(new DbDatasetResponse("usda-sr28", "USDA SR28", null, 8789, DateTimeOffset.UnixEpoch)));
        Assert.Equal(["description", "grams", "quantity"], Names(new PlanPortionResponse("1 oz", 28.35, 1.5)));
    }
}
