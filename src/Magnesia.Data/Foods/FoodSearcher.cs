using Magnesia.Foods;

namespace Magnesia.Data.Foods;

/// <summary>A food in a search result: what a result list shows, read from the search snapshot.</summary>
/// <param name="Ndb">NDB number.</param>
/// <param name="Name">Long description.</param>
/// <param name="Group">Food group name.</param>
/// <param name="MagnesiumMgPer100g">Magnesium per 100 g; null when not analysed.</param>
/// <param name="Score">Relevance; comparable only within one query.</param>
public sealed record FoodHit(string Ndb, string Name, string Group, double? MagnesiumMgPer100g, double Score);

/// <summary>
/// The search index with what a result list shows for each food, as one snapshot: a process that only searches
/// reads the snapshot and never loads the food table, builds the index or starts EF Core.
/// </summary>
internal sealed class FoodSearcher
{
    private const int Magic = 0x3248474D; // "MGH2"

    private readonly FoodSearchIndex _index;
    private readonly string[] _names;
    private readonly string[] _groups;
    private readonly long[] _magnesiumUg; // -1 when not analysed

    private FoodSearcher(FoodSearchIndex index, string[] names, string[] groups, long[] magnesiumUg)
    {
        _index = index;
        _names = names;
        _groups = groups;
        _magnesiumUg = magnesiumUg;
    }

    /// <summary>The snapshot key: the index layout and the lexicons it was built with.</summary>
    public static string Key => $"foods:v{FoodSearchIndex.SnapshotVersion}.2:{SearchLexicon.Fingerprint}";

    /// <summary>The best foods for a query, best first.</summary>
    public IReadOnlyList<FoodHit> Search(string query, int limit) =>
        [.. _index.Search(query, limit).Select(h => new FoodHit(
            _index.Ndb(h.Document), _names[h.Document], _groups[h.Document],
            _magnesiumUg[h.Document] < 0 ? null : _magnesiumUg[h.Document] / 1_000.0, h.Score))];

    /// <summary>Builds the searcher over a catalogue and its snapshot bytes.</summary>
    public static (FoodSearcher Searcher, byte[] Snapshot) Build(FoodCatalog catalog)
    {
        var foods = catalog.Foods;
        var searcher = new FoodSearcher(
            catalog.Index,
            [.. foods.Select(f => f.Name)],
            [.. foods.Select(f => f.Group.Name)],
            [.. foods.Select(f => f.MagnesiumPer100g?.Micrograms ?? -1)]);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            SnapshotStrings(w, searcher._names);
            // 25 group names for 8,789 foods: written once each, with an index per food.
            var groups = searcher._groups.Distinct(StringComparer.Ordinal).ToArray();
            SnapshotStrings(w, groups);
            foreach (var g in searcher._groups)
                w.Write((ushort)Array.IndexOf(groups, g));
            w.Write(searcher._magnesiumUg.Length);
            foreach (var v in searcher._magnesiumUg)
                w.Write(v);
        }

        searcher._index.WriteSnapshot(stream);
        return (searcher, stream.ToArray());
    }

    /// <summary>Reads a snapshot written by <see cref="Build"/>.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not such a snapshot.</exception>
    public static FoodSearcher Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadInt32() != Magic)
            throw new InvalidDataException("not a food search snapshot");
        var names = ReadStrings(r);
        var groupNames = ReadStrings(r);
        var groups = new string[names.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var at = r.ReadUInt16();
            groups[i] = at < groupNames.Length ? groupNames[at] : throw new InvalidDataException("food search snapshot: bad group");
        }

        var magnesium = new long[r.ReadInt32()];
        for (var i = 0; i < magnesium.Length; i++)
            magnesium[i] = r.ReadInt64();
        var index = FoodSearchIndex.ReadSnapshot(stream);
        if (index.Count != names.Length || groups.Length != names.Length || magnesium.Length != names.Length)
            throw new InvalidDataException("food search snapshot is inconsistent");
        return new FoodSearcher(index, names, groups, magnesium);
    }

    private static void SnapshotStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
            w.Write(v);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
            values[i] = r.ReadString();
        return values;
    }
}
