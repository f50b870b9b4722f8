namespace Magnesia.Foods;

/// <summary>
/// Regional, other-English and brand-generic names people type, rewritten into SR28's wording before ranking
/// ("spring onions" → scallions, "jacket potato" → potatoes, baked, flesh and skin; "coke zero" → low-calorie cola). The
/// table is data (<c>Foods/Lexicon/names.tsv</c>), each row with where the equivalence comes from.
/// </summary>
public static class FoodNames
{
    /// <summary>
    /// Replaces every name in <paramref name="foodWords"/> (matched on stems, longest name first, left to right) with the
    /// SR28 words it stands for; returns the text unchanged when it holds no name.
    /// </summary>
    public static string Rewrite(string foodWords) => Rewrite(foodWords, SearchText.Tokens(foodWords));

    /// <summary>
    /// As <see cref="Rewrite(string)"/>, over the words already read from <paramref name="foodWords"/>; returns the same
    /// string instance when nothing is rewritten, so the caller can keep its tokens.
    /// </summary>
    public static string Rewrite(string foodWords, List<SearchText.Token> tokens) => Rewrite(foodWords, tokens, null);

    /// <summary>
    /// As <see cref="Rewrite(string, List{SearchText.Token})"/>, keeping a one-word name as typed when
    /// <paramref name="namesAFood"/> says a food of the corpus is called so: once IFCT 2017 is imported, "ragi" is IFCT's
    /// own Ragi, not SR28's millet (an SR28-only corpus names none of them; a test holds that).
    /// </summary>
    public static string Rewrite(string foodWords, List<SearchText.Token> tokens, Func<string, bool>? namesAFood)
    {
        ArgumentNullException.ThrowIfNull(foodWords);
        ArgumentNullException.ThrowIfNull(tokens);
        var names = SearchLexicon.NamesByFirstStem;
        var any = false;
        foreach (var t in tokens)
            any |= names.ContainsKey(t.Stem);
        if (!any)
            return foodWords;
        var stems = tokens.Select(t => t.Stem).ToList();
        List<string>? output = null;
        for (var i = 0; i < stems.Count;)
        {
            var matched = false;
            foreach (var typed in names.TryGetValue(stems[i], out var starting) ? starting : [])
            {
                var (name, words) = (typed.Stems, typed.FoodWords);
                if (i + name.Length > stems.Count || !Matches(stems, i, name) || (name.Length == 1 && namesAFood?.Invoke(name[0]) == true))
                    continue;
                output ??= [.. stems.Take(i)];
                output.Add(words);
                i += name.Length;
                matched = true;
                break;
            }

            if (!matched)
            {
                output?.Add(stems[i]);
                i++;
            }
        }

        return output is null ? foodWords : string.Join(' ', output);
    }

    private static bool Matches(List<string> stems, int at, string[] name)
    {
        for (var k = 0; k < name.Length; k++)
        {
            if (!string.Equals(stems[at + k], name[k], StringComparison.Ordinal))
                return false;
        }

        return true;
    }
}
