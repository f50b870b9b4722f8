using System.Collections.Concurrent;

namespace Magnesia.Foods;

/// <summary>A food as the search index sees it.</summary>
/// <param name="Name">The long description, e.g. <c>Spinach, raw</c>.</param>
/// <param name="CommonNames">Other names people use for it.</param>
/// <param name="GroupCode">SR28 food group code.</param>
/// <param name="Branded">True for a manufacturer's product.</param>
/// <param name="SurveyFood">True when the food is used to code what people reported eating (SR28 <c>Survey</c> = Y):
/// the popularity prior.</param>
public sealed record FoodSearchDocument(string Name, IReadOnlyList<string> CommonNames, string GroupCode, bool Branded, bool SurveyFood);

/// <summary>One search result: the document's position in the indexed list and its score (higher is better).</summary>
public readonly record struct FoodSearchHit(int Document, double Score);

/// <summary>
/// In-memory, typo-tolerant ranked food search. Each query word is interpreted as the same word (after plural
/// stemming), a curated synonym, a prefix of a longer word (partial typing), or a word within edit distance 1–2
/// (Damerau–Levenshtein, found through a symmetric-delete index). A food's cost is the sum of the best interpretation
/// cost of each query word (a word it does not match costs <see cref="UnmatchedWordCost"/>), plus a bonus when a query
/// word names the food's head (the part before the first comma, as SR28 writes "Spinach, raw"), a small cost per
/// description word the query did not ask for, and a prior: foods that people report eating (SR28 survey foods) and
/// raw foods first; baby, fast, restaurant and branded foods later unless asked for. The approach follows
/// Intake24's food index (exact, phonetic/edit-distance interpretations, synonyms, costs for unmatched words,
/// blended with popularity), written for SR28's "Noun, qualifier, state" descriptions.
/// </summary>
/// <remarks>Thread-safe: searches run concurrently, each with scratch space rented from a pool.</remarks>
public sealed class FoodSearchIndex
{
    /// <summary>Cost of a query word the food does not match.</summary>
    public const double UnmatchedWordCost = 3.0;

    private const int MaxQueryWords = 8;
    private const double SynonymCost = 0.2;
    private const double PrefixCost = 0.6;
    private const double EditCost = 0.9;
    private const double HeadBonus = 1.0;
    private const double SecondSegmentBonus = 0.5;
    private const double ExtraWordCost = 0.06;
    private const double MaxExtraWordsCost = 1.2;

    private readonly string[] _vocabulary;            // word id → stem
    private readonly Dictionary<string, int> _wordIds;
    private readonly string[] _sortedWords;           // for prefix lookup
    private readonly int[] _sortedWordIds;
    private readonly int[][] _postings;               // word id → (doc << 2 | min(segment, 3))
    private readonly float[] _prior;                  // doc → prior cost
    private readonly byte[] _wordCount;               // doc → distinct words
    private readonly Lazy<Dictionary<string, int[]>> _deletes;
    private readonly ConcurrentBag<Scratch> _scratch = [];

    /// <summary>Builds the index over <paramref name="documents"/>; hits refer to positions in this list.</summary>
    public FoodSearchIndex(IReadOnlyList<FoodSearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Count = documents.Count;
        _wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<string>();
        var postings = new List<List<int>>();
        _prior = new float[Count];
        _wordCount = new byte[Count];
        var seen = new Dictionary<int, int>();
        for (var doc = 0; doc < Count; doc++)
        {
            var d = documents[doc];
            seen.Clear();
            foreach (var (stem, segment) in SearchText.Words(d.Name))
                Note(stem, segment);
            foreach (var name in d.CommonNames)
                foreach (var (stem, _) in SearchText.Words(name))
                    Note(stem, 0);
            foreach (var (wordId, segment) in seen)
                postings[wordId].Add(doc << 2 | Math.Min(segment, 3));
            _wordCount[doc] = (byte)Math.Min(seen.Count, 255);
            _prior[doc] = (float)Prior(d);
        }

        _vocabulary = [.. vocabulary];
        _postings = [.. postings.Select(p => p.ToArray())];
        _sortedWordIds = [.. Enumerable.Range(0, _vocabulary.Length).OrderBy(i => _vocabulary[i], StringComparer.Ordinal)];
        _sortedWords = [.. _sortedWordIds.Select(i => _vocabulary[i])];
        _deletes = new Lazy<Dictionary<string, int[]>>(BuildDeletes);

        void Note(string stem, int segment)
        {
            if (!_wordIds.TryGetValue(stem, out var id))
            {
                id = vocabulary.Count;
                _wordIds.Add(stem, id);
                vocabulary.Add(stem);
                postings.Add([]);
            }

            seen[id] = seen.TryGetValue(id, out var s) ? Math.Min(s, segment) : segment;
        }
    }

