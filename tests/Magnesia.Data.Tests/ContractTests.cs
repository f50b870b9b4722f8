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
}
