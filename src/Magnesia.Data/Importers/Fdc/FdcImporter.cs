using System.Diagnostics;
using Magnesia.Foods;

namespace Magnesia.Data.Importers.Fdc;

/// <summary>FDC data types a user can import (<c>--data-type</c>).</summary>
[Flags]
public enum FdcDataTypes
{
    /// <summary>Foundation Foods (<c>foundation_food</c>).</summary>
    Foundation = 1,

    /// <summary>SR Legacy (<c>sr_legacy_food</c>).</summary>
    SrLegacy = 2,

    /// <summary>FNDDS survey foods (<c>survey_fndds_food</c>).</summary>
    Survey = 4,

    /// <summary>Branded Foods (<c>branded_food</c>).</summary>
    Branded = 8,

    /// <summary>All four.</summary>
    All = Foundation | SrLegacy | Survey | Branded,
}

/// <summary>How far an import has come.</summary>
/// <param name="Phase">What is being read, e.g. <c>food_nutrient.csv</c>.</param>
/// <param name="RowsRead">Rows read so far, every file.</param>
/// <param name="Done">Characters read so far.</param>
/// <param name="Total">Characters to read (the files' sizes).</param>
public sealed record FoodImportProgress(string Phase, long RowsRead, long Done, long Total);

/// <summary>What one import did, per dataset.</summary>
/// <param name="Dataset">The dataset id.</param>
/// <param name="Release">The release.</param>
/// <param name="AlreadyImported">True when this release was imported before: nothing changed.</param>
/// <param name="Foods">Foods written.</param>
/// <param name="Nutrients">Nutrient values written.</param>
/// <param name="Portions">Portions written.</param>
/// <param name="Retired">Foods of the previous release kept, retired, for the entries that point at them.</param>
/// <param name="EnergyBasis">Where each food's energy came from.</param>
public sealed record FoodImportSummary(string Dataset, string? Release, bool AlreadyImported, int Foods, long Nutrients, int Portions, int Retired, string? EnergyBasis)
{
    /// <summary>
    /// Branded foods whose label gives amounts per 100 mL (a serving in mL): stored per 100 "g" read at 1 g/mL, with
    /// their mL serving and a "100 ml" measure, so that logging by volume is exact; null for other datasets.
    /// </summary>
    public int? MillilitreBasis { get; init; }
}

/// <summary>The result of an import: one summary per dataset, rows read, seconds.</summary>
/// <param name="Datasets">Per dataset.</param>
/// <param name="RowsRead">Input rows read.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record FoodImportResult(IReadOnlyList<FoodImportSummary> Datasets, long RowsRead, double Seconds);

/// <summary>
/// Imports a USDA FoodData Central CSV release (FoodData Central Download Datasets, CSV; field descriptions in the
/// "Download API Field Descriptions" document). Each data type is its own dataset (<c>fdc-foundation</c>,
/// <c>fdc-sr-legacy</c>, <c>fdc-survey</c>, <c>fdc-branded</c>), written in one transaction after every row of it has
/// been read and checked; a problem anywhere rolls it back and names file, line and field.
/// Nutrients by FDC nutrient id: magnesium 1090 (nutrient number 304), calcium 1087, potassium 1092, sodium 1093,
/// phosphorus 1091, zinc 1095, fibre 1079, protein 1003, carbohydrate by difference 1005, total sugars 2000 (else 1063),
/// fat 1004 (else 1085),
/// energy 1008 (kcal) — or, where a food has no 1008 (Foundation Foods give energy by Atwater factors), Atwater specific
/// factors 2048, else Atwater general factors 2047.
/// </summary>
public static class FdcImporter
{
    /// <summary>FDC nutrient ids of the nutrient vector, with the unit nutrient.csv must give.</summary>
    internal static readonly IReadOnlyDictionary<int, (Nutrient Nutrient, string Unit)> Tracked = new Dictionary<int, (Nutrient, string)>
    {
        [1090] = (Nutrient.Magnesium, "MG"),
        [1087] = (Nutrient.Calcium, "MG"),
        [1092] = (Nutrient.Potassium, "MG"),
        [1093] = (Nutrient.Sodium, "MG"),
        [1091] = (Nutrient.Phosphorus, "MG"),
        [1095] = (Nutrient.Zinc, "MG"),
        [1079] = (Nutrient.Fiber, "G"),
        [1003] = (Nutrient.Protein, "G"),
        [1005] = (Nutrient.Carbohydrate, "G"),
        [2000] = (Nutrient.Sugars, "G"),
        [1004] = (Nutrient.Fat, "G"),
    };

