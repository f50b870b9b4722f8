using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magnesia.Web.Tests;

public sealed class ApiTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Health_ReportsTheFoodCount()
    {
        var j = await GetJsonAsync("/health");
        Assert.Equal("ok", j.GetProperty("status").GetString());
        Assert.Equal(8_789, j.GetProperty("foods").GetInt32());
    }

    [Fact]
    public async Task Dri_UsesTheCliFieldNames()
    {
        var j = await GetJsonAsync("/api/dri?ageYears=16&sex=male");
        Assert.Equal(["lifeStage", "earMg", "rdaMg", "aiMg", "supplementalUlMg", "sources"], j.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Males 14–18 y", j.GetProperty("lifeStage").GetString());
        Assert.Equal(340, j.GetProperty("earMg").GetDouble()); // IOM 1997 p. 219
        Assert.Equal(410, j.GetProperty("rdaMg").GetDouble());
    }

    [Fact]
    public async Task Dri_Lactation()
    {
        var j = await GetJsonAsync("/api/dri?ageYears=28&sex=female&lactating=true");
        Assert.Equal("Lactation 19–30 y", j.GetProperty("lifeStage").GetString());
        Assert.Equal(310, j.GetProperty("rdaMg").GetDouble());
    }

    [Fact]
    public async Task Foods_SearchRanksTheMeantFoodFirst()
    {
        var j = await GetJsonAsync("/api/foods?q=spinch&limit=3");
        Assert.Equal(3, j.GetArrayLength());
        Assert.Equal("11457", j[0].GetProperty("foodId").GetString());
        Assert.Equal("11457", j[0].GetProperty("ndb").GetString()); // the old name, kept as an alias for one release
        Assert.Equal(["foodId", "name", "group", "magnesiumMgPer100g", "score", "weak", "dataset", "sourceId", "brand", "alsoIn", "source", "ndb"], j[0].EnumerateObject().Select(p => p.Name));
    }

    // SR28 18069 "Bread, white, commercially prepared": "1 slice" = 29 g, so 2 slices = 58 g.
    // "épinards" matches no word of any food; the search's nearest by shared letters is Lard: a guess, marked weak.
    [Fact]
    public async Task Foods_Parse_MarksAGuessBySharedLettersWeak()
    {
        var j = await GetJsonAsync("/api/foods/parse?text=100%20g%20%C3%A9pinards");
        Assert.True(j.GetProperty("weak").GetBoolean());
        Assert.Equal("04002", j.GetProperty("food").GetProperty("foodId").GetString());
    }

    // A "did you mean" picked: the amount is weighed for that food. SR28 01129 hard-boiled egg: "1 large" = 50 g, 10 mg/100 g.
    [Fact]
    public async Task Foods_ParseWithAChosenFood_WeighsItForThatFood()
    {
        var j = await GetJsonAsync("/api/foods/parse?text=2%20eggs&food=01129");
        Assert.Equal("01129", j.GetProperty("food").GetProperty("foodId").GetString());
        Assert.Equal(100, j.GetProperty("grams").GetDouble());
        Assert.Equal(10, j.GetProperty("magnesiumMg").GetDouble());
        Assert.DoesNotContain(j.GetProperty("alternatives").EnumerateArray(), a => a.GetProperty("foodId").GetString() == "01129");
        var bad = await GetJsonAsync("/api/foods/parse?text=2%20eggs&food=banana", HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("food", out _));
    }

    [Fact]
    public async Task Foods_ParseReadsTheSentence()
    {
        var j = await GetJsonAsync("/api/foods/parse?text=2%20slices%20white%20bread");
        Assert.Equal(["query", "foodWords", "quantity", "unit", "portion", "grams", "food", "alternatives", "problem", "weak", "how", "magnesiumMg"], j.EnumerateObject().Select(p => p.Name));
        Assert.False(j.GetProperty("weak").GetBoolean());
        Assert.Equal("white bread", j.GetProperty("foodWords").GetString());
        Assert.Equal(2, j.GetProperty("quantity").GetDouble());
        Assert.Equal("slice", j.GetProperty("unit").GetString());
        Assert.Equal("1 slice", j.GetProperty("portion").GetProperty("description").GetString());
        Assert.Equal(58, j.GetProperty("grams").GetDouble());
        Assert.Equal("18069", j.GetProperty("food").GetProperty("ndb").GetString());
        Assert.Equal("2 × 1 slice (29 g)", j.GetProperty("how").GetString());
        Assert.Equal(13.3, j.GetProperty("magnesiumMg").GetDouble()); // SR28 18069: 23 mg/100 g × 58 g = 13.34 mg
        Assert.True(j.GetProperty("alternatives").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Foods_ParseWithoutAnAmount_SaysWhatIsMissing()
    {
        var j = await GetJsonAsync("/api/foods/parse?text=pumpkin%20seeds");
        Assert.Equal(JsonValueKind.Null, j.GetProperty("grams").ValueKind);
        Assert.Equal("12014", j.GetProperty("food").GetProperty("ndb").GetString());
        Assert.Contains("no amount", j.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foods_ShowReturnsTheFood()
    {
        var j = await GetJsonAsync("/api/foods/12014");
        Assert.Equal(592, j.GetProperty("magnesiumMgPer100g").GetDouble());
        Assert.Equal("1 cup", j.GetProperty("portions")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Foods_TopPerPortion()
    {
        // Common foods by default (hemp seeds, 3 tbsp: 210 mg); the whole catalogue on request (crude rice bran by the cup).
        var j = await GetJsonAsync("/api/foods/top?per=portion&limit=1");
        Assert.Equal("12012", j[0].GetProperty("ndb").GetString());
        var all = await GetJsonAsync("/api/foods/top?per=portion&limit=1&allFoods=true");
        Assert.Equal("20060", all[0].GetProperty("ndb").GetString());
    }

    [Fact]
    public async Task Forms_ListsAll17()
    {
        var j = await GetJsonAsync("/api/forms");
        Assert.Equal(17, j.GetArrayLength());
        Assert.Equal(60.3, j[0].GetProperty("elementalPercent").GetDouble());
    }

    [Fact]
    public async Task Foods_UnknownNdbIs404ProblemDetails()
    {
        var j = await GetJsonAsync("/api/foods/99999", HttpStatusCode.NotFound);
        Assert.Contains("no food with NDB number 99999", j.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_IsServed()
    {
        var j = await GetJsonAsync("/openapi/v1.json");
        Assert.True(j.GetProperty("paths").TryGetProperty("/api/dri", out _));
    }

    // Bad parameters: 400 ValidationProblem naming the field, never a stack trace.
    [Theory]
    [InlineData("/api/dri?sex=female", "ageYears")]
    [InlineData("/api/dri?ageYears=30", "sex")]
    [InlineData("/api/dri?ageYears=30&sex=woman", "sex")]
    [InlineData("/api/dri?ageYears=abc&sex=female", "ageYears")]
    [InlineData("/api/dri?ageYears=30&sex=male&pregnant=true", "pregnant")]
    [InlineData("/api/dri?ageYears=30&sex=male&lactating=true", "lactating")]
    [InlineData("/api/dri?ageYears=30&sex=female&pregnant=true&lactating=true", "lactating")]
    [InlineData("/api/dri?ageYears=200&sex=female", "ageYears")]
    [InlineData("/api/dri?ageYears=0&months=12&sex=female", "months")]
    [InlineData("/api/dri?ageYears=30&sex=female&pregnant=maybe", "pregnant")]
    [InlineData("/api/foods", "q")]
    [InlineData("/api/foods?q=of%20the", "q")]
    [InlineData("/api/foods?q=spinach&limit=0", "limit")]
    [InlineData("/api/foods?q=spinach&limit=500", "limit")]
    [InlineData("/api/foods?q=spinach&limit=ten", "limit")]
    [InlineData("/api/foods/abc", "foodId")]
    [InlineData("/api/foods/parse", "text")]
    [InlineData("/api/foods/parse?text=%20of%20the", "text")]
    [InlineData("/api/foods/top?per=100ml", "per")]
    [InlineData("/api/foods/top?group=products", "group")]
    [InlineData("/api/foods/top?limit=0", "limit")]
    public async Task BadParameters_Return400NamingTheField(string url, string field)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var j = JsonDocument.Parse(body).RootElement;
        Assert.True(j.GetProperty("errors").TryGetProperty(field, out _), body);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}

public sealed class HomePageTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<string> GetAsync(string url) => _client.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Home_ShowsBothForms()
    {
        var html = await GetAsync("/");
        Assert.Contains("How much magnesium do I need?", html, StringComparison.Ordinal);
        Assert.Contains("How much is in this food?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_LooksUpTheDri()
    {
        var html = await GetAsync("/?ageYears=30&sex=female&status=pregnant");
        Assert.Contains("Pregnancy 19–30 y", html, StringComparison.Ordinal);
        Assert.Contains("<td>350</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_SearchesFoods()
    {
        var html = await GetAsync("/?q=pumpkin+seeds");
        Assert.Contains("Seeds, pumpkin and squash seed kernels, dried", html, StringComparison.Ordinal);
        Assert.Contains("592 mg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsAClearErrorForBadInput()
    {
        var html = await GetAsync("/?ageYears=30&sex=male&status=pregnant");
        Assert.Contains("pregnancy applies only to females", html, StringComparison.Ordinal);
    }
}
