namespace Magnesia.Foods;

/// <summary>String edit distances for typo tolerance.</summary>
public static class EditDistance
{
    /// <summary>
    /// Optimal-string-alignment Damerau–Levenshtein distance (insertions, deletions, substitutions and
    /// transpositions of adjacent letters each cost 1). Stops early and returns <paramref name="max"/> + 1
    /// once the distance is known to exceed <paramref name="max"/>.
    /// </summary>
    public static int DamerauLevenshtein(string a, string b, int max = int.MaxValue - 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        // Three rows on the stack for words of ordinary length: this runs for every typo candidate of every query.
        Span<int> rows = b.Length < 64 ? stackalloc int[3 * (b.Length + 1)] : new int[3 * (b.Length + 1)];
        var prev2 = rows[..(b.Length + 1)];
        var prev = rows.Slice(b.Length + 1, b.Length + 1);
        var cur = rows.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > max)
                return max + 1;
            var spare = prev2;
            prev2 = prev;
            prev = cur;
            cur = spare;
        }

        return Math.Min(prev[b.Length], max + 1);
    }
}
