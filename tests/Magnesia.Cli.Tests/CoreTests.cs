using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Magnesia.Cli.Tests;

/// <summary>Logging by name: words log the best search hit and say which food was chosen.</summary>
public sealed class LogByNameTests
{
    // SR28 12014 pumpkin and squash seed kernels, dried: 592 mg/100 g; 1 oz = 28.349523125 g → 167.829 mg.
    [Fact]
    public async Task LogFood_ByName_LogsTheBestHitAndNamesIt()
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliRunner.RunAsync("log", "food", "pumpkin", "seeds", "--oz", "1", "--json", "--db", db);
        Assert.True(r.Exit == 0, r.Err);
        var j = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("12014", j.GetProperty("food").GetString());
        Assert.Equal(167.829, j.GetProperty("magnesiumMg").GetDouble(), 3);
        var matched = j.GetProperty("matched");
        Assert.Equal("12014", matched.GetProperty("ndb").GetString());
        Assert.Equal("Seeds, pumpkin and squash seed kernels, dried", matched.GetProperty("name").GetString());
        Assert.Equal("pumpkin seeds", matched.GetProperty("query").GetString());
    }

    [Fact]
    public async Task LogFood_ByName_HumanOutputNamesTheFoodChosen()
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliRunner.RunAsync("log", "food", "spinch", "raw", "--grams", "100", "--db", db);
        Assert.Equal(0, r.Exit);
        Assert.Equal("1", r.Out.Trim());
        Assert.Contains("Spinach, raw (NDB 11457, best match for 'spinch raw';", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogFood_ByNdb_MeansExactlyThatFoodAndHasNoMatch()
    {
        var db = await Diary.WithProfileAsync();
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "log", "food", "9040", "--grams", "100", "--json")).RootElement;
        Assert.Equal("09040", j.GetProperty("food").GetString());
        Assert.False(j.TryGetProperty("matched", out _));
    }

    // 30 g of 12014 (592 mg/100 g) = 177.6 mg; 120 g of 11457 (79 mg/100 g) = 94.8 mg; over 2 servings = 136.2 mg.
    [Fact]
    public async Task RecipesAdd_AcceptsIngredientsByName()
    {
        var db = await Diary.WithProfileAsync();
        Assert.Equal("r1", await Diary.RunOkAsync(db, "recipes", "add", "--name", "Bowl", "--servings", "2", "--ingredient", "pumpkin seeds=30", "--ingredient", "11457=120"));
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "recipes", "show", "r1", "--json")).RootElement;
        Assert.Equal(["12014", "11457"], j.GetProperty("ingredients").EnumerateArray().Select(i => i.GetProperty("food").GetString()));
        Assert.Equal(136.2, j.GetProperty("perServing").GetProperty("magnesiumMg").GetDouble(), 3);
    }

    [Fact]
    public async Task LogFood_WordsThatMatchNothing_AreBadInputAndWriteNothing()
    {
        var db = await Diary.WithProfileAsync();
        var before = await Diary.ExportAsync(db);
        var r = await CliRunner.RunAsync("log", "food", "xqzzv", "--grams", "10", "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains("no food matches 'xqzzv'", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.ExportAsync(db));
    }
}

/// <summary>assess, metabolic and evidence print readable sections without --json, and JSON only with it.</summary>
public sealed class HumanOutputTests
{
    [Fact]
    public async Task Metabolic_WithoutJson_PrintsSections()
    {
        var r = await CliRunner.RunAsync("metabolic", "--glucose", "5.5", "--glucose-unit", "mmol/L", "--insulin", "60", "--insulin-unit", "pmol/L", "--triglycerides", "1.9", "--hdl", "1.1", "--lipid-unit", "mmol/L", "--sex", "female");
        Assert.Equal(0, r.Exit);
        AssertNotJson(r.Out);
        Assert.Contains("Insulin resistance", r.Out, StringComparison.Ordinal);
        Assert.Contains("HOMA-IR", r.Out, StringComparison.Ordinal);
        Assert.Contains("2.44", r.Out, StringComparison.Ordinal); // 10 µU/mL × 5.5 mmol/L / 22.5
        Assert.Contains("Metabolic syndrome (Alberti 2009, 3 of 5):", r.Out, StringComparison.Ordinal);
        Assert.Contains("met: triglycerides, hdl", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_WithoutJson_PrintsEachFindingApplied()
    {
        var r = await CliRunner.RunAsync("evidence", "--intake-mg", "300", "--age", "60", "--sex", "male");
        Assert.Equal(0, r.Exit);
        AssertNotJson(r.Out);
        Assert.Contains("Usual intake 300 mg/day = 71.4% of the RDA (420 mg)", r.Out, StringComparison.Ordinal);
        Assert.Contains("VITAL cohort — pancreatic cancer", r.Out, StringComparison.Ordinal);
        Assert.Contains("  You:   ", r.Out, StringComparison.Ordinal);
        Assert.Contains("not your personal risk", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_WithoutJson_PrintsSectionsAndWhatIsMissing()
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "log", "food", "12014", "--grams", "50", "--date", "2026-11-20");
        var r = await CliRunner.RunAsync("assess", "--db", db);
        Assert.Equal(0, r.Exit);
        AssertNotJson(r.Out);
        foreach (var section in new[] { "Intake", "Evidence", "Serum magnesium", "Kidney function and Magnesium Depletion Score", "Insulin resistance", "Screening", "To complete the picture, add" })
            Assert.Contains($"\n{section}\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("296 mg/day over 1 logged days", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metabolic", "--glucose", "100", "--glucose-unit", "mg/dL")]
    [InlineData("evidence", "--intake-mg", "300", "--age", "60", "--sex", "male")]
    public async Task WithJson_PrintsOnlyJson(params string[] args)
    {
        var r = await CliRunner.RunAsync([.. args, "--json"]);
        Assert.Equal(0, r.Exit);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(r.Out).RootElement.ValueKind);
    }

    private static void AssertNotJson(string output) =>
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(output));
}