    /// <summary>
    /// Second choices, read only for a food without a value of the first: Foundation Foods releases give total sugars as
    /// 1063 "Sugars, Total" (not 2000 "Sugars, total including NLEA") and often fat as 1085 "Total fat (NLEA)" (not
    /// 1004 "Total lipid (fat)"): FDC nutrient.csv; source audit 2026-12-03 §4.2.
    /// </summary>
    internal static readonly (int Id, int Instead, Nutrient Nutrient, string Unit)[] Fallbacks = [(1063, 2000, Nutrient.Sugars, "G"), (1085, 1004, Nutrient.Fat, "G")];

    /// <summary>Energy ids in order of preference: 1008 Energy, 2048 Atwater specific factors, 2047 Atwater general factors.</summary>
    internal static readonly int[] EnergyIds = [1008, 2048, 2047];

    internal static readonly (FdcDataTypes Type, string DataType, FoodDataset Dataset, string Group, string GroupName)[] Types =
    [
        (FdcDataTypes.Foundation, "foundation_food", FoodDatasets.FdcFoundation, "FDCF", "Foundation Foods (FDC)"),
        (FdcDataTypes.SrLegacy, "sr_legacy_food", FoodDatasets.FdcSrLegacy, "FDCL", "SR Legacy (FDC)"),
        (FdcDataTypes.Survey, "survey_fndds_food", FoodDatasets.FdcSurvey, "FDCS", "Survey foods (FNDDS)"),
        (FdcDataTypes.Branded, "branded_food", FoodDatasets.FdcBranded, "FDCB", "Branded foods"),
    ];

    /// <summary>The key a food from FDC has in the store.</summary>
    public static string Key(int fdcId) => "fdc:" + fdcId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses <c>foundation</c>, <c>sr-legacy</c>, <c>survey</c>, <c>branded</c> or <c>all</c>; null otherwise.</summary>
    public static FdcDataTypes? ParseDataType(string? text) => (text ?? "all").Trim().ToLowerInvariant() switch
    {
        "foundation" => FdcDataTypes.Foundation,
        "sr-legacy" => FdcDataTypes.SrLegacy,
        "survey" => FdcDataTypes.Survey,
        "branded" => FdcDataTypes.Branded,
        "all" => FdcDataTypes.All,
        _ => null,
    };

    /// <summary>Imports the chosen data types of the release at <paramref name="path"/> (a folder or a zip).</summary>
    /// <exception cref="DataFormatException">A problem in the release; the store is unchanged.</exception>
    public static async Task<FoodImportResult> ImportAsync(Store store, string path, FdcDataTypes types, IProgress<FoodImportProgress>? progress = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        clock ??= TimeProvider.System;
        var watch = Stopwatch.StartNew();
        using var release = FdcRelease.Open(path);
        var reading = new FdcReader(release, types, progress);
        reading.ReadReferenceTables();
        reading.ReadFoods();
        var releaseName = release.ReleaseFromName ?? reading.LatestPublication;
        var summaries = new List<FoodImportSummary>();
        var chosen = new List<(FoodDataset Dataset, string DataType, FoodGroup Group, string Fingerprint)>();
        foreach (var t in Types.Where(t => types.HasFlag(t.Type)))
        {
            var foods = reading.FoodsOf(t.DataType);
            if (foods.Count == 0)
                continue;
            var fingerprint = release.Fingerprint(FdcReader.FilesFor(t.Type), releaseName) + ":" + foods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await FoodImportWriter.IsCurrentAsync(store, t.Dataset.Id, fingerprint, ct))
                summaries.Add(new FoodImportSummary(t.Dataset.Id, releaseName, true, 0, 0, 0, 0, null));
            else
                chosen.Add((t.Dataset, t.DataType, new FoodGroup(t.Group, t.GroupName), fingerprint));
        }

