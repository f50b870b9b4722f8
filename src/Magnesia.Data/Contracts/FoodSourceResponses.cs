using Magnesia.Data.Importers.Fdc;
using Magnesia.Foods;

namespace Magnesia.Data.Contracts;

/// <summary>What an import did (<c>foods import … --json</c>): per dataset, rows read, seconds, rows per second, and the index rebuild.</summary>
public sealed record FoodImportResponse(IReadOnlyList<FoodImportSummary> Datasets, long RowsRead, double Seconds, double RowsPerSecond, double IndexSeconds)
{
    /// <summary>Maps an import result.</summary>
    public static FoodImportResponse From(FoodImportResult r, double indexSeconds)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Datasets, r.RowsRead, Math.Round(r.Seconds, 2), r.Seconds > 0 ? Math.Round(r.RowsRead / r.Seconds) : 0, Math.Round(indexSeconds, 2));
    }
}

/// <summary>A dataset the store holds, with its citation and terms.</summary>
public sealed record FoodDatasetResponse(string Dataset, string Name, string? Release, int Foods, DateTimeOffset ImportedAt, string Citation, string Terms);

/// <summary>One row of the import log.</summary>
public sealed record FoodImportLogResponse(DateTimeOffset ImportedAt, string Dataset, string? Release, string Origin, int Foods, long Nutrients, int Portions, int Retired, long RowsRead, double Seconds, string? EnergyBasis);

/// <summary><c>foods sources --json</c> and <c>GET /api/foods/sources</c>: datasets and the import log, newest first.</summary>
public sealed record FoodSourcesResponse(IReadOnlyList<FoodDatasetResponse> Datasets, IReadOnlyList<FoodImportLogResponse> Imports)
{
    /// <summary>Maps the store's datasets and log.</summary>
    public static FoodSourcesResponse From(IReadOnlyList<DatasetInfo> datasets, IReadOnlyList<FoodImportRecord> imports)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(imports);
        return new(
            [.. datasets.Select(d => (Info: d, Source: FoodDatasets.Find(d.Id))).Select(x => new FoodDatasetResponse(x.Info.Id, x.Source.Name, x.Info.Release, x.Info.FoodCount, x.Info.ImportedAt, x.Source.Citation, x.Source.Terms))],
            [.. imports.Select(i => new FoodImportLogResponse(i.ImportedAt, i.Dataset, i.Release, i.Origin, i.Foods, i.Nutrients, i.Portions, i.Retired, i.RowsRead, i.Seconds, i.EnergyBasis))]);
    }
}
