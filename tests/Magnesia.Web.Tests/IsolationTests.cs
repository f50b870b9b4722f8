using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Magnesia.Web.Tests;

/// <summary>
/// Per-user isolation: for every route that takes an id, user B gets 404 for user A's data and cannot change it; lists
/// show only one's own rows; anonymous calls to user routes get 401.
/// </summary>
public sealed class IsolationTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    // Every route behind sign-in with an {id} parameter; the tests below probe each with another user's id.
    private static readonly string[] IdRoutes =
    [
        "GET /api/diary/entries/{id:long}", "PUT /api/diary/entries/{id:long}", "DELETE /api/diary/entries/{id:long}",
        "DELETE /api/labs/{id:long}", "DELETE /api/learn/comments/{id:long}",
        "POST /api/learn/comments/{id:long}/hide", "POST /api/learn/comments/{id:long}/show", "GET /api/recipes/{id}",
    ];

    [Fact]
    public void EveryRouteTakingAnId_IsCoveredByThisSuite()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{id", StringComparison.Ordinal) == true && e.RoutePattern.RawText.StartsWith("/api", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null) // user data, not reference rows
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(IdRoutes.Order(StringComparer.Ordinal), routes);
    }

    [Fact]
    public async Task AnotherUsersEntry_Is404ForReadEditAndDelete_AndStaysUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var id = await a.PostEntryAsync(new { kind = "food", ndb = "11457", grams = 100, date = "2026-07-01" });

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/diary/entries/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PutAsJsonAsync($"/api/diary/entries/{id}", new { kind = "food", ndb = "11457", grams = 1 }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/diary/entries/{id}", ct)).StatusCode);

        var mine = await (await a.GetAsync($"/api/diary/entries/{id}", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(100, mine.GetProperty("grams").GetDouble());
        Assert.Equal(79, mine.GetProperty("magnesiumMg").GetDouble()); // SR28 11457 spinach, raw: 79 mg/100 g
        var theirs = await (await b.GetAsync("/api/diary/entries?from=2026-06-01&to=2026-07-31", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, theirs.GetArrayLength());
        var day = await (await b.GetAsync("/api/diary/days/2026-07-01", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, day.GetProperty("magnesiumTotalMg").GetDouble());
    }

    [Fact]
    public async Task AnotherUsersLab_Is404ToDelete_AndStaysInTheirHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var lab = await (await a.PostAsJsonAsync("/api/labs", new { kind = "serum-magnesium", value = 0.7, unit = "mmol/L", date = "2026-07-01" }, ct)).JsonAsync(HttpStatusCode.Created);
        var id = lab.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/labs/{id}", ct)).StatusCode);
        Assert.Equal(0, (await (await b.GetAsync("/api/labs", ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(1, (await (await a.GetAsync("/api/labs", ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task AnotherUsersComment_CannotBeDeletedOrHidden_ByAReader()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var posted = await (await a.PostAsJsonAsync("/api/learn/forms/comments", new { text = "Citrate suits me better than oxide." }, ct)).JsonAsync(HttpStatusCode.Created);
        var id = posted.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/learn/comments/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsync($"/api/learn/comments/{id}/hide", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.PostAsync($"/api/learn/comments/{id}/show", null, ct)).StatusCode);
        var list = await (await b.GetAsync("/api/learn/forms/comments", ct)).JsonAsync(HttpStatusCode.OK);
        var comment = list.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id);
        Assert.False(comment.GetProperty("mine").GetBoolean());
        Assert.False(comment.GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task AnAdministrator_HidesAnyComment_AndReadersNoLongerSeeIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var admin = await Accounts.NewAdministratorAsync(factory);
        var id = (await (await a.PostAsJsonAsync("/api/learn/signs/comments", new { text = "Buy my miracle salts at …" }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/learn/comments/{id}/hide", null, ct)).StatusCode);
        var anonymous = factory.CreateClient();
        var seen = await (await anonymous.GetAsync("/api/learn/signs/comments", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(seen.EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        var adminView = await (await admin.GetAsync("/api/learn/signs/comments", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.True(adminView.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id).GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task OnesOwnComment_CanBeDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var id = (await (await a.PostAsJsonAsync("/api/learn/dri/comments", new { text = "Thanks for the men's rows." }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/learn/comments/{id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync($"/api/learn/comments/{id}", ct)).StatusCode);
    }

    [Fact]
    public async Task ProductsPricesProfileAndExport_AreOnlyOnesOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory, withProfile: false);
        await (await a.PostAsJsonAsync("/api/products", new { name = "Citrate 200", form = "citrate", elementalMgPerUnit = 200, units = 60, price = 9.5 }, ct)).JsonAsync(HttpStatusCode.Created);
        await (await a.PutAsJsonAsync("/api/prices/12014", new { price = 1.2, per = "100g" }, ct)).JsonAsync(HttpStatusCode.OK);
        await a.PostEntryAsync(new { kind = "symptom", sign = "muscle-cramps", severity = 2, date = "2026-07-02" });

        Assert.Equal(0, (await (await b.GetAsync("/api/products", ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await (await b.GetAsync("/api/prices", ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync("/api/profile", ct)).StatusCode);
        var export = await (await b.GetAsync("/api/export", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, export.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task AnotherUsersRecipeAndCustomFood_AreNotFoundAndCannotBeLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var custom = (await (await a.PostAsJsonAsync("/api/foods/custom", new { name = "Grandma's seed bar", magnesiumMg = 120, servingGrams = 40 }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var recipe = (await (await a.PostAsJsonAsync("/api/recipes", new { name = "Spinach salad", servings = 2, ingredients = new object[] { new { food = "11457", grams = 120 }, new { food = custom, grams = 40 } } }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/recipes/{recipe}", ct)).StatusCode);
        var refused = await (await b.PostAsJsonAsync("/api/diary/entries", new { kind = "food", food = custom, grams = 40, date = "2026-07-01" }, ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("food", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await b.PostAsJsonAsync("/api/diary/entries", new { kind = "food", food = recipe, grams = 100, date = "2026-07-01" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await b.PostAsJsonAsync("/api/recipes", new { name = "Theft", servings = 1, ingredients = new object[] { new { food = custom, grams = 40 } } }, ct)).StatusCode);
        var own = await (await b.GetAsync("/api/foods/custom", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, own.GetProperty("customFoods").GetArrayLength());

        // A's recipe: 120 g spinach (79 mg/100 g) + 40 g of the bar (120 mg per 40 g) = 214.8 mg over 2 servings.
        var mine = await (await a.GetAsync($"/api/recipes/{recipe}", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(107.4, mine.GetProperty("perServing").GetProperty("magnesiumMg").GetDouble(), 6);
    }

    public static TheoryData<string, string> UserRoutes => new()
    {
        { "GET", "/api/profile" }, { "PUT", "/api/profile" }, { "POST", "/api/diary/entries" }, { "GET", "/api/diary/entries" },
        { "GET", "/api/diary/entries/1" }, { "PUT", "/api/diary/entries/1" }, { "DELETE", "/api/diary/entries/1" }, { "GET", "/api/diary/days/2026-07-01" },
        { "GET", "/api/reports?from=2026-07-01&to=2026-07-02" }, { "GET", "/api/reports/pdf" }, { "GET", "/api/reports/chart.svg" },
        { "GET", "/api/labs" }, { "POST", "/api/labs" }, { "DELETE", "/api/labs/1" }, { "POST", "/api/assessment" }, { "GET", "/api/evidence" },
        { "POST", "/api/plans/foods" }, { "POST", "/api/plans/supplement" }, { "GET", "/api/products" }, { "POST", "/api/products" },
        { "GET", "/api/products/compare" }, { "GET", "/api/prices" }, { "PUT", "/api/prices/12014" }, { "GET", "/api/export" }, { "POST", "/api/import" },
        { "POST", "/api/import/cronometer" }, { "POST", "/api/account/delete" }, { "POST", "/api/learn/dri/comments" }, { "DELETE", "/api/learn/comments/1" },
        { "POST", "/api/learn/comments/1/hide" }, { "GET", "/api/foods/custom" }, { "POST", "/api/foods/custom" }, { "POST", "/api/recipes" },
        { "GET", "/api/recipes/r1" },
    };

    [Theory]
    [MemberData(nameof(UserRoutes))]
    public async Task Anonymous_Gets401(string method, string url)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = JsonContent.Create(new { });
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DeletingAnAccount_RemovesItsDataAndComments_AndTheTokenNoLongerWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await Accounts.NewUserAsync(factory);
        await a.PostEntryAsync(new { kind = "food", ndb = "12014", grams = 30, date = "2026-07-03" });
        var comment = (await (await a.PostAsJsonAsync("/api/learn/foods/comments", new { text = "Pumpkin seeds!" }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await a.PostAsJsonAsync("/api/account/delete", new { password = "wrong-password-1" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.PostAsJsonAsync("/api/account/delete", new { password = Accounts.Password }, ct)).StatusCode);

        var anonymous = factory.CreateClient();
        var comments = await (await anonymous.GetAsync("/api/learn/foods/comments", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(comments.EnumerateArray(), c => c.GetProperty("id").GetInt64() == comment);
        // The bearer token outlives the account only as far as its signature; the user it names is gone, so nothing is found.
        var export = await a.GetAsync("/api/export", ct);
        if (export.StatusCode == HttpStatusCode.OK)
            Assert.Equal(0, (await export.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("entries").GetArrayLength());
        else
            Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }
}