        if (summaries.Count == 0 && chosen.Count == 0)
            throw new DataFormatException("food.csv", 0, "data_type", $"the release has no foods of the chosen type ({types}); data types present: {string.Join(", ", reading.DataTypesPresent)}");
        if (chosen.Count > 0)
            summaries.AddRange(await WriteAsync(store, release, reading, chosen, releaseName, clock, watch, ct));
        return new FoodImportResult(summaries, reading.RowsRead, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Writes the chosen datasets' foods in one transaction (<see cref="FoodImportWriter"/>) as <paramref name="reader"/>
    /// yields them: the foods, their nutrient values, their portions, then one log row per dataset.
    /// </summary>
    private static async Task<IReadOnlyList<FoodImportSummary>> WriteAsync(Store store, FdcRelease release, FdcReader reader, IReadOnlyList<(FoodDataset Dataset, string DataType, FoodGroup Group, string Fingerprint)> chosen, string? releaseName, TimeProvider clock, Stopwatch watch, CancellationToken ct)
    {
        var foods = chosen.SelectMany(c => reader.FoodsOf(c.DataType)).ToList();
        var datasetOf = chosen.ToDictionary(c => c.DataType, c => c.Dataset.Id, StringComparer.Ordinal);
        var fallbackOf = chosen.ToDictionary(c => c.DataType, c => c.Group.Code, StringComparer.Ordinal);
        var index = new Dictionary<int, int>(foods.Count);
        for (var i = 0; i < foods.Count; i++)
            index[foods[i].FdcId] = i;
        var keys = foods.Select(f => Key(f.FdcId)).ToArray();
        var sets = foods.Select(f => datasetOf[f.DataType]).ToArray();
        var knownGroups = FoodGroups.All.ToDictionary(g => g.Code, StringComparer.Ordinal);
        await using var writer = await FoodImportWriter.BeginAsync(store, [.. chosen.Select(c => c.Dataset.Id)], [.. chosen.Select(c => c.Group)], ct);
        for (var i = 0; i < foods.Count; i++)
        {
            var f = foods[i];
            writer.AddFood(sets[i], keys[i], f.Name, reader.GroupOf(f, fallbackOf[f.DataType], knownGroups), null, f.BrandOwner, null, f.DataType == "survey_fndds_food", f.FdcId.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Gtin, f.BrandName, releaseName);
            (f.Name, f.Gtin) = (string.Empty, null);
            ct.ThrowIfCancellationRequested();
        }

        var basis = chosen.ToDictionary(c => c.Dataset.Id, _ => new int[EnergyIds.Length], StringComparer.Ordinal);
        foreach (var value in reader.NutrientValues(index))
        {
            writer.AddNutrient(sets[value.Food], keys[value.Food], value.Nutrient, value.Milli);
            if (value.EnergyId != 0)
                basis[sets[value.Food]][Array.IndexOf(EnergyIds, value.EnergyId)]++;
        }

        var sequence = new short[foods.Count];
        foreach (var portion in reader.Portions(index, foods))
            writer.AddPortion(sets[portion.Food], keys[portion.Food], ++sequence[portion.Food], portion.Description, portion.Grams);

        var summaries = new List<FoodImportSummary>();
        foreach (var c in chosen)
        {
            var id = c.Dataset.Id;
            var energyBasis = string.Join(", ", EnergyIds.Select((nutrientId, e) => (nutrientId, Count: basis[id][e])).Where(x => x.Count > 0).Select(x => $"{x.nutrientId}: {x.Count}"));
            await writer.RecordAsync(c.Dataset, releaseName, new FoodImportRecord
            {
                Dataset = id,
                Release = releaseName,
                Origin = release.Origin,
                Fingerprint = c.Fingerprint,
                RowsRead = reader.RowsRead,
                EnergyBasis = energyBasis.Length == 0 ? null : energyBasis,
                Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                ImportedAt = clock.GetUtcNow(),
            }, ct);
            summaries.Add(new FoodImportSummary(id, releaseName, false, writer.Foods(id), writer.Nutrients(id), writer.Portions(id), writer.Retired(id), energyBasis.Length == 0 ? null : energyBasis)
            {
                MillilitreBasis = id == FoodDatasets.FdcBranded.Id ? foods.Count(f => f.PerMillilitre) : null,
            });
        }

        await writer.CommitAsync(ct);
        return summaries;
    }
}
