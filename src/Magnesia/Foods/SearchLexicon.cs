using System.Reflection;

namespace Magnesia.Foods;

/// <summary>
/// The curated word lists the search reads, loaded once from the embedded data files in <c>Foods/Lexicon/</c>
/// (<c>synonyms.tsv</c>, <c>defaults.tsv</c>, <c>word-classes.tsv</c>), each with a header saying where its entries
/// come from. Code holds the rules that read them.
/// </summary>
public static class SearchLexicon
{
    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>Typed stem → SR28 stems it may stand for.</summary>
    internal static IReadOnlyDictionary<string, string[]> Synonyms => Data.Value.Synonyms;

    /// <summary>Generic name (natural order) → preferred NDB numbers, most typical first.</summary>
    internal static IReadOnlyList<(string Name, string[] Ndbs)> Defaults => Data.Value.Defaults;

    /// <summary>Words that describe a cut or form rather than the food.</summary>
    internal static HashSet<string> WeakWords => Data.Value.Classes["weak"];

    /// <summary>Words that mark a stand-in product.</summary>
    internal static HashSet<string> StandInWords => Data.Value.Classes["stand-in"];

    /// <summary>SR28 name parts that are categories.</summary>
    internal static HashSet<string> CategoryHeads => Data.Value.Classes["category"];

    /// <summary>Qualifiers that mark a food's default form.</summary>
    internal static HashSet<string> DefaultQualifiers => Data.Value.Classes["default-qualifier"];

    /// <summary>Query words that ask for a food group, with the group code.</summary>
    internal static IReadOnlyDictionary<string, string> GroupTriggers => Data.Value.GroupTriggers;

    /// <summary>A fingerprint of every lexicon file: an index snapshot built with other lexicons is not reused.</summary>
    public static string Fingerprint => Data.Value.Fingerprint;

    private sealed record Tables(
        Dictionary<string, string[]> Synonyms,
        List<(string, string[])> Defaults,
        Dictionary<string, HashSet<string>> Classes,
        Dictionary<string, string> GroupTriggers,
        string Fingerprint);

    private static Tables Load()
    {
        var hash = Fnv1a.Seed;
        var synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in Rows("synonyms.tsv", 3, ref hash))
        {
            var readings = row[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != row[0]).ToArray();
            if (readings.Length > 0)
                synonyms[row[0]] = readings;
        }

        var defaults = Rows("defaults.tsv", 2, ref hash)
            .Select(r => (r[0], r[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        var classes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["weak"] = new(StringComparer.Ordinal),
            ["stand-in"] = new(StringComparer.Ordinal),
            ["category"] = new(StringComparer.Ordinal),
            ["default-qualifier"] = new(StringComparer.Ordinal),
        };
        var triggers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows("word-classes.tsv", 3, ref hash))
        {
            if (row[0] == "group-trigger")
                triggers[row[1]] = row[2];
            else if (classes.TryGetValue(row[0], out var set))
                set.Add(row[1]);
            else
                throw new InvalidDataException($"word-classes.tsv: unknown class '{row[0]}'");
        }

        return new Tables(synonyms, defaults, classes, triggers, hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    // Tab-separated rows after a header; lines starting with # are comments. Malformed data is a build defect.
    private static List<string[]> Rows(string file, int columns, ref ulong hash)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Magnesia.Foods.Lexicon.{file}")
            ?? throw new InvalidOperationException($"embedded lexicon {file} is missing");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var header = true;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            hash = Fnv1a.Hash(line, hash);
            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns || fields[0].Length == 0)
                throw new InvalidDataException($"{file}:{number}: expected {columns} tab-separated fields");
            rows.Add(fields);
        }

        return rows;
    }
}
