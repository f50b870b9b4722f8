using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Diary;

/// <summary>
/// <c>magnesia log batch &lt;file|-&gt; [--date d] [--meal m]</c>: one food sentence per line, each optionally prefixed
/// <c>date,meal,</c>; every line is read first, then all are logged in one transaction, or none (exit 2) when any
/// line cannot be. Each line's reading is reported on stdout (the table, or <c>--json</c>).
/// </summary>
internal static class LogBatchCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var file = new Argument<string>("file") { Description = "A text file of sentences, one per line (\"2026-12-01,breakfast,2 eggs\" or \"1 cup brown rice\"), or - for stdin." };
        var date = CliOptions.Date("--date", "Day for lines without one, yyyy-mm-dd (default today).");
        var meal = CliOptions.Meal();
        var command = new Command("batch", "Log many foods at once, one sentence per line: all or nothing.") { file, date, meal };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var text = await cli.ReadTextAsync(path, "<file>", ct);
            var day = cli.Date(parse.GetValue(date));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var report = BatchResponse.From(await diary.LogBatchAsync(text, day, parse.GetValue(meal), cli.Today, profile, ct));
            var name = path == "-" ? "stdin" : path;
            if (report.Lines.Count == 0)
                throw new UsageException($"{name}: no sentences to log (one per line: \"2 eggs\", \"2026-12-01,lunch,1 cup brown rice\")");
            if (parse.GetValue(g.Json))
                cli.WriteJson(report);
            else
                WriteTable(cli, report);
            foreach (var l in report.Lines)
            {
                foreach (var w in l.Warnings)
                    cli.Error.WriteLine($"warning: line {l.Line}: {w}");
            }

            if (!report.Logged)
            {
                var bad = report.Lines.Where(l => l.Problem is not null).ToList();
                var others = bad.Skip(1).Select(l => l.Line).ToList();
                var also = others.Count == 0 ? "" : $"; also line{(others.Count > 1 ? "s" : "")} {string.Join(", ", others.Take(MoreLinesNamed))}{(others.Count > MoreLinesNamed ? ", …" : "")}";
                throw new UsageException($"{name}: nothing logged: {bad.Count} of {report.Lines.Count} lines cannot be (line {bad[0].Line}: {bad[0].Problem}{also})");
            }

            cli.Error.WriteLine($"logged {report.Entries} entries from {name}: {Checks.Mg(report.MagnesiumMg)} mg magnesium");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    // The one-line refusal names the first bad line's problem and up to this many more line numbers (the table has them all).
    private const int MoreLinesNamed = 10;

    private static void WriteTable(CliContext cli, BatchResponse report)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = new Table().AddColumns(new TableColumn("Line").RightAligned(), new TableColumn("Date"), new TableColumn("Meal"), new TableColumn("Read as"),
            new TableColumn("g").RightAligned(), new TableColumn("Mg mg").RightAligned(), new TableColumn("Id").RightAligned());
        foreach (var l in report.Lines)
        {
            t.AddRow(l.Line.ToString(inv), l.Date.ToString("yyyy-MM-dd", inv), l.Meal ?? "",
                Terminal.Cell(l.Problem is null ? $"{l.Name} ({Magnesia.Foods.FoodId.From(l.FoodId!)?.Label ?? l.FoodId}; {l.How})" : $"{l.Text}: {l.Problem}"),
                l.Grams?.ToString("0.#", inv) ?? "", l.MagnesiumMg is { } mg ? Checks.Mg(mg) : "", l.Id?.ToString(inv) ?? "");
        }

        cli.Console.Write(t);
    }
}
