namespace Magnesia.Foods;

/// <summary>
/// The curated word lists the search reads, loaded once from the embedded data files in <c>Foods/Lexicon/</c>
/// (<c>synonyms.tsv</c>, <c>names.tsv</c>, <c>defaults.tsv</c>, <c>word-classes.tsv</c>, <c>units.tsv</c>), each with a
/// header saying where its entries come from. Code holds the rules that read them. (Household measures are the foods'
/// own portions: every SR28 WEIGHT.txt measure is provisioned with the food.)
/// </summary>
public static class SearchLexicon
{
    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>Typed stem → SR28 stems it may stand for.</summary>
    internal static IReadOnlyDictionary<string, string[]> Synonyms => Data.Value.Synonyms;

    /// <summary>Generic name (natural order) → preferred NDB numbers, most typical first.</summary>
    internal static IReadOnlyList<(string Name, string[] FoodIds)> Defaults => Data.Value.Defaults;

    /// <summary>Words that describe a cut or form rather than the food.</summary>
    internal static HashSet<string> WeakWords => Data.Value.Classes["weak"];

    /// <summary>Words that mark a stand-in product.</summary>
    internal static HashSet<string> StandInWords => Data.Value.Classes["stand-in"];

    /// <summary>Words that mark a food as bought, not eaten: raw, dry, uncooked, unprepared.</summary>
    internal static HashSet<string> RawFormWords => Data.Value.Classes["raw-form"];

    /// <summary>Words that mark a food as eaten: cooked, boiled, roasted, prepared…</summary>
    internal static HashSet<string> PreparedFormWords => Data.Value.Classes["prepared-form"];

    /// <summary>SR28 food group codes (and, for a mixed group, the food's first name word) of foods normally eaten prepared.</summary>
    internal static HashSet<string> PreparedFamilies => Data.Value.Classes["prepared-family"];

    /// <summary>Words of a sweetened or flavoured form ("sweetened", "flavored", "syrup").</summary>
    internal static HashSet<string> SweetenedFormWords => Data.Value.Classes["sweetened-form"];

    /// <summary>SR28 name parts that are categories.</summary>
    internal static HashSet<string> CategoryHeads => Data.Value.Classes["category"];

    /// <summary>Qualifiers that mark a food's default form.</summary>
    internal static HashSet<string> DefaultQualifiers => Data.Value.Classes["default-qualifier"];

    /// <summary>Query words that ask for a food group, with the group code.</summary>
    internal static IReadOnlyDictionary<string, string> GroupTriggers => Data.Value.GroupTriggers;

    /// <summary>The names by their first stem (each list longest first), so a query word looks only at names it can begin.</summary>
    internal static IReadOnlyDictionary<string, TypedName[]> NamesByFirstStem => Data.Value.NamesByFirstStem;

    /// <summary>Units, containers and sizes by the word typed (folded, singular; two-word units joined by a space).</summary>
    internal static IReadOnlyDictionary<string, QuantityUnit> Units => Data.Value.Units;

    /// <summary>A name typed as a whole phrase (its stems, in order) and the SR28 food words that replace it.</summary>
    internal sealed record TypedName(string[] Stems, string FoodWords);

    /// <summary>A fingerprint of every lexicon file: an index snapshot built with other lexicons is not reused.</summary>
    public static string Fingerprint => Data.Value.Fingerprint;

    private sealed record Tables(
        Dictionary<string, string[]> Synonyms,
        List<(string, string[])> Defaults,
        Dictionary<string, HashSet<string>> Classes,
        Dictionary<string, string> GroupTriggers,
        Dictionary<string, TypedName[]> NamesByFirstStem,
        Dictionary<string, QuantityUnit> Units,
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
            ["raw-form"] = new(StringComparer.Ordinal),
            ["prepared-form"] = new(StringComparer.Ordinal),
            ["prepared-family"] = new(StringComparer.Ordinal),
            ["sweetened-form"] = new(StringComparer.Ordinal),
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

        // Plain loops over reference types here: this runs in every short-lived search process, and generic LINQ over
        // tuples would be JIT-compiled there.
        var byFirst = new Dictionary<string, List<TypedName>>(StringComparer.Ordinal);
        foreach (var r in Rows("names.tsv", 4, ref hash))
        {
            var tokens = SearchText.Tokens(r[0]);
            if (tokens.Count == 0)
                continue;
            var stems = new string[tokens.Count];
            for (var k = 0; k < stems.Length; k++)
                stems[k] = tokens[k].Stem;
            if (!byFirst.TryGetValue(stems[0], out var list))
                byFirst[stems[0]] = list = [];
            list.Add(new TypedName(stems, r[1]));
        }

        var namesByFirst = new Dictionary<string, TypedName[]>(byFirst.Count, StringComparer.Ordinal);
        foreach (var (first, list) in byFirst)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length)); // longest first
            namesByFirst[first] = [.. list];
        }

        var units = new Dictionary<string, QuantityUnit>(StringComparer.Ordinal);
        foreach (var r in Rows("units.tsv", 5, ref hash))
            units[r[0]] = ReadUnit(r);
        return new Tables(synonyms, defaults, classes, triggers, namesByFirst, units, hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
    }

    // word, unit, kind, size ("236.6", "236.6 ml", "30 g", "354.9 ml drink" or empty), source.
    private static QuantityUnit ReadUnit(string[] r)
    {
        var kind = Enum.Parse<UnitKind>(r[2], ignoreCase: true);
        var size = r[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double? amount = size.Length > 0 ? double.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture) : null;
        var grams = kind == UnitKind.Mass || size.Contains("g");
        return new QuantityUnit(r[1], kind, amount, grams, size.Contains("drink"), r[4]);
    }

    private static List<string[]> Rows(string file, int columns, ref ulong hash) =>
        EmbeddedTable.Rows($"Magnesia.Foods.Lexicon.{file}", columns, ref hash);
}
