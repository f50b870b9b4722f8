using Magnesia.Foods;

namespace Magnesia.Data.Foods;

/// <summary>A food in a search result: what a result list shows, read from the search snapshot.</summary>
/// <param name="Ndb">NDB number.</param>
/// <param name="Name">Long description.</param>
/// <param name="Group">Food group name.</param>
/// <param name="MagnesiumMgPer100g">Magnesium per 100 g; null when not analysed.</param>
/// <param name="Score">Relevance; comparable only within one query.</param>
/// <param name="Weak">True when found only by shared letters, as a guess.</param>
/// <param name="Dataset">The dataset the food comes from, e.g. <c>usda-sr28</c>, <c>fdc-branded</c>.</param>
/// <param name="SourceId">The food's id in it: NDB number, FDC id or IFCT code.</param>
/// <param name="Brand">The brand of a branded food.</param>
public sealed record FoodHit(string Ndb, string Name, string Group, double? MagnesiumMgPer100g, double Score, bool Weak = false, string Dataset = "usda-sr28", string? SourceId = null, string? Brand = null)
{
    /// <summary>The same food from other datasets or releases, folded under this one.</summary>
    public IReadOnlyList<FoodHit> Duplicates { get; init; } = [];
}

/// <summary>
/// The search index with what a result list shows for each food, as one snapshot: a process that only searches
/// reads the snapshot and never loads the food table, builds the index or starts EF Core.
/// </summary>
internal sealed class FoodSearcher
{
    private const int Magic = 0x3648474D; // "MGH6": names as one UTF-8 blob with offsets, datasets and brands

    private readonly FoodSearchIndex _index;
    private readonly byte[] _namesUtf8;   // every name, UTF-8, one after another: decoded only for the hits shown
    private readonly int[] _nameStart;    // food → where its name starts in _namesUtf8 (and food + 1 where it ends)
    private readonly string[] _groups;
    private readonly long[] _magnesiumUg; // -1 when not analysed
    private readonly string[] _datasets;  // a few dataset ids
    private readonly byte[] _dataset;     // food → its dataset
    private readonly string[] _brands;    // distinct brands
    private readonly int[] _brand;        // food → its brand, -1 for none

    private FoodSearcher(FoodSearchIndex index, byte[] namesUtf8, int[] nameStart, string[] groups, long[] magnesiumUg, string[] datasets, byte[] dataset, string[] brands, int[] brand)
    {
        _index = index;
        _namesUtf8 = namesUtf8;
        _nameStart = nameStart;
        _groups = groups;
        _magnesiumUg = magnesiumUg;
        _datasets = datasets;
        _dataset = dataset;
        _brands = brands;
        _brand = brand;
    }

    /// <summary>The snapshot key: the index layout and the lexicons it was built with.</summary>
    public static string Key => $"foods:v{FoodSearchIndex.SnapshotVersion}.5:{SearchLexicon.Fingerprint}";

    /// <summary>The best foods for a query, best first.</summary>
    public IReadOnlyList<FoodHit> Search(string query, int limit) =>
        [.. NearDuplicates.Group(_index.Search(query, NearDuplicates.RankLimit(limit)), d => NearDuplicates.Key(Name(d), Brand(d)), limit)
            .Select(g => Hit(g.Best) with { Duplicates = [.. g.Duplicates.Select(d => Hit(new FoodSearchHit(d, 0)))] })];

    private FoodHit Hit(FoodSearchHit h)
    {
        var key = _index.Ndb(h.Document);
        return new FoodHit(key, Name(h.Document), _groups[h.Document],
            _magnesiumUg[h.Document] < 0 ? null : _magnesiumUg[h.Document] / 1_000.0, h.Score, h.Weak,
            _datasets[_dataset[h.Document]], SourceIdOf(key), Brand(h.Document));
    }

    private string? Brand(int food) => _brand[food] < 0 ? null : _brands[_brand[food]];

    /// <summary>The source id within a food key: <c>fdc:2346403</c> → <c>2346403</c>; an NDB number is its own.</summary>
    public static string SourceIdOf(string key) => key.IndexOf(':', StringComparison.Ordinal) is var at and >= 0 ? key[(at + 1)..] : key;

