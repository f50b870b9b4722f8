using System.Net;
using System.Net.Http.Json;
using System.Text;
using UglyToad.PdfPig;

namespace Magnesia.Web.Tests;

/// <summary>Reports (JSON, CSV, PDF, chart), Cronometer import and stored-XSS escaping of user text on the pages.</summary>
public sealed class ReportsAndImportsTests(MagnesiaWebFactory factory) : IClassFixture<MagnesiaWebFactory>
{
    // SR28 11457 spinach, raw: 79 mg/100 g; "1 cup" = 30 g → 23.7 mg. SR28 12014 pumpkin seed kernels: 592 mg/100 g.
    [Fact]
    public async Task DayAndReport_AddUpTheEntries()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        await c.PostEntryAsync(new { kind = "food", ndb = "11457", portion = "1 cup", quantity = 2, date = "2026-07-01" });
        await c.PostEntryAsync(new { kind = "food", ndb = "12014", grams = 50, date = "2026-07-01" });
        await c.PostEntryAsync(new { kind = "supplement", form = "citrate", elementalMg = 100, date = "2026-07-02" });

        var day = await (await c.GetAsync("/api/diary/days/2026-07-01", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(47.4 + 296, day.GetProperty("magnesiumTotalMg").GetDouble(), 6);
        Assert.Equal(2, day.GetProperty("entries").GetArrayLength());

        var report = await (await c.GetAsync("/api/reports?from=2026-07-01&to=2026-07-03", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, report.GetProperty("days").GetInt32());
        Assert.Equal(2, report.GetProperty("daysLogged").GetInt32());
        Assert.Equal((343.4 + 100) / 2, report.GetProperty("means").GetProperty("magnesiumTotalMg").GetDouble(), 3);

        var csv = await c.GetAsync("/api/reports?from=2026-07-01&to=2026-07-03&format=csv", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2026-07-01,\"Females 31–50 y\",true,343.4,0,343.4,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_HasThePeriodTheTotalsAndTheChart()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        await c.PostEntryAsync(new { kind = "food", ndb = "12014", grams = 50, date = "2026-07-01" });
        var response = await c.GetAsync("/api/reports/pdf?from=2026-07-01&to=2026-07-07", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("2026-07-01 to 2026-07-07", text, StringComparison.Ordinal);
        Assert.Contains("296", text, StringComparison.Ordinal); // 50 g pumpkin seeds × 5.92 mg/g
        Assert.Contains("Females 31–50 y", text, StringComparison.Ordinal);
        Assert.NotEmpty(pdf.GetPage(1).GetImages());
    }

    [Fact]
    public async Task Chart_IsAnSvgWithTheEarRdaBand()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        await c.PostEntryAsync(new { kind = "food", ndb = "12014", grams = 50, date = "2026-07-01" });
        await c.PostEntryAsync(new { kind = "symptom", sign = "muscle-cramps", severity = 3, date = "2026-07-02" });
        var response = await c.GetAsync("/api/reports/chart.svg?from=2026-07-01&to=2026-07-07", ct);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync(ct);
        Assert.Contains("<svg", svg[..200], StringComparison.Ordinal);
        Assert.Contains("EAR–RDA 265–320 mg", svg, StringComparison.Ordinal); // women 31–50 y: EAR 265, RDA 320 (IOM 1997)
        Assert.Contains("symptom noted", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cronometer_LogsWhatItMatches_AndListsTheRest()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        const string csv = "Day,Group,Food Name,Amount,Energy (kcal),Magnesium (mg)\r\n" +
            "2026-07-05,Breakfast,\"Spinach, Raw\",1.00 cup,6.9,23.7\r\n" +
            "2026-07-05,Snacks,\"Pumpkin Seeds, Hulled\",30.00 g,170,177\r\n" +
            "2026-07-05,Dinner,Zzyzx Qwerty Blorp,1.00 serving,100,10\r\n" +
            // Found only by shared letters (the search's nearest to "épinards" is Lard): listed with its line, never logged.
            "2026-07-05,Dinner,Épinards,100.00 g,100,10\r\n" +
            // A zero amount records nothing eaten: skipped and said so (it was once logged as 1 g).
            "2026-07-05,Lunch,\"Spinach, Raw\",0.00 g,0,0\r\n";
        var result = await (await c.PostAsync("/api/import/cronometer", new StringContent(csv, Encoding.UTF8, "text/csv"), ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, result.GetProperty("rows").GetInt32());
        Assert.Equal(2, result.GetProperty("imported").GetInt32());
        var skipped = Assert.Single(result.GetProperty("skipped").EnumerateArray());
        Assert.Equal(6, skipped.GetProperty("line").GetInt32());
        Assert.Equal("a zero amount: nothing eaten, skipped", skipped.GetProperty("reason").GetString());
        var unmatched = result.GetProperty("unmatched").EnumerateArray().ToList();
        Assert.Equal([4, 5], unmatched.Select(u => u.GetProperty("line").GetInt32()));
        Assert.Contains("nearest by spelling only", unmatched[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var matched = result.GetProperty("matched").EnumerateArray().ToList();
        Assert.Equal("11457", matched[0].GetProperty("ndb").GetString());
        Assert.Equal(30, matched[0].GetProperty("grams").GetDouble());
        Assert.Equal(30, matched[1].GetProperty("grams").GetDouble());

        var day = await (await c.GetAsync("/api/diary/days/2026-07-05", ct)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, day.GetProperty("entries").GetArrayLength());
        Assert.Equal("breakfast", day.GetProperty("entries")[0].GetProperty("meal").GetString());
    }

    [Fact]
    public async Task Cronometer_ABadDate_WritesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        const string csv = "Day,Food Name,Amount\n2026-07-05,\"Spinach, Raw\",1.00 cup\n07/06/2026,Banana,1 medium\n";
        var problem = await (await c.PostAsync("/api/import/cronometer", new StringContent(csv, Encoding.UTF8, "text/csv"), ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("line 3: field 'Day'", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await c.GetAsync("/api/diary/entries?from=2026-07-01&to=2026-07-31", ct)).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Comments_AreEscapedOnThePage()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        await (await c.PostAsJsonAsync("/api/learn/evidence/comments", new { text = Script + " <img src=x onerror=alert(1)>" }, ct)).JsonAsync(HttpStatusCode.Created);
        var html = await factory.CreateClient().GetStringAsync("/learn/evidence", ct);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotesAndCustomFoodNames_AreEscapedOnTheTodayPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await Accounts.NewUserAsync(factory);
        // A custom food arrives through the diary document (the CLI's foods add → export); its ids (c1, entry 1) are
        // already taken by other accounts in this shared store, so the import renumbers them.
        var document = $$"""
            {"format":"magnesia-diary","version":1,"profile":{"sex":"female","birthDate":null,"ageYears":34,"ageRecordedOn":"2026-07-01","weightKg":null,"medications":[],"pregnancies":[],"lactations":[]},
             "customFoods":[{"id":"c1","name":"{{Script}}","magnesiumMgPer100g":100,"calciumMgPer100g":0,"potassiumMgPer100g":0,"energyKcalPer100g":0,"servingGrams":null}],
             "recipes":[],"entries":[{"id":1,"date":"2026-07-01","kind":"food","meal":null,"food":"c1","grams":50,"portion":"g","quantity":50,"form":null,"elementalMg":null,"compoundMg":null,"calciumMg":null,"sign":null,"severity":null,"note":null}]}
            """;
        await (await c.PostAsync("/api/import", new StringContent(document, Encoding.UTF8, "application/json"), ct)).JsonAsync(HttpStatusCode.OK);
        await c.PostEntryAsync(new { kind = "symptom", sign = "fatigue", severity = 2, note = Script, date = "2026-07-01" });

        // The pages accept the API's bearer token too (Identity's combined scheme), so the same account reads its page.
        var html = await c.GetStringAsync("/today?date=2026-07-01", ct);
        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        // The food's name (in the table and a button's label) and the note, each escaped.
        Assert.True(CountOf(html, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;") >= 2);
        Assert.Contains("Fatigue, severity 2 — &lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += part.Length;
        }

        return count;
    }
}