/// <summary>
/// Every valid diary gives a valid report: random diaries built only from inputs the commands accept (any food, amounts
/// up to the 5 kg limit, supplements up to the dose limit, symptoms, pregnancy and lactation periods, labs in their
/// plausible ranges) must make every read command exit 0.
/// </summary>
public sealed class RandomDiaryTests
{
    private static readonly string[] Foods = ["11457", "12014", "09040", "01077", "20037", "16015", "12061", "14209", "19904", "18069", "15076", "11124"];
    private static readonly string[] Forms = ["oxide", "citrate", "glycinate", "chloride-hexahydrate", "l-threonate", "orotate"];
    private static readonly string[] Signs = ["fatigue", "muscle-cramps", "nausea", "tingling"];
    private static readonly string[] Meals = ["breakfast", "lunch", "dinner", "snack"];
    private static readonly (string Kind, string Unit, double Min, double Max)[] LabRanges =
    [
        ("serum-magnesium", "mmol/L", 0.1, 5), ("fasting-glucose", "mg/dL", 20, 1000), ("fasting-insulin", "uU/mL", 0.5, 500),
        ("triglycerides", "mg/dL", 10, 5000), ("hdl", "mg/dL", 5, 200), ("creatinine", "mg/dL", 0.1, 20),
    ];

    private sealed record Step(string[] Args);

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Day = Gen.Int[0, 60].Select(d => new DateOnly(2026, 11, 26).AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static readonly Gen<Step> AnyStep = Gen.OneOf(
        Gen.Select(Pick(Foods), Gen.Double[0.1, 5_000], Pick(Meals), Day, Gen.Int[0, 9],
            (f, g, m, d, big) => new Step(["log", "food", f, "--grams", (big == 0 ? 5_000 : g).ToString("R", CultureInfo.InvariantCulture), "--meal", m, "--date", d])),
        Gen.Select(Pick(Forms), Gen.Double[0.5, 10_000], Day,
            (f, mg, d) => new Step(["log", "supplement", f, "--elemental-mg", mg.ToString("R", CultureInfo.InvariantCulture), "--date", d])),
        Gen.Select(Pick(Signs), Gen.Int[1, 5], Day, (s, v, d) => new Step(["log", "symptom", s, "--severity", v.ToString(CultureInfo.InvariantCulture), "--date", d])),
        Gen.Select(Gen.Int[0, LabRanges.Length - 1], Gen.Double[0, 1], Day, (i, f, d) =>
        {
            var (kind, unit, min, max) = LabRanges[i];
            return new Step(["labs", "add", kind, (min + f * (max - min)).ToString("R", CultureInfo.InvariantCulture), "--unit", unit, "--date", d]);
        }));

    private static readonly Gen<string[]> Profile = Gen.OneOf(
        Gen.Int[0, 100].Select(age => new[] { "profile", "set", "--age", age.ToString(CultureInfo.InvariantCulture), "--sex", age % 2 == 0 ? "female" : "male" }),
        Gen.Int[16, 45].Select(age => new[]
        {
            "profile", "set", "--age", age.ToString(CultureInfo.InvariantCulture), "--sex", "female",
            "--pregnant-from", "2026-03-01", "--pregnant-to", "2026-11-10", "--lactating-from", "2026-11-11", "--lactating-to", "2027-05-01",
            "--medications", "ppi,loop-diuretic",
        }));

    [Fact]
    public async Task EveryReadCommand_SucceedsOnRandomValidDiaries() =>
        await Gen.Select(Profile, AnyStep.Array[5, 40]).SampleAsync(async (profile, steps) =>
        {
            var db = await CliRunner.FreshDatabaseAsync();
            await Diary.RunOkAsync(db, profile);
            foreach (var step in steps)
            {
                var r = await CliRunner.RunAsync([.. step.Args, "--db", db]);
                Assert.True(r.Exit == 0, $"setup {string.Join(' ', step.Args)} → {r.Exit}: {r.Err.Trim()}");
            }

            foreach (var read in new[] { "day", "day --date 2026-11-20", "report --from 2026-09-01 --to 2026-11-26", "report --from 2026-09-01 --to 2026-11-26 --csv", "evidence", "assess --heavy-alcohol no", "export", "entries list" })
            {
                foreach (var json in new[] { false, true })
                {
                    if (json && read.Contains("--csv", StringComparison.Ordinal))
                        continue;
                    string[] args = [.. read.Split(' '), .. json ? new[] { "--json" } : [], "--db", db];
                    var r = await CliRunner.RunAsync(args);
                    // Evidence needs intake in the last 30 days: "nothing logged" is the one accepted refusal.
                    var refused = r.Exit == 2 && read == "evidence" && r.Err.Contains("nothing logged in the last 30 days", StringComparison.Ordinal);
                    Assert.True(r.Exit == 0 || refused, $"{string.Join(' ', args[..^2])} after {steps.Length} steps → {r.Exit}: {r.Err.Trim()}");
                }
            }
        }, iter: 12, threads: 1);
}
