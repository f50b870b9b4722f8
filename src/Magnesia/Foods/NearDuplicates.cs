namespace Magnesia.Foods;

/// <summary>A search hit with the near-duplicates folded under it.</summary>
/// <param name="Best">The best-ranked food of the group.</param>
/// <param name="Duplicates">Positions of the other foods with the same name and brand (from other datasets or releases), best first.</param>
public sealed record FoodHitGroup(FoodSearchHit Best, IReadOnlyList<int> Duplicates);

/// <summary>
/// Folds near-duplicate foods in a result list: the same food carried by several datasets (SR28's "Bananas, raw", FDC SR
/// Legacy's and Foundation's) or twice in one, shown once with the others listed under it. Two foods are near-duplicates
/// when their names read the same once case, punctuation and spacing are set aside, and their brands (none for generic
/// foods) are the same.
/// </summary>
public static class NearDuplicates
{
    /// <summary>How many hits to rank for <paramref name="limit"/> groups: duplicates take places in the ranking.</summary>
    public static int RankLimit(int limit) => Math.Min(limit * 3, limit + 60);

    /// <summary>The key two near-duplicates share.</summary>
    public static string Key(string name, string? brand) =>
        string.Join(' ', SearchText.Fold(name).Split((char[])[' ', ',', '(', ')', '-', '/', '.', ';', ':', '\''], StringSplitOptions.RemoveEmptyEntries))
        + "|" + (brand is null ? string.Empty : SearchText.Fold(brand).Trim());

    /// <summary>
    /// Groups ranked hits by <paramref name="keyOf"/> (a document's <see cref="Key"/>), keeping rank order, at most
    /// <paramref name="limit"/> groups; a hit <paramref name="keyOf"/> gives null for is left out.
    /// </summary>
    public static IReadOnlyList<FoodHitGroup> Group(IReadOnlyList<FoodSearchHit> hits, Func<int, string?> keyOf, int limit)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(keyOf);
        // Plain loops and reference-type collections: a short-lived process (the CLI) would JIT-compile each generic
        // collection or LINQ instantiation over a struct such as FoodSearchHit.
        var groups = new List<FoodHitGroup>();
        var others = new List<List<int>>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (keyOf(hit.Document) is not { } key)
                continue;
            if (byKey.TryGetValue(key, out var at))
            {
                others[at].Add(hit.Document);
                continue;
            }

            if (groups.Count == limit)
                continue;
            byKey[key] = groups.Count;
            var duplicates = new List<int>();
            others.Add(duplicates);
            groups.Add(new FoodHitGroup(hit, duplicates));
        }

        return groups;
    }
}
