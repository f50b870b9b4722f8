using System.Diagnostics;
using Magnesia.Foods;

namespace Magnesia.Data.Importers.Fdc;

/// <summary>One food of food.csv that will be imported, with what the other files add to it.</summary>
internal sealed class FdcFood(int fdcId, string dataType, string name, int? categoryId, int line)
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

    /// <summary>A branded food labelled per 100 mL (its serving is in mL): amounts stored per 100 "g" at 1 g/mL.</summary>
    public bool PerMillilitre { get; set; }
    public string? Ndb { get; set; }
    public string? FoodCode { get; set; }
}

/// <summary>A nutrient value of the food at position <c>Food</c>: per 100 g in thousandths of its unit; <c>EnergyId</c> is the FDC nutrient id energy was taken from (0 for other nutrients).</summary>
internal readonly record struct FdcNutrientValue(int Food, Nutrient Nutrient, long Milli, int EnergyId);

/// <summary>A household portion of the food at position <c>Food</c>.</summary>
internal readonly record struct FdcPortion(int Food, string Description, double Grams);

/// <summary>
/// Reads and checks an FDC release for the chosen data types, file by file: the reference tables, the foods with what
/// the other files add to them, then (streamed, so that only ids stay in memory) their nutrient values and portions. It
/// never touches the store: <see cref="FdcImporter"/> writes what it yields. Every problem is a
/// <see cref="DataFormatException"/> naming file, line and field.
/// </summary>
internal sealed class FdcReader(FdcRelease release, FdcDataTypes types, IProgress<FoodImportProgress>? progress)
{
    private readonly Dictionary<int, (string Name, string Unit, int Line)> _nutrients = [];
    private readonly Dictionary<int, string> _units = [];
    private readonly Dictionary<int, string> _categoryCodes = [];
    private readonly HashSet<int> _allFoods = [];
    private readonly Dictionary<int, FdcFood> _chosen = [];
    private readonly Dictionary<string, List<FdcFood>> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typesPresent = new(StringComparer.Ordinal);
    private long _done;
    private readonly long _total = new[] { "nutrient.csv", "measure_unit.csv", "food_category.csv", "food.csv", "branded_food.csv", "sr_legacy_food.csv", "foundation_food.csv", "survey_fndds_food.csv", "food_nutrient.csv", "food_portion.csv" }.Sum(release.Length);
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

    public long RowsRead { get; private set; }

    public string? LatestPublication { get; private set; }

    public IEnumerable<string> DataTypesPresent => _typesPresent.Order(StringComparer.Ordinal);

    public List<FdcFood> FoodsOf(string dataType) => _byType.GetValueOrDefault(dataType) ?? [];

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

            foreach (var (nutrientId, (nutrient, unitName)) in FdcImporter.Tracked)
            {
                if (_nutrients.TryGetValue(nutrientId, out var n) && n.Unit != unitName)
                    throw new DataFormatException(csv.File, n.Line, "unit_name", $"nutrient {nutrientId} ({nutrient.Info().Name}) is in '{n.Unit}'; expected '{unitName}'");
            }

            foreach (var (fallbackId, _, nutrient, unitName) in FdcImporter.Fallbacks)
            {
                if (_nutrients.TryGetValue(fallbackId, out var n) && n.Unit != unitName)
                    throw new DataFormatException(csv.File, n.Line, "unit_name", $"nutrient {fallbackId} ({nutrient.Info().Name}) is in '{n.Unit}'; expected '{unitName}'");
            }

            foreach (var energyId in FdcImporter.EnergyIds)
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
        var wanted = FdcImporter.Types.Where(t => types.HasFlag(t.Type)).Select(t => t.DataType).ToHashSet(StringComparer.Ordinal);
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
                var food = new FdcFood(fdcId, dataType, name, categoryId, csv.Line);
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
            // FDC Branded Foods give amounts per 100 g, or per 100 mL when the serving is in mL (FDC Branded Foods
            // documentation; source audit 2026-12-03 §4.3). Such a food is stored per 100 "g" read at 1 g/mL, and keeps
            // its mL serving and a "100 ml" measure at that reading, so a drink logged by volume gets its label's values
            // exactly; only a weighed amount is off, by the drink's density − 1 (about 4 % for a soft drink).
            else if (grams is > 0 and <= 5_000 && servingUnit is "ML" or "MLT")
            {
                food.PerMillilitre = true;
                var millilitres = grams.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
                food.Serving = new FoodPortion($"{Limit(csv, household, "household_serving_fulltext", 180) ?? "1 serving"} ({millilitres} ml)", grams.Value);
            }
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

    private void ReadIdTable(string file, string column, Action<FdcFood, string> set)
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

    /// <summary>The store group of a food: its FDC category's code when that is a known food group, else <paramref name="fallback"/>.</summary>
    public string GroupOf(FdcFood food, string fallback, IReadOnlyDictionary<string, FoodGroup> known) =>
        food.CategoryId is { } id && _categoryCodes.TryGetValue(id, out var code) && known.ContainsKey(code) ? code : fallback;

