namespace Magnesia.Foods;

/// <summary>
/// The food a person most likely means by a bare, generic name ("milk", "bread", "coffee"): a curated stand-in for
/// the usage-based popularity prior of tools such as Intake24, in the spirit of USDA FNDDS's "NFS" (not further
/// specified) codes. The table is data (<c>Foods/Lexicon/defaults.tsv</c>); names are looked up as sorted stems.
/// </summary>
public static class FoodDefaults
{
    private static readonly Lazy<Dictionary<string, string[]>> Map = new(() =>
        SearchLexicon.Defaults.ToDictionary(d => Key(SearchText.Tokens(d.Name).Select(w => w.Stem)), d => d.FoodIds, StringComparer.Ordinal));

    private static string Key(IEnumerable<string> stems) =>
        string.Join(' ', stems.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>The preferred NDB numbers for a query, or empty when it is not a known generic name.</summary>
    public static IReadOnlyList<string> For(IEnumerable<string> queryStems) =>
        Map.Value.TryGetValue(Key(queryStems), out var ids) ? ids : [];

    /// <summary>Every NDB number the table names, for checks against the food data.</summary>
    public static IEnumerable<string> AllFoodIds => Map.Value.Values.SelectMany(v => v).Distinct();
}
