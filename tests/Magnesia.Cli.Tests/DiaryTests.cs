using System.Text.Json;

namespace Magnesia.Cli.Tests;

/// <summary>A database with a profile (woman born 1992-01-01, so 34 on 2026-11-26) ready for diary commands.</summary>
internal static class Diary
{
    public static async Task<string> WithProfileAsync()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        var r = await CliRunner.RunAsync("profile", "set", "--birth-date", "1992-01-01", "--sex", "female", "--db", db);
        Assert.Equal(0, r.Exit);
        return db;
    }

    public static async Task<string> RunOkAsync(string db, params string[] args)
    {
        var r = await CliRunner.RunAsync([.. args, "--db", db]);
        Assert.True(r.Exit == 0, r.Err);
        return r.Out.Trim();
    }

    public static async Task<string> ExportAsync(string db) => await RunOkAsync(db, "export");
}

public sealed class DiaryTests
{
    // Logging from a sentence (issue 13). SR28: 18069 "1 slice" = 29 g; 12014 "1 oz" = 28.35 g, 592 mg/100 g;
    // 14209 coffee "1 cup (8 fl oz)" = 237 g (WEIGHT.txt seq 3).
    [Fact]
    public async Task LogFood_FromASentence_LogsWhatParseReads()
    {
        var db = await Diary.WithProfileAsync();
        var parsed = JsonDocument.Parse(await Diary.RunOkAsync(db, "foods", "parse", "2", "slices", "white", "bread", "--json")).RootElement;
        Assert.Equal(58, parsed.GetProperty("grams").GetDouble());
        var logged = JsonDocument.Parse(await Diary.RunOkAsync(db, "log", "food", "2", "slices", "white", "bread", "--json")).RootElement;
        Assert.Equal("18069", logged.GetProperty("food").GetString());
        Assert.Equal(58, logged.GetProperty("grams").GetDouble());
        Assert.Equal("2 slices white bread", logged.GetProperty("matched").GetProperty("query").GetString());
        Assert.Equal("2", await Diary.RunOkAsync(db, "log", "food", "1 oz pumpkin seeds"));
        Assert.Equal("3", await Diary.RunOkAsync(db, "log", "food", "a", "cup", "of", "coffee"));
        var day = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--json")).RootElement;
        var grams = day.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("grams").GetDouble()).ToList();
        Assert.Equal(58, grams[0]);
        Assert.Equal(28.35, grams[1], 2);
        Assert.Equal(237, grams[2], 1); // SR28 WEIGHT.txt 14209 "1 cup (8 fl oz)" = 237 g
    }

    // A food id among the words logs exactly that food, weighed by its own measures (SR28 WEIGHT.txt 12014 "1 oz" =
    // 28.35 g; 01123 "1 large" = 50 g): "log food 1 oz 12014" once searched "12014" and logged a beef ribeye.
    [Fact]
    public async Task LogFood_ASentenceWithAFoodId_LogsThatFood()
    {
        var db = await Diary.WithProfileAsync();
        var seeds = JsonDocument.Parse(await Diary.RunOkAsync(db, "log", "food", "1", "oz", "12014", "--json")).RootElement;
        Assert.Equal(("12014", 28.35), (seeds.GetProperty("food").GetString(), seeds.GetProperty("grams").GetDouble()));
        var eggs = JsonDocument.Parse(await Diary.RunOkAsync(db, "log", "food", "2", "large", "01123", "--json")).RootElement;
        Assert.Equal(("01123", 100.0), (eggs.GetProperty("food").GetString(), eggs.GetProperty("grams").GetDouble()));
        var r = await CliRunner.RunAsync("log", "food", "1", "oz", "99999", "--db", db);
        Assert.Equal((2, "magnesia: no food with NDB number 99999"), (r.Exit, r.Err.Trim()));
    }

    [Theory]
    [InlineData("pumpkin seeds", "no amount in 'pumpkin seeds'")]
    [InlineData("150 ml dark chocolate", "no volume measure in SR28, so ml cannot be weighed")] // 19904: "1 oz", "1 bar"
    [InlineData("2 cups of xyzzy", "no food matches 'xyzzy'")]
    [InlineData("2 large pumpkin seeds", "has no 'large' portion")] // 12014: "1 cup", "1 oz"
    [InlineData("20 kg spinach", "implausible")]
    // A guess by shared letters only is never logged (it logged "Lard", 0 mg, with exit 0): the refusal names the three nearest.
    [InlineData("100 g épinards", "no food named 'épinards'; nearest by spelling: Lard (NDB 04002)")]
    public async Task LogFood_FromASentence_RefusesWhatItCannotRead(string sentence, string message)
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliRunner.RunAsync([.. sentence.Split(' ').Prepend("food").Prepend("log"), "--db", db]);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.Equal(0, JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--json")).RootElement.GetProperty("entries").GetArrayLength());
    }

    // Women 31–50 y: RDA 320 mg, supplemental UL 350 mg (IOM 1997). 1 cup raw spinach (30 g × 79 mg/100 g = 23.7 mg)
    // logged on the day: the gap is 320 − 23.7 = 296.3 mg, above half the UL, so two doses of 148.15 mg; ciprofloxacin at
    // 08:00 needs each dose at least 2 h after it (or 6 h before it).
    [Fact]
    public async Task PlanSupplement_Json_FillsTheGapAroundTheMedicines()
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "log", "food", "11457", "--portion", "1 cup", "--date", "2026-11-26");
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "plan", "supplement", "--form", "citrate", "--medications", "ciprofloxacin:08:00", "--json")).RootElement;
        Assert.Equal(["targetMg", "gapMg", "elementalMg", "supplementalUlMg", "form", "compoundMg", "units", "schedule", "interactions", "warnings", "sources", "perDoseLimitMg", "euDailyMaximumMg"], j.EnumerateObject().Select(p => p.Name));
        Assert.Equal(296.3, j.GetProperty("gapMg").GetDouble(), 1);
        Assert.Equal(350, j.GetProperty("supplementalUlMg").GetDouble());
        var doses = j.GetProperty("schedule").EnumerateArray().ToList();
        // 296.3 mg in doses of at most 125 mg (BfR 2017): three of 98.8 mg.
        Assert.Equal(3, doses.Count);
        Assert.All(doses, d => Assert.Equal(98.8, d.GetProperty("elementalMg").GetDouble(), 1));
        Assert.All(doses, d => Assert.True(TimeOnly.Parse(d.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new TimeOnly(10, 0)));
        Assert.Equal("ciprofloxacin", j.GetProperty("interactions")[0].GetProperty("medication").GetString());

        // Kidney disease and no creatinine lab or --egfr: no dose, and the warning says why.
        var refused = JsonDocument.Parse(await Diary.RunOkAsync(db, "plan", "supplement", "--kidney-disease", "--json")).RootElement;
        Assert.Equal(0, refused.GetProperty("elementalMg").GetDouble());
        Assert.Contains("kidney disease", refused.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanFoods_Json_HasTheContractedFields_AndReachesTheGap()
    {
        var db = await Diary.WithProfileAsync();
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "plan", "foods", "--intake-mg", "200", "--json")).RootElement;
        Assert.Equal(["mode", "targetMg", "usualIntakeMg", "gapMg", "status", "items", "addedMagnesiumMg", "addedEnergyKcal", "calciumToMagnesiumRatio", "reason", "solveMs",
            "summary", "targetName", "supplementsMg", "foodIntakeMg", "foodGapMg"],
            j.EnumerateObject().Select(p => p.Name));
        Assert.Equal("optimal", j.GetProperty("status").GetString());
        Assert.Equal(120, j.GetProperty("gapMg").GetDouble());
        var items = j.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 3);
        Assert.Equal(["foodId", "name", "grams", "portion", "magnesiumMg", "energyKcal", "replaces", "label", "amount", "why", "ndb"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("your usual intake is 200 mg a day; 120 mg short of the RDA (320 mg): ", j.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(items.Sum(i => i.GetProperty("magnesiumMg").GetDouble()) >= 119.5);
    }

    // 120 × 100 mg for 18.00 → 0.15 per 100 mg; 100 × 250 mg for 6.00 → 0.024 per 100 mg (cheapest first). With 100 mg
    // from food the RDA gap is 220 mg: 2 units of 100 mg a day (60 a month = 9.00); a 250 mg unit is more than the gap.
    [Fact]
    public async Task Products_Compare_RanksByCostPer100Mg_AndPricesDriveCostPlans()
    {
        var db = await Diary.WithProfileAsync();
        Assert.Equal("p1", await Diary.RunOkAsync(db, "products", "add", "--name", "Glycinate 100", "--form", "glycinate", "--elemental-mg-per-unit", "100", "--units", "120", "--price", "18"));
        Assert.Equal("p2", await Diary.RunOkAsync(db, "products", "add", "--name", "Oxide 250", "--form", "oxide", "--elemental-mg-per-unit", "250", "--units", "100", "--price", "6"));
        var rows = JsonDocument.Parse(await Diary.RunOkAsync(db, "products", "compare", "--intake-mg", "100", "--json")).RootElement.EnumerateArray().ToList();
        Assert.Equal(["p2", "p1"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(0.024, rows[0].GetProperty("costPer100MgElemental").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("costPerMonth").ValueKind);
        Assert.Equal(2, rows[1].GetProperty("plannedUnitsPerDay").GetInt32());
        Assert.Equal(9.0, rows[1].GetProperty("costPerMonth").GetDouble(), 6);
        var plan = JsonDocument.Parse(await Diary.RunOkAsync(db, "plan", "supplement", "--product", "p1", "--intake-mg", "100", "--json")).RootElement;
        Assert.Equal(2, plan.GetProperty("units").GetInt32());
        Assert.Equal(200, plan.GetProperty("elementalMg").GetDouble());

        await Diary.RunOkAsync(db, "prices", "set", "16015", "3", "--per", "kg");
        var foods = JsonDocument.Parse(await Diary.RunOkAsync(db, "plan", "foods", "--objective", "cost", "--intake-mg", "100", "--json")).RootElement;
        Assert.All(foods.GetProperty("items").EnumerateArray(), i => Assert.Equal("16015", i.GetProperty("ndb").GetString()));
    }

    [Fact]
    public async Task Day_Json_HasTheContractedFieldsAndHandComputedTotals()
    {
        var db = await Diary.WithProfileAsync();
        // 2 cups raw spinach (11457: 79 mg/100 g, 1 cup = 30 g) = 47.4 mg; 1 oz pumpkin seed kernels (12014: 592 mg/100 g)
        // = 28.349523125 g → 167.829 mg; 1,000 mg trimagnesium dicitrate × 72.915 / 451.113 = 161.634 mg; total 376.863 mg.
        Assert.Equal("1", await Diary.RunOkAsync(db, "log", "food", "11457", "--portion", "1 cup", "--quantity", "2", "--meal", "lunch"));
        Assert.Equal("2", await Diary.RunOkAsync(db, "log", "food", "12014", "--oz", "1"));
        Assert.Equal("3", await Diary.RunOkAsync(db, "log", "supplement", "citrate", "--compound-mg", "1000", "--calcium-mg", "100"));
        Assert.Equal("4", await Diary.RunOkAsync(db, "log", "symptom", "muscle-cramps", "--severity", "3", "--note", "night"));
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--json")).RootElement;
        foreach (var field in new[] { "date", "lifeStage", "magnesiumFoodMg", "magnesiumSupplementMg", "magnesiumTotalMg", "calciumMg", "potassiumMg", "energyKcal", "earMg", "rdaMg", "aiMg", "supplementalUlMg", "percentOfRda", "category", "supplementalAboveUl", "calciumToMagnesiumRatio", "magnesiumMgPer1000Kcal", "entries", "symptoms" })
            Assert.True(j.TryGetProperty(field, out _), field);
        Assert.Equal("2026-11-26", j.GetProperty("date").GetString());
        Assert.Equal("Females 31–50 y", j.GetProperty("lifeStage").GetString());
        Assert.Equal(215.229, j.GetProperty("magnesiumFoodMg").GetDouble());
        Assert.Equal(161.634, j.GetProperty("magnesiumSupplementMg").GetDouble(), 3);
        Assert.Equal(376.863, j.GetProperty("magnesiumTotalMg").GetDouble(), 3);
        Assert.Equal(320, j.GetProperty("rdaMg").GetDouble());
        Assert.Equal(117.8, j.GetProperty("percentOfRda").GetDouble());
        Assert.Equal("meets-rda", j.GetProperty("category").GetString());
        Assert.Equal("meets-rda", j.GetProperty("status").GetString()); // the old name, kept as an alias for one release
        Assert.False(j.GetProperty("supplementalAboveUl").GetBoolean());
        var entries = j.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(["id", "kind", "food", "name", "meal", "grams", "magnesiumMg"], entries[0].EnumerateObject().Select(p => p.Name).Take(7));
        Assert.Equal(47.4, entries[0].GetProperty("magnesiumMg").GetDouble());
        Assert.Equal("lunch", entries[0].GetProperty("meal").GetString());
        Assert.Equal("muscle-cramps", j.GetProperty("symptoms")[0].GetProperty("sign").GetString());
    }

    [Fact]
    public async Task CustomFoodsAndRecipes_SumTheirIngredients()
    {
        var db = await Diary.WithProfileAsync();
        // Label: 250 g serving with 30 mg Mg → 12 mg/100 g.
        Assert.Equal("c1", await Diary.RunOkAsync(db, "foods", "add", "--name", "Oat drink", "--serving-grams", "250", "--magnesium-mg", "30", "--calcium-mg", "300"));
        // Recipe: 120 g spinach (94.8 mg) + 30 g seed kernels (177.6 mg) + 250 g oat drink (30 mg) = 302.4 mg in 2 servings of 200 g.
        Assert.Equal("r1", await Diary.RunOkAsync(db, "recipes", "add", "--name", "Green bowl", "--servings", "2", "--ingredient", "11457=120", "--ingredient", "12014=30", "--ingredient", "c1=250"));
        var recipe = JsonDocument.Parse(await Diary.RunOkAsync(db, "recipes", "show", "r1", "--json")).RootElement;
        Assert.Equal(151.2, recipe.GetProperty("perServing").GetProperty("magnesiumMg").GetDouble(), 3);
        Assert.Equal(200, recipe.GetProperty("servingGrams").GetDouble());
        await Diary.RunOkAsync(db, "log", "food", "r1", "--portion", "serving", "--quantity", "1.5");   // 226.8 mg
        await Diary.RunOkAsync(db, "log", "food", "c1", "--portion", "serving");                        // 30 mg
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--json")).RootElement;
        Assert.Equal(256.8, j.GetProperty("magnesiumFoodMg").GetDouble(), 3);
        Assert.Equal(["recipe", "custom"], j.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Report_SeriesCoversTheLifeStageChangeAndExportsCsv()
    {
        var db = await CliRunner.FreshDatabaseAsync();
        // Born 1995-11-24: 30 on 2026-11-23 (Females 19–30 y, RDA 310), 31 on 2026-11-24 (31–50 y, RDA 320).
        await Diary.RunOkAsync(db, "profile", "set", "--birth-date", "1995-11-24", "--sex", "female");
        await Diary.RunOkAsync(db, "log", "food", "12014", "--grams", "50", "--date", "2026-11-23");   // 296 mg
        await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "100", "--date", "2026-11-24");  // 79 mg: below EAR
        var j = JsonDocument.Parse(await Diary.RunOkAsync(db, "report", "--from", "2026-11-22", "--to", "2026-11-24", "--json")).RootElement;
        Assert.Equal(3, j.GetProperty("days").GetInt32());
        Assert.Equal(2, j.GetProperty("daysLogged").GetInt32());
        Assert.Equal(1, j.GetProperty("daysBelowEar").GetInt32());
        Assert.Equal([310, 310, 320], j.GetProperty("series").EnumerateArray().Select(d => (int)d.GetProperty("rdaMg").GetDouble()));
        Assert.Equal(187.5, j.GetProperty("means").GetProperty("magnesiumTotalMg").GetDouble());
        Assert.Equal("12014", j.GetProperty("topFoods")[0].GetProperty("food").GetString());
        var csv = (await Diary.RunOkAsync(db, "report", "--from", "2026-11-22", "--to", "2026-11-24", "--csv")).Split("\r\n");
        Assert.StartsWith("date,lifeStage,logged,magnesiumFoodMg", csv[0], StringComparison.Ordinal);
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("2026-11-23,\"Females 19–30 y\",true,296,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCsv_MarksADayLoggedEvenWhenItsFoodHasNoNutrients()
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "foods", "add", "--name", "Still water", "--magnesium-mg", "0");
        await Diary.RunOkAsync(db, "log", "food", "c1", "--grams", "500", "--date", "2026-11-25");
        var csv = (await Diary.RunOkAsync(db, "report", "--from", "2026-11-24", "--to", "2026-11-25", "--csv")).Split("\r\n");
        Assert.StartsWith("2026-11-24,\"Females 31–50 y\",false,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-25,\"Females 31–50 y\",true,0,", csv[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_IsALosslessRoundTrip()
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "profile", "set", "--birth-date", "1992-01-01", "--sex", "female", "--lactating-from", "2026-01-01", "--lactating-to", "2026-12-31", "--weight-kg", "61.5", "--medications", "ppi,loop-diuretic");
        await Diary.RunOkAsync(db, "foods", "add", "--name", "Oat drink", "--magnesium-mg", "12.345");
        await Diary.RunOkAsync(db, "recipes", "add", "--name", "Bowl", "--servings", "3", "--ingredient", "11457=100", "--ingredient", "c1=200");
        await Diary.RunOkAsync(db, "log", "food", "r1", "--portion", "serving", "--date", "2026-11-20", "--meal", "dinner");
        await Diary.RunOkAsync(db, "log", "food", "9040", "--portion", "1 cup, sliced", "--quantity", "0.5");
        await Diary.RunOkAsync(db, "log", "supplement", "glycinate", "--elemental-mg", "120.5");
        await Diary.RunOkAsync(db, "log", "symptom", "fatigue", "--severity", "2", "--note", "after lunch, “odd”");
        var exported = await Diary.ExportAsync(db);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, exported, TestContext.Current.CancellationToken);

        var other = await CliRunner.FreshDatabaseAsync();
        Assert.Contains("imported 4 entries", await Diary.RunOkAsync(other, "import", file), StringComparison.Ordinal);
        Assert.Equal(exported, await Diary.ExportAsync(other));
        Assert.Equal(await Diary.RunOkAsync(db, "report", "--from", "2026-11-01", "--to", "2026-11-26", "--json"),
                     await Diary.RunOkAsync(other, "report", "--from", "2026-11-01", "--to", "2026-11-26", "--json"));
    }

    [Fact]
    public async Task EntriesDelete_RemovesTheEntry()
    {
        var db = await Diary.WithProfileAsync();
        var id = await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "100");
        await Diary.RunOkAsync(db, "entries", "delete", id);
        var list = JsonDocument.Parse(await Diary.RunOkAsync(db, "entries", "list", "--json")).RootElement;
        Assert.Equal(0, list.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task DateDefaultsToTodayFromTheClock()
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "100");
        var day = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--json", "--date", "2026-11-26")).RootElement;
        Assert.Equal(79, day.GetProperty("magnesiumTotalMg").GetDouble());
    }
}

/// <summary>Bad diary input: exit 2, one stderr line, and the diary exactly as before.</summary>
public sealed class DiaryBadInputTests
{
    [Theory]
    [InlineData("log food 11457 --grams 0", "--grams must be a positive number")]
    [InlineData("log food 11457 --grams -5", "--grams must be a positive number")]
    [InlineData("log food 11457 --grams NaN", "--grams must be a positive number")]
    [InlineData("log food 11457 --grams 6000", "--grams must be at most 5000")]
    [InlineData("log food 11457 --portion \"1 bowl\"", "unknown portion \"1 bowl\"; this food's portions: \"1 cup\", \"1 bunch\"")]
    [InlineData("log food 11457 --portion \"1 cup\" --quantity 0", "--quantity must be above 0 and at most 1000")]
    [InlineData("log food 11457 --portion \"1 bunch\" --quantity 20", "implausible")]
    [InlineData("log food 11457", "give exactly one amount")]
    [InlineData("log food 11457 --grams 10 --oz 1", "give exactly one amount")]
    [InlineData("log food 11457 --grams 10 --quantity 2", "--quantity goes with --portion")]
    [InlineData("log food 99999 --grams 10", "no food with NDB number 99999")]
    [InlineData("log food c9 --grams 10", "no custom food c9")]
    [InlineData("log food r9 --portion serving", "no recipe r9")]
    [InlineData("log food qqqqzzzz --grams 10", "no food matches")]
    [InlineData("log food 11457 --grams 10 --meal brunch", "--meal must be breakfast, lunch, dinner or snack")]
    [InlineData("log food 11457 --grams 10 --date 2026-13-01", "--date must be a date as yyyy-mm-dd")]
    [InlineData("log food 11457 --grams 10 --date yesterday", "--date must be a date as yyyy-mm-dd")]
    [InlineData("log food 11457 --grams 10 --date 2030-01-01", "is in the future")]
    [InlineData("log food 11457 --grams 10 --date 1850-01-01", "is before 1900-01-01")]
    [InlineData("log food 11457 --grams 10 --date 1991-12-31", "is before the profile's birth date 1992-01-01")]
    [InlineData("log symptom fatigue --severity 2 --date 1980-05-05", "is before the profile's birth date")]
    [InlineData("log supplement picolinate --elemental-mg 100", "unknown supplement form 'picolinate'")]
    [InlineData("log supplement citrate", "give exactly one of --elemental-mg or --compound-mg")]
    [InlineData("log supplement citrate --elemental-mg 100 --compound-mg 500", "give exactly one of --elemental-mg or --compound-mg")]
    [InlineData("log supplement citrate --elemental-mg 0", "the dose must be a positive number")]
    [InlineData("log supplement oxide --elemental-mg 12000", "implausible")]
    [InlineData("log supplement oxide --compound-mg 20000", "implausible")]
    [InlineData("log supplement oxide --elemental-mg 100 --calcium-mg -1", "--calcium-mg must be between 0 and 10000 mg")]
    [InlineData("log symptom headache --severity 2", "unknown symptom 'headache'")]
    [InlineData("log symptom fatigue --severity 6", "--severity must be between 1 and 5, not 6")]
    [InlineData("log symptom fatigue --severity 0", "--severity must be between 1 and 5, not 0")]
    [InlineData("log symptom fatigue", "--severity is required")]
    [InlineData("entries delete abc", "<entry-id> must be a positive whole number")]
    [InlineData("entries delete 999", "no entry with id 999")]
    [InlineData("foods add --magnesium-mg 10", "--name is required")]
    [InlineData("foods add --name X", "--magnesium-mg is required")]
    [InlineData("foods add --name X --magnesium-mg -3", "--magnesium-mg must be between 0 and 100000 mg, not -3")]
    [InlineData("foods add --name X --magnesium-mg 3 --serving-grams 0", "--serving-grams must be a positive number")]
    [InlineData("recipes add --name X --servings 2", "give at least one --ingredient")]
    [InlineData("recipes add --name X --servings 0 --ingredient 11457=10", "--servings must be above 0 and at most 1000")]
    [InlineData("recipes add --name X --servings 1 --ingredient 11457:10", "--ingredient '11457:10' must be")]
    [InlineData("recipes add --name X --servings 1 --ingredient 99999=10", "no food 99999")]
    [InlineData("recipes show x1", "<recipe-id> must look like r1")]
    [InlineData("day --date 2026-02-30", "--date must be a date as yyyy-mm-dd")]
    [InlineData("report --from 2026-11-01", "--from and --to are required")]
    [InlineData("report --from 2026-11-10 --to 2026-11-01", "--to is before --from")]
    [InlineData("report --from 1950-01-01 --to 2026-11-01", "a report may span at most")]
    [InlineData("report --from 2026-11-01 --to 2026-11-02 --json --csv", "--json and --csv cannot both be given")]
    [InlineData("profile set --sex female", "give either --age or --birth-date")]
    [InlineData("profile set --age 30 --birth-date 1990-01-01 --sex female", "give either --age or --birth-date")]
    [InlineData("profile set --age 30 --sex other", "--sex must be female or male")]
    [InlineData("profile set --age 30 --sex male --pregnant-from 2026-01-01 --pregnant-to 2026-09-01", "pregnancy applies only to females")]
    [InlineData("profile set --age 5 --sex female --pregnant-from 2026-01-01 --pregnant-to 2026-09-01", "pregnancy is accepted only for ages 10 to 50")]
    [InlineData("profile set --age 30 --sex female --pregnant-from 2026-01-01", "give both --pregnant-from and --pregnant-to")]
    [InlineData("profile set --age 30 --sex female --weight-kg 0", "--weight-kg must be between 0.5 and 500 kg, not 0")]
    [InlineData("profile set --birth-date 2030-01-01 --sex female", "must be in the past")]
    public async Task BadInput_IsRejectedAndChangesNothing(string args, string message)
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "30");
        var before = await Diary.ExportAsync(db);
        var r = await CliRunner.RunAsync([.. Split(args), "--db", db]);
        Assert.Equal(2, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.ExportAsync(db));
    }

    [Theory]
    [InlineData("day")]
    [InlineData("log food 11457 --grams 10")]
    [InlineData("report --from 2026-11-01 --to 2026-11-02")]
    public async Task DiaryCommands_WithoutAProfile_SayHowToCreateOne(string args)
    {
        var r = await CliRunner.RunAsync([.. Split(args), "--db", await CliRunner.FreshDatabaseAsync()]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("no profile yet: run `magnesia profile set", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "not a diary document")]
    [InlineData("{\"format\":\"other\",\"version\":1,\"customFoods\":[],\"recipes\":[],\"entries\":[]}", "format: expected \"magnesia-diary\"")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":2,\"customFoods\":[],\"recipes\":[],\"entries\":[]}", "version: version 2 is not supported")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"customFoods\":[],\"recipes\":[],\"entries\":[{\"id\":1,\"date\":\"2026-11-01\",\"kind\":\"food\",\"food\":\"99999\",\"grams\":10}]}", "entries[0].food")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"customFoods\":[],\"recipes\":[],\"entries\":[{\"id\":1,\"date\":\"2026-11-01\",\"kind\":\"food\",\"food\":\"11457\",\"grams\":10},{\"id\":2,\"date\":\"2026-11-01\",\"kind\":\"symptom\",\"sign\":\"fatigue\",\"severity\":9}]}", "entries[1].severity")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"customFoods\":[],\"recipes\":[],\"entries\":[{\"id\":1,\"date\":\"2026-11-01\",\"kind\":\"supplement\",\"form\":\"citrate\"}]}", "entries[0].elementalMg")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"customFoods\":[],\"recipes\":[{\"id\":\"r1\",\"name\":\"x\",\"servings\":1,\"ingredients\":[{\"food\":\"c5\",\"grams\":10}]}],\"entries\":[]}", "recipes[0].ingredients[0].food")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"profile\":{\"sex\":\"male\",\"ageYears\":30,\"pregnancies\":[{\"from\":\"2026-01-01\",\"to\":\"2026-05-01\"}]},\"customFoods\":[],\"recipes\":[],\"entries\":[]}", "profile.pregnancies: pregnancy applies only to females")]
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"customFoods\":[],\"recipes\":[],\"entries\":[],\"extra\":1}", "not a diary document")]
    // Entries with no profile could never be read back (issue 14): refused, naming the field.
    [InlineData("{\"format\":\"magnesia-diary\",\"version\":1,\"profile\":null,\"customFoods\":[],\"recipes\":[],\"entries\":[{\"id\":1,\"date\":\"2026-11-01\",\"kind\":\"food\",\"food\":\"11457\",\"grams\":10}]}", "profile: the document has entries but no profile")]
    public async Task Import_CorruptOrPartialFile_NamesPathAndFieldAndChangesNothing(string json, string message)
    {
        var db = await Diary.WithProfileAsync();
        await Diary.RunOkAsync(db, "log", "food", "11457", "--grams", "30");
        var before = await Diary.ExportAsync(db);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
        var r = await CliRunner.RunAsync("import", file, "--replace", "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains(file, r.Err, StringComparison.Ordinal);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.ExportAsync(db));
    }

    [Fact]
    public async Task Import_IntoANonEmptyDiary_NeedsReplace()
    {
        var db = await Diary.WithProfileAsync();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, await Diary.ExportAsync(db), TestContext.Current.CancellationToken);
        var r = await CliRunner.RunAsync("import", file, "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains("use --replace", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_IsBadInput()
    {
        var r = await CliRunner.RunAsync("import", "/nonexistent/diary.json", "--db", await CliRunner.FreshDatabaseAsync());
        Assert.Equal(2, r.Exit);
        Assert.Contains("cannot read /nonexistent/diary.json", r.Err, StringComparison.Ordinal);
    }

    // Splits like a shell: double quotes group words.
    private static string[] Split(string args) =>
        [.. System.Text.RegularExpressions.Regex.Matches(args, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)];
}
