using Magnesia.Testing;

namespace Magnesia.Cli.Tests;

/// <summary>
/// The CLI against the PostgreSQL store with <c>--connection</c> (a server started by .ci/run; <c>MAGNESIA_TEST_POSTGRES</c>):
/// the same commands and JSON as on the SQLite file.
/// </summary>
[Slow]
public sealed class PostgresCliTests
{
    private static string Connection() => TestPostgres.NewDatabase("magnesia_cli");

    // SR28 18069 white bread: "1 slice" = 29 g, 23 mg/100 g → 2 slices = 58 g, 13.34 mg.
    [Fact]
    public async Task TheDiary_WorksOnPostgres()
    {
        var c = Connection();
        Assert.Equal(0, (await CliRunner.RunAsync("profile", "set", "--age", "40", "--sex", "female", "--connection", c)).Exit);
        var logged = await CliRunner.RunAsync("log", "food", "2", "slices", "white", "bread", "--date", "2026-11-20", "--json", "--connection", c);
        Assert.True(logged.Exit == 0, logged.Err);
        Assert.Contains("\"grams\": 58", logged.Out, StringComparison.Ordinal);
        var day = await CliRunner.RunAsync("day", "--date", "2026-11-20", "--json", "--connection", c);
        Assert.Contains("\"magnesiumFoodMg\": 13.34", day.Out, StringComparison.Ordinal);
        // Favourites: the upsert (ON CONFLICT) and the newest-first order on PostgreSQL's timestamps.
        foreach (var sentence in new[] { "2 eggs", "1 cup brown rice", "3 eggs" })
            Assert.Equal(0, (await CliRunner.RunAsync(["favourites", "add", .. sentence.Split(' '), "--connection", c])).Exit);
        var favourites = await CliRunner.RunAsync("favourites", "list", "--json", "--connection", c);
        Assert.True(favourites.Exit == 0, favourites.Err);
        Assert.Equal(["01123", "20037"], System.Text.Json.JsonDocument.Parse(favourites.Out).RootElement.EnumerateArray().Select(f => f.GetProperty("foodId").GetString()));
        Assert.Contains("\"grams\": 150", favourites.Out, StringComparison.Ordinal);
        var info = await CliRunner.RunAsync("db", "info", "--json", "--connection", c);
        Assert.Contains("\"foods\": 8789", info.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbAndConnectionTogether_IsBadInput_WithoutTouchingAServer()
    {
        var r = await CliRunner.RunAsync("day", "--db", "/tmp/x.db", "--connection", "Host=127.0.0.1;Database=x");
        Assert.Equal(2, r.Exit);
        Assert.Contains("not both", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backups_OfPostgres_PointToPgDump()
    {
        var r = await CliRunner.RunAsync("db", "backup", "/tmp/x.db", "--connection", "Host=127.0.0.1;Database=x");
        Assert.Equal(2, r.Exit);
        Assert.Contains("pg_dump", r.Err, StringComparison.Ordinal);
    }
}
