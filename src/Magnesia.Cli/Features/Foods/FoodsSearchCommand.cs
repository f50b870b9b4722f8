using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Spectre.Console;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods search &lt;query…&gt; [--limit N]</c></summary>
internal static class FoodsSearchCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var query = new Argument<string[]>("query") { Description = "What you ate, in your own words (typos are fine).", Arity = ArgumentArity.ZeroOrMore };
        var limit = CliOptions.Whole("--limit", "Number of results, 1–100 (default 10).");
        var command = new Command("search", "Typo-tolerant ranked search over descriptions and common names.") { query, limit };
        command.Guarded(r =>
        {
            var text = string.Join(' ', r.GetValue(query) ?? []);
            Checks.Report(r,
                string.IsNullOrWhiteSpace(text) || SearchText.Words(text).Count == 0 ? "<query> must contain at least one word"
                : Checks.In(r.GetValue(limit), "--limit", ResultLimits.Search) is { } bad ? bad
                : null);
        });
        command.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var hits = (await store.SearchFoodsAsync(string.Join(' ', parse.GetValue(query)!), parse.GetValue(limit) ?? ResultLimits.DefaultSearch, ct)).Select(FoodHitResponse.From).ToList();
            return parse.GetValue(g.Json) ? cli.WriteJson(hits) : Render(cli, hits);
        });
        return command;
    }

    /// <summary>"SR28", "FDC Foundation 2346403", "IFCT A001": the dataset in a few words and the id there.</summary>
    private static string Source(string dataset, string id) => dataset switch
    {
        "usda-sr28" => "SR28",
        "fdc-foundation" => $"FDC Foundation {id}",
        "fdc-sr-legacy" => $"FDC SR Legacy {id}",
        "fdc-survey" => $"FDC FNDDS {id}",
        "fdc-branded" => $"FDC Branded {id}",
        "ifct2017" => $"IFCT {id}",
        _ => $"{dataset} {id}",
    };

    // Human output lives apart from the action so that a JSON run never loads the table library.
    private static int Render(CliContext cli, List<FoodHitResponse> hits)
    {
        if (hits.Count == 0)
        {
            cli.Out.WriteLine("No foods found.");
            return MagnesiaCli.Ok;
        }

        var table = new Table().AddColumns(new TableColumn("Id"), new TableColumn("Food"), new TableColumn("Group"), new TableColumn("Mg mg/100 g").RightAligned(), new TableColumn("Source"), new TableColumn("Score").RightAligned());
        foreach (var h in hits)
        {
            var name = (h.Weak ? h.Name + " (?)" : h.Name) + (h.Brand is { } b ? $" — {b}" : string.Empty);
            var source = Source(h.Dataset, h.SourceId) + (h.AlsoIn.Count > 0 ? $" (also {string.Join(", ", h.AlsoIn.Select(a => Source(a.Dataset, a.SourceId)))})" : string.Empty);
            table.AddRow(Terminal.Cell(h.FoodId), Terminal.Cell(name), Terminal.Cell(h.Group), Checks.Mg(h.MagnesiumMgPer100g), Terminal.Cell(source), h.Score.ToString("0.00", CultureInfo.InvariantCulture));
        }

        cli.Console.Write(table);
        if (hits.Any(h => h.Weak))
            cli.Out.WriteLine("(?) no food matched your words; these only share letters with them.");
        return MagnesiaCli.Ok;
    }
}
