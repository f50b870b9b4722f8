using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Spectre.Console;

namespace Magnesia.Cli.Features.Store;

/// <summary><c>magnesia db info</c>: where the database is and what it holds.</summary>
internal static class DbInfoCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("info", "Path and row counts.");
        command.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var info = DbInfoResponse.From(await store.InfoAsync(ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(info);
            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("Path", Terminal.Cell(info.Path));
            table.AddRow("Size", $"{info.SizeBytes / 1024.0 / 1024.0:0.0} MiB");
            table.AddRow("Foods", info.Foods.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("Portions", info.Portions.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("Food groups", info.FoodGroups.ToString("N0", CultureInfo.InvariantCulture));
            foreach (var d in info.Datasets)
                table.AddRow("Dataset", Terminal.Cell($"{d.Dataset}: {d.Foods:N0} foods, imported {d.ImportedAt:yyyy-MM-dd HH:mm} UTC"));
            cli.Console.Write(table);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
