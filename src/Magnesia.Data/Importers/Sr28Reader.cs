using System.Globalization;
using System.Text;
using Magnesia.Foods;

namespace Magnesia.Data.Importers;

/// <summary>A malformed line in a data file: names the file, the 1-based line and the field.</summary>
public sealed class DataFormatException(string file, int line, string field, string problem)
    : Exception($"{file}:{line}: field {field}: {problem}")
{
    /// <summary>The file name.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line number.</summary>
    public int Line { get; } = line;

    /// <summary>The field name.</summary>
    public string Field { get; } = field;
}

/// <summary>
/// Reads the USDA SR28 ASCII files (<c>FOOD_DES.txt</c> and the abbreviated <c>ABBREV.txt</c>): fields separated by
/// <c>^</c>, text fields enclosed in <c>~</c>, CRLF line ends, an empty field for a missing value
/// (SR28 documentation, "ASCII files" and the field tables for FOOD_DES and ABBREV; see <see cref="Encoding"/>). Every row is validated;
/// the first problem throws <see cref="DataFormatException"/> before any food is returned.
/// </summary>
public static class Sr28Reader
{
    private const int FoodDesFields = 14;
    private const int AbbrevFields = 53;

    private const int WeightFields = 7;

    /// <summary>
    /// Reads both files and joins them into foods, ordered by NDB number; with <paramref name="weight"/> (SR28's
    /// <c>WEIGHT.txt</c>), a food's portions are all its household measures in SR28's order, else the two
    /// <c>ABBREV.txt</c> keeps.
    /// </summary>
    public static IReadOnlyList<Sr28Food> Read(TextReader foodDes, TextReader abbrev, string foodDesName = "FOOD_DES.txt", string abbrevName = "ABBREV.txt", TextReader? weight = null, string weightName = "WEIGHT.txt")
    {
        ArgumentNullException.ThrowIfNull(foodDes);
        ArgumentNullException.ThrowIfNull(abbrev);
        var descriptions = new Dictionary<string, (int Line, string[] Fields)>(StringComparer.Ordinal);
        foreach (var (line, fields) in Rows(foodDes, foodDesName, FoodDesFields))
        {
            var ndb = Ndb(fields[0], foodDesName, line);
            if (!descriptions.TryAdd(ndb, (line, fields)))
                throw new DataFormatException(foodDesName, line, "NDB_No", $"duplicate NDB number {ndb}");
        }

        var measures = weight is null ? null : ReadMeasures(weight, weightName);
        if (measures?.Keys.FirstOrDefault(k => !descriptions.ContainsKey(k)) is { } stray)
            throw new DataFormatException(weightName, measures[stray].Line, "NDB_No", $"NDB number {stray} is not in {foodDesName}");
        var foods = new List<Sr28Food>(descriptions.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(abbrev, abbrevName, AbbrevFields))
        {
            var ndb = Ndb(f[0], abbrevName, line);
            if (!seen.Add(ndb))
                throw new DataFormatException(abbrevName, line, "NDB_No", $"duplicate NDB number {ndb}");
            if (!descriptions.TryGetValue(ndb, out var d))
                throw new DataFormatException(abbrevName, line, "NDB_No", $"NDB number {ndb} is not in {foodDesName}");
            var group = FoodGroups.FindByCode(d.Fields[1])
                ?? throw new DataFormatException(foodDesName, d.Line, "FdGrp_Cd", $"unknown food group '{d.Fields[1]}'");
            var name = d.Fields[2];
            if (name.Length == 0)
                throw new DataFormatException(foodDesName, d.Line, "Long_Desc", "empty description");

            var portions = new List<FoodPortion>(2);
            if (measures is not null && measures.TryGetValue(ndb, out var all))
            {
                portions = all.Portions;
            }
            else
            {
                AddPortion(portions, f[48], f[49], abbrevName, line, "GmWt_1");
                AddPortion(portions, f[50], f[51], abbrevName, line, "GmWt_2");
            }

            foods.Add(new Sr28Food(
                new Food(
                    ndb,
                    name,
                    group,
                    SplitCommonNames(d.Fields[4]),
                    d.Fields[5].Length == 0 ? null : d.Fields[5],
                    Intake.Nutrients.From(NutrientTable.All.Select(n =>
                        KeyValuePair.Create(n.Nutrient, Number(f[n.Sr28Column], abbrevName, line, n.Sr28Field, n.MaxPer100g)))),
                    portions,
                d.Fields[6] == "Y"),
                d.Fields[3],
                d.Fields[9].Length == 0 ? null : d.Fields[9]));
        }

        if (foods.Count != descriptions.Count)
        {
            var missing = descriptions.Keys.First(k => !seen.Contains(k));
            throw new DataFormatException(abbrevName, 0, "NDB_No", $"NDB number {missing} from {foodDesName} has no row");
        }

        foods.Sort((a, b) => string.CompareOrdinal(a.Food.Id, b.Food.Id));
        return foods;
    }

