using Magnesia.Data.Foods;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Tests;

public sealed class MagnesiaStoreTests
{
    [Fact]
    public void ResolvePath_PrefersTheOptionThenTheVariableThenXdg()
    {
        var env = new Dictionary<string, string?> { ["MAGNESIA_DB"] = "/tmp/a.db", ["XDG_DATA_HOME"] = "/tmp/xdg" };
        Assert.Equal("/tmp/b.db", MagnesiaStore.ResolvePath("/tmp/b.db", k => env.GetValueOrDefault(k)));
        Assert.Equal("/tmp/a.db", MagnesiaStore.ResolvePath(null, k => env.GetValueOrDefault(k)));
        env.Remove("MAGNESIA_DB");
        Assert.Equal("/tmp/xdg/magnesia/magnesia.db", MagnesiaStore.ResolvePath(null, k => env.GetValueOrDefault(k)));
        env.Remove("XDG_DATA_HOME");
        Assert.EndsWith("/.local/share/magnesia/magnesia.db", MagnesiaStore.ResolvePath(null, k => env.GetValueOrDefault(k)), StringComparison.Ordinal);
    }

    // A store provisioned before WEIGHT.txt was embedded held ABBREV.txt's two measures per food (banana 09040: "1 cup,
    // mashed" 225 g, "1 cup, sliced" 150 g): the next open replaces the SR28 portions with all 15,438 (banana "1 medium"
    // 118 g is seq 5), keeps a logged entry's grams, and a further open writes nothing.
    [Fact]
    public async Task OpenAsync_FillsEveryHouseholdMeasure_IntoAStoreThatHadTwoPerFood()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var path = dir.File("old.db");
        await using (var db = await MagnesiaStore.OpenAsync(path, ct: ct))
        {
            await db.Portions.Where(p => p.Sequence > 2).ExecuteDeleteAsync(ct);
            db.Profiles.Add(new Diary.ProfileRecord { UserId = "u", Sex = "female", AgeYears = 40, AgeRecordedOn = new DateOnly(2026, 12, 1) });
            db.Entries.Add(new Diary.EntryRecord { UserId = "u", Date = new DateOnly(2026, 12, 1), Kind = Magnesia.Intake.EntryKind.Food, FoodRef = "09040", Grams = 150 });
            await db.SaveChangesAsync(ct);
            Assert.True(await db.Portions.CountAsync(ct) < 14_000);
        }

        await using (var db = await MagnesiaStore.OpenAsync(path, ct: ct))
        {
            Assert.Equal(Sr28Provisioner.ExpectedPortionCount, await db.Portions.CountAsync(ct));
            var banana = await db.Portions.Where(p => p.Ndb == "09040").OrderBy(p => p.Sequence).Select(p => new { p.Description, p.Grams }).ToListAsync(ct);
            Assert.Equal(8, banana.Count);
            Assert.Equal(("1 medium (7\" to 7-7/8\" long)", 118.0), (banana[4].Description, banana[4].Grams));
            Assert.Equal(150, (await db.Entries.SingleAsync(ct)).Grams);
            Assert.False(await Sr28Provisioner.EnsureMeasuresAsync(db, ct: ct));
        }
    }

    [Fact]
    public async Task OpenAsync_ProvisionsOnceAndIsIdempotent()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nested/m.db");
        var reports = new List<double>();
        await using (var db = await MagnesiaStore.OpenAsync(path, new SyncProgress(reports.Add), TestContext.Current.CancellationToken))
        {
            Assert.Equal(8_789, await db.Foods.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(25, await db.FoodGroups.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(Sr28Provisioner.ExpectedPortionCount, await db.Portions.CountAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(1.0, reports[^1]);
        await using (var db = await MagnesiaStore.OpenAsync(path, ct: TestContext.Current.CancellationToken))
        {
            Assert.False(await Sr28Provisioner.EnsureAsync(db, ct: TestContext.Current.CancellationToken));
            Assert.Equal(8_789, await db.Foods.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, await db.Datasets.CountAsync(TestContext.Current.CancellationToken));
            var spinach = await db.FoodNutrients.SingleAsync(n => n.Ndb == "11457" && n.Nutrient == Magnesia.Foods.Nutrient.Magnesium, TestContext.Current.CancellationToken);
            Assert.Equal(79_000, spinach.Amount);
            Assert.Equal(12, await db.FoodNutrients.CountAsync(n => n.Ndb == "11457", TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task EnsureAsync_InterruptedLeavesNoFoodsBehind()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.db");
        using var cts = new CancellationTokenSource();
        await using (var db = new MagnesiaDbContext(MagnesiaStore.Options(path)))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            // Cancel after the first batch has been written inside the transaction.
            var progress = new SyncProgress(p =>
            {
                if (p > 0.1)
                    cts.Cancel();
            });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sr28Provisioner.EnsureAsync(db, progress, ct: cts.Token));
        }

        await using (var db = new MagnesiaDbContext(MagnesiaStore.Options(path)))
        {
            Assert.Equal(0, await db.Foods.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Datasets.CountAsync(TestContext.Current.CancellationToken));
        }

        await using (var db = await MagnesiaStore.OpenAsync(path, ct: TestContext.Current.CancellationToken))
            Assert.Equal(8_789, await db.Foods.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LoadCatalogAsync_RoundTripsTheDomainFoods()
    {
        using var dir = new TempDirectory();
        await using var db = await MagnesiaStore.OpenAsync(dir.File("m.db"), ct: TestContext.Current.CancellationToken);
        var catalog = await FoodQueries.LoadCatalogAsync(db, TestContext.Current.CancellationToken);
        var seeds = catalog.Find("12014")!;
        Assert.Equal(592, seeds.MagnesiumPer100g!.Value.Milligrams);
        Assert.Equal(["pepitas"], seeds.CommonNames);
        Assert.Equal("Nut and Seed Products", seeds.Group.Name);
        Assert.Equal(2, seeds.Portions.Count);
        Assert.Equal("09040", catalog.Find("09040")!.Id.Value);
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
