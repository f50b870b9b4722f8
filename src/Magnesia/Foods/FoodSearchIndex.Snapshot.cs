namespace Magnesia.Foods;

// A built index written to bytes and read back, so a short-lived process (the CLI) searches without rebuilding the
// index and its typo lookup from 8,789 descriptions at every start.
public sealed partial class FoodSearchIndex
{
    private const int SnapshotMagic = 0x5853474D; // "MGSX"

    /// <summary>The layout version of <see cref="WriteSnapshot"/>; a reader refuses other versions.</summary>
    public const int SnapshotVersion = 8;

    private FoodSearchIndex(
        string[] vocabulary, int[] sortedWordIds, int[] postingStart, int[] postingData, DocInfo[] docs, string[] groupCodes, float[] idf, byte[] keyBytes, int[] keyStart, bool keysSorted, int[] brandStart, int[] brandWords, bool[] isBrandWord, int[] genericFrequency, FuzzyLookup fuzzy)
    {
        _brandStart = brandStart;
        _brandWords = brandWords;
        _isBrandWord = isBrandWord;
        _genericFrequency = genericFrequency;
        (_genericCount, _minBrandedPrior) = Census(docs);
        Count = docs.Length;
        _vocabulary = vocabulary;
        _wordIds = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
            _wordIds[vocabulary[i]] = i;
        _sortedWordIds = sortedWordIds;
        _sortedWords = [.. sortedWordIds.Select(i => vocabulary[i])];
        _postingStart = postingStart;
        _postingData = postingData;
        _docs = docs;
        _groupCode = groupCodes;
        _idf = idf;
        _keyBytes = keyBytes;
        _keyStart = keyStart;
        _keysSorted = keysSorted;
        _docById = new Lazy<Dictionary<string, int>>(IdMap);
        _fuzzy = new Lazy<FuzzyLookup>(fuzzy);
        _trigrams = new Lazy<Dictionary<long, int[]>>(() => BuildTrigrams(vocabulary));
    }

    /// <summary>Writes the index, its typo lookup included, to <paramref name="stream"/>.</summary>
    public void WriteSnapshot(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(SnapshotMagic);
        w.Write(SnapshotVersion);
        SnapshotFormat.WriteStrings(w, _vocabulary);
        SnapshotFormat.WriteArray(w, _sortedWordIds);
        SnapshotFormat.WriteArray(w, _postingStart);
        SnapshotFormat.WriteArray(w, _postingData);
        SnapshotFormat.WriteArray(w, _docs); // a blittable struct: read back with one copy

        var codes = _groupCode.Distinct(StringComparer.Ordinal).ToArray();
        var codeIndex = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (ushort)x.i, StringComparer.Ordinal);
        SnapshotFormat.WriteStrings(w, codes);
        SnapshotFormat.WriteArray(w, _groupCode.Select(c => codeIndex[c]).ToArray());
        SnapshotFormat.WriteArray(w, _idf);
        SnapshotFormat.WriteArray(w, _keyBytes);
        SnapshotFormat.WriteArray(w, _keyStart);
        w.Write(_keysSorted);
        SnapshotFormat.WriteArray(w, _brandStart);
        SnapshotFormat.WriteArray(w, _brandWords);
        SnapshotFormat.WriteArray(w, _isBrandWord);
        SnapshotFormat.WriteArray(w, _genericFrequency);
        _fuzzy.Value.Write(w);
    }

    /// <summary>Reads an index written by <see cref="WriteSnapshot"/>.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not a snapshot of this version.</exception>
    public static FoodSearchIndex ReadSnapshot(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != SnapshotMagic || r.ReadInt32() != SnapshotVersion)
            throw new InvalidDataException("not a food search index snapshot of this version");
        var vocabulary = SnapshotFormat.ReadStrings(r);
        var sorted = SnapshotFormat.ReadArray<int>(r);
        var postingStart = SnapshotFormat.ReadArray<int>(r);
        var postingData = SnapshotFormat.ReadArray<int>(r);
        var docs = SnapshotFormat.ReadArray<DocInfo>(r);
        var codes = SnapshotFormat.ReadStrings(r);
        var groupCodes = Array.ConvertAll(SnapshotFormat.ReadArray<ushort>(r), i => i < codes.Length ? codes[i] : throw new InvalidDataException("food search index snapshot: bad group"));
        var idf = SnapshotFormat.ReadArray<float>(r);
        var keyBytes = SnapshotFormat.ReadArray<byte>(r);
        var keyStart = SnapshotFormat.ReadArray<int>(r);
        var keysSorted = r.ReadBoolean();
        var brandStart = SnapshotFormat.ReadArray<int>(r);
        var brandWords = SnapshotFormat.ReadArray<int>(r);
        var isBrandWord = SnapshotFormat.ReadArray<bool>(r);
        var genericFrequency = SnapshotFormat.ReadArray<int>(r);
        var fuzzy = FuzzyLookup.Read(r, vocabulary);
        if (postingStart.Length != vocabulary.Length + 1 || postingStart[^1] != postingData.Length || vocabulary.Length != idf.Length || sorted.Length != vocabulary.Length
            || groupCodes.Length != docs.Length || keyStart.Length != docs.Length + 1 || keyStart[^1] != keyBytes.Length
            || brandStart.Length != docs.Length + 1 || brandStart[^1] != brandWords.Length || genericFrequency.Length != vocabulary.Length || isBrandWord.Length != vocabulary.Length)
            throw new InvalidDataException("food search index snapshot is inconsistent");
        return new FoodSearchIndex(vocabulary, sorted, postingStart, postingData, docs, groupCodes, idf, keyBytes, keyStart, keysSorted, brandStart, brandWords, isBrandWord, genericFrequency, fuzzy);
    }
}