    /// <summary>
    /// Reads <c>WEIGHT.txt</c> (<c>NDB_No^Seq^Amount^Msre_Desc^Gm_Wgt^Num_Data_Pts^Std_Dev</c>; SR28 documentation,
    /// Table 12): each food's measures in <c>Seq</c> order, described as amount and measure ("1 medium", "1/2 cup",
    /// "1 oz (23 whole kernels)"); <c>Gm_Wgt</c> weighs the whole amount. A measure with no weight is left out (it
    /// cannot weigh an entry); a repeated (NDB, Seq), a zero or negative amount or weight, or an empty measure is an error.
    /// </summary>
    public static IReadOnlyDictionary<string, (int Line, List<FoodPortion> Portions)> ReadMeasures(TextReader weight, string weightName = "WEIGHT.txt")
    {
        ArgumentNullException.ThrowIfNull(weight);
        var rows = new Dictionary<string, (int Line, List<(int Seq, FoodPortion Portion)> Rows)>(StringComparer.Ordinal);
        foreach (var (line, f) in Rows(weight, weightName, WeightFields))
        {
            string ndb = Ndb(f[0], weightName, line);
            if (!int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) || seq < 1)
                throw new DataFormatException(weightName, line, "Seq", $"'{f[1]}' is not a sequence number");
            var amount = Number(f[2], weightName, line, "Amount", max: 1_000);
            var grams = Number(f[4], weightName, line, "Gm_Wgt", max: 100_000);
            if (grams is null)
                continue;
            if (amount is not > 0 || grams is not > 0 || f[3].Length == 0)
                throw new DataFormatException(weightName, line, amount is not > 0 ? "Amount" : grams is not > 0 ? "Gm_Wgt" : "Msre_Desc", "a household measure needs a positive amount and weight and a description");
            if (!rows.TryGetValue(ndb, out var food))
                rows[ndb] = food = (line, []);
            if (food.Rows.Any(r => r.Seq == seq))
                throw new DataFormatException(weightName, line, "Seq", $"NDB number {ndb} has measure {seq} twice");
            food.Rows.Add((seq, new FoodPortion($"{Amount(amount.Value)} {f[3]}", grams.Value)));
        }

        return rows.ToDictionary(r => r.Key, r => (r.Value.Line, r.Value.Rows.OrderBy(x => x.Seq).Select(x => x.Portion).ToList()), StringComparer.Ordinal);
    }

    // The amounts WEIGHT.txt uses, as a cook writes them: 0.5 is "1/2", 0.333 is "1/3"; any other as a decimal.
    private static string Amount(double amount) => Math.Round(amount, 3) switch
    {
        0.125 => "1/8",
        0.25 => "1/4",
        0.33 or 0.333 => "1/3",
        0.5 => "1/2",
        0.67 or 0.667 => "2/3",
        0.75 => "3/4",
        var a => a.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The encoding of the SR28 files: documented as ASCII/Latin-1, but the one non-ASCII pair in FOOD_DES (the
    /// scientific name of 09520, "‘Zesy002’") is Windows-1252 curly quotes, so Windows-1252 is used (it agrees
    /// with Latin-1 on every printable Latin-1 character).
    /// </summary>
    public static Encoding Encoding { get; } = CreateEncoding();

    private static Encoding CreateEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader, string file, int expected)
    {
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
                continue;
            var raw = line.Split('^');
            if (raw.Length != expected)
                throw new DataFormatException(file, lineNo, "(row)", $"expected {expected} fields separated by '^', found {raw.Length}");
            var fields = new string[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                var v = raw[i];
                if (v.StartsWith('~'))
                {
                    if (v.Length < 2 || !v.EndsWith('~'))
                        throw new DataFormatException(file, lineNo, $"#{i + 1}", "text field not closed with '~'");
                    v = v[1..^1];
                }

                fields[i] = v.Trim();
            }

            yield return (lineNo, fields);
        }
    }

    private static FoodId Ndb(string value, string file, int line) =>
        value.Length == 5 && value.All(char.IsAsciiDigit)
            ? FoodId.Parse(value)
            : throw new DataFormatException(file, line, "NDB_No", $"'{value}' is not a 5-digit NDB number");

    private static double? Number(string value, string file, int line, string field, double max)
    {
        if (value.Length == 0)
            return null;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw new DataFormatException(file, line, field, $"'{value}' is not a number");
        if (v < 0 || v > max)
            throw new DataFormatException(file, line, field, $"{v} is outside 0–{max}");
        return v;
    }

    private static void AddPortion(List<FoodPortion> portions, string grams, string description, string file, int line, string field)
    {
        // SR28 has one measure with a description but no weight (42063 pectin, "1 fl oz, assumed specific
        // gravity of honey"): a measure without a weight cannot be used, so it is left out.
        if (grams.Length == 0)
            return;
        var g = Number(grams, file, line, field, max: 100_000);
        if (g is not > 0 || description.Length == 0)
            throw new DataFormatException(file, line, field, "a household portion needs a positive weight and a description");
        portions.Add(new FoodPortion(description, g.Value));
    }

    private static List<string> SplitCommonNames(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>A food as read from SR28, with the fields that are not part of <see cref="Food"/>.</summary>
/// <param name="Food">The food.</param>
/// <param name="ShortName">SR28's abbreviated description.</param>
/// <param name="ScientificName">Scientific name, when given.</param>
public sealed record Sr28Food(Food Food, string ShortName, string? ScientificName);
