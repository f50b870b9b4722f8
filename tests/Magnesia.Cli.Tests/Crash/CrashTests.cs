using System.Globalization;
using Magnesia.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Magnesia.Testing;

namespace Magnesia.Cli.Tests.Crash;

/// <summary>
/// The crash-injection suite: every writing command killed with SIGKILL at seeded random moments; the next command must
/// finish within a bound and see the store exactly as before or exactly as after. CI runs a short version (10 kills per
/// command, 130 in all); <c>bash bench/crash.sh</c> sets <c>MAGNESIA_CRASH_KILLS</c> for the long one and writes the table.
/// </summary>
[Slow]
public sealed class CrashTests
{
    private static readonly int KillsPerCommand =
        int.TryParse(Environment.GetEnvironmentVariable("MAGNESIA_CRASH_KILLS"), CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 10;

    private static readonly string Root = Magnesia.Testing.TempRoot.ForProcess("magnesia-crash-");

    private static readonly CrashHarness Harness = new(TimeSpan.FromSeconds(60));

    // A diary with something of every kind, so that deleting, replacing and adding all change what a user sees.
    private static readonly Lazy<Task<string>> DiaryTemplate = new(async () =>
    {
        var db = await CliRunner.FreshDatabaseAsync();
        foreach (var args in new[]
        {
            "profile set --birth-date 1980-05-01 --sex female",
            "log food 11457 --grams 120 --meal lunch --date 2026-11-20",
            "log supplement citrate --elemental-mg 150 --date 2026-11-20",
            "log symptom fatigue --severity 2 --date 2026-11-21",
            "foods add --name Bar --magnesium-mg 90",
            "recipes add --name Bowl --servings 2 --ingredient 11457=100 --ingredient c1=50",
            "labs add serum-magnesium 0.8 --unit mmol/L --date 2026-11-01",
            "foods search warm up",
        })
        {
            await Diary.RunOkAsync(db, args.Split(' '));
        }

        Checkpoint(db);
        return db;
    });

    private static readonly Lazy<Task<string>> ImportFile = new(async () =>
    {
        var db = await DiaryTemplate.Value;
        var copy = Copy(db);
        await Diary.RunOkAsync(copy, "log", "food", "12014", "--grams", "30", "--date", "2026-11-22");
        await Diary.RunOkAsync(copy, "profile", "set", "--birth-date", "1981-02-03", "--sex", "female");
        var file = Path.Combine(Root, "import.json");
        await File.WriteAllTextAsync(file, await Diary.ExportAsync(copy));
        return file;
    });

    // A backup of the diary with one more entry: restoring it must leave the store as it was or as the backup.
    private static readonly Lazy<Task<string>> BackupFile = new(async () =>
    {
        var copy = Copy(await DiaryTemplate.Value);
        await Diary.RunOkAsync(copy, "log", "food", "12014", "--grams", "30", "--date", "2026-11-22");
        var file = Path.Combine(Root, "backup.db");
        await Diary.RunOkAsync(copy, "db", "backup", file);
        return file;
    });

    private static readonly CrashStore DiaryStore = new(
        async () => Copy(await DiaryTemplate.Value),
        db => ["--db", db],
        async (harness, db) =>
        {
            // The next command, bounded; then the lab rows, which the export does not hold.
            var export = await harness.RunAsync(["export", "--db", db], CancellationToken.None);
            if (export.Exit != 0)
                return $"export failed ({export.Exit}): {export.Err}";
            return export.Out + "\n" + ReadLabs(db);
        });

    public static TheoryData<string> Commands => new()
    {
        "log food 12014 --oz 1 --date 2026-11-22",
        "log food pumpkin seeds --grams 40 --date 2026-11-22",
        "log supplement glycinate --compound-mg 1000 --date 2026-11-22",
        "log symptom muscle-cramps --severity 3 --note night --date 2026-11-22",
        "foods add --name Drink --serving-grams 250 --magnesium-mg 30 --calcium-mg 300",
        "recipes add --name Salad --servings 3 --ingredient 11457=200 --ingredient 12014=30",
        "labs add creatinine 0.9 --unit mg/dL --date 2026-11-10",
        "profile set --age 50 --sex male --medications ppi",
        "entries delete 2",
        "import IMPORT --replace",
        "db restore BACKUP --yes",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task KilledWrite_LeavesTheStoreAsBeforeOrAfter(string command)
    {
        var args = command.Split(' ');
        if (args[0] == "import")
            args[1] = await ImportFile.Value;
        if (args[0] == "db")
            args[2] = await BackupFile.Value;
        var outcome = await Harness.RunAsync(new CrashScenario(command.Replace("IMPORT", "diary.json", StringComparison.Ordinal).Replace("BACKUP", "backup.db", StringComparison.Ordinal), args, DiaryStore), KillsPerCommand, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Record(outcome);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
    }

    // First use: migrations and the SR28 import into a new file. The file must hold either nothing or all the foods
    // with all their nutrients, and the next command must finish and see 8,789 foods.
    [Fact]
    public async Task KilledFirstUse_NeverHangsOrHalfProvisions()
    {
        var store = new CrashStore(
            () => Task.FromResult(Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "first-" + Guid.NewGuid().ToString("N"))).FullName, "m.db")),
            db => ["--db", db],
            async (harness, db) =>
            {
                var direct = Provisioned(db);
                var next = await harness.RunAsync(["db", "info", "--json", "--db", db], CancellationToken.None);
                if (next.Exit != 0 || !next.Out.Contains("\"foods\": 8789", StringComparison.Ordinal))
                    return $"the next command failed ({next.Exit}): {next.Err.Trim()}";
                return direct;
            });
        var outcome = await Harness.RunAsync(new CrashScenario("first use (migrate + provision)", ["db", "info"], store), KillsPerCommand, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Record(outcome);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
    }

    // An upgrade of a store written by an older version (schema up to Labs, foods without the nutrient table), which
    // also holds a stale EF Core migration lock row, as a version killed mid-migration leaves. The killed upgrade must
    // leave either the old store or the upgraded one, and the next command must finish and upgrade it.
    [Fact]
    public async Task KilledUpgrade_NeverHangsOrLosesData()
    {
        var template = await OldStoreAsync();
        var store = new CrashStore(
            () => Task.FromResult(Copy(template)),
            db => ["--db", db],
            async (harness, db) =>
            {
                var next = await harness.RunAsync(["export", "--db", db], CancellationToken.None);
                return next.Exit == 0 ? next.Out : $"export failed ({next.Exit}): {next.Err.Trim()}";
            });
        var outcome = await Harness.RunAsync(new CrashScenario("upgrade from an older schema", ["recipes", "list"], store, AfterOnly: true), KillsPerCommand, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Record(outcome);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
    }

    [Fact]
    public async Task StaleMigrationLockRow_DoesNotHangTheNextCommand()
    {
        var db = Copy(await OldStoreAsync());
        var r = await Harness.RunAsync(["db", "info", "--json", "--db", db], TestContext.Current.CancellationToken);
        Assert.Equal(0, r.Exit);
        Assert.Contains("\"foods\": 3", r.Out, StringComparison.Ordinal);
    }

    // Found by the long crash run: EF Core applies part of the NutrientVector migration outside a transaction, so a kill
    // left "custom_food_nutrients" created but the migration unrecorded, and every later start failed. Here the
    // half-applied state is made by hand, with the copy an interrupted upgrade leaves: the next start restores and redoes it.
    [Fact]
    public async Task HalfAppliedUpgrade_IsRestoredFromItsCopyAndRedone()
    {
        var db = Copy(await OldStoreAsync());
        File.Copy(db, db + ".pre-upgrade");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE custom_food_nutrients (\"CustomFoodId\" INTEGER NOT NULL, \"Nutrient\" TEXT NOT NULL, \"Amount\" INTEGER NOT NULL)";
            cmd.ExecuteNonQuery();
        }

        var r = await Harness.RunAsync(["export", "--db", db], TestContext.Current.CancellationToken);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("\"magnesiumMgPer100g\": 12", r.Out, StringComparison.Ordinal); // the custom food survived the upgrade
        Assert.False(File.Exists(db + ".pre-upgrade"));
    }

    // A copy left by an upgrade that finished its migrations but died before removing the copy: the store looks current,
    // yet it must not be written to past the copy (a later recovery would restore the copy over the new writes).
    [Fact]
    public async Task LeftoverUpgradeCopy_IsRecoveredBeforeAnyWrite()
    {
        var db = Copy(await DiaryTemplate.Value);
        File.Copy(db, db + ".pre-upgrade");
        await Diary.RunOkAsync(db, "log", "food", "12014", "--grams", "10", "--date", "2026-11-22");
        Assert.False(File.Exists(db + ".pre-upgrade"));
        Assert.Contains("\"food\": \"12014\"", await Diary.ExportAsync(db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveUpgradeLock_IsWaitedForThenNamedWithExit1()
    {
        var db = Path.Combine(Root, "locked-" + Guid.NewGuid().ToString("N"), "m.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        // This test process holds the lock as a live upgrader would.
        await using var held = new FileStream(db + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await File.WriteAllTextAsync(db + ".lock.owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        var info = new System.Diagnostics.ProcessStartInfo(CrashHarness.Cli) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "db", "info", "--db", db })
            info.ArgumentList.Add(a);
        info.Environment["MAGNESIA_LOCK_TIMEOUT_SECONDS"] = "2";
        using var p = System.Diagnostics.Process.Start(info)!;
        var err = await p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, p.ExitCode);
        Assert.Contains($"the store is being upgraded by process {Environment.ProcessId}; waiting", err, StringComparison.Ordinal);
        Assert.Contains($"magnesia: the store is being upgraded by process {Environment.ProcessId} and it did not finish within 2 s", err, StringComparison.Ordinal);
    }

    // A branded release of 20,000 foods and 400,000 nutrient rows (a couple of seconds to import): a killed import must
    // leave the foods as they were (SR28 and the diary's custom food only) or the whole release, with its log row.
    [Fact]
    public async Task KilledFdcImport_LeavesTheFoodsAsBeforeOrAfter()
    {
        var release = Path.Combine(Root, "fdc-release", "FoodData_Central_branded_food_csv_2099-01-01");
        lock (Root)
        {
            if (!File.Exists(Path.Combine(release, "food_nutrient.csv")))
                Magnesia.Bench.SyntheticFdc.WriteRelease(release, 20_000);
        }

        var store = new CrashStore(
            async () => Copy(await DiaryTemplate.Value),
            db => ["--db", db],
            async (harness, db) =>
            {
                // The next command must finish (and rebuild the search snapshot if the kill came before it was stored).
                var next = await harness.RunAsync(["foods", "search", "milk", "--json", "--db", db], CancellationToken.None);
                if (next.Exit != 0)
                    return $"the next search failed ({next.Exit}): {next.Err.Trim()}";
                using var c = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = """
                    SELECT (SELECT group_concat(s, ';') FROM (SELECT "Source" || '=' || COUNT(*) AS s FROM foods GROUP BY "Source" ORDER BY "Source")) || '|' ||
                           (SELECT COUNT(*) FROM food_nutrients) || '|' || (SELECT COUNT(*) FROM food_portions) || '|' ||
                           (SELECT COUNT(*) FROM food_imports) || '|' || (SELECT COUNT(*) FROM datasets)
                    """;
                return cmd.ExecuteScalar() as string ?? "";
            });
        var outcome = await Harness.RunAsync(new CrashScenario("foods import fdc (20,000 branded foods)", ["foods", "import", "fdc", Path.GetDirectoryName(release)!, "--data-type", "branded"], store),
            KillsPerCommand, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Record(outcome);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
        Assert.True(outcome.SeenBefore > 0 && outcome.SeenAfter > 0, $"kills saw before {outcome.SeenBefore}, after {outcome.SeenAfter} times: both must occur for the test to mean anything");
    }

    private static void Record(CrashOutcome outcome)
    {
        TestContext.Current.SendDiagnosticMessage(CrashHarness.Table([outcome]));
        if (Environment.GetEnvironmentVariable("MAGNESIA_CRASH_RESULTS") is { Length: > 0 } file)
        {
            lock (Root)
                File.AppendAllText(file, $"{outcome.Name}\t{outcome.Kills}\t{outcome.Hangs}\t{outcome.HalfWrites}\t{outcome.SeenBefore}\t{outcome.SeenAfter}\n");
        }
    }

    private static string Copy(string db)
    {
        Directory.CreateDirectory(Root);
        var dir = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var copy = Path.Combine(dir, "m.db");
        File.Copy(db, copy);
        return copy;
    }

    private static void Checkpoint(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        cmd.ExecuteNonQuery();
    }

    private static string ReadLabs(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT group_concat(\"Id\" || ':' || \"Date\" || ':' || \"Loinc\" || ':' || \"Value\" || ':' || \"Unit\", ';') FROM (SELECT * FROM lab_results ORDER BY \"Id\")";
        return cmd.ExecuteScalar() as string ?? "";
    }

    /// <summary>"before" (nothing provisioned), "after" (all foods, nutrients, dataset) or the counts of anything else.</summary>
    private static string Provisioned(string db)
    {
        if (!File.Exists(db))
            return "before";
        try
        {
            using var c = new SqliteConnection($"Data Source={db};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT (SELECT COUNT(*) FROM foods), (SELECT COUNT(*) FROM food_portions), (SELECT COUNT(*) FROM food_nutrients), (SELECT COUNT(*) FROM datasets)";
            using var r = cmd.ExecuteReader();
            r.Read();
            var (foods, portions, nutrients, datasets) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            return (foods, nutrients, datasets) switch
            {
                (0, 0, 0) when portions == 0 => "before",
                (8789, 100161, 1) when portions > 13_000 => "after",
                _ => $"foods {foods}, portions {portions}, nutrients {nutrients}, datasets {datasets}",
            };
        }
        catch (SqliteException)
        {
            return "before"; // the schema is not there yet: nothing was provisioned
        }
    }

    private static readonly Lazy<Task<string>> OldStore = new(async () =>
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "old.db");
        await using (var db = new MagnesiaDbContext(MagnesiaStore.Options(path)))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126163747_Labs");
            foreach (var sql in new[]
            {
                "INSERT INTO food_groups (\"Code\", \"Name\") VALUES ('1100', 'Vegetables and Vegetable Products'), ('1200', 'Nut and Seed Products'), ('0900', 'Fruits and Fruit Juices')",
                "INSERT INTO foods (\"Ndb\", \"Name\", \"GroupCode\", \"SurveyFood\", \"MagnesiumUgPer100g\", \"CalciumUgPer100g\", \"PotassiumUgPer100g\", \"EnergyKcalPer100g\", \"Source\") VALUES ('11457', 'Spinach, raw', '1100', 1, 79000, 99000, 558000, 23, 'usda-sr28'), ('12014', 'Seeds, pumpkin and squash seed kernels, dried', '1200', 0, 592000, 46000, 809000, 559, 'usda-sr28'), ('09040', 'Bananas, raw', '0900', 1, 27000, 5000, 358000, 89, 'usda-sr28')",
                "INSERT INTO datasets (\"Id\", \"Description\", \"FoodCount\", \"ImportedAt\") VALUES ('usda-sr28', 'USDA SR28 (three foods, for the upgrade test)', 3, '2026-11-26 12:00:00+00:00')",
                "INSERT INTO profiles (\"UserId\", \"Sex\", \"BirthDate\") VALUES ('local', 'female', '1990-01-01')",
                "INSERT INTO custom_foods (\"Id\", \"UserId\", \"Name\", \"MagnesiumUgPer100g\", \"CalciumUgPer100g\", \"PotassiumUgPer100g\", \"EnergyKcalPer100g\", \"ServingGrams\") VALUES (1, 'local', 'Oat drink', 12000, 120000, 0, 44, 250)",
                "INSERT INTO diary_entries (\"UserId\", \"Date\", \"Kind\", \"Meal\", \"FoodRef\", \"Grams\", \"PortionEntered\", \"QuantityEntered\") VALUES ('local', '2026-11-20', 'food', 'lunch', '11457', 60, 'g', 60), ('local', '2026-11-20', 'food', NULL, 'c1', 250, 'serving', 1)",
                // What a process killed while holding EF Core's migration lock leaves behind.
                "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)",
                "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-26 12:00:00+00:00')",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        SqliteConnection.ClearAllPools();
        Checkpoint(path);
        return path;
    });

    private static Task<string> OldStoreAsync() => OldStore.Value;
}
