using System.Globalization;
using System.Text;
using Magnesia.Data.Diary;

namespace Magnesia.Data.Importers;

/// <summary>One row of a Cronometer "Food &amp; Recipe Entries" export: the day, meal group, food name and amount as written.</summary>
/// <param name="Line">Line in the file (the header is line 1).</param>
/// <param name="Day">The day eaten.</param>
/// <param name="Group">Cronometer's group (Breakfast, Lunch, Dinner, Snacks, Uncategorized).</param>
/// <param name="FoodName">The food's name in Cronometer.</param>
/// <param name="Amount">The amount as exported, e.g. <c>1.00 cup</c> or <c>150.00 g</c>.</param>
public sealed record CronometerServing(int Line, DateOnly Day, string? Group, string FoodName, string Amount);

/// <summary>
/// Reads Cronometer's <c>servings.csv</c> (Food &amp; Recipe Entries export): RFC 4180 CSV with a header row; the columns
/// <c>Day</c>, <c>Food Name</c> and <c>Amount</c> are read by name (<c>Group</c> when present), any others ignored.
/// Every row is checked before any is returned.
/// </summary>
public static class CronometerServings
{
    /// <summary>Most rows one import reads.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The rows of <paramref name="csv"/>.</summary>
    /// <exception cref="DiaryImportException">A missing column, a bad date, an empty name or amount: naming file, line and field.</exception>
    public static IReadOnlyList<CronometerServing> Read(string csv, string fileName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = Records(csv, fileName).ToList();
        if (records.Count == 0)
            throw new DiaryImportException($"{fileName}: empty file; expected Cronometer's servings.csv with a header row");
        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (day, food, amount, group) = (Column("Day"), Column("Food Name"), Column("Amount"), Column("Group"));
        foreach (var (index, name) in new[] { (day, "Day"), (food, "Food Name"), (amount, "Amount") })
        {
            if (index < 0)
                throw new DiaryImportException($"{fileName}: line 1: no '{name}' column; expected Cronometer's servings.csv (Day, Group, Food Name, Amount, …)");
        }

        if (records.Count - 1 > MaxRows)
            throw new DiaryImportException($"{fileName}: more than {MaxRows} rows; split the export");
        var rows = new List<CronometerServing>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;
            string Field(int i, string name) => i < fields.Count ? fields[i].Trim() : throw new DiaryImportException($"{fileName}: line {line}: field '{name}' missing (the row has {fields.Count} fields)");
            var dayText = Field(day, "Day");
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new DiaryImportException($"{fileName}: line {line}: field 'Day': '{dayText}' is not a date yyyy-mm-dd");
            var name = Field(food, "Food Name");
            if (name.Length is 0 or > 300)
                throw new DiaryImportException($"{fileName}: line {line}: field 'Food Name' is empty or longer than 300 characters");
            var a = Field(amount, "Amount");
            if (a.Length is 0 or > 100)
                throw new DiaryImportException($"{fileName}: line {line}: field 'Amount' is empty or longer than 100 characters");
            rows.Add(new CronometerServing(line, d, group >= 0 && group < fields.Count ? fields[group].Trim() : null, name, a));
        }

        return rows;
    }

    // RFC 4180: fields separated by commas, quoted fields may hold commas, doubled quotes and line breaks.
    private static IEnumerable<(int Line, List<string> Fields)> Records(string csv, string fileName)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                    i++;
                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields);
                fields = [];
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
            throw new DiaryImportException($"{fileName}: line {start}: a quoted field is not closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
