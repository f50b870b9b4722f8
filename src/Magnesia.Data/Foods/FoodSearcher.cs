using System.Data.Common;
using Magnesia.Foods;

namespace Magnesia.Data.Foods;

/// <summary>A food in a search result: what a result list shows.</summary>
/// <param name="Ndb">The food's id: NDB number, <c>fdc:…</c> or <c>ifct:…</c>.</param>
/// <param name="Name">Long description.</param>
/// <param name="Group">Food group name.</param>
/// <param name="MagnesiumMgPer100g">Magnesium per 100 g; null when not analysed.</param>
/// <param name="Score">Relevance; comparable only within one query.</param>
/// <param name="Weak">True when found only by shared letters, as a guess.</param>
/// <param name="Dataset">The dataset the food comes from, e.g. <c>usda-sr28</c>, <c>fdc-branded</c>.</param>
/// <param name="SourceId">The food's id in it: NDB number, FDC id or IFCT code.</param>
/// <param name="Brand">The brand of a branded food.</param>
public sealed record FoodHit(string FoodId, string Name, string Group, double? MagnesiumMgPer100g, double Score, bool Weak = false, string Dataset = "usda-sr28", string? SourceId = null, string? Brand = null)
{
    /// <summary>The same food from other datasets or releases, folded under this one.</summary>
    public IReadOnlyList<FoodHit> Duplicates { get; init; } = [];
}

/// <summary>
/// The search index as one snapshot: a process that only searches reads the snapshot (the index alone) and never loads
/// the food table, builds the index or starts EF Core; what a result list shows is read for the ranked hits only, by key.
/// </summary>
internal sealed class FoodSearcher
{
    private const int Magic = 0x3848474D; // "MGH8": a build token, then the index alone; hit details come from the foods table

    /// <summary>Bytes before the index: the magic number and a token unique to the build, which a cached copy must match.</summary>
    public const int HeaderLength = 4 + 16;

    private readonly FoodSearchIndex _index;

    private FoodSearcher(FoodSearchIndex index) => _index = index;

    /// <summary>The snapshot key: the index layout and the lexicons it was built with.</summary>
    public static string Key => $"foods:v{FoodSearchIndex.SnapshotVersion}.7:{SearchLexicon.Fingerprint}";

    /// <summary>The best foods for a query, best first, near-duplicates folded (<see cref="NearDuplicates"/>).</summary>
    public async Task<IReadOnlyList<FoodHit>> SearchAsync(DbConnection connection, string query, int limit, CancellationToken ct)
    {
        var ranked = _index.Search(query, NearDuplicates.RankLimit(limit));
        if (ranked.Count == 0)
            return [];
        var keys = new string[ranked.Count];
        for (var i = 0; i < ranked.Count; i++)
            keys[i] = _index.IdOf(ranked[i].Document);
        var details = await DetailsAsync(connection, keys, ct);
        var byDocument = new Dictionary<int, FoodHit>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            if (details.TryGetValue(keys[i], out var d))
                byDocument[ranked[i].Document] = d with { Score = ranked[i].Score, Weak = ranked[i].Weak };
        }

        // Plain loops: no LINQ over the FoodSearchHit struct on the CLI's path (each would be JIT-compiled at run time).
        var groups = NearDuplicates.Group(ranked, d => byDocument.TryGetValue(d, out var h) ? NearDuplicates.Key(h.Name, h.Brand) : null, limit);
        var results = new List<FoodHit>(groups.Count);
        foreach (var g in groups)
        {
            var duplicates = new FoodHit[g.Duplicates.Count];
            for (var i = 0; i < duplicates.Length; i++)
                duplicates[i] = byDocument[g.Duplicates[i]];
            results.Add(byDocument[g.Best.Document] with { Duplicates = duplicates });
        }

        return results;
    }

    // Name, group, magnesium, dataset and brand of the ranked foods, by primary key.
    private static async Task<Dictionary<string, FoodHit>> DetailsAsync(DbConnection connection, string[] keys, CancellationToken ct)
    {
        var hits = new Dictionary<string, FoodHit>(keys.Length, StringComparer.Ordinal);
        await using var command = Sql.In(connection, null, """
            SELECT f."Ndb", f."Name", COALESCE(g."Name", f."GroupCode"), n."Amount", f."Source", f."SourceId", COALESCE(f."BrandName", f."Manufacturer")
            FROM foods f LEFT JOIN food_groups g ON g."Code" = f."GroupCode" LEFT JOIN food_nutrients n ON n."Ndb" = f."Ndb" AND n."Nutrient" = 'magnesium'
            """, "f.\"Ndb\"", keys);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            hits[key] = new FoodHit(key, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3) / 1_000.0, 0, false,
                reader.GetString(4), reader.IsDBNull(5) ? key : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
        }

        return hits;
    }

    /// <summary>Builds the searcher over the search documents of the current foods, and its snapshot bytes.</summary>
    public static (FoodSearcher Searcher, byte[] Snapshot) Build(IReadOnlyList<FoodSearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new FoodSearchIndex(documents);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Guid.NewGuid().ToByteArray());
        }

        index.WriteSnapshot(stream);
        return (new FoodSearcher(index), stream.ToArray());
    }

    /// <summary>Reads the header of a snapshot: null when the bytes are not one.</summary>
    public static byte[]? ReadHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[HeaderLength];
        return stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) == HeaderLength && BitConverter.ToInt32(header, 0) == Magic ? header : null;
    }

    /// <summary>Reads the rest of a snapshot written by <see cref="Build"/>, after its header.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not such a snapshot.</exception>
    public static FoodSearcher ReadAfterHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new FoodSearcher(FoodSearchIndex.ReadSnapshot(stream));
    }
}
