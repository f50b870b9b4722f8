namespace Magnesia.Foods;

/// <summary>
/// Typo and sound-alike lookup over the search vocabulary. Typos use a symmetric-delete index (every string made by
/// deleting up to two letters of a known word points at the word; a query word's own deletes find the words within
/// that many edits, which <see cref="EditDistance"/> then confirms); sound-alikes use <see cref="Phonetic"/> keys.
/// Both are stored as sorted 64-bit keys with word ids, so an index snapshot reads them back without building strings.
/// </summary>
internal sealed class FuzzyLookup
{
    private readonly string[] _vocabulary;
    private readonly ulong[] _deleteKeys;
    private readonly int[] _deleteIds;
    private readonly ulong[] _soundKeys;
    private readonly int[] _soundIds;

    private FuzzyLookup(string[] vocabulary, ulong[] deleteKeys, int[] deleteIds, ulong[] soundKeys, int[] soundIds)
    {
        _vocabulary = vocabulary;
        _deleteKeys = deleteKeys;
        _deleteIds = deleteIds;
        _soundKeys = soundKeys;
        _soundIds = soundIds;
    }

    /// <summary>Edits allowed for a query word of this length: none up to 3 letters, 1 up to 7, else 2.</summary>
    public static int MaxEdits(int length) => length <= 3 ? 0 : length <= 7 ? 1 : 2;

    /// <summary>Builds the lookup: words of 3+ letters get their deletes (2 for 6+ letters, else 1); words of 4+ letters a sound key.</summary>
    public static FuzzyLookup Build(string[] vocabulary)
    {
        var deletes = new List<(ulong Key, int Id)>();
        var sounds = new List<(ulong Key, int Id)>();
        for (var id = 0; id < vocabulary.Length; id++)
        {
            var word = vocabulary[id];
            if (word.Length < 3 || char.IsAsciiDigit(word[0]))
                continue;
            foreach (var variant in DeleteVariants(word, word.Length >= 6 ? 2 : 1))
                deletes.Add((Hash(variant), id));
            if (word.Length >= 4 && Phonetic.Key(word) is { Length: >= 2 } key)
                sounds.Add((Hash(key), id));
        }

        deletes.Sort();
        sounds.Sort();
        return new FuzzyLookup(vocabulary, [.. deletes.Select(d => d.Key)], [.. deletes.Select(d => d.Id)], [.. sounds.Select(s => s.Key)], [.. sounds.Select(s => s.Id)]);
    }

    /// <summary>Word ids within <paramref name="maxEdits"/> Damerau–Levenshtein edits of <paramref name="token"/>, with the distance.</summary>
    public IEnumerable<(int Id, int Distance)> Near(string token, int maxEdits)
    {
        var seen = new HashSet<int>();
        foreach (var variant in DeleteVariants(token, maxEdits))
        {
            var (from, to) = Range(_deleteKeys, Hash(variant));
            for (var i = from; i < to; i++)
            {
                var id = _deleteIds[i];
                if (!seen.Add(id))
                    continue;
                var distance = EditDistance.DamerauLevenshtein(token, _vocabulary[id], maxEdits);
                if (distance <= maxEdits)
                    yield return (id, distance);
            }
        }
    }

    private Dictionary<(char, int), int[]>? _byInitialAndLength;
    private int[]? _letterMasks;

    // Which of a–z occur in the word: one edit changes at most two bits, so words too far apart are skipped unscored.
    private static int LetterMask(string word)
    {
        var mask = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
                mask |= 1 << (c - 'a');
        }

