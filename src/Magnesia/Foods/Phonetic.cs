using System.Text;

namespace Magnesia.Foods;

/// <summary>
/// A small sound-alike key for English food words, in the spirit of Soundex and Metaphone: keep the first letter,
/// fold letters that sound alike (c/k/q, ph/f, z/s, x/ks), drop vowels, h, w and y after the first letter, and
/// collapse repeats. "sardeen" and "sardine" both give <c>srdn</c>; "brokoli" and "broccoli" give <c>brkl</c>.
/// </summary>
public static class Phonetic
{
    /// <summary>The key of a lower-case word.</summary>
    public static string Key(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var sb = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == 'p' && i + 1 < word.Length && word[i + 1] == 'h')
            {
                c = 'f';
                i++;
            }

            c = c switch
            {
                'c' or 'q' => 'k',
                'z' => 's',
                'x' => 'k',
                'v' => 'f',
                _ => c,
            };
            if (sb.Length > 0 && "aeiouyhw".Contains(c, StringComparison.Ordinal))
                continue;
            if (sb.Length > 0 && sb[^1] == c)
                continue;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
