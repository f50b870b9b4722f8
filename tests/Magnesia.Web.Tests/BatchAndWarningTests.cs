using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magnesia.Web.Tests;

/// <summary>
/// <c>POST /api/diary/entries:batch</c> and the plausibility warnings of an entry (issue 22). SR28: egg 01123 "1 large"
/// = 50 g, 12 mg/100 g; brown rice cooked 20037 "1 cup" = 202 g, 39 mg/100 g; pumpkin seeds 12014, 592 mg/100 g.
/// </summary>
public sealed class BatchAndWarningTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_LogsEveryLineInOrder()
    {
        using var client = await Accounts.NewUserAsync(factory);
        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/diary/entries:batch", new { lines = new[] { "2 eggs", $"{yesterday},dinner,1 cup brown rice" }, meal = "breakfast" }, Ct);
        var j = await response.JsonAsync(HttpStatusCode.Created);
        Assert.True(j.GetProperty("logged").GetBoolean());
        Assert.Equal(2, j.GetProperty("entries").GetInt32());
        var lines = j.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([100.0, 202.0], lines.Select(l => l.GetProperty("grams").GetDouble()));
        Assert.Equal(["breakfast", "dinner"], lines.Select(l => l.GetProperty("meal").GetString()));
        var id = lines[1].GetProperty("id").GetInt64();
        var entry = await (await client.GetAsync(new Uri($"/api/diary/entries/{id}", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(yesterday, entry.GetProperty("date").GetString());
        Assert.Equal("20037", entry.GetProperty("food").GetString());
    }

    [Fact]
    public async Task Batch_ABadLine_Is400NamingTheLineAndWritesNothing()
    {
        using var client = await Accounts.NewUserAsync(factory);
        var response = await client.PostAsJsonAsync("/api/diary/entries:batch", new { lines = new[] { "2 eggs", "100 g épinards", "banana" } }, Ct);
        var j = await response.JsonAsync(HttpStatusCode.BadRequest);
        var errors = j.GetProperty("errors");
        Assert.Equal(["lines[1]", "lines[2]"], errors.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("line 2 ('100 g épinards'): no food named 'épinards'", errors.GetProperty("lines[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.False(j.GetProperty("logged").GetBoolean());
        Assert.Equal(3, j.GetProperty("lines").GetArrayLength());
        var listed = await (await client.GetAsync(new Uri("/api/diary/entries", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"lines":[]}""", "lines")]
    [InlineData("""{}""", "lines")]
    [InlineData("""{"lines":["2 eggs","a\nb"]}""", "lines[1]")]
    [InlineData("""{"lines":["2 eggs"],"meal":"brunch"}""", "meal")]
    [InlineData("""{"lines":["2 eggs"],"date":"1800-01-01"}""", "date")]
    public async Task Batch_BadRequests_Are400NamingTheField(string body, string field)
    {
        using var client = await Accounts.NewUserAsync(factory);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var j = await (await client.PostAsync(new Uri("/api/diary/entries:batch", UriKind.Relative), content, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(j.GetProperty("errors").TryGetProperty(field, out _), j.ToString());
    }

    [Fact]
    public async Task Batch_Anonymous_Is401()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/diary/entries:batch", new { lines = new[] { "2 eggs" } }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // 129 g (1 cup) of pumpkin seeds = 763.7 mg, above the RDA of the test profile: logged, with the warning.
    [Fact]
    public async Task Entry_AboveTheDaysRda_IsLoggedWithAWarning()
    {
        using var client = await Accounts.NewUserAsync(factory);
        var j = await (await client.PostAsJsonAsync("/api/diary/entries", new { kind = "food", food = "12014", portion = "1 cup", quantity = 1 }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("more than your RDA for the whole day", Assert.Single(j.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var plain = await (await client.PostAsJsonAsync("/api/diary/entries", new { kind = "food", food = "01123", grams = 50 }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, plain.GetProperty("warnings").GetArrayLength());
    }
}
