using System.Text.Json;
using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Magnesia.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Magnesia.Testing;

namespace Magnesia.Data.Tests;

/// <summary>One provisioned store for the tests of this file; each test uses its own user, so they do not meet.</summary>
internal static class SharedStore
{
    private static readonly TempDirectory Dir = new();

    private static readonly Lazy<Task<Store>> Opened = new(() => Store.OpenAsync(Dir.File("shared.db")));

    public static Task<Store> OpenAsync() => Opened.Value;

    public static string NewUser() => "user-" + Guid.NewGuid().ToString("N");

    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

/// <summary>The per-user door on real SQLite, without the CLI.</summary>
public sealed class DiaryStoreTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static readonly DiaryProfile Woman = new(Sex.Female, new DateOnly(1992, 1, 1), null, null, [], [], 60, ["ppi"]);

    private static async Task<DiaryStore> DoorAsync() => new(await SharedStore.OpenAsync(), SharedStore.NewUser(), SharedStore.Clock);

    [Fact]
    public async Task Profile_RoundTripsThroughThePlainReader()
    {
        await using var diary = await DoorAsync();
        Assert.Null(await diary.GetProfileAsync(TestContext.Current.CancellationToken));
        var profile = Woman with { Pregnancies = [new DatePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 30))], Lactations = [new DatePeriod(new DateOnly(2026, 10, 1), new DateOnly(2027, 3, 31))] };
        await diary.SetProfileAsync(profile, TestContext.Current.CancellationToken);
        var read = await diary.GetProfileAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(read);
        Assert.Equal(profile.BirthDate, read.BirthDate);
        Assert.Equal(profile.Pregnancies, read.Pregnancies);
        Assert.Equal(profile.Lactations, read.Lactations);
        Assert.Equal(["ppi"], read.Medications);
        Assert.Equal(60, read.WeightKg);
    }

    // SR28 per 100 g — 11457 spinach, raw: Mg 79, Na 79, fibre 2.2 g, 23 kcal; 12014 pumpkin seed kernels: Mg 592, Na 7, fibre 6 g, 559 kcal.
    // 200 g spinach + 50 g seeds: Mg 158 + 296 = 454 mg; Na 158 + 3.5 = 161.5 mg; fibre 4.4 + 3 = 7.4 g; 46 + 279.5 = 325.5 kcal.
    [Fact]
    public async Task Day_TotalsTheWholeNutrientVector()
    {
        await using var diary = await DoorAsync();
        await diary.SetProfileAsync(Woman, TestContext.Current.CancellationToken);
        await diary.AddFoodAsync(Day, Meal.Lunch, new FoodRef(FoodSource.Catalog, "11457"), 200, new AmountEntered("g", 200), TestContext.Current.CancellationToken);
        await diary.AddFoodAsync(Day, Meal.Snack, new FoodRef(FoodSource.Catalog, "12014"), 50, new AmountEntered("g", 50), TestContext.Current.CancellationToken);
        var day = await diary.DayAsync(Woman, Day, TestContext.Current.CancellationToken);
        Assert.Equal(454, day.Totals.Amount(Nutrient.Magnesium), 6);
        Assert.Equal(161.5, day.Totals.Amount(Nutrient.Sodium), 6);
        Assert.Equal(7.4, day.Totals.Amount(Nutrient.Fiber), 6);
        Assert.Equal(325.5, day.Totals.Amount(Nutrient.Energy), 6);
        Assert.Equal(Mass.FromMilligrams(454), day.MagnesiumFood);
        Assert.Equal([IntakeKind.Food, IntakeKind.Food], day.Entries.Select(e => e.Kind));
        Assert.Equal([Meal.Lunch, Meal.Snack], day.Entries.Select(e => e.Meal));
    }

    [Fact]
    public async Task Entries_AreStoredWithReadableNames()
    {
        var store = await SharedStore.OpenAsync();
        var user = SharedStore.NewUser();
        await using (var diary = new DiaryStore(store, user, SharedStore.Clock))
        {
            await diary.SetProfileAsync(Woman with { Pregnancies = [new DatePeriod(Day, Day.AddDays(200))] }, TestContext.Current.CancellationToken);
            await diary.AddFoodAsync(Day, Meal.Breakfast, new FoodRef(FoodSource.Catalog, "09040"), 100, new AmountEntered("g", 100), TestContext.Current.CancellationToken);
            await diary.AddSupplementAsync(Day, "citrate", Mass.FromMilligrams(100), null, Mass.Zero, TestContext.Current.CancellationToken);
        }

        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT group_concat(\"Kind\" || '/' || COALESCE(\"Meal\", '-'), ',') FROM diary_entries WHERE \"UserId\" = '{user}'";
        Assert.Equal("food/breakfast,supplement/-", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = $"SELECT \"Kind\" FROM profile_periods WHERE \"UserId\" = '{user}'";
        Assert.Equal("pregnancy", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    // A custom food from a label: 30 mg Mg, 300 mg Ca in a 250 g serving → 12 mg and 120 mg per 100 g; sodium not given.
    [Fact]
    public async Task CustomFood_KeepsWhatTheLabelGaveAndMarksTheRestMissing()
    {
        await using var diary = await DoorAsync();
        var id = await diary.AddCustomFoodAsync("Oat drink", new Nutrients(Mass.FromMilligrams(12), Mass.FromMilligrams(120), Mass.Zero, 44), 250, TestContext.Current.CancellationToken);
        var info = await diary.FindEdibleAsync(FoodRef.Parse(id)!.Value, TestContext.Current.CancellationToken);
        Assert.NotNull(info);
        Assert.Equal(12, info.Per100g.Value(Nutrient.Magnesium));
        Assert.Equal(120, info.Per100g.Value(Nutrient.Calcium));
        Assert.Null(info.Per100g.Value(Nutrient.Sodium));
        Assert.Equal([("serving", 250.0)], info.Portions.Select(p => (p.Description, p.Grams)));
        var (customs, _) = await diary.OwnFoodsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(12, customs.Single().MagnesiumMgPer100g);
    }

    [Fact]
    public async Task ResolveFood_ReadsNumbersExactlyAndWordsThroughSearch()
    {
        await using var diary = await DoorAsync();
        var exact = await diary.ResolveFoodAsync("9040", TestContext.Current.CancellationToken);
        Assert.Equal("09040", exact!.Value.Food.Ref.Id);
        Assert.Null(exact.Value.Matched);
        var byName = await diary.ResolveFoodAsync("raw spinach", TestContext.Current.CancellationToken);
        Assert.Equal("11457", byName!.Value.Food.Ref.Id);
        Assert.Equal("Spinach, raw", byName.Value.Matched!.Name);
        Assert.NotEmpty(byName.Value.Food.Portions);
        Assert.Null(await diary.ResolveFoodAsync("99999", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Labs_ComeBackByDateAndFeedTheAssessment()
    {
        await using var diary = await DoorAsync();
        await diary.SetProfileAsync(Woman, TestContext.Current.CancellationToken);
        var mg = Labs.Find("serum-magnesium")!;
        await diary.AddLabAsync(Day.AddDays(-3), mg, 0.70, "mmol/L", TestContext.Current.CancellationToken);
        await diary.AddLabAsync(Day.AddDays(-10), mg, 0.90, "mmol/L", TestContext.Current.CancellationToken);
        Assert.Equal([Day.AddDays(-10), Day.AddDays(-3)], (await diary.LabsAsync(TestContext.Current.CancellationToken)).Select(l => l.Date));
        var report = await diary.AssessAsync(Woman, Day.AddDays(-29), Day, AssessmentAnswers.None, TestContext.Current.CancellationToken);
        Assert.Equal(0.70, report.Serum!.Value.MillimolesPerLitre, 9); // the latest result wins
        Assert.Contains(report.Screening.Items, i => i.Id == "ppi");
    }

    [Fact]
    public async Task ExportImport_RoundTripsThroughTheDoor()
    {
        await using var source = await DoorAsync();
        await source.SetProfileAsync(Woman, TestContext.Current.CancellationToken);
        var custom = await source.AddCustomFoodAsync("Bar", new Nutrients(Mass.FromMilligrams(50), Mass.Zero, Mass.Zero, 400), null, TestContext.Current.CancellationToken);
        await source.AddFoodAsync(Day, null, FoodRef.Parse(custom)!.Value, 40, new AmountEntered("g", 40), TestContext.Current.CancellationToken);
        await source.AddSymptomAsync(Day, "fatigue", 2, "long week", TestContext.Current.CancellationToken);
        var json = JsonSerializer.Serialize(await source.ExportAsync(TestContext.Current.CancellationToken), DiaryDocument.JsonOptions);

        // A document's ids are its own: the target store numbers the rows from its own sequences (here the shared
        // store, whose sequences other tests have moved), and everything else comes back as it was.
        await using var target = await DoorAsync();
        await target.ImportAsync(json, "diary.json", TestContext.Current.CancellationToken);
        var back = JsonSerializer.Serialize(await target.ExportAsync(TestContext.Current.CancellationToken), DiaryDocument.JsonOptions);
        static string WithoutIds(string doc) => System.Text.RegularExpressions.Regex.Replace(doc, "\"(id|food)\": (\"c[0-9]+\"|[0-9]+)", "\"$1\": _");
        Assert.Equal(WithoutIds(json), WithoutIds(back));
        var day = await target.DayAsync(Woman, Day, TestContext.Current.CancellationToken);
        Assert.Equal(Mass.FromMilligrams(20), day.MagnesiumFood); // 40 g × 50 mg/100 g
    }

    // Issue 20: more than ~32,765 entries once failed with "too many SQL variables"; export → import must round-trip
    // any diary the app accepted.
    [Fact, Slow]
    public async Task Import_Of100000Entries_IsOneTransaction()
    {
        await using var diary = await DoorAsync();
        var entries = Enumerable.Range(1, 100_000).Select(i => new DiaryDocument.EntryDto(i, new DateOnly(2016, 1, 1).AddDays(i % 3650), "food", Food: "11457", Grams: 30)).ToList();
        var doc = new DiaryDocument(DiaryDocument.FormatName, DiaryDocument.CurrentVersion,
            new DiaryDocument.ProfileDto("female", null, 34, Day, null, [], [], []), [], [], entries);
        await diary.ImportAsync(JsonSerializer.Serialize(doc, DiaryDocument.JsonOptions), "big.json", TestContext.Current.CancellationToken);
        Assert.Equal(100_000, (await diary.CountAsync(TestContext.Current.CancellationToken)).Entries);
    }

    [Fact]
    public async Task Import_OfAMalformedDocument_WritesNothing()
    {
        await using var diary = await DoorAsync();
        await diary.SetProfileAsync(Woman, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<DiaryImportException>(() => diary.ImportAsync("{\"format\": \"magnesia-diary\", \"version\": 1, \"entries\": [{\"id\": 1}]}", "bad.json", TestContext.Current.CancellationToken));
        Assert.True((await diary.CountAsync(TestContext.Current.CancellationToken)).Profile);
    }

    [Fact]
    public async Task Users_DoNotSeeEachOthersData()
    {
        await using var a = await DoorAsync();
        await using var b = await DoorAsync();
        await a.SetProfileAsync(Woman, TestContext.Current.CancellationToken);
        var id = await a.AddFoodAsync(Day, null, new FoodRef(FoodSource.Catalog, "11457"), 100, new AmountEntered("g", 100), TestContext.Current.CancellationToken);
        Assert.Null(await b.GetProfileAsync(TestContext.Current.CancellationToken));
        Assert.False(await b.DeleteEntryAsync(id, TestContext.Current.CancellationToken));
        Assert.Empty((await b.DayAsync(Woman, Day, TestContext.Current.CancellationToken)).Entries);
        Assert.Single((await a.DayAsync(Woman, Day, TestContext.Current.CancellationToken)).Entries);
    }
}

/// <summary>The store handle: the cheap current check and the search snapshot.</summary>
public sealed class StoreTests
{
    [Fact]
    public async Task LatestMigration_IsTheAssemblysLastMigration()
    {
        await using var db = new MagnesiaDbContext(new DbContextOptionsBuilder<MagnesiaDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.Equal(MagnesiaStore.LatestMigration, db.Database.GetMigrations().Last());
    }

    [Fact]
    public async Task IsCurrent_IsTrueForAProvisionedStoreAndFalseOtherwise()
    {
        var store = await SharedStore.OpenAsync();
        Assert.True(await Store.IsCurrentAsync(store.Path, TestContext.Current.CancellationToken));
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("not-a-db"), "hello", TestContext.Current.CancellationToken);
        Assert.False(await Store.IsCurrentAsync(dir.File("not-a-db"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_StoresASnapshotAndReadsItBack()
    {
        var store = await SharedStore.OpenAsync();
        var first = await store.SearchFoodsAsync("pepitas", 3, TestContext.Current.CancellationToken);
        Assert.Equal("12014", first[0].FoodId);
        Assert.Equal(592, first[0].MagnesiumMgPer100g);
        await using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Key\" FROM search_snapshots";
        Assert.Equal(Foods.FoodSearcher.Key, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