    /// <summary>Number of indexed documents.</summary>
    public int Count { get; }

    /// <summary>Number of distinct word stems.</summary>
    public int VocabularySize => _vocabulary.Length;

    private static double Prior(FoodSearchDocument d)
    {
        var cost = 0.0;
        if (d.SurveyFood)
            cost -= 0.35;
        if (d.Branded)
            cost += 0.5;
        cost += d.GroupCode switch
        {
            "0300" => 1.2,          // Baby Foods
            "2100" or "3600" => 0.6, // Fast Foods, Restaurant Foods
            "3500" => 0.8,          // American Indian/Alaska Native Foods
            "2200" => 0.3,          // Meals, Entrees, and Side Dishes
            _ => 0.0,
        };
        var words = SearchText.Words(d.Name);
        if (words.Any(w => w.Stem == "raw"))
            cost -= 0.3;
        return cost;
    }

    /// <summary>
    /// Finds the foods that best match <paramref name="query"/>, best first. Returns nothing for a query
    /// with no searchable word.
    /// </summary>
    public IReadOnlyList<FoodSearchHit> Search(string query, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var tokens = SearchText.Words(query).Select(w => w.Stem).Distinct().Take(MaxQueryWords).ToArray();
        if (tokens.Length == 0)
            return [];
        if (!_scratch.TryTake(out var scratch) || scratch.Capacity < Count)
            scratch = new Scratch(Count);
        try
        {
            return Rank(tokens, limit, scratch);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    private List<FoodSearchHit> Rank(string[] tokens, int limit, Scratch s)
    {
        s.NextGeneration();
        var t = tokens.Length;
        var queryMentions = new HashSet<string>(tokens, StringComparer.Ordinal);
        for (var i = 0; i < t; i++)
        {
            foreach (var (wordId, cost) in Interpretations(tokens[i], isLast: i == t - 1))
            {
                foreach (var posting in _postings[wordId])
                {
                    var doc = posting >> 2;
                    var segment = posting & 3;
                    if (s.Stamp[doc] != s.Generation)
                    {
                        s.Stamp[doc] = s.Generation;
                        s.Touched[s.TouchedCount++] = doc;
                        s.MinSegment[doc] = 3;
                        Array.Fill(s.Costs, float.PositiveInfinity, doc * MaxQueryWords, MaxQueryWords);
                    }

                    ref var best = ref s.Costs[doc * MaxQueryWords + i];
                    if (cost < best)
                        best = (float)cost;
                    if (cost <= EditCost && segment < s.MinSegment[doc])
                        s.MinSegment[doc] = (byte)segment;
                }
            }
        }

        // Keep the best `limit` documents in a small sorted buffer (lowest cost first).
        var top = new List<(double Cost, int Doc)>(limit + 1);
        for (var k = 0; k < s.TouchedCount; k++)
        {
            var doc = s.Touched[k];
            var cost = (double)_prior[doc];
            var matched = 0;
            for (var i = 0; i < t; i++)
            {
                var c = s.Costs[doc * MaxQueryWords + i];
                if (float.IsPositiveInfinity(c))
                {
                    cost += UnmatchedWordCost;
                }
                else
                {
                    cost += c;
                    matched++;
                }
            }

            cost -= s.MinSegment[doc] switch { 0 => HeadBonus, 1 => SecondSegmentBonus, _ => 0.0 };
            cost += Math.Min(MaxExtraWordsCost, Math.Max(0, _wordCount[doc] - matched) * ExtraWordCost);
            if (top.Count == limit && cost >= top[^1].Cost)
                continue;
            var at = top.Count;
            while (at > 0 && (top[at - 1].Cost > cost || (top[at - 1].Cost == cost && top[at - 1].Doc > doc)))
                at--;
            top.Insert(at, (cost, doc));
            if (top.Count > limit)
                top.RemoveAt(top.Count - 1);
        }

        _ = queryMentions;
        return top.ConvertAll(x => new FoodSearchHit(x.Doc, Math.Round(10.0 - x.Cost, 3)));
    }

    /// <summary>The vocabulary words a query word may stand for, with the cost of each reading.</summary>
    private List<(int WordId, double Cost)> Interpretations(string token, bool isLast)
    {
        var found = new Dictionary<int, double>();
        void Offer(int id, double cost)
        {
            if (!found.TryGetValue(id, out var c) || cost < c)
                found[id] = cost;
        }

        var exact = _wordIds.TryGetValue(token, out var exactId);
        if (exact)
            Offer(exactId, 0);
        foreach (var synonym in FoodSynonyms.For(token))
        {
            if (_wordIds.TryGetValue(synonym, out var id))
            {
                Offer(id, SynonymCost);
                exact = true;
            }
        }

        if (token.Length >= 3 && (isLast || !exact))
        {
            var lo = LowerBound(token);
            for (var k = lo; k < _sortedWords.Length && k < lo + 64 && _sortedWords[k].StartsWith(token, StringComparison.Ordinal); k++)
            {
                if (_sortedWords[k].Length > token.Length)
                    Offer(_sortedWordIds[k], PrefixCost + 0.02 * (_sortedWords[k].Length - token.Length));
            }
        }

        if (!exact)
        {
            var maxEdits = MaxEdits(token.Length);
            if (maxEdits > 0)
            {
                var deletes = _deletes.Value;
                foreach (var variant in DeleteVariants(token, maxEdits))
                {
                    if (!deletes.TryGetValue(variant, out var ids))
                        continue;
                    foreach (var id in ids)
                    {
                        if (found.ContainsKey(id))
                            continue;
                        var distance = EditDistance.DamerauLevenshtein(token, _vocabulary[id], maxEdits);
                        if (distance <= maxEdits)
                            Offer(id, EditCost * distance);
                    }
                }
            }
        }

        return [.. found.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>Edits allowed for a query word of this length: none up to 3 letters, 1 up to 7, else 2.</summary>
    internal static int MaxEdits(int length) => length <= 3 ? 0 : length <= 7 ? 1 : 2;

    private int LowerBound(string prefix)
    {
        int lo = 0, hi = _sortedWords.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_sortedWords[mid], prefix) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private Dictionary<string, int[]> BuildDeletes()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < _vocabulary.Length; id++)
        {
            var word = _vocabulary[id];
            if (word.Length < 3 || char.IsAsciiDigit(word[0]))
                continue;
            foreach (var variant in DeleteVariants(word, word.Length >= 6 ? 2 : 1))
            {
                if (!map.TryGetValue(variant, out var list))
                    map[variant] = list = [];
                if (list.Count == 0 || list[^1] != id)
                    list.Add(id);
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The word and every string made from it by deleting up to <paramref name="maxDeletes"/> letters.</summary>
    internal static HashSet<string> DeleteVariants(string word, int maxDeletes)
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

    private sealed class Scratch
    {
        public Scratch(int capacity)
        {
            Capacity = capacity;
            Stamp = new int[capacity];
            Touched = new int[capacity];
            MinSegment = new byte[capacity];
            Costs = new float[capacity * MaxQueryWords];
        }

        public int Capacity { get; }
        public int[] Stamp { get; }
        public int[] Touched { get; }
        public byte[] MinSegment { get; }
        public float[] Costs { get; }
        public int Generation { get; private set; }
        public int TouchedCount { get; set; }

        public void NextGeneration()
        {
            Generation++;
            TouchedCount = 0;
        }
    }
}
