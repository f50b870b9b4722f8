using System.Text.Json;

namespace Magnesia.Cli.Tests;

/// <summary>
/// <c>magnesia log batch</c> (issue 22): one sentence per line, all or nothing. SR28 WEIGHT.txt: egg 01123 "1 large" =
/// 50 g (12 mg/100 g); brown rice cooked 20037 "1 cup" = 202 g (39 mg/100 g); almonds 12061, 270 mg/100 g.
/// </summary>
public sealed class LogBatchTests
{
    [Fact]
    public async Task LogBatch_LogsEveryLineWithItsDateAndMeal()
    {
        var db = await Diary.WithProfileAsync();
        var file = Path.Combine(Path.GetDirectoryName(db)!, "batch.txt");
        await File.WriteAllTextAsync(file, "2 eggs\r\n# a comment\n\n2026-11-25,breakfast,1 cup brown rice\n,snack,30 g 12061\n", TestContext.Current.CancellationToken);
        var r = await CliRunner.RunAsync("log", "batch", file, "--meal", "lunch", "--json", "--db", db);
        Assert.True(r.Exit == 0, r.Err);
        var j = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(j.GetProperty("logged").GetBoolean());
        Assert.Equal(3, j.GetProperty("entries").GetInt32());
        var lines = j.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([1, 4, 5], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal(["01123", "20037", "12061"], lines.Select(l => l.GetProperty("foodId").GetString()));
        Assert.Equal([100.0, 202.0, 30.0], lines.Select(l => l.GetProperty("grams").GetDouble()));
        Assert.Equal(["2026-11-26", "2026-11-25", "2026-11-26"], lines.Select(l => l.GetProperty("date").GetString()));
        Assert.Equal(["lunch", "breakfast", "snack"], lines.Select(l => l.GetProperty("meal").GetString()));
        Assert.Equal(12 + 78.78 + 81, j.GetProperty("magnesiumMg").GetDouble(), 2);
        var day = JsonDocument.Parse(await Diary.RunOkAsync(db, "day", "--date", "2026-11-25", "--json")).RootElement;
        Assert.Equal(78.78, day.GetProperty("magnesiumTotalMg").GetDouble(), 2);
    }

    [Fact]
    public async Task LogBatch_OneBadLine_LogsNothingAndNamesEveryBadLine()
    {
        var db = await Diary.WithProfileAsync();
        var before = await Diary.ExportAsync(db);
        var r = await CliInput.RunAsync("2 eggs\n100 g épinards\n2026-13-01,lunch,1 apple\nbanana\n1 banana\n", false, "log", "batch", "-", "--db", db);
        Assert.Equal(2, r.Exit);
        var err = r.Err.Trim();
        Assert.DoesNotContain("\n", err, StringComparison.Ordinal);
        Assert.StartsWith("magnesia: stdin: nothing logged: 3 of 5 lines cannot be (line 2: no food named 'épinards'", err, StringComparison.Ordinal);
        Assert.EndsWith("also lines 3, 4)", err, StringComparison.Ordinal);
        Assert.Contains("date '2026-13-01' is not a day as yyyy-mm-dd", r.Out, StringComparison.Ordinal);
        Assert.Equal(before, await Diary.ExportAsync(db));
    }

    [Fact]
    public async Task LogBatch_EmptyInput_IsBadInput()
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliInput.RunAsync("\n# nothing\n", false, "log", "batch", "-", "--db", db);
        Assert.Equal(2, r.Exit);
        Assert.Contains("stdin: no sentences to log", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogBatch_UnlikelyAmount_WarnsAndLogs()
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliInput.RunAsync("5 kg pumpkin seeds\n", false, "log", "batch", "-", "--db", db);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("warning: line 1: 29600 mg magnesium in one entry is more than your RDA for the whole day (320 mg)", r.Err, StringComparison.Ordinal);
        Assert.Contains("warning: line 1: 5000 g of one food at once", r.Err, StringComparison.Ordinal);
    }

    // A small count typed as grams: "2 g" of egg (01123, lightest measure "1 medium" 44 g) asks whether 2 × 1 large was meant.
    [Fact]
    public async Task LogFood_CountTypedAsGrams_WarnsOnStderrAndLogs()
    {
        var db = await Diary.WithProfileAsync();
        var r = await CliRunner.RunAsync("log", "food", "01123", "--grams", "2", "--db", db);
        Assert.Equal(0, r.Exit);
        Assert.Contains("warning: 2 g is less than half of 1 large (50 g): did you mean 2 × 1 large = 100 g?", r.Err, StringComparison.Ordinal);
        var quiet = await CliRunner.RunAsync("log", "food", "01123", "--grams", "50", "--db", db);
        Assert.DoesNotContain("warning", quiet.Err, StringComparison.Ordinal);
    }
}
