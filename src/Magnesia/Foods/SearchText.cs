using System.Text;

namespace Magnesia.Foods;

/// <summary>
/// Text normalisation shared by the food index and its queries: lower case, Latin-1 accents folded,
/// split into words on anything that is not a letter or digit, English plurals reduced to a stem.
/// </summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "per", "the", "to", "w", "with", "s",
    };

    /// <summary>Folds case and Latin-1 accents: <c>Crème Fraîche</c> → <c>creme fraiche</c>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
            sb.Append(FoldChar(ch));
        return sb.ToString();
    }

    private static char FoldChar(char c)
    {
        if (c < 128)
            return char.ToLowerInvariant(c);
        // Latin-1 supplement letters (SR28 is Latin-1): map to their unaccented base letter.
        const string from = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ";
        const string to = "aaaaaaceeeeiiiinoooooouuuuyyaaaaaaceeeeiiiinoooooouuuuy";
        var i = from.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? to[i] : char.ToLowerInvariant(c);
    }

    /// <summary>A word of a description or query, as the search index sees it.</summary>
    /// <param name="Stem">The folded, singular stem.</param>
    /// <param name="Segment">Index of the comma-separated part it is in (commas inside parentheses do not count).</param>
    /// <param name="Plural">True when the word as written differs from its stem (a plural).</param>
    /// <param name="PhraseEnd">True when the word ends its phrase: followed by a comma, a parenthesis, "or", or the end.</param>
    /// <param name="InParentheses">True for words inside parentheses (clarifications such as "(fat free or skim)").</param>
    public sealed record Token(string Stem, int Segment, bool Plural, bool PhraseEnd, bool InParentheses = false);

    /// <summary>
    /// Splits text into folded words with their comma-separated segment index (0 = the part before the first comma),
    /// dropping stop words. Each word is returned as its stem.
    /// </summary>
    public static List<(string Stem, int Segment)> Words(string text) => [.. Tokens(text).Select(t => (t.Stem, t.Segment))];

    /// <summary>Splits text into <see cref="Token"/>s, dropping stop words.</summary>
    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var folded = Fold(text);
        var segment = 0;
        var depth = 0;
        var start = -1;
        var pendingIndex = -1; // token whose phrase-end flag is decided by what follows it
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ',';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (start < 0)
                    start = i;
                continue;
            }

            if (start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word is "or" or "and" && pendingIndex >= 0)
                {
                    tokens[pendingIndex] = tokens[pendingIndex] with { PhraseEnd = true };
                }

                if (!StopWords.Contains(word))
                {
                    var stem = Stem(word);
                    tokens.Add(new Token(stem, segment, stem != word, false, depth > 0));
                    pendingIndex = tokens.Count - 1;
                }
                else
                {
                    pendingIndex = -1;
                }
            }

            if (c is ',' or '(' or ')' or ';' && pendingIndex >= 0)
            {
                tokens[pendingIndex] = tokens[pendingIndex] with { PhraseEnd = true };
                pendingIndex = -1;
            }

            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (c == ',' && depth == 0 && i < folded.Length)
                segment++;
        }

        return tokens;
    }

    /// <summary>Nouns whose singular ends in -ie: their plural loses only the s (cookies → cookie, not cooky).</summary>
    private static readonly HashSet<string> IeNouns = new(StringComparer.Ordinal)
    {
        "cookies", "brownies", "smoothies", "veggies", "calories", "hoagies", "pies", "rotisseries", "goalies", "zombies",
    };

    /// <summary>Plurals ending in -is whose singular ends in -i (kiwis → kiwi); other -is words are kept (tennis, analysis).</summary>
    private static readonly HashSet<string> IPlurals = new(StringComparer.Ordinal)
    {
        "kiwis", "martinis", "paninis", "zucchinis", "pepperonis", "salamis", "tahinis", "biscottis", "wasabis", "edamamis",
    };

    /// <summary>
    /// Reduces an English plural to its singular stem: berries → berry, tomatoes → tomato, peaches → peach,
    /// beans → bean, cookies → cookie; words of three letters or fewer, and words ending in -ss, -us or -is, are kept.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.EndsWith('s'))
            return word;
        if (IPlurals.Contains(word))
            return word[..^1];
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
            return word;
        if (IeNouns.Contains(word))
            return word[..^1];
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
            return word[..^3] + "y";
        if (word.EndsWith("oes", StringComparison.Ordinal) && word.Length > 4)
            return word[..^2];
        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ||
            word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ||
            word.EndsWith("zes", StringComparison.Ordinal))
            return word[..^2];
        return word[..^1];
    }
}
