using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Magnesia.Web.Tests;

/// <summary>
/// Bad input over the API: each case is a 400 ValidationProblem whose errors name the field, and nothing is written
/// (the user's export is byte-for-byte the same afterwards).
/// </summary>
public sealed class BadInputTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // method, url, JSON body, the field the problem must name
        { "POST", "/api/diary/entries", """{"kind":"meal","ndb":"11457","grams":100}""", "kind" },
        { "POST", "/api/diary/entries", """{"ndb":"11457","grams":100}""", "kind" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":-3}""", "grams" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":5001}""", "grams" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":"lots"}""", "grams" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"abc","grams":100}""", "ndb" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"99999","grams":100}""", "ndb" },
        { "POST", "/api/diary/entries", """{"kind":"food","food":"c999","grams":100}""", "food" },
        { "POST", "/api/diary/entries", """{"kind":"food","food":"x1","grams":100}""", "food" },
        { "POST", "/api/diary/entries", """{"kind":"food","grams":100}""", "ndb" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457"}""", "grams" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":10,"portion":"1 cup"}""", "grams" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","portion":"1 bucket"}""", "portion" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","portion":"1 cup","quantity":0}""", "quantity" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","portion":"1 cup","quantity":400}""", "portion" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":100,"quantity":2}""", "quantity" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":100,"meal":"brunch"}""", "meal" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":100,"date":"2026-13-01"}""", "date" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":100,"date":"1850-01-01"}""", "date" },
        { "POST", "/api/diary/entries", """{"kind":"food","ndb":"11457","grams":100,"date":"2099-01-01"}""", "date" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"unobtainium","elementalMg":100}""", "form" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"citrate"}""", "elementalMg" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"citrate","elementalMg":100,"compoundMg":500}""", "elementalMg" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"citrate","elementalMg":-1}""", "elementalMg" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"citrate","elementalMg":100000}""", "elementalMg" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"oxide","compoundMg":200000}""", "compoundMg" },
        { "POST", "/api/diary/entries", """{"kind":"supplement","form":"citrate","elementalMg":100,"calciumMg":-5}""", "calciumMg" },
        { "POST", "/api/diary/entries", """{"kind":"symptom","sign":"hiccups","severity":2}""", "sign" },
        { "POST", "/api/diary/entries", """{"kind":"symptom","sign":"muscle-cramps"}""", "severity" },
        { "POST", "/api/diary/entries", """{"kind":"symptom","sign":"muscle-cramps","severity":9}""", "severity" },
        { "POST", "/api/diary/entries", """{"kind":"symptom","sign":"muscle-cramps","severity":2,"note":"NOTE"}""", "note" },
        { "POST", "/api/diary/entries", """not json""", "body" },
        { "PUT", "/api/profile", """{"ageYears":34}""", "sex" },
        { "PUT", "/api/profile", """{"sex":"other","ageYears":34}""", "sex" },
        { "PUT", "/api/profile", """{"sex":"female"}""", "birthDate" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":200}""", "ageYears" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":34,"birthDate":"1990-01-01"}""", "birthDate" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":34,"weightKg":0}""", "weightKg" },
        { "PUT", "/api/profile", """{"sex":"male","ageYears":34,"pregnancies":[{"from":"2026-01-01","to":"2026-06-01"}]}""", "pregnancies" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":34,"pregnancies":[{"from":"2026-06-01","to":"2026-01-01"}]}""", "pregnancies" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":34,"lactations":[{"from":"2026-06-01"}]}""", "lactations" },
        { "POST", "/api/labs", """{"kind":"cholesterol-ldl","value":3,"unit":"mmol/L"}""", "kind" },
        { "POST", "/api/labs", """{"kind":"serum-magnesium","value":0.8}""", "unit" },
        { "POST", "/api/labs", """{"kind":"serum-magnesium","value":0.8,"unit":"furlongs"}""", "unit" },
        { "POST", "/api/labs", """{"kind":"serum-magnesium","value":80,"unit":"mmol/L"}""", "value" },
        { "POST", "/api/labs", """{"kind":"serum-magnesium","value":0.8,"unit":"mmol/L","date":"2099-01-01"}""", "date" },
        { "POST", "/api/products", """{"form":"citrate","elementalMgPerUnit":200,"units":60,"price":9}""", "name" },
        { "POST", "/api/products", """{"name":"X","form":"citrate","elementalMgPerUnit":0,"units":60,"price":9}""", "elementalMgPerUnit" },
        { "POST", "/api/products", """{"name":"X","form":"citrate","elementalMgPerUnit":200,"units":0,"price":9}""", "units" },
        { "POST", "/api/products", """{"name":"X","form":"salt","elementalMgPerUnit":200,"units":60,"price":9}""", "form" },
        { "PUT", "/api/prices/abc", """{"price":1,"per":"100g"}""", "foodId" },
        { "PUT", "/api/prices/12014", """{"price":1,"per":"cup"}""", "per" },
        { "PUT", "/api/prices/12014", """{"price":-1,"per":"kg"}""", "price" },
        { "POST", "/api/plans/foods", """{"mode":"shuffle"}""", "mode" },
        { "POST", "/api/plans/foods", """{"maxFoods":50}""", "maxFoods" },
        { "POST", "/api/plans/foods", """{"excludeGroups":["9999"]}""", "excludeGroups" },
        { "POST", "/api/plans/foods", """{"from":"2026-07-10","to":"2026-07-01"}""", "to" },
        { "POST", "/api/plans/foods", """{"objective":"cost","intakeMg":200}""", "objective" },
        { "POST", "/api/plans/foods", """{"from":"2026-01-01","to":"2026-01-30"}""", "intakeMg" },
        { "POST", "/api/plans/supplement", """{"form":"citrate","product":"p1"}""", "product" },
        { "POST", "/api/plans/supplement", """{"product":"p999","intakeMg":100}""", "product" },
        { "POST", "/api/plans/supplement", """{"medications":[{"id":"aspirin","time":"08:00"}]}""", "medications" },
        { "POST", "/api/plans/supplement", """{"medications":[{"id":"levothyroxine","time":"25:00"}]}""", "medications" },
        { "POST", "/api/screening", """{"symptoms":["itchy-ears"]}""", "symptoms" },
        { "POST", "/api/metabolic", """{"glucose":95}""", "glucoseUnit" },
        { "POST", "/api/metabolic", """{"glucose":95,"glucoseUnit":"mg/dL","systolic":120,"diastolic":130}""", "diastolic" },
        { "POST", "/api/metabolic", """{}""", "glucose" },
        { "POST", "/api/egfr", """{"creatinine":1,"creatinineUnit":"g/L","age":50,"sex":"female"}""", "creatinineUnit" },
        { "POST", "/api/egfr", """{"creatinine":1,"creatinineUnit":"mg/dL","age":10,"sex":"female"}""", "age" },
        { "POST", "/api/mds", """{"diuretic":true,"ppi":false,"heavyAlcohol":false}""", "egfr" },
        { "POST", "/api/assessment", """{"situations":["space-travel"]}""", "situations" },
        { "POST", "/api/learn/dri/comments", """{"text":"x"}""", "text" },
        { "POST", "/api/learn/dri/comments", """{"text":"LONG"}""", "text" },
        { "POST", "/api/import", """{"format":"something-else","version":1}""", "body" },
        { "POST", "/api/import/cronometer", """Day,Food Name\n2026-07-01,Spinach""", "body" },
        { "GET", "/api/reports?from=2026-07-10&to=2026-07-01", "", "to" },
        { "GET", "/api/reports?from=2026-07-01&to=2026-07-02&format=xml", "", "format" },
        { "GET", "/api/diary/days/yesterday", "", "date" },
        { "GET", "/api/serum?value=0.8&unit=g", "", "unit" },
        { "POST", "/api/foods/custom", """{"magnesiumMg":100}""", "name" },
        { "POST", "/api/foods/custom", """{"name":"Bar","magnesiumMg":100001}""", "magnesiumMg" },
        { "POST", "/api/foods/custom", """{"name":"Bar","magnesiumMg":10,"servingGrams":0}""", "servingGrams" },
        { "POST", "/api/recipes", """{"name":"Salad","servings":2,"ingredients":[]}""", "ingredients" },
        { "POST", "/api/recipes", """{"name":"Salad","servings":2,"ingredients":[{"food":"99999","grams":10}]}""", "ingredients[0].food" },
        { "POST", "/api/recipes", """{"name":"Salad","servings":0,"ingredients":[{"food":"11457","grams":10}]}""", "servings" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_Is400NamingTheField_AndWritesNothing(string method, string url, string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await Accounts.NewUserAsync(factory);
        await client.PostEntryAsync(new { kind = "food", ndb = "11457", grams = 50, date = "2026-07-01" });
        var before = await client.GetStringAsync("/api/export", ct);

        body = body.Replace("NOTE", new string('n', 1001), StringComparison.Ordinal).Replace("LONG", new string('x', 2001), StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
            request.Content = new StringContent(body, Encoding.UTF8, url.Contains("cronometer", StringComparison.Ordinal) ? "text/csv" : "application/json");
        var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {text}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await client.GetStringAsync("/api/export", ct));
    }
}
