using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magnesia.Web.Tests;

/// <summary>
/// Starred foods (issue 22): <c>/api/favourites</c>, their place in the export, and the door around them. SR28: egg
/// 01123 "1 large" = 50 g, 12 mg/100 g; brown rice cooked 20037 "1 cup" = 202 g, 39 mg/100 g.
/// </summary>
public sealed class FavouritesTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Star_ListsTheFoodInItsAmount_NewestFirst_AndStarringAgainReplacesTheAmount()
    {
        using var client = await Accounts.NewUserAsync(factory);
        var egg = await (await client.PutAsJsonAsync("/api/favourites/01123", new { portion = "1 large", quantity = 2 }, Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(100, egg.GetProperty("grams").GetDouble());
        Assert.Equal(12, egg.GetProperty("magnesiumMg").GetDouble());
        await (await client.PutAsJsonAsync("/api/favourites/20037", new { portion = "1 cup" }, Ct)).JsonAsync(HttpStatusCode.OK);
        var list = await (await client.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["20037", "01123"], list.EnumerateArray().Select(f => f.GetProperty("foodId").GetString()));
        Assert.Equal(202, list[0].GetProperty("grams").GetDouble());

        await (await client.PutAsJsonAsync("/api/favourites/01123", new { grams = 60 }, Ct)).JsonAsync(HttpStatusCode.OK);
        list = await (await client.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("01123", list[0].GetProperty("foodId").GetString());
        Assert.Equal(("g", 60.0, 60.0), (list[0].GetProperty("portion").GetString(), list[0].GetProperty("quantity").GetDouble(), list[0].GetProperty("grams").GetDouble()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/api/favourites/01123", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri("/api/favourites/01123", UriKind.Relative), Ct)).StatusCode);
        list = await (await client.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["20037"], list.EnumerateArray().Select(f => f.GetProperty("foodId").GetString()));
    }

    [Theory]
    [InlineData("99999", """{"grams":50}""", "foodId")]
    [InlineData("c1", """{"grams":50}""", "foodId")]
    [InlineData("01123", """{}""", "portion")]
    [InlineData("01123", """{"portion":"1 large","grams":50}""", "portion")]
    [InlineData("01123", """{"portion":"1 bucket"}""", "portion")]
    [InlineData("01123", """{"portion":"1 large","quantity":0}""", "quantity")]
    [InlineData("01123", """{"grams":-5}""", "grams")]
    public async Task Star_BadInput_Is400NamingTheField_AndStarsNothing(string food, string body, string field)
    {
        using var client = await Accounts.NewUserAsync(factory);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var j = await (await client.PutAsync(new Uri($"/api/favourites/{food}", UriKind.Relative), content, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(j.GetProperty("errors").TryGetProperty(field, out _), j.ToString());
        var list = await (await client.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Favourites_AreEachAccountsOwn_AndNeedSigningIn()
    {
        using var a = await Accounts.NewUserAsync(factory);
        using var b = await Accounts.NewUserAsync(factory);
        var custom = await (await a.PostAsJsonAsync("/api/foods/custom", new { name = "Gran's muesli", magnesiumMg = 72, servingGrams = 60 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = custom.GetProperty("id").GetString()!;
        await (await a.PutAsJsonAsync($"/api/favourites/{id}", new { portion = "serving" }, Ct)).JsonAsync(HttpStatusCode.OK);
        // Another account can neither star a's custom food nor see or remove a's favourites.
        await (await b.PutAsJsonAsync($"/api/favourites/{id}", new { portion = "serving" }, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await (await b.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync(new Uri($"/api/favourites/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(1, (await (await a.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Export_HoldsTheFavourites_AndImportPutsThemBack_WithACustomFoodsNewId()
    {
        using var a = await Accounts.NewUserAsync(factory);
        var custom = await (await a.PostAsJsonAsync("/api/foods/custom", new { name = "Gran's muesli", magnesiumMg = 72, servingGrams = 60 }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await a.PutAsJsonAsync($"/api/favourites/{custom.GetProperty("id").GetString()}", new { portion = "serving" }, Ct)).JsonAsync(HttpStatusCode.OK);
        await (await a.PutAsJsonAsync("/api/favourites/01123", new { portion = "1 large", quantity = 2 }, Ct)).JsonAsync(HttpStatusCode.OK);
        var doc = (await (await a.GetAsync(new Uri("/api/export", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK)).GetRawText();
        Assert.Equal(2, JsonDocument.Parse(doc).RootElement.GetProperty("favourites").GetArrayLength());

        using var b = await Accounts.NewUserAsync(factory);
        await (await b.PostAsJsonAsync("/api/foods/custom", new { name = "first of b's", magnesiumMg = 1 }, Ct)).JsonAsync(HttpStatusCode.Created);
        using var content = new StringContent(doc, System.Text.Encoding.UTF8, "application/json");
        await (await b.PostAsync(new Uri("/api/import", UriKind.Relative), content, Ct)).JsonAsync(HttpStatusCode.OK);
        var list = await (await b.GetAsync(new Uri("/api/favourites", UriKind.Relative), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Egg, whole, raw, fresh", "Gran's muesli"], list.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(60, list[1].GetProperty("grams").GetDouble());
    }
}
