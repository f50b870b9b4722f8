using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Spectre.Console;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods sources</c>: the datasets the store holds, with citations and terms, and the import log.</summary>
internal static class FoodsSourcesCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("sources", "The food datasets in the store (source, release, foods, citation, terms) and the import log.");
        command.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var (datasets, imports) = await store.FoodSourcesAsync(ct);
            var response = FoodSourcesResponse.From(datasets, imports);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(response);
            var table = new Table().AddColumns(new TableColumn("Dataset"), new TableColumn("Source"), new TableColumn("Release"), new TableColumn("Foods").RightAligned(), new TableColumn("Imported (UTC)"));
            foreach (var d in response.Datasets)
                table.AddRow(Terminal.Cell(d.Dataset), Terminal.Cell(d.Name), Terminal.Cell(d.Release ?? "–"), d.Foods.ToString("N0", CultureInfo.InvariantCulture), d.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            cli.Console.Write(table);
            foreach (var d in response.Datasets)
                cli.Out.WriteLine($"{d.Dataset}: {d.Citation}. Terms: {d.Terms}");
            if (response.Imports.Count > 0)
            {
                var log = new Table().Title("Import log").AddColumns(new TableColumn("When (UTC)"), new TableColumn("Dataset"), new TableColumn("Release"), new TableColumn("From"), new TableColumn("Foods").RightAligned(), new TableColumn("Nutrients").RightAligned(),
                    new TableColumn("Portions").RightAligned(), new TableColumn("Kept").RightAligned(), new TableColumn("Rows read").RightAligned(), new TableColumn("s").RightAligned(), new TableColumn("Energy from"));
                foreach (var i in response.Imports)
                {
                    log.AddRow(i.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Terminal.Cell(i.Dataset), Terminal.Cell(i.Release ?? "–"), Terminal.Cell(i.Origin),
                        i.Foods.ToString("N0", CultureInfo.InvariantCulture), i.Nutrients.ToString("N0", CultureInfo.InvariantCulture), i.Portions.ToString("N0", CultureInfo.InvariantCulture),
                        i.Retired.ToString("N0", CultureInfo.InvariantCulture), i.RowsRead.ToString("N0", CultureInfo.InvariantCulture), i.Seconds.ToString("0.0", CultureInfo.InvariantCulture), Terminal.Cell(i.EnergyBasis ?? "–"));
                }

                cli.Console.Write(log);
            }

            return MagnesiaCli.Ok;
        });
        return command;
    }
}
