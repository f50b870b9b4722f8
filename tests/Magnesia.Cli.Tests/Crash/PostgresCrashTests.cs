using System.Globalization;
using Npgsql;
using Magnesia.Testing;

namespace Magnesia.Cli.Tests.Crash;

/// <summary>
/// SIGKILL of the CLI on the PostgreSQL store (the server .ci/run starts; <c>MAGNESIA_TEST_POSTGRES</c>): during first-use
/// migration and SR28 provisioning, and during an import. The store must be as it was or complete, never half, and the
/// next command must finish. PostgreSQL's transactional DDL and the advisory lock (released with the killed session) are
/// what make it so.
/// </summary>
[Slow]
public sealed class PostgresCrashTests
{
    private static readonly int Kills =
        int.TryParse(Environment.GetEnvironmentVariable("MAGNESIA_CRASH_KILLS"), CultureInfo.InvariantCulture, out var k) && k > 0 ? Math.Min(k, 40) : 6;

    private static readonly CrashHarness Harness = new(TimeSpan.FromSeconds(60));

    private static string Database(string server, string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    private static string NewName() => "magnesia_k" + Guid.NewGuid().ToString("N")[..14];

    // Counts read directly: "after" when everything is there, "before" when nothing is, the counts otherwise.
    private static string Provisioned(string connection)
    {
        try
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            using var cmd = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM foods), (SELECT COUNT(*) FROM food_nutrients), (SELECT COUNT(*) FROM datasets)", c);
            using var r = cmd.ExecuteReader();
            r.Read();
            var (foods, nutrients, datasets) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
            return (foods, nutrients, datasets) switch
            {
                (0, 0, 0) => "before",
                (8789, 100161, 1) => "after",
                _ => $"foods {foods}, nutrients {nutrients}, datasets {datasets}",
            };
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return "before"; // no database, or no tables yet: nothing provisioned
        }
    }

    [Fact]
    public async Task KilledFirstUse_NeverHalfProvisions()
    {
        var server = TestPostgres.Server();
        var store = new CrashStore(
            () => Task.FromResult(Database(server, NewName())),
            connection => ["--connection", connection],
            async (harness, connection) =>
            {
                var direct = Provisioned(connection);
                var next = await harness.RunAsync(["db", "info", "--json", "--connection", connection], CancellationToken.None);
                if (next.Exit != 0 || !next.Out.Contains("\"foods\": 8789", StringComparison.Ordinal))
                    return $"the next command failed ({next.Exit}): {next.Err.Trim()}";
                return direct;
            });
        var outcome = await Harness.RunAsync(new CrashScenario("PostgreSQL first use (migrate + provision)", ["db", "info"], store), Kills, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
    }

    [Fact]
    public async Task KilledImport_LeavesTheDiaryAsBeforeOrAfter()
    {
        var server = TestPostgres.Server();
        // A provisioned database with a diary, used as a template; and an export of another diary to import.
        var template = NewName();
        var source = Database(server, template);
        foreach (var args in new[]
        {
            "profile set --birth-date 1980-05-01 --sex female", "log food 11457 --grams 120 --date 2026-11-20", "log symptom fatigue --severity 2 --date 2026-11-21",
        })
        {
            var r = await Harness.RunAsync([.. args.Split(' '), "--connection", source], TestContext.Current.CancellationToken);
            Assert.True(r.Exit == 0, r.Err);
        }

        var other = Database(server, NewName());
        foreach (var args in new[] { "profile set --age 50 --sex male", "log food 12014 --grams 30 --date 2026-11-22", "log supplement citrate --elemental-mg 100 --date 2026-11-22" })
            Assert.Equal(0, (await Harness.RunAsync([.. args.Split(' '), "--connection", other], TestContext.Current.CancellationToken)).Exit);
        var file = Path.Combine(Path.GetTempPath(), $"magnesia-pg-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await Harness.RunAsync(["export", "--connection", other], TestContext.Current.CancellationToken)).Out, TestContext.Current.CancellationToken);
        NpgsqlConnection.ClearAllPools();

        var store = new CrashStore(
            () =>
            {
                var name = NewName();
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
                create.ExecuteNonQuery();
                return Task.FromResult(Database(server, name));
            },
            connection => ["--connection", connection],
            async (harness, connection) =>
            {
                var export = await harness.RunAsync(["export", "--connection", connection], CancellationToken.None);
                return export.Exit == 0 ? export.Out : $"export failed ({export.Exit}): {export.Err}";
            });
        var outcome = await Harness.RunAsync(new CrashScenario("PostgreSQL import --replace", ["import", file, "--replace"], store), Kills, seed: 14, workers: 2, TestContext.Current.CancellationToken);
        Assert.True(outcome.Hangs == 0 && outcome.HalfWrites == 0, string.Join('\n', outcome.Problems.Take(5)));
    }
}
