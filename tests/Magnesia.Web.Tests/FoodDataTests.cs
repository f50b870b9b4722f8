using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magnesia.Data;
using Magnesia.Data.Importers.Fdc;

namespace Magnesia.Web.Tests;

/// <summary>
/// A store with a FoodData Central Branded Foods release imported (written here in the FDC CSV layout): barcodes,
/// provenance and branded ranking through the API and the Today page, on SQLite or, in CI's second run, PostgreSQL.
/// </summary>
public sealed class FoodDataTests : IAsyncLifetime
{
    private readonly MagnesiaWebFactory _factory = new();
    private readonly string _release = Path.Combine(Path.GetTempPath(), "magnesia-fdc-web-" + Guid.NewGuid().ToString("N"), "FoodData_Central_branded_food_csv_2024-10-31");
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_release);
        File.WriteAllText(Path.Combine(_release, "food.csv"), "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"\n\"2000001\",\"branded_food\",\"WHOLE MILK\",\"Milk\",\"2024-10-31\"\n");
        File.WriteAllText(Path.Combine(_release, "nutrient.csv"), "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5300\"\n\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"\n");
        File.WriteAllText(Path.Combine(_release, "food_nutrient.csv"), "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\"\n\"1\",\"2000001\",\"1090\",\"11\"\n\"2\",\"2000001\",\"1008\",\"61\"\n");
        File.WriteAllText(Path.Combine(_release, "branded_food.csv"), "\"fdc_id\",\"brand_owner\",\"brand_name\",\"gtin_upc\",\"serving_size\",\"serving_size_unit\",\"household_serving_fulltext\"\n\"2000001\",\"Horizon Organic Dairy\",\"HORIZON\",\"036632001467\",\"240\",\"g\",\"1 cup\"\n");
        var store = _factory.PostgresConnection is { } pg ? await Store.OpenPostgresAsync(pg) : await Store.OpenAsync(_factory.DatabasePath);
        await FdcImporter.ImportAsync(store, _release, FdcDataTypes.Branded, ct: TestContext.Current.CancellationToken);
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_release)!, recursive: true);
    }

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Barcode_FindsTheProductWithItsProvenance()
    {
        foreach (var typed in new[] { "036632001467", "0036632001467", "00036632001467" }) // UPC-A, EAN-13, GTIN-14: one product
        {
            var j = await GetJsonAsync($"/api/foods/barcode/{typed}");
            Assert.Equal("fdc:2000001", j.GetProperty("ndb").GetString());
            var p = j.GetProperty("provenance");
            Assert.Equal(("fdc-branded", "FDC", "2000001", "00036632001467"), (p.GetProperty("dataset").GetString(), p.GetProperty("idLabel").GetString(), p.GetProperty("sourceId").GetString(), p.GetProperty("gtin").GetString()));
            Assert.Equal(("Horizon Organic Dairy", "HORIZON", "2024-10-31"), (p.GetProperty("brandOwner").GetString(), p.GetProperty("brandName").GetString(), p.GetProperty("release").GetString()));
        }
    }

    [Theory]
    [InlineData("036632001468")] // check digit 7, not 8
    [InlineData("03663200146")]  // 11 digits
    [InlineData("milk")]
    public async Task Barcode_Invalid_Is400NamingGtin(string gtin)
    {
        var j = await GetJsonAsync($"/api/foods/barcode/{gtin}", HttpStatusCode.BadRequest);
        Assert.True(j.GetProperty("errors").TryGetProperty("gtin", out _));
    }

    [Fact]
    public async Task Barcode_Unknown_Is404()
    {
        var j = await GetJsonAsync("/api/foods/barcode/036000291452", HttpStatusCode.NotFound);
        Assert.Contains("036000291452", j.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PutsGenericMilkFirst_AndTheBrandWhenNamed()
    {
        var milk = await GetJsonAsync("/api/foods?q=milk&limit=10");
        Assert.Equal("usda-sr28", milk[0].GetProperty("dataset").GetString());
        var horizon = await GetJsonAsync("/api/foods?q=horizon%20milk&limit=3");
        Assert.Equal("fdc:2000001", horizon[0].GetProperty("ndb").GetString());
        Assert.Equal(("fdc-branded", "2000001", "HORIZON"), (horizon[0].GetProperty("dataset").GetString(), horizon[0].GetProperty("sourceId").GetString(), horizon[0].GetProperty("brand").GetString()));
    }

    [Fact]
    public async Task Sources_ListTheDatasetsAndTheImport()
    {
        var j = await GetJsonAsync("/api/foods/sources");
        var ids = j.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("dataset").GetString()).ToList();
        Assert.Equal(["fdc-branded", "usda-sr28"], ids);
        var import = j.GetProperty("imports")[0];
        Assert.Equal(("fdc-branded", 1), (import.GetProperty("dataset").GetString(), import.GetProperty("foods").GetInt32()));
    }

    [Fact]
    public async Task TodayPage_FindsAFoodByBarcode()
    {
        var client = await Accounts.NewUserAsync(_factory);
        var html = await client.GetStringAsync(new Uri("/today?barcode=036632001467", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("WHOLE MILK", html, StringComparison.Ordinal);
        Assert.Contains("FDC 2000001", html, StringComparison.Ordinal);
        Assert.Contains("1 cup (240 g)", html, StringComparison.Ordinal);
        var bad = await client.GetStringAsync(new Uri("/today?barcode=036632001468", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("expected 7", bad, StringComparison.Ordinal);
    }
}
