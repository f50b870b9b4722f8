using System.Text.Json;
using Magnesia.Data;

namespace Magnesia.Cli.Tests;

/// <summary>Runs the CLI in-process against a copy of a provisioned database.</summary>
internal static class CliRunner
{
    private static readonly string Root = Magnesia.Testing.TempRoot.ForProcess("magnesia-cli-tests-");

    // Provisioning SR28 takes seconds; do it once per test run and copy the file for each test.
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "template.db");
        await using (var db = await MagnesiaStore.OpenAsync(path))
            await db.Database.ExecuteSqlRawAsyncSafe("PRAGMA wal_checkpoint(TRUNCATE);");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    });

    public sealed record Result(int Exit, string Out, string Err)
    {
        public JsonElement Json => JsonDocument.Parse(Out).RootElement;
    }

    /// <summary>A fresh copy of the provisioned database.</summary>
    public static async Task<string> FreshDatabaseAsync()
    {
        var template = await Template.Value;
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(template, path);
        return path;
    }

    /// <summary>A path where no database exists yet, in a folder that exists (a new store is only made in an existing folder).</summary>
    public static string MissingDatabase() => Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "missing-" + Guid.NewGuid().ToString("N"))).FullName, "m.db");

    /// <summary>"Today" for every CLI run in the tests: 2026-11-26.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await MagnesiaCli.RunAsync(args, output, error, isTerminal: false, environment: _ => null, clock: new FixedClock(Now));
        return new Result(exit, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>Runs with --db pointing at a fresh provisioned copy.</summary>
    public static async Task<Result> RunWithDbAsync(params string[] args) =>
        await RunAsync([.. args, "--db", await FreshDatabaseAsync()]);
}

internal static class DatabaseFacadeExtensions
{
    public static Task<int> ExecuteSqlRawAsyncSafe(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade db, string sql) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db, sql);
}

/// <summary>Runs with stdin (a string) and a stdin that is or is not a terminal.</summary>
internal static class CliInput
{
    public static async Task<CliRunner.Result> RunAsync(string stdin, bool terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = await MagnesiaCli.RunAsync(args, output, error, input, terminal, isTerminal: false, environment: _ => null, clock: TimeProvider.System);
        return new CliRunner.Result(exit, output.ToString(), error.ToString());
    }
}