    /// <summary>
    /// The tracked nutrient values of the foods at <paramref name="index"/> (fdc_id → position), in file order, then each
    /// food's energy from the first of <see cref="FdcImporter.EnergyIds"/> it has. Rows of other foods are still checked:
    /// the release must be sound as a whole. An empty amount is a missing value, never zero.
    /// </summary>
    public IEnumerable<FdcNutrientValue> NutrientValues(IReadOnlyDictionary<int, int> index)
    {
        // A bit per tracked nutrient per food catches a duplicate; energy waits for all of a food's rows.
        var seen = new int[index.Count];
        var energy = new long[FdcImporter.EnergyIds.Length][];
        for (var e = 0; e < energy.Length; e++)
            Array.Fill(energy[e] = new long[index.Count], -1);
        var order = FdcImporter.Tracked.Keys.Order().ToArray();
        // Second-choice values wait, like energy, until the file is read; given[k] marks foods with a first choice.
        var fallbacks = FdcImporter.Fallbacks;
        var second = new long[fallbacks.Length][];
        var given = new bool[fallbacks.Length][];
        for (var k = 0; k < fallbacks.Length; k++)
        {
            Array.Fill(second[k] = new long[index.Count], -1);
            given[k] = new bool[index.Count];
        }

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
                    csv.OptionalNumber(amountColumn, "amount");
                    continue;
                }

                var amount = csv.OptionalNumber(amountColumn, "amount");
                var energyAt = Array.IndexOf(FdcImporter.EnergyIds, nutrientId);
                var fallbackAt = FallbackAt(nutrientId, instead: false);
                var tracked = FdcImporter.Tracked.TryGetValue(nutrientId, out var t);
                if (fallbackAt >= 0)
                    t = (fallbacks[fallbackAt].Nutrient, fallbacks[fallbackAt].Unit);
                if (!tracked && energyAt < 0 && fallbackAt < 0)
                    continue;
                var bit = 1 << (tracked ? Array.IndexOf(order, nutrientId) : energyAt >= 0 ? order.Length + energyAt : order.Length + FdcImporter.EnergyIds.Length + fallbackAt);
                if ((seen[food] & bit) != 0)
                    throw new DataFormatException(csv.File, csv.Line, "nutrient_id", $"fdc_id {fdcId} has nutrient {nutrientId} twice");
                seen[food] |= bit;
                if (amount is null)
                    continue;
                var named = tracked || fallbackAt >= 0;
                var max = named ? t.Nutrient.Info().MaxPer100g : Nutrient.Energy.Info().MaxPer100g;
                amount = FoodImportWriter.Plausible(amount.Value, named ? t.Nutrient : Nutrient.Energy);
                if (amount < 0 || amount > max)
                    throw new DataFormatException(csv.File, csv.Line, "amount", $"{amount} per 100 g is outside 0–{max} for nutrient {nutrientId}");
                var milli = (long)Math.Round(amount.Value * 1_000, MidpointRounding.AwayFromZero);
                if (fallbackAt >= 0)
                {
                    second[fallbackAt][food] = milli;
                }
                else if (tracked)
                {
                    var instead = FallbackAt(nutrientId, instead: true);
                    if (instead >= 0)
                        given[instead][food] = true;
                    yield return new FdcNutrientValue(food, t.Nutrient, milli, 0);
                }
                else
                {
                    energy[energyAt][food] = milli;
                }
            }
        }

        for (var i = 0; i < index.Count; i++)
        {
            for (var k = 0; k < fallbacks.Length; k++)
            {
                if (!given[k][i] && second[k][i] >= 0)
                    yield return new FdcNutrientValue(i, fallbacks[k].Nutrient, second[k][i], 0);
            }

            for (var e = 0; e < FdcImporter.EnergyIds.Length; e++)
            {
                if (energy[e][i] >= 0)
                {
                    yield return new FdcNutrientValue(i, Nutrient.Energy, energy[e][i], FdcImporter.EnergyIds[e]);
                    break;
                }
            }
        }
    }

    /// <summary>The measure a per-100 mL branded food gets: its label's basis, read at 1 g/mL.</summary>
    public const string MillilitreBasis = "100 ml (label basis, read as 100 g)";

    // Where nutrientId stands among FdcImporter.Fallbacks, as a second choice or (instead) as the first choice it replaces;
    // -1 when nowhere. A plain loop: it runs for every row of food_nutrient.csv.
    private static int FallbackAt(int nutrientId, bool instead)
    {
        var fallbacks = FdcImporter.Fallbacks;
        for (var k = 0; k < fallbacks.Length; k++)
        {
            if ((instead ? fallbacks[k].Instead : fallbacks[k].Id) == nutrientId)
                return k;
        }
        return -1;
    }

    /// <summary>
    /// The household portions of <paramref name="foods"/> (at <paramref name="index"/>) with a gram weight, in file
    /// order, then each branded food's label serving.
    /// </summary>
    public IEnumerable<FdcPortion> Portions(IReadOnlyDictionary<int, int> index, IReadOnlyList<FdcFood> foods)
    {
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
                yield return new FdcPortion(food, description.Length > 200 ? description[..200] : description, grams.Value);
            }
        }

        for (var i = 0; i < foods.Count; i++)
        {
            if (foods[i].Serving is { } serving)
                yield return new FdcPortion(i, serving.Description, serving.Grams);
            if (foods[i].PerMillilitre)
                yield return new FdcPortion(i, MillilitreBasis, 100);
        }
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
