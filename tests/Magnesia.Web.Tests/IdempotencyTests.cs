using System.Net;
using System.Net.Http.Json;

namespace Magnesia.Web.Tests;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/diary/entries</c>: a retry with the same key and body returns the first
/// response and writes nothing new; the same key with another body is 422; parallel retries write one entry.
/// </summary>
public sealed class IdempotencyTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private static HttpRequestMessage Post(string key, object body) => new(HttpMethod.Post, "/api/diary/entries")
    {
        Content = JsonContent.Create(body),
        Headers = { { "Idempotency-Key", key } },
    };

    private static async Task<int> CountAsync(HttpClient c) =>
        (await (await c.GetAsync("/api/diary/entries?from=2026-07-01&to=2026-07-31", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

    [Fact]
    public async Task ARetry_ReturnsTheFirstResponse_AndWritesNothingNew()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        var body = new { kind = "food", ndb = "12014", grams = 30, date = "2026-07-01" };
        var first = await (await c.SendAsync(Post("k-1", body), ct)).JsonAsync(HttpStatusCode.Created);
        var again = await c.SendAsync(Post("k-1", body), ct);
        var second = await again.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal($"/api/diary/entries/{first.GetProperty("id").GetInt64()}", again.Headers.Location?.ToString());
        Assert.Equal(1, await CountAsync(c));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Is422_AndWritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        await (await c.SendAsync(Post("k-2", new { kind = "food", ndb = "12014", grams = 30, date = "2026-07-01" }), ct)).JsonAsync(HttpStatusCode.Created);
        var other = await c.SendAsync(Post("k-2", new { kind = "food", ndb = "12014", grams = 31, date = "2026-07-01" }), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await CountAsync(c));
    }

    [Fact]
    public async Task KeysAreOwnedByTheirUser()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var body = new { kind = "symptom", sign = "fatigue", severity = 1, date = "2026-07-02" };
        var ida = (await (await a.SendAsync(Post("shared-key", body), ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var idb = (await (await b.SendAsync(Post("shared-key", body), ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.NotEqual(ida, idb);
    }

    [Fact]
    public async Task ParallelRetries_WriteOneEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        var body = new { kind = "supplement", form = "citrate", elementalMg = 100, date = "2026-07-03" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => c.SendAsync(Post("k-par", body), ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountAsync(c));
    }

    [Fact]
    public async Task AKeyThatIsNotVisibleAscii_Is400NamingTheHeader()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        var problem = await (await c.SendAsync(Post(new string('k', 101), new { kind = "food", ndb = "12014", grams = 30 }), ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(0, await CountAsync(c));
    }

    public static TheoryData<string, string, string, string> CreatingRoutes => new()
    {
        // route, body, another body, a list that holds what it created
        { "/api/labs", """{"kind":"serum-magnesium","value":0.8,"unit":"mmol/L","date":"2026-07-01"}""", """{"kind":"serum-magnesium","value":0.7,"unit":"mmol/L","date":"2026-07-01"}""", "/api/labs" },
        { "/api/products", """{"name":"Citrate 200","form":"citrate","elementalMgPerUnit":200,"units":60,"price":9.5}""", """{"name":"Citrate 100","form":"citrate","elementalMgPerUnit":100,"units":60,"price":9.5}""", "/api/products" },
        { "/api/foods/custom", """{"name":"Seed bar","magnesiumMg":120,"servingGrams":40}""", """{"name":"Seed bar","magnesiumMg":121,"servingGrams":40}""", "/api/foods/custom" },
        { "/api/recipes", """{"name":"Salad","servings":2,"ingredients":[{"food":"11457","grams":120}]}""", """{"name":"Salad","servings":3,"ingredients":[{"food":"11457","grams":120}]}""", "/api/foods/custom" },
    };

    [Theory]
    [MemberData(nameof(CreatingRoutes))]
    public async Task OtherCreatingRoutes_ReplayARetry_And422AnotherBody(string route, string body, string other, string list)
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        HttpRequestMessage Send(string json) => new(HttpMethod.Post, route)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "same-key" } },
        };
        var first = await (await c.SendAsync(Send(body), ct)).JsonAsync(HttpStatusCode.Created);
        var before = await c.GetStringAsync(list, ct);
        var retry = await (await c.SendAsync(Send(body), ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(first.GetRawText(), retry.GetRawText());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await c.SendAsync(Send(other), ct)).StatusCode);
        Assert.Equal(before, await c.GetStringAsync(list, ct));
    }
}
