using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Magnesia.Web.Tests;

/// <summary>
/// Issue 20's findings, each as the request that showed it: one account must never break another's (imported ids,
/// sequences), sessions end with the account or its password, nulls and control characters are 400s naming the field,
/// concurrent edits never 500, idempotency keys survive edits, no cross-site API writes, and nobody learns who has an
/// account.
/// </summary>
public sealed class HardeningTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Document(string customFoods, string entries) => $$"""
        {"format":"magnesia-diary","version":1,"profile":{"sex":"female","ageYears":34,"ageRecordedOn":"2026-07-01","medications":[],"pregnancies":[],"lactations":[]},
         "customFoods":[{{customFoods}}],"recipes":[],"entries":[{{entries}}]}
        """;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnImportedMaximalId_IsRenumbered_AndEveryAccountKeepsWriting()
    {
        var a = await Accounts.NewUserAsync(factory);
        var b = await Accounts.NewUserAsync(factory);
        var doc = Document(
            """{"id":"c999999999","name":"Oat drink","magnesiumMgPer100g":12,"calciumMgPer100g":0,"potassiumMgPer100g":0,"energyKcalPer100g":40}""",
            """{"id":9223372036854775807,"date":"2026-07-01","kind":"food","food":"c999999999","grams":200}""");
        await (await a.PostAsync("/api/import", Json(doc), Ct)).JsonAsync(HttpStatusCode.OK);

        // Before: SQLITE_FULL for every account's next entry, and a next custom food c1000000000 nobody could log.
        var entry = await b.PostEntryAsync(new { kind = "food", ndb = "11457", grams = 30, date = "2026-07-02" });
        Assert.True(entry < 9_000_000_000_000_000_000);
        var own = await (await a.GetAsync("/api/foods/custom", Ct)).JsonAsync(HttpStatusCode.OK);
        var renumbered = own.GetProperty("customFoods")[0].GetProperty("id").GetString()!;
        Assert.NotEqual("c999999999", renumbered);
        var entries = await (await a.GetAsync("/api/diary/entries?from=2026-07-01&to=2026-07-01", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(renumbered, entries[0].GetProperty("food").GetString());
        Assert.NotEqual(9223372036854775807, entries[0].GetProperty("id").GetInt64());

        var created = await (await b.PostAsJsonAsync("/api/foods/custom", new { name = "Mineral water", magnesiumMg = 10 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        await b.PostEntryAsync(new { kind = "food", food = id, grams = 500, date = "2026-07-02" });
    }

    [Fact]
    public async Task TheOwnersExport_ImportsBackIntoTheSameStore()
    {
        var a = await Accounts.NewUserAsync(factory);
        var created = await (await a.PostAsJsonAsync("/api/foods/custom", new { name = "Bar", magnesiumMg = 50 }, Ct)).JsonAsync(HttpStatusCode.Created);
        await a.PostEntryAsync(new { kind = "food", food = created.GetProperty("id").GetString(), grams = 40, date = "2026-07-03" });
        var exported = await (await a.GetAsync("/api/export", Ct)).Content.ReadAsStringAsync(Ct);
        var again = await (await a.PostAsync("/api/import", Json(exported), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, again.GetProperty("entries").GetInt32());
        var day = await (await a.GetAsync("/api/diary/days/2026-07-03", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20, day.GetProperty("magnesiumFoodMg").GetDouble());
    }

    [Fact]
    public async Task ADiaryOf40000Entries_ImportsInOneRequest()
    {
        var a = await Accounts.NewUserAsync(factory);
        var entries = string.Join(',', Enumerable.Range(1, 40_000).Select(i =>
            $$"""{"id":{{i}},"date":"{{new DateOnly(2020, 1, 1).AddDays(i % 2000):yyyy-MM-dd}}","kind":"food","food":"11457","grams":30}"""));
        var result = await (await a.PostAsync("/api/import", Json(Document("", entries)), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(40_000, result.GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task AnImport_GetsTheApisRules()
    {
        var a = await Accounts.NewUserAsync(factory);
        string Born(string entry) => $$"""
            {"format":"magnesia-diary","version":1,"profile":{"sex":"female","birthDate":"1990-01-01"},"customFoods":[],"recipes":[],"entries":[{{entry}}]}
            """;
        foreach (var (doc, field) in new[]
        {
            (Born("""{"id":1,"date":"1989-12-31","kind":"food","food":"11457","grams":30}"""), "entries[0].date"),
            (Born($$"""{"id":1,"date":"2026-07-01","kind":"food","food":"11457","grams":30,"portion":"{{new string('x', 1_000_000)}}"}"""), "entries[0].portion"),
            (Born("""{"id":1,"date":"2026-07-01","kind":"food","food":"11457","grams":30,"portion":"g","quantity":1e308}"""), "entries[0].quantity"),
            (Born("""{"id":1,"date":"2026-07-01","kind":"supplement","form":"citrate","elementalMg":100,"compoundMg":1e308}"""), "entries[0].compoundMg"),
            (Born("""{"id":1,"date":"2026-07-01","kind":"symptom","sign":"fatigue","severity":2,"note":"\u001b[2J"}"""), "entries"),
            (Born("null"), "entries"),
        })
        {
            var problem = await (await a.PostAsync("/api/import", Json(doc), Ct)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.True((await (await a.GetAsync("/api/export", Ct)).JsonAsync(HttpStatusCode.OK)).GetProperty("profile").GetProperty("ageYears").GetInt32() == 34);
    }

    public static TheoryData<string, string, string, string> NullItems => new()
    {
        { "PUT", "/api/profile", """{"sex":"female","ageYears":30,"pregnancies":[null]}""", "pregnancies" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":30,"medications":[null]}""", "medications" },
        { "POST", "/api/recipes", """{"name":"Bowl","servings":1,"ingredients":[null]}""", "ingredients" },
        { "POST", "/api/plans/supplement", """{"medications":[null]}""", "medications" },
        { "POST", "/api/assessment", """{"situations":[null]}""", "situations" },
        { "POST", "/api/assessment", """{"conditions":[null]}""", "conditions" },
        { "POST", "/api/screening", """{"symptoms":[null]}""", "symptoms" },
        { "POST", "/api/metabolic", """{"lipidDrugs":[null]}""", "lipidDrugs" },
        { "POST", "/api/import", """{"format":"magnesia-diary","version":1,"customFoods":[null],"recipes":[],"entries":[]}""", "body" },
        { "POST", "/api/import", """{"format":"magnesia-diary","version":1,"customFoods":[],"recipes":[],"entries":[null]}""", "body" },
        { "POST", "/api/import", """{"format":"magnesia-diary","version":1,"profile":{"sex":"female","ageYears":3,"pregnancies":[null]},"customFoods":[],"recipes":[],"entries":[]}""", "body" },
        { "POST", "/api/foods/custom", "{\"name\":\"Oat \u202Eknird\",\"magnesiumMg\":10}", "name" },
        { "POST", "/api/foods/custom", "{\"name\":\"\u200B\u200B\",\"magnesiumMg\":10}", "name" },
        { "POST", "/api/diary/entries", "{\"kind\":\"symptom\",\"sign\":\"fatigue\",\"severity\":2,\"note\":\"\\u001b]0;pwned\\u0007\"}", "note" },
        { "POST", "/api/diary/entries", "{\"kind\":\"symptom\",\"sign\":\"fatigue\",\"severity\":2,\"note\":\"a\\u0000b\"}", "note" },
        { "POST", "/api/learn/dri/comments", "{\"text\":\"looks fine \u202Egnp.exe\"}", "text" },
        { "PUT", "/api/profile", """{"sex":"female","ageYears":30,"medications":["not-a-medicine"]}""", "medications" },
    };

    // Before: 500 (NullReferenceException) for every null row; control characters and bidi overrides were stored.
    [Theory]
    [MemberData(nameof(NullItems))]
    public async Task NullItemsAndControlCharacters_Are400NamingTheField(string method, string url, string body, string field)
    {
        var c = await Accounts.NewUserAsync(factory);
        var response = await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) }, Ct);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task DeletingTheAccount_EndsItsBearerTokenAndCookie()
    {
        var email = $"gone{Guid.NewGuid():N}@example.org";
        var c = await Accounts.NewUserAsync(factory, email: email);
        var browser = await SignedInBrowserAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/today", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await c.PostAsJsonAsync("/api/account/delete", new { password = Accounts.Password }, Ct)).StatusCode);
        // Before: 200, 201 and 201 with the deleted account's token, and /today still open to its cookie.
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.PutAsJsonAsync("/api/profile", new { sex = "female", ageYears = 30 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostAsJsonAsync("/api/diary/entries", new { kind = "food", ndb = "11457", grams = 30 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.PostAsJsonAsync("/api/learn/dri/comments", new { text = "nobody's comment" }, Ct)).StatusCode);
        var page = await browser.GetAsync("/today", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.ToString().Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePassword_EndsEveryOtherSession()
    {
        var email = $"pw{Guid.NewGuid():N}@example.org";
        var c = await Accounts.NewUserAsync(factory, email: email);
        var browser = await SignedInBrowserAsync(email);
        var other = factory.CreateClient();
        var login = await (await other.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.Password }, Ct)).JsonAsync(HttpStatusCode.OK);
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());

        var changed = await c.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = Accounts.Password, newPassword = "a-new-long-passphrase-7" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/profile", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/today", Ct)).StatusCode);
        // The new password signs in.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "a-new-long-passphrase-7" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ConcurrentEditsAndDeletes_NeverAnswer500()
    {
        var c = await Accounts.NewUserAsync(factory);
        var codes = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        for (var round = 0; round < 15; round++)
        {
            var id = await c.PostEntryAsync(new { kind = "food", ndb = "11457", grams = 30, date = "2026-07-04" });
            var body = new { kind = "food", ndb = "11457", grams = 60, date = "2026-07-04" };
            await Task.WhenAll(
                Send(() => c.PutAsJsonAsync($"/api/diary/entries/{id}", body, Ct)), Send(() => c.PutAsJsonAsync($"/api/diary/entries/{id}", body, Ct)),
                Send(() => c.PutAsJsonAsync($"/api/diary/entries/{id}", body, Ct)), Send(() => c.DeleteAsync($"/api/diary/entries/{id}", Ct)),
                Send(() => c.DeleteAsync($"/api/diary/entries/{id}", Ct)), Send(() => c.GetAsync($"/api/diary/entries/{id}", Ct)));
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Send(() => c.PutAsJsonAsync("/api/prices/12014", new { price = 2 + i, per = "kg" }, Ct))));
        Assert.DoesNotContain(codes, code => (int)code >= 500);
        Assert.Contains(HttpStatusCode.NotFound, codes);

        async Task Send(Func<Task<HttpResponseMessage>> request) => codes.Add((await request()).StatusCode);
    }

    [Fact]
    public async Task AnIdempotencyKey_SurvivesAnEditOfItsEntry()
    {
        var c = await Accounts.NewUserAsync(factory);
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/diary/entries")
        {
            Content = JsonContent.Create(new { kind = "food", ndb = "12014", grams = 30, date = "2026-07-06" }),
            Headers = { { "Idempotency-Key", "edit-then-retry" } },
        };
        var first = (await (await c.SendAsync(Post(), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await c.PutAsJsonAsync($"/api/diary/entries/{first}", new { kind = "food", ndb = "12014", grams = 45, date = "2026-07-06" }, Ct)).JsonAsync(HttpStatusCode.OK);
        // Before: 201 with a new id (the edit had cleared the key).
        var retry = (await (await c.SendAsync(Post(), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(first, retry);
        Assert.Equal(1, (await (await c.GetAsync("/api/diary/entries?from=2026-07-06&to=2026-07-06", Ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task ACrossSiteFormPost_WithTheSessionCookie_ChangesNothing()
    {
        var email = $"csrf{Guid.NewGuid():N}@example.org";
        var owner = await Accounts.NewUserAsync(factory, email: email);
        await owner.PostEntryAsync(new { kind = "food", ndb = "11457", grams = 30, date = "2026-07-07" });
        var browser = await SignedInBrowserAsync(email);

        // What a hostile page's <form enctype="text/plain"> makes the browser send: the cookie and a plain-text body.
        var doc = Document("", "");
        var plain = await browser.PostAsync("/api/import", new StringContent(doc, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        var form = await browser.PostAsync("/api/learn/comments/1/hide", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(1, (await (await owner.GetAsync("/api/diary/entries?from=2026-07-07&to=2026-07-07", Ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());

        // The same session with a JSON body (needs a CORS preflight, never granted) and a bearer client still write.
        Assert.Equal(HttpStatusCode.OK, (await browser.PutAsJsonAsync("/api/profile", new { sex = "female", ageYears = 35 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync("/api/import/cronometer", new StringContent("Day,Food Name,Amount\n", Encoding.UTF8, "text/csv"), Ct)).StatusCode);
    }

    [Fact]
    public async Task RegisterAndSignIn_AnswerTheSameForKnownAndUnknownAddresses()
    {
        var client = factory.CreateClient();
        var known = $"known{Guid.NewGuid():N}@example.org";
        var first = await client.PostAsJsonAsync("/api/auth/register", new { email = known, password = Accounts.Password }, Ct);
        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = known, password = "another-pass-phrase-5" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // before: 400 duplicateUserName
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
        // The taken address kept its first password.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = Accounts.Password }, Ct)).StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = "not-the-password-1" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{Guid.NewGuid():N}@example.org", password = "not-the-password-1" }, Ct);
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = "not-the-password-1" }, Ct);
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = Accounts.Password }, Ct);
        var bodies = new[] { wrong, unknown, locked }.Select(r => (r.StatusCode, Detail: JsonDocument.Parse(r.Content.ReadAsStringAsync(Ct).Result).RootElement.GetProperty("detail").GetString())).ToList();
        Assert.All(bodies, b => Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode));
        Assert.Single(bodies.Select(b => b.Detail).Distinct()); // before: "Failed" vs "LockedOut"
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("iloveyou2024!")]
    public async Task ACommonPassword_IsRefusedAtRegistration(string password)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = $"p{Guid.NewGuid():N}@example.org", password }, Ct);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("passwordTooCommon", out _), problem.GetRawText());
    }

    [Fact]
    public async Task AListedAdministrator_GetsTheRoleOnlyAfterConfirmingTheAddress()
    {
        using var own = new MagnesiaWebFactory();
        var author = await Accounts.NewUserAsync(own);
        var id = (await (await author.PostAsJsonAsync("/api/learn/dri/comments", new { text = "A fine page." }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        // Registering the listed address first gives nothing (before: the role at once).
        var squatter = await Accounts.NewUserAsync(own, email: MagnesiaWebFactory.AdministratorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await squatter.PostAsync($"/api/learn/comments/{id}/hide", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await squatter.PostAsJsonAsync("/api/account/administrator/confirm", new { code = "000000" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsync("/api/account/administrator/code", null, Ct)).StatusCode);

        // The operator reads the code in the server log and hands it over.
        Assert.Equal(HttpStatusCode.Accepted, (await squatter.PostAsync("/api/account/administrator/code", null, Ct)).StatusCode);
        await (await squatter.PostAsJsonAsync("/api/account/administrator/confirm", new { code = own.AdministratorCodes.Last() }, Ct)).JsonAsync(HttpStatusCode.OK);
        await squatter.SignInAgainAsync(MagnesiaWebFactory.AdministratorEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await squatter.PostAsync($"/api/learn/comments/{id}/hide", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Comments_ShowAChosenDisplayName_NeverTheAddress()
    {
        var email = $"admin{Guid.NewGuid():N}@anything.example";
        var c = factory.CreateClient();
        await c.PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password }, Ct);
        await c.SignInAgainAsync(email);
        var first = await (await c.PostAsJsonAsync("/api/learn/dri/comments", new { text = "Hello there." }, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(first.GetProperty("errors").TryGetProperty("displayName", out _));
        foreach (var bad in new[] { "admin", "Administrator", email, "x", "Ann\u202E" })
            Assert.Equal(HttpStatusCode.BadRequest, (await c.PutAsJsonAsync("/api/account/display-name", new { displayName = bad }, Ct)).StatusCode);
        var name = $"Ann {Guid.NewGuid().ToString("N")[..6]}";
        await (await c.PutAsJsonAsync("/api/account/display-name", new { displayName = name }, Ct)).JsonAsync(HttpStatusCode.OK);
        var posted = await (await c.PostAsJsonAsync("/api/learn/dri/comments", new { text = "Hello there." }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(name, posted.GetProperty("author").GetString());
        // Taken names stay with their owner.
        var other = await Accounts.NewUserAsync(factory);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PutAsJsonAsync("/api/account/display-name", new { displayName = name.ToUpperInvariant() }, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/today")]
    [InlineData("/account")]
    [InlineData("/trends")]
    [InlineData("/report")]
    [InlineData("/check")]
    [InlineData("/plan")]
    public async Task AProtectedPage_SendsAnAnonymousVisitorToSignIn_WithAReturnUrl(string page)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(page, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // before: a bare 401
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/login?ReturnUrl=" + Uri.EscapeDataString(page), location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/diary/entries", Ct)).StatusCode);
    }

    [Fact]
    public async Task ACronometerUploadOfBlankLines_IsRefusedByTheRowCap()
    {
        var c = await Accounts.NewUserAsync(factory);
        var body = "Day,Food Name,Amount\n" + new string('\n', 60_000);
        var problem = await (await c.PostAsync("/api/import/cronometer", new StringContent(body, Encoding.UTF8, "text/csv"), Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("more than 50000 rows", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACronometerNameOf300Characters_IsMatchedByItsFirstWords()
    {
        var c = await Accounts.NewUserAsync(factory);
        var name = "Spinach Raw " + string.Join(' ', Enumerable.Repeat("zzyzx", 52));
        var csv = $"Day,Food Name,Amount\n2026-07-08,{name[..300].TrimEnd()},30.00 g\n";
        var result = await (await c.PostAsync("/api/import/cronometer", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("imported").GetInt32());
        Assert.Contains("spinach", result.GetProperty("matched")[0].GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AFormFieldWithAControlCharacter_IsRefusedBeforeThePageReadsIt()
    {
        var c = await Accounts.NewUserAsync(factory);
        var response = await c.PostAsync("/learn/dri?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["Comment.Text"] = "hi \u001b[31mred" }), Ct);
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment.text", out _));
    }

    [Fact]
    public async Task TheAccountPage_SetsTheDisplayName_AndConfirmsAListedAdministrator()
    {
        using var own = new MagnesiaWebFactory();
        var email = MagnesiaWebFactory.AdministratorEmail;
        await own.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = Accounts.Password }, Ct);
        var browser = own.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Accounts.Password }, Ct)).StatusCode);
        async Task<HttpResponseMessage> PostFormAsync(string handler, Dictionary<string, string> fields)
        {
            var page = await browser.GetStringAsync("/account", Ct);
            var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            fields["__RequestVerificationToken"] = token;
            return await browser.PostAsync($"/account?handler={handler}", new FormUrlEncodedContent(fields), Ct);
        }

        Assert.Contains("Send a code to the server log", await browser.GetStringAsync("/account", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync("DisplayName", new() { ["DisplayName"] = "Site editor" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync("AdministratorCode", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync("AdministratorConfirm", new() { ["AdministratorCode"] = "000000" })).StatusCode); // wrong: the form again
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync("AdministratorConfirm", new() { ["AdministratorCode"] = own.AdministratorCodes.Last() })).StatusCode);
        var account = await (await browser.GetAsync("/api/account", Ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Site editor", account.GetProperty("displayName").GetString());
        Assert.True(account.GetProperty("administrator").GetBoolean());
    }

    // A browser's session: the cookie from /api/auth/login?useCookies=true, no bearer token, no redirects followed.
    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Accounts.Password }, Ct)).StatusCode);
        return browser;
    }
}
