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
public sealed record FoodImportSummary(string Dataset, string? Release, bool AlreadyImported, int Foods, long Nutrients, int Portions, int Retired, string? EnergyBasis);

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
/// phosphorus 1091, zinc 1095, fibre 1079, protein 1003, carbohydrate by difference 1005, total sugars 2000, fat 1004,
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

    /// <summary>Energy ids in order of preference: 1008 Energy, 2048 Atwater specific factors, 2047 Atwater general factors.</summary>
    internal static readonly int[] EnergyIds = [1008, 2048, 2047];

    private static readonly (FdcDataTypes Type, string DataType, FoodDataset Dataset, string Group, string GroupName)[] Types =
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
        var reading = new Reading(release, types, progress);
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
            var fingerprint = release.Fingerprint(Reading.FilesFor(t.Type), releaseName) + ":" + foods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await FoodImportWriter.IsCurrentAsync(store, t.Dataset.Id, fingerprint, ct))
                summaries.Add(new FoodImportSummary(t.Dataset.Id, releaseName, true, 0, 0, 0, 0, null));
            else
                chosen.Add((t.Dataset, t.DataType, new FoodGroup(t.Group, t.GroupName), fingerprint));
        }

        if (summaries.Count == 0 && chosen.Count == 0)
            throw new DataFormatException("food.csv", 0, "data_type", $"the release has no foods of the chosen type ({types}); data types present: {string.Join(", ", reading.DataTypesPresent)}");
        if (chosen.Count > 0)
            summaries.AddRange(await reading.WriteAsync(store, chosen, releaseName, clock, watch, ct));
        return new FoodImportResult(summaries, reading.RowsRead, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One food of food.csv that will be imported, with what the other files add to it.</summary>
    private sealed class PendingFood(int fdcId, string dataType, string name, int? categoryId, int line)
    {
        public int FdcId { get; } = fdcId;
        public string DataType { get; } = dataType;
        public string Name { get; set; } = name; // cleared once written: the nutrients stream with only ids in memory
        public int? CategoryId { get; } = categoryId;
        public int Line { get; } = line;
        public string? BrandOwner { get; set; }
        public string? BrandName { get; set; }
        public string? Gtin { get; set; }
        public FoodPortion? Serving { get; set; }
        public string? Ndb { get; set; }
        public string? FoodCode { get; set; }
    }

    private sealed class Reading(FdcRelease release, FdcDataTypes types, IProgress<FoodImportProgress>? progress)
    {
        private readonly Dictionary<int, (string Name, string Unit, int Line)> _nutrients = [];
        private readonly Dictionary<int, string> _units = [];
        private readonly Dictionary<int, string> _categoryCodes = [];
        private readonly HashSet<int> _allFoods = [];
        private readonly Dictionary<int, PendingFood> _chosen = [];
        private readonly Dictionary<string, List<PendingFood>> _byType = new(StringComparer.Ordinal);
        private readonly HashSet<string> _typesPresent = new(StringComparer.Ordinal);
        private long _done;
        private readonly long _total = new[] { "nutrient.csv", "measure_unit.csv", "food_category.csv", "food.csv", "branded_food.csv", "sr_legacy_food.csv", "foundation_food.csv", "survey_fndds_food.csv", "food_nutrient.csv", "food_portion.csv" }.Sum(release.Length);
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

        public long RowsRead { get; private set; }

        public string? LatestPublication { get; private set; }

        public IEnumerable<string> DataTypesPresent => _typesPresent.Order(StringComparer.Ordinal);

        public List<PendingFood> FoodsOf(string dataType) => _byType.GetValueOrDefault(dataType) ?? [];

        public static IEnumerable<string> FilesFor(FdcDataTypes type) =>
            ["food.csv", "food_nutrient.csv", "nutrient.csv", "food_portion.csv", "measure_unit.csv", "food_category.csv",
             type == FdcDataTypes.Branded ? "branded_food.csv" : type == FdcDataTypes.Survey ? "survey_fndds_food.csv" : type == FdcDataTypes.SrLegacy ? "sr_legacy_food.csv" : "foundation_food.csv"];

        public void ReadReferenceTables()
        {
            using (var csv = release.Read("nutrient.csv"))
            {
                int id = csv.Column("id"), name = csv.Column("name"), unit = csv.Column("unit_name");
                while (Next(csv))
                {
                    var nutrientId = csv.Int(id, "id");
                    if (!_nutrients.TryAdd(nutrientId, (csv.Text(name) ?? string.Empty, (csv.Text(unit) ?? string.Empty).ToUpperInvariant(), csv.Line)))
                        throw new DataFormatException(csv.File, csv.Line, "id", $"duplicate nutrient id {nutrientId}");
                }

                foreach (var (nutrientId, (nutrient, unitName)) in Tracked)
                {
                    if (_nutrients.TryGetValue(nutrientId, out var n) && n.Unit != unitName)
                        throw new DataFormatException(csv.File, n.Line, "unit_name", $"nutrient {nutrientId} ({nutrient.Info().Name}) is in '{n.Unit}'; expected '{unitName}'");
                }

                foreach (var energyId in EnergyIds)
                {
                    if (_nutrients.TryGetValue(energyId, out var n) && n.Unit != "KCAL")
                        throw new DataFormatException(csv.File, n.Line, "unit_name", $"energy nutrient {energyId} is in '{n.Unit}'; expected 'KCAL'");
                }
            }

            if (release.Has("measure_unit.csv"))
            {
                using var csv = release.Read("measure_unit.csv");
                int id = csv.Column("id"), name = csv.Column("name");
                while (Next(csv))
                    _units[csv.Int(id, "id")] = csv.Text(name) ?? string.Empty;
            }

            if (release.Has("food_category.csv"))
            {
                using var csv = release.Read("food_category.csv");
                int id = csv.Column("id"), code = csv.Column("code");
                while (Next(csv))
                    _categoryCodes[csv.Int(id, "id")] = csv.Text(code) ?? string.Empty;
            }
        }

        public void ReadFoods()
        {
            var wanted = Types.Where(t => types.HasFlag(t.Type)).Select(t => t.DataType).ToHashSet(StringComparer.Ordinal);
            using (var csv = release.Read("food.csv"))
            {
                int id = csv.Column("fdc_id"), type = csv.Column("data_type"), description = csv.Column("description");
                int category = csv.OptionalColumn("food_category_id"), published = csv.OptionalColumn("publication_date");
                while (Next(csv))
                {
                    var fdcId = csv.Int(id, "fdc_id");
                    if (fdcId <= 0)
                        throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"{fdcId} is not a positive id");
                    if (!_allFoods.Add(fdcId))
                        throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"duplicate fdc_id {fdcId}");
                    var typed = csv.Text(type) ?? throw new DataFormatException(csv.File, csv.Line, "data_type", "is empty");
                    _typesPresent.Add(typed);
                    // The CSV writes data_type as foundation_food, sr_legacy_food, survey_fndds_food, branded_food; the API's display
                    // names (Foundation, SR Legacy, Survey (FNDDS), Branded) are read the same way.
                    var dataType = typed switch
                    {
                        "Foundation" => "foundation_food",
                        "SR Legacy" => "sr_legacy_food",
                        "Survey (FNDDS)" => "survey_fndds_food",
                        "Branded" => "branded_food",
                        _ => _typesPresent.TryGetValue(typed, out var same) ? same : typed, // one string per data type
                    };
                    if (!wanted.Contains(dataType))
                        continue;
                    var name = csv.Text(description) ?? throw new DataFormatException(csv.File, csv.Line, "description", "is empty");
                    if (name.Length > 300)
                        throw new DataFormatException(csv.File, csv.Line, "description", $"is {name.Length} characters long; at most 300");
                    // food_category_id is a number for SR Legacy and Foundation foods; other types may leave it empty or write text.
                    var categoryText = csv.Text(category);
                    int? categoryId = int.TryParse(categoryText, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : null;
                    var food = new PendingFood(fdcId, dataType, name, categoryId, csv.Line);
                    _chosen.Add(fdcId, food);
                    if (!_byType.TryGetValue(dataType, out var list))
                        _byType[dataType] = list = [];
                    list.Add(food);
                    if (csv.Text(published) is { } date && string.CompareOrdinal(date, LatestPublication) > 0)
                        LatestPublication = date;
                }
            }

            if (types.HasFlag(FdcDataTypes.Branded) && _byType.ContainsKey("branded_food"))
                ReadBranded();
            ReadIdTable("sr_legacy_food.csv", "NDB_number", (f, v) => f.Ndb = v);
            ReadIdTable("foundation_food.csv", "NDB_number", (f, v) => f.Ndb = v);
            ReadIdTable("survey_fndds_food.csv", "food_code", (f, v) => f.FoodCode = v);
        }

        private void ReadBranded()
        {
            if (!release.Has("branded_food.csv"))
                throw new DataFormatException(release.Origin, 0, "(release)", "branded foods are chosen but branded_food.csv is missing");
            using var csv = release.Read("branded_food.csv");
            int id = csv.Column("fdc_id"), owner = csv.Column("brand_owner"), gtin = csv.Column("gtin_upc");
            int brand = csv.OptionalColumn("brand_name"), size = csv.OptionalColumn("serving_size"), unit = csv.OptionalColumn("serving_size_unit");
            int household = csv.OptionalColumn("household_serving_fulltext");
            var seen = new HashSet<int>();
            while (Next(csv))
            {
                var fdcId = csv.Int(id, "fdc_id");
                if (!seen.Add(fdcId))
                    throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"duplicate fdc_id {fdcId}");
                if (!_allFoods.Contains(fdcId))
                    throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"fdc_id {fdcId} is not in food.csv");
                if (!_chosen.TryGetValue(fdcId, out var food))
                    continue;
                food.BrandOwner = Shared(Limit(csv, owner, "brand_owner", 200));
                var brandName = Shared(Limit(csv, brand, "brand_name", 200));
                food.BrandName = brandName is not null && !string.Equals(brandName, food.BrandOwner, StringComparison.OrdinalIgnoreCase) ? brandName : null;
                if (csv.Text(gtin) is { } code)
                {
                    food.Gtin = (Magnesia.Foods.Gtin.Parse(code, out var problem) ?? throw new DataFormatException(csv.File, csv.Line, "gtin_upc", $"invalid GTIN/UPC: {problem}")).Digits;
                }

                var grams = csv.OptionalNumber(size, "serving_size");
                var servingUnit = csv.Text(unit)?.ToUpperInvariant();
                if (grams is < 0)
                    throw new DataFormatException(csv.File, csv.Line, "serving_size", $"{grams} is negative");
                if (grams is > 0 and <= 5_000 && servingUnit is "G" or "GRM")
                    food.Serving = new FoodPortion(Shared(Limit(csv, household, "household_serving_fulltext", 200)) ?? "1 serving", grams.Value);
            }
        }

        // Brand owners, brand names and serving texts repeat across thousands of products: one string each.
        private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

        private string? Shared(string? text)
        {
            if (text is null)
                return null;
            if (_shared.TryGetValue(text, out var same))
                return same;
            _shared[text] = text;
            return text;
        }

        private void ReadIdTable(string file, string column, Action<PendingFood, string> set)
        {
            if (!release.Has(file))
                return;
            using var csv = release.Read(file);
            int id = csv.Column("fdc_id"), value = csv.OptionalColumn(column);
            while (Next(csv))
            {
                var fdcId = csv.Int(id, "fdc_id");
                if (_chosen.TryGetValue(fdcId, out var food) && csv.Text(value) is { } v)
                    set(food, v);
            }
        }

        public async Task<IReadOnlyList<FoodImportSummary>> WriteAsync(Store store, IReadOnlyList<(FoodDataset Dataset, string DataType, FoodGroup Group, string Fingerprint)> chosen, string? releaseName, TimeProvider clock, Stopwatch watch, CancellationToken ct)
        {
            var foods = chosen.SelectMany(c => FoodsOf(c.DataType)).ToList();
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
                var group = f.CategoryId is { } cid && _categoryCodes.TryGetValue(cid, out var code) && knownGroups.ContainsKey(code) ? code : fallbackOf[f.DataType];
                writer.AddFood(sets[i], keys[i], f.Name, group, null, f.BrandOwner, null, f.DataType == "survey_fndds_food", f.FdcId.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Gtin, f.BrandName, releaseName);
                (f.Name, f.Gtin) = (string.Empty, null);
                ct.ThrowIfCancellationRequested();
            }

            // Nutrients stream: a bit per tracked nutrient per food catches a duplicate; energy waits for all of a food's rows.
            var seen = new int[foods.Count];
            var energy = new long[EnergyIds.Length][];
            for (var e = 0; e < energy.Length; e++)
                Array.Fill(energy[e] = new long[foods.Count], -1);
            var order = Tracked.Keys.Order().ToArray();
            using (var csv = release.Read("food_nutrient.csv"))
            {
                int idColumn = csv.Column("fdc_id"), nutrientColumn = csv.Column("nutrient_id"), amountColumn = csv.Column("amount");
                while (Next(csv))
                {
                    var fdcId = csv.Int(idColumn, "fdc_id");
                    var nutrientId = csv.Int(nutrientColumn, "nutrient_id");
                    if (!_nutrients.ContainsKey(nutrientId))
                        throw new DataFormatException(csv.File, csv.Line, "nutrient_id", $"unknown nutrient id {nutrientId} (not in nutrient.csv)");
                    if (!index.TryGetValue(fdcId, out var food))
                    {
                        if (!_allFoods.Contains(fdcId))
                            throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"fdc_id {fdcId} is not in food.csv");
                        csv.OptionalNumber(amountColumn, "amount"); // still checked: the release must be sound as a whole
                        continue;
                    }

                    var amount = csv.OptionalNumber(amountColumn, "amount");
                    var energyAt = Array.IndexOf(EnergyIds, nutrientId);
                    var tracked = Tracked.TryGetValue(nutrientId, out var t);
                    if (!tracked && energyAt < 0)
                        continue;
                    var bit = 1 << (tracked ? Array.IndexOf(order, nutrientId) : order.Length + energyAt);
                    if ((seen[food] & bit) != 0)
                        throw new DataFormatException(csv.File, csv.Line, "nutrient_id", $"fdc_id {fdcId} has nutrient {nutrientId} twice");
                    seen[food] |= bit;
                    if (amount is null)
                        continue; // an empty amount is a missing value, never zero
                    var max = tracked ? t.Nutrient.Info().MaxPer100g : Nutrient.Energy.Info().MaxPer100g;
                    amount = FoodImportWriter.Plausible(amount.Value, tracked ? t.Nutrient : Nutrient.Energy);
                    if (amount < 0 || amount > max)
                        throw new DataFormatException(csv.File, csv.Line, "amount", $"{amount} per 100 g is outside 0–{max} for nutrient {nutrientId}");
                    var milli = (long)Math.Round(amount.Value * 1_000, MidpointRounding.AwayFromZero);
                    if (tracked)
                        writer.AddNutrient(sets[food], keys[food], t.Nutrient, milli);
                    else
                        energy[energyAt][food] = milli;
                }
            }

            var basis = chosen.ToDictionary(c => c.Dataset.Id, _ => new int[EnergyIds.Length], StringComparer.Ordinal);
            for (var i = 0; i < foods.Count; i++)
            {
                for (var e = 0; e < EnergyIds.Length; e++)
                {
                    if (energy[e][i] >= 0)
                    {
                        writer.AddNutrient(sets[i], keys[i], Nutrient.Energy, energy[e][i]);
                        basis[sets[i]][e]++;
                        break;
                    }
                }
            }

            var sequence = new short[foods.Count];
            if (release.Has("food_portion.csv"))
            {
                using var csv = release.Read("food_portion.csv");
                int idColumn = csv.Column("fdc_id"), gramColumn = csv.Column("gram_weight");
                int amountColumn = csv.OptionalColumn("amount"), unitColumn = csv.OptionalColumn("measure_unit_id");
                int descriptionColumn = csv.OptionalColumn("portion_description"), modifierColumn = csv.OptionalColumn("modifier");
                while (Next(csv))
                {
                    var fdcId = csv.Int(idColumn, "fdc_id");
                    var grams = csv.OptionalNumber(gramColumn, "gram_weight");
                    var amount = csv.OptionalNumber(amountColumn, "amount");
                    var unit = csv.OptionalInt(unitColumn, "measure_unit_id");
                    if (!index.TryGetValue(fdcId, out var food))
                    {
                        if (!_allFoods.Contains(fdcId))
                            throw new DataFormatException(csv.File, csv.Line, "fdc_id", $"fdc_id {fdcId} is not in food.csv");
                        continue;
                    }

                    if (grams is not > 0)
                        continue; // a measure without a weight cannot weigh an entry
                    if (grams > 10_000)
                        throw new DataFormatException(csv.File, csv.Line, "gram_weight", $"{grams} g is not a household portion");
                    var description = PortionDescription(csv.Text(descriptionColumn), amount, unit is { } u ? _units.GetValueOrDefault(u) : null, csv.Text(modifierColumn));
                    if (description.Length > 200)
                        description = description[..200];
                    writer.AddPortion(sets[food], keys[food], ++sequence[food], description, grams.Value);
                }
            }

            for (var i = 0; i < foods.Count; i++)
            {
                if (foods[i].Serving is { } serving)
                    writer.AddPortion(sets[i], keys[i], ++sequence[i], serving.Description, serving.Grams);
            }

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
                    RowsRead = RowsRead,
                    EnergyBasis = energyBasis.Length == 0 ? null : energyBasis,
                    Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
                    ImportedAt = clock.GetUtcNow(),
                }, ct);
                summaries.Add(new FoodImportSummary(id, releaseName, false, writer.Foods(id), writer.Nutrients(id), writer.Portions(id), writer.Retired(id), energyBasis.Length == 0 ? null : energyBasis));
            }

            await writer.CommitAsync(ct);
            return summaries;
        }

        /// <summary>"1 cup, chopped": survey foods write the whole portion; SR Legacy and Foundation give amount, unit and modifier.</summary>
        private static string PortionDescription(string? description, double? amount, string? unit, string? modifier)
        {
            if (description is not null && !description.Equals("Quantity not specified", StringComparison.OrdinalIgnoreCase))
                return description;
            var amountText = amount is { } a ? a.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "1";
            var unitText = unit is null or "undetermined" ? null : unit;
            return string.Join(' ', new[] { amountText, unitText, modifier }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }

        private static string? Limit(CsvRecords csv, int column, string name, int max)
        {
            var text = csv.Text(column);
            return text is null || text.Length <= max ? text : throw new DataFormatException(csv.File, csv.Line, name, $"is {text.Length} characters long; at most {max}");
        }

        private bool Next(CsvRecords csv)
        {
            var before = csv.CharsRead;
            if (!csv.Next())
                return false;
            RowsRead++;
            _done += csv.CharsRead - before;
            if (progress is not null && (RowsRead & 0x3FFF) == 0 && _sinceReport.ElapsedMilliseconds >= 200)
            {
                _sinceReport.Restart();
                progress.Report(new FoodImportProgress(csv.File, RowsRead, _done, Math.Max(_total, _done)));
            }

            return true;
        }
    }
}
