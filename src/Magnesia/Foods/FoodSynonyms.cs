namespace Magnesia.Foods;

/// <summary>
/// Curated synonyms: names people type (British, regional or everyday) mapped to the stems SR28 uses. The table is
/// data (<c>Foods/Lexicon/synonyms.tsv</c>); keys and values are stems as produced by <see cref="SearchText.Words"/>.
/// </summary>
public static class FoodSynonyms
{
    /// <summary>The SR28 stems a typed stem may stand for; empty when none.</summary>
    public static IReadOnlyList<string> For(string stem) => SearchLexicon.Synonyms.TryGetValue(stem, out var s) ? s : [];
}
