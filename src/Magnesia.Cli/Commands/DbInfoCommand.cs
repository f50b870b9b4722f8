using Magnesia.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia db info</c>: where the database is and what it holds.</summary>
public sealed class DbInfoCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <summary>The JSON shape of <c>db info</c>.</summary>
    public sealed record DbInfoResponse(string Path, long SizeBytes, int Foods, int Portions, int FoodGroups, IReadOnlyList<DatasetInfo> Datasets);

    /// <summary>One provisioned dataset.</summary>
    public sealed record DatasetInfo(string Id, string Description, int FoodCount, DateTimeOffset ImportedAt);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await cli.OpenStoreAsync(settings, cancellationToken);
        var path = MagnesiaStore.ResolvePath(settings.Db, cli.Environment);
        var datasets = (await db.Datasets.AsNoTracking().ToListAsync(cancellationToken))
            .Select(d => new DatasetInfo(d.Id, d.Description, d.FoodCount, d.ImportedAt)).ToList();
        var info = new DbInfoResponse(
            path,
            new FileInfo(path).Length,
            await db.Foods.CountAsync(cancellationToken),
            await db.Portions.CountAsync(cancellationToken),
            await db.FoodGroups.CountAsync(cancellationToken),
            datasets);
        if (settings.Json)
            return cli.WriteJson(info);

        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("Path", Markup.Escape(info.Path));
        table.AddRow("Size", $"{info.SizeBytes / 1024.0 / 1024.0:0.0} MiB");
        table.AddRow("Foods", info.Foods.ToString("N0"));
        table.AddRow("Portions", info.Portions.ToString("N0"));
        table.AddRow("Food groups", info.FoodGroups.ToString("N0"));
        foreach (var d in info.Datasets)
            table.AddRow("Dataset", Markup.Escape($"{d.Id}: {d.FoodCount:N0} foods, imported {d.ImportedAt:yyyy-MM-dd HH:mm} UTC"));
        cli.Console.Write(table);
        return MagnesiaCli.Ok;
    }
}
