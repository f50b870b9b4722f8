using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;
using Npgsql;
using Magnesia.Testing;

namespace Magnesia.Data.Tests;

/// <summary>
/// The store on PostgreSQL (a throwaway server started by .ci/run; <c>MAGNESIA_TEST_POSTGRES</c> holds its connection
/// string): migrations, SR28 provisioning, the diary door, reports, search and export behave as on SQLite.
/// </summary>
[Slow]
public sealed class PostgresStoreTests
{
    /// <summary>The server's connection string, or null (then these tests skip, saying why).</summary>
    public static string? Server => Environment.GetEnvironmentVariable("MAGNESIA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>A new, empty database on the server.</summary>
    public static string NewDatabase()
    {
        var b = new NpgsqlConnectionStringBuilder(Server) { Database = "magnesia_t" + Guid.NewGuid().ToString("N")[..12] };
        return b.ConnectionString;
    }

    private static void RequireServer()
    {
        if (Server is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI must provide MAGNESIA_TEST_POSTGRES (.ci/run starts a server)");
            Assert.Skip("no PostgreSQL server: set MAGNESIA_TEST_POSTGRES (bash .ci/run starts one)");
        }
    }

    [Fact]
    public async Task Open_MigratesProvisionsAndServesTheDiary()
    {
        RequireServer();
        var ct = TestContext.Current.CancellationToken;
        var store = await Store.OpenPostgresAsync(NewDatabase(), ct: ct);
        var info = await store.InfoAsync(ct);
        Assert.Equal(8_789, info.Foods);
        Assert.StartsWith("postgresql://", info.Path, StringComparison.Ordinal);

        await using var diary = new DiaryStore(store, "u1", TimeProvider.System);
        var profile = new DiaryProfile(Sex.Female, null, 40, new DateOnly(2026, 7, 1), [], [], null, []);
        await diary.SetProfileAsync(profile, ct);
        var day = new DateOnly(2026, 7, 1);
        // SR28 11457 spinach raw 79 mg/100 g; 12014 pumpkin seed kernels 592 mg/100 g.
        await diary.AddFoodAsync(day, Meal.Lunch, new FoodRef(FoodSource.Catalog, "11457"), 100, new AmountEntered("g", 100), ct);
        await diary.AddFoodAsync(day, null, new FoodRef(FoodSource.Catalog, "12014"), 30, new AmountEntered("g", 30), ct);
        await diary.AddSupplementAsync(day, "citrate", Mass.FromMilligrams(200), null, Mass.Zero, ct);
        await diary.AddSymptomAsync(day, "fatigue", 2, "tired", ct);

        var report = await diary.DayAsync(profile, day, ct);
        Assert.Equal(79 + 177.6 + 200, report.MagnesiumTotal.Milligrams, 6);
        Assert.Single(report.Symptoms);
        var period = await diary.PeriodAsync(profile, day.AddDays(-6), day, ct);
        Assert.Single(period.LoggedDays);

        var hits = await store.SearchFoodsAsync("spinch raw", 3, ct);
        Assert.Equal("11457", hits[0].FoodId);
        var json = System.Text.Json.JsonSerializer.Serialize(await diary.ExportAsync(ct), DiaryDocument.JsonOptions);
        await using var other = new DiaryStore(store, "u2", TimeProvider.System);
        await other.ImportAsync(json, "export.json", ct);
        Assert.Equal(4, (await other.CountAsync(ct)).Entries);
        Assert.Equal(4, (await diary.CountAsync(ct)).Entries);
    }

    [Fact]
    public async Task TwoInstancesOpeningTogether_OneUpgradesTheOtherWaits()
    {
        RequireServer();
        var ct = TestContext.Current.CancellationToken;
        var database = NewDatabase();
        var stores = await Task.WhenAll(Store.OpenPostgresAsync(database, ct: ct), Store.OpenPostgresAsync(database, ct: ct));
        foreach (var s in stores)
            Assert.Equal(8_789, (await s.InfoAsync(ct)).Foods);
    }
}
