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

    /// <summary>Reads both files and joins them into foods, ordered by NDB number.</summary>
    public static IReadOnlyList<Sr28Food> Read(TextReader foodDes, TextReader abbrev, string foodDesName = "FOOD_DES.txt", string abbrevName = "ABBREV.txt")
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
            AddPortion(portions, f[48], f[49], abbrevName, line, "GmWt_1");
            AddPortion(portions, f[50], f[51], abbrevName, line, "GmWt_2");

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