        return mask;
    }

    /// <summary>
    /// Word ids within <paramref name="maxEdits"/> edits of <paramref name="token"/> that begin with the same letter, by
    /// scanning those words (the delete index holds too few deletes of short words for two edits). For the thorough second
    /// reading of a query only: "juse" → juice, "apel" → apple.
    /// </summary>
    public IEnumerable<(int Id, int Distance)> NearSameInitial(string token, int maxEdits)
    {
        _byInitialAndLength ??= Enumerable.Range(0, _vocabulary.Length).Where(i => _vocabulary[i].Length > 0)
            .GroupBy(i => (_vocabulary[i][0], _vocabulary[i].Length)).ToDictionary(g => g.Key, g => g.ToArray());
        _letterMasks ??= [.. _vocabulary.Select(LetterMask)];
        if (token.Length == 0)
            yield break;
        var tokenMask = LetterMask(token);
        for (var length = Math.Max(1, token.Length - maxEdits); length <= token.Length + maxEdits; length++)
        {
            if (!_byInitialAndLength.TryGetValue((token[0], length), out var ids))
                continue;
            foreach (var id in ids)
            {
                if (System.Numerics.BitOperations.PopCount((uint)(tokenMask ^ _letterMasks[id])) > 2 * maxEdits)
                    continue;
                var distance = EditDistance.DamerauLevenshtein(token, _vocabulary[id], maxEdits);
                if (distance <= maxEdits)
                    yield return (id, distance);
            }
        }
    }

    /// <summary>Word ids that sound like <paramref name="token"/> (same <see cref="Phonetic"/> key).</summary>
    public IEnumerable<int> SoundAlikes(string token)
    {
        var key = Phonetic.Key(token);
        if (key.Length < 2)
            yield break;
        var (from, to) = Range(_soundKeys, Hash(key));
        for (var i = from; i < to; i++)
        {
            // A 64-bit hash collision would only add a candidate; the key check keeps the reading exact.
            if (Phonetic.Key(_vocabulary[_soundIds[i]]) == key)
                yield return _soundIds[i];
        }
    }

    /// <summary>The word and every string made from it by deleting up to <paramref name="maxDeletes"/> letters.</summary>
    public static HashSet<string> DeleteVariants(string word, int maxDeletes)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var d = 0; d < maxDeletes; d++)
        {
            var next = new List<string>();
            foreach (var w in frontier)
            {
                if (w.Length <= 1)
                    continue;
                for (var i = 0; i < w.Length; i++)
                {
                    var v = string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1));
                    if (result.Add(v))
                        next.Add(v);
                }
            }

            frontier = next;
        }

        return result;
    }

    /// <summary>Writes the arrays (the vocabulary is the index's).</summary>
    public void Write(BinaryWriter writer)
    {
        SnapshotFormat.WriteArray(writer, _deleteKeys);
        SnapshotFormat.WriteArray(writer, _deleteIds);
        SnapshotFormat.WriteArray(writer, _soundKeys);
        SnapshotFormat.WriteArray(writer, _soundIds);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static FuzzyLookup Read(BinaryReader reader, string[] vocabulary) => new(
        vocabulary, SnapshotFormat.ReadArray<ulong>(reader), SnapshotFormat.ReadArray<int>(reader),
        SnapshotFormat.ReadArray<ulong>(reader), SnapshotFormat.ReadArray<int>(reader));

    private static ulong Hash(string s) => Fnv1a.Hash(s);

    private static (int From, int To) Range(ulong[] keys, ulong key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < key)
                lo = mid + 1;
            else
                hi = mid;
        }

        var end = lo;
        while (end < keys.Length && keys[end] == key)
            end++;
        return (lo, end);
    }
}

/// <summary>
/// FNV-1a, 64 bits, over UTF-16 code units: the same value in every process and run, unlike <c>string.GetHashCode</c>
/// and <see cref="HashCode"/>, which are randomised per process. Used for snapshot keys and lexicon fingerprints.
/// </summary>
internal static class Fnv1a
{
    /// <summary>The hash of nothing.</summary>
    public const ulong Seed = 14695981039346656037UL;

    /// <summary>Continues <paramref name="hash"/> with <paramref name="text"/>.</summary>
    public static ulong Hash(string text, ulong hash = Seed)
    {
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>Binary layout of index snapshots: little-endian, arrays as a count then raw elements, strings as a count then
/// length-prefixed UTF-8. Readers refuse counts that cannot be real.</summary>
public static class SnapshotFormat
{
    /// <summary>Writes an array of unmanaged values.</summary>
    public static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>Reads what <see cref="WriteArray{T}"/> wrote.</summary>
    /// <exception cref="InvalidDataException">When the count cannot be real.</exception>
    public static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        if (count < 0 || count > 100_000_000)
            throw new InvalidDataException("index snapshot: bad array length");
        var values = new T[count];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }

    /// <summary>Writes a list of strings.</summary>
    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.Write(values.Count);
        foreach (var v in values)
            writer.Write(v);
    }

    /// <summary>Reads what <see cref="WriteStrings"/> wrote.</summary>
    /// <exception cref="InvalidDataException">When the count cannot be real.</exception>
    public static string[] ReadStrings(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.ReadInt32();
        if (count < 0 || count > 100_000_000)
            throw new InvalidDataException("index snapshot: bad string count");
        var values = new string[count];
        for (var i = 0; i < count; i++)
            values[i] = reader.ReadString();
        return values;
    }
}