    private string Name(int food) =>
        System.Text.Encoding.UTF8.GetString(_namesUtf8, _nameStart[food], _nameStart[food + 1] - _nameStart[food]);

    /// <summary>Builds the searcher over a catalogue and its snapshot bytes.</summary>
    public static (FoodSearcher Searcher, byte[] Snapshot) Build(FoodCatalog catalog)
    {
        var foods = catalog.Foods;
        var names = foods.Select(f => System.Text.Encoding.UTF8.GetBytes(f.Name)).ToList();
        var starts = new int[names.Count + 1];
        for (var i = 0; i < names.Count; i++)
            starts[i + 1] = starts[i] + names[i].Length;
        var datasets = foods.Select(f => f.Origin.Dataset).Distinct(StringComparer.Ordinal).ToArray();
        var brands = foods.Select(BrandOf).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var brandIndex = brands.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i, StringComparer.Ordinal);
        var nameBytes = new byte[names.Sum(n => n.Length)];
        for (var i = 0; i < names.Count; i++)
            names[i].CopyTo(nameBytes, starts[i]);
        var searcher = new FoodSearcher(
            catalog.Index,
            nameBytes,
            starts,
            [.. foods.Select(f => f.Group.Name)],
            [.. foods.Select(f => f.MagnesiumPer100g?.Micrograms ?? -1)],
            datasets,
            [.. foods.Select(f => (byte)Array.IndexOf(datasets, f.Origin.Dataset))],
            brands,
            [.. foods.Select(f => BrandOf(f) is { } b ? brandIndex[b] : -1)]);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            SnapshotFormat.WriteArray(w, searcher._namesUtf8);
            SnapshotFormat.WriteArray(w, searcher._nameStart);
            // 25 group names for 8,789 foods: written once each, with an index per food.
            var groups = searcher._groups.Distinct(StringComparer.Ordinal).ToArray();
            SnapshotFormat.WriteStrings(w, groups);
            SnapshotFormat.WriteArray(w, [.. searcher._groups.Select(g => (ushort)Array.IndexOf(groups, g))]);
            SnapshotFormat.WriteArray(w, searcher._magnesiumUg);
            SnapshotFormat.WriteStrings(w, searcher._datasets);
            SnapshotFormat.WriteArray(w, searcher._dataset);
            SnapshotFormat.WriteStrings(w, searcher._brands);
            SnapshotFormat.WriteArray(w, searcher._brand);
        }

        searcher._index.WriteSnapshot(stream);
        return (searcher, stream.ToArray());
    }

    private static string? BrandOf(Food f) => f.Origin.Brand ?? f.Manufacturer;

    /// <summary>Reads a snapshot written by <see cref="Build"/>.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not such a snapshot.</exception>
    public static FoodSearcher Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != Magic)
            throw new InvalidDataException("not a food search snapshot");
        var names = SnapshotFormat.ReadArray<byte>(r);
        var nameStart = SnapshotFormat.ReadArray<int>(r);
        if (nameStart.Length == 0 || nameStart[^1] != names.Length)
            throw new InvalidDataException("food search snapshot: bad names");
        var groupNames = SnapshotFormat.ReadStrings(r);
        var groups = Array.ConvertAll(SnapshotFormat.ReadArray<ushort>(r),
            at => at < groupNames.Length ? groupNames[at] : throw new InvalidDataException("food search snapshot: bad group"));
        var magnesium = SnapshotFormat.ReadArray<long>(r);
        var datasets = SnapshotFormat.ReadStrings(r);
        var dataset = SnapshotFormat.ReadArray<byte>(r);
        var brands = SnapshotFormat.ReadStrings(r);
        var brand = SnapshotFormat.ReadArray<int>(r);
        var index = FoodSearchIndex.ReadSnapshot(stream);
        var count = nameStart.Length - 1;
        if (index.Count != count || groups.Length != count || magnesium.Length != count || dataset.Length != count || brand.Length != count
            || dataset.AsSpan().IndexOfAnyInRange((byte)datasets.Length, byte.MaxValue) >= 0 || brand.AsSpan().IndexOfAnyInRange(brands.Length, int.MaxValue) >= 0)
            throw new InvalidDataException("food search snapshot is inconsistent");
        return new FoodSearcher(index, names, nameStart, groups, magnesium, datasets, dataset, brands, brand);
    }
}
