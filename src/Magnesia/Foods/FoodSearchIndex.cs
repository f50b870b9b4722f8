using System.Collections.Concurrent;

namespace Magnesia.Foods;

/// <summary>A food as the search index sees it.</summary>
/// <param name="Ndb">The food's id (NDB number), used by the curated defaults.</param>
/// <param name="Name">The long description, e.g. <c>Spinach, raw</c>.</param>
/// <param name="CommonNames">Other names people use for it.</param>
/// <param name="GroupCode">SR28 food group code.</param>
/// <param name="Branded">True for a manufacturer's product.</param>
/// <param name="SurveyFood">True when the food is used to code what people reported eating (SR28 <c>Survey</c> = Y):
/// the popularity prior.</param>
public sealed record FoodSearchDocument(string Ndb, string Name, IReadOnlyList<string> CommonNames, string GroupCode, bool Branded, bool SurveyFood);

/// <summary>One search result: the document's position in the indexed list and its score (higher is better).</summary>
public readonly record struct FoodSearchHit(int Document, double Score);

/// <summary>
/// In-memory, typo-tolerant ranked food search, the product's core. Each query word is read as the same word
/// (after plural stemming), a curated synonym, two query words written as one (<c>soy milk</c> → soymilk), a prefix
/// of a longer word (partial typing), or a word within Damerau–Levenshtein distance 1–2 (found through a
/// symmetric-delete index). A food's cost is the sum over query words of the cheapest reading it contains (a
/// word it lacks costs <see cref="UnmatchedWordCost"/>), minus a bonus for where the match sits — most for the head
/// noun of the food's name (SR28 writes "Spinach, raw", "Nuts, almonds", "Tofu yogurt"), less for another word of
/// the name — plus a small cost per description word the query did not ask for, and a prior: commonly eaten foods
/// (SR28 survey foods), default forms (raw, plain, regular, brewed…) and the curated default for a bare generic name
/// (<see cref="FoodDefaults"/>) first; baby, fast, restaurant and branded foods later unless asked for.
/// After Intake24's food index (interpretations by exact, phonetic and edit-distance match, synonyms, costs for
/// unmatched words, blended with a popularity prior), adapted to SR28's "Noun, qualifier, state" descriptions.
/// </summary>
/// <remarks>Thread-safe: concurrent searches each rent scratch space from a pool.</remarks>
public sealed class FoodSearchIndex
{
    /// <summary>Cost of a query word the food does not match.</summary>
    public const double UnmatchedWordCost = 3.0;

    private const int MaxQueryWords = 8;
    private const double SynonymCost = 0.2;
    private const double CompoundCost = 0.1;
    private const double PrefixCost = 0.6;
    private const double EditCost = 0.9;
    private const double NumberMismatchCost = 0.15;
    private const double DefaultFoodBonus = 1.5;
    private const double PhoneticCost = 1.4;
    private const double LastWordHeadBonus = 0.3;

    /// <summary>
    /// Words that describe a cut or a form rather than the food ("salmon fillet", "tuna steak"): SR28 rarely names them,
    /// so missing one costs little and they never count as the food's head noun.
    /// </summary>
    private static readonly HashSet<string> WeakWords = new(StringComparer.Ordinal)
    {
        "fillet", "filet", "steak", "slice", "piece", "portion", "serving", "homemade", "organic", "fresh",
    };

    /// <summary>Prepositions after which a query qualifies its head: "sardines in oil" is sardines.</summary>
    private static readonly string[] HeadEndingPrepositions = [" in ", " with ", " on ", " from "];

    /// <summary>Words that mark a stand-in product, rarely what a person means unless they say so.</summary>
    private static readonly HashSet<string> StandInWords = new(StringComparer.Ordinal) { "meatless", "imitation", "substitute" };

    // Position classes of a matched word, best first: head noun, elsewhere in the name, next part, later.
    private const int HeadNoun = 0, InName = 1, NextPart = 2, Later = 3;
    private static readonly double[] PositionBonus = [1.0, 0.45, 0.4, 0.0];

    /// <summary>SR28 name parts that are categories: the food's own name follows them ("Nuts, almonds").</summary>
    private static readonly HashSet<string> CategoryHeads = new(StringComparer.Ordinal)
    {
        "nut", "seed", "bean", "fish", "cereal", "cereal ready eat", "beverage", "spice", "crustacean", "mollusk",
        "alcoholic beverage", "candy", "candie", "snack", "babyfood", "fast food", "game meat", "restaurant",
        "infant formula", "sweetener",
    };

    /// <summary>Qualifiers that mark the default form of a food; they neither cost nor count as extra words.</summary>
    private static readonly HashSet<string> DefaultQualifiers = new(StringComparer.Ordinal)
    {
        "raw", "plain", "regular", "original", "all", "commercial", "commercially", "variety", "type", "average",
        "year", "round", "nfs", "mixed", "specy", "fresh", "brewed", "prepared", "whole", "fluid",
    };

    /// <summary>Query words that ask for a group the prior otherwise pushes down.</summary>
    private static readonly Dictionary<string, string> GroupTriggers = new(StringComparer.Ordinal)
    {
        ["baby"] = "0300", ["babyfood"] = "0300", ["infant"] = "0300",
        ["fast"] = "2100", ["mcdonald"] = "2100", ["restaurant"] = "3600",
    };

    private readonly string[] _vocabulary;            // word id → stem
    private readonly Dictionary<string, int> _wordIds;
    private readonly string[] _sortedWords;           // for prefix lookup
    private readonly int[] _sortedWordIds;
    private readonly int[][] _postings;               // word id → doc << 3 | plural << 2 | position class
    private readonly DocInfo[] _docs;                 // doc → what scoring needs, packed into one cache line
    private readonly string[] _groupCode;             // doc → SR28 group code
    private readonly float[] _idf;                    // word id → ln(N / document frequency)
    private readonly Dictionary<string, int> _docByNdb;
    private readonly Lazy<Dictionary<string, int[]>> _deletes;
    private readonly Lazy<Dictionary<string, int[]>> _phonetic;
    private readonly ConcurrentBag<Scratch> _scratch = [];

    /// <summary>Builds the index over <paramref name="documents"/>; hits refer to positions in this list.</summary>
    public FoodSearchIndex(IReadOnlyList<FoodSearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Count = documents.Count;
        _wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<string>();
        var postings = new List<List<int>>();
        _docs = new DocInfo[Count];
        _groupCode = new string[Count];
        _docByNdb = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<int, int>();
        for (var doc = 0; doc < Count; doc++)
        {
            var d = documents[doc];
            _docByNdb.TryAdd(d.Ndb, doc);
            seen.Clear();
            var tokens = SearchText.Tokens(d.Name);
            var headSegments = HeadSegments(tokens);
            int name = 0, next = 0, late = 0;
            var category = headSegments > 1 ? tokens.Where(x => x.Segment == 0).Select(x => x.Stem).ToHashSet() : [];
            foreach (var t in tokens)
            {
                var cls = t.Segment < headSegments
                    ? (t.PhraseEnd && t.Segment == headSegments - 1 ? HeadNoun : InName)
                    : t.Segment == headSegments ? NextPart : Later;
                Note(t.Stem, cls, t.Plural);
                // Digits, default qualifiers and the category ("Nuts, cashew nuts") are not extra words.
                if (char.IsAsciiDigit(t.Stem[0]) || DefaultQualifiers.Contains(t.Stem) || category.Contains(t.Stem))
                    continue;
                if (t.InParentheses || cls == Later)
                    late++;
                else if (cls == NextPart)
                    next++;
                else
                    name++;
            }

            foreach (var commonName in d.CommonNames)
            {
                foreach (var t in SearchText.Tokens(commonName))
                    Note(t.Stem, InName, t.Plural);
            }

            foreach (var (wordId, packed) in seen)
                postings[wordId].Add(doc << 3 | packed);
            _groupCode[doc] = d.GroupCode;
            _docs[doc] = new DocInfo(
                (float)Prior(d, tokens),
                GroupPenalty(d.GroupCode),
                GroupTriggers.ContainsValue(d.GroupCode),
                (byte)Math.Min(name, 255),
                (byte)Math.Min(next, 255),
                (byte)Math.Min(late, 255));
        }

        _vocabulary = [.. vocabulary];
        _postings = [.. postings.Select(p => p.ToArray())];
        _idf = [.. _postings.Select(p => (float)Math.Log((Count + 1.0) / (p.Length + 1.0)))];
        _sortedWordIds = [.. Enumerable.Range(0, _vocabulary.Length).OrderBy(i => _vocabulary[i], StringComparer.Ordinal)];
        _sortedWords = [.. _sortedWordIds.Select(i => _vocabulary[i])];
        _deletes = new Lazy<Dictionary<string, int[]>>(BuildDeletes);
        _phonetic = new Lazy<Dictionary<string, int[]>>(() => Enumerable.Range(0, _vocabulary.Length)
            .Where(id => _vocabulary[id].Length >= 4 && !char.IsAsciiDigit(_vocabulary[id][0]))
            .GroupBy(id => Phonetic.Key(_vocabulary[id]))
            .Where(g => g.Key.Length >= 2)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));

        void Note(string stem, int cls, bool plural)
        {
            if (!_wordIds.TryGetValue(stem, out var id))
            {
                id = vocabulary.Count;
                _wordIds.Add(stem, id);
                vocabulary.Add(stem);
                postings.Add([]);
            }

            var packed = (plural ? 4 : 0) | cls;
            // Keep the best position class for a word that occurs twice.
            if (!seen.TryGetValue(id, out var old) || cls < (old & 3))
                seen[id] = packed;
        }
    }

    private static float GroupPenalty(string groupCode) => groupCode switch
    {
        "0300" => 1.2f,          // Baby Foods
        "2100" or "3600" => 0.6f, // Fast Foods, Restaurant Foods
        "3500" => 0.8f,          // American Indian/Alaska Native Foods
        "2200" => 0.3f,          // Meals, Entrees, and Side Dishes
        _ => 0f,
    };

    /// <summary>Per-document scoring data, packed so that scoring a document touches one cache line.</summary>
    private readonly record struct DocInfo(float Prior, float GroupPenalty, bool GroupTriggered, byte NameWords, byte NextWords, byte LateWords);

    /// <summary>Number of indexed documents.</summary>
    public int Count { get; }

    /// <summary>Number of distinct word stems.</summary>
    public int VocabularySize => _vocabulary.Length;

    /// <summary>How many leading segments form the food's name: 2 when the first is a category ("Nuts, almonds").</summary>
    private static int HeadSegments(List<SearchText.Token> tokens)
    {
        var first = string.Join(' ', tokens.Where(t => t.Segment == 0).Select(t => t.Stem));
        return CategoryHeads.Contains(first) && tokens.Any(t => t.Segment == 1) ? 2 : 1;
    }

    private static double Prior(FoodSearchDocument d, List<SearchText.Token> tokens)
    {
        var cost = 0.0;
        if (d.SurveyFood)
            cost -= 0.2;
        if (d.Branded)
            cost += 0.8;
        if (tokens.Any(t => StandInWords.Contains(t.Stem)))
            cost += 0.6;
        var defaults = tokens.Count(t => DefaultQualifiers.Contains(t.Stem));
        cost -= Math.Min(0.45, 0.15 * defaults);
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
        var tokens = SplitCompounds(SearchText.Tokens(query))
            .DistinctBy(t => t.Stem)
            .Take(MaxQueryWords)
            .ToArray();
        if (tokens.Length == 0)
            return [];
        var head = HeadIndex(query, tokens);
        if (!_scratch.TryTake(out var scratch) || scratch.Capacity < Count)
            scratch = new Scratch(Count);
        try
        {
            return Rank(tokens, head, limit, scratch);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>
    /// The query word that names the food: in English the last word ("peanut oil" is an oil), or the last word before a
    /// preposition ("sardines in oil" is sardines), skipping weak words ("salmon fillet" is salmon).
    /// </summary>
    private static int HeadIndex(string query, SearchText.Token[] tokens)
    {
        var folded = " " + SearchText.Fold(query) + " ";
        var cut = HeadEndingPrepositions.Select(p => folded.IndexOf(p, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        var head = cut < 0 ? tokens.Length - 1 : Math.Min(tokens.Length, SearchText.Tokens(folded[..cut]).Count) - 1;
        while (head > 0 && WeakWords.Contains(tokens[head].Stem))
            head--;
        return Math.Max(0, head);
    }

    private List<FoodSearchHit> Rank(SearchText.Token[] tokens, int head, int limit, Scratch s)
    {
        s.NextGeneration();
        var t = tokens.Length;
        var missCost = new double[t];
        var canonical = new string[t];
        var readings = new List<(int WordId, double Cost)>[t];
        var postingTotals = new long[t];
        for (var i = 0; i < t; i++)
        {
            readings[i] = Interpretations(tokens, i);
            // Missing a rare, specific word ("collard") costs more than missing a common one ("greens", "raw"), and
            // missing the last word, usually the head noun in English ("red onion"), more than a modifier.
            var best = readings[i].Count == 0 ? -1 : readings[i].MinBy(r => r.Cost).WordId;
            missCost[i] = WeakWords.Contains(tokens[i].Stem) ? 0.5
                : UnmatchedWordCost * (i == head ? 0.5 : 1.0 / 3) + 0.25 * (best < 0 ? 0.0 : _idf[best]);
            canonical[i] = best < 0 ? tokens[i].Stem : _vocabulary[best];
            postingTotals[i] = readings[i].Sum(r => (long)_postings[r.WordId].Length);
        }

        // Candidates come from the specific words; a very common word ("raw", "cooked") only re-scores foods that a
        // more specific word already found, unless it is the query's rarest word. This keeps large corpora fast.
        var rarest = Enumerable.Range(0, t).Where(i => postingTotals[i] > 0).DefaultIfEmpty(0).MinBy(i => postingTotals[i]);
        var commonThreshold = Math.Max(64, Count / 50);
        foreach (var i in Enumerable.Range(0, t).OrderBy(i => postingTotals[i]))
        {
            var open = i == rarest || postingTotals[i] <= commonThreshold;
            foreach (var (wordId, cost) in readings[i])
                Accumulate(s, i, wordId, cost, tokens[i].Plural, open);
        }

        var asked = new HashSet<string>(tokens.Select(x => GroupTriggers.GetValueOrDefault(x.Stem)).OfType<string>(), StringComparer.Ordinal);
        var preferred = new HashSet<int>();
        var defaults = FoodDefaults.For(canonical);
        if (defaults.Count == 0 && readings[t - 1].Count > 0)
        {
            // A partly typed last word ("chick", "oatm"): try its likeliest completion.
            var longer = readings[t - 1].Where(r => _vocabulary[r.WordId].Length > tokens[t - 1].Stem.Length).ToList();
            if (longer.Count > 0)
                defaults = FoodDefaults.For([.. canonical[..^1], _vocabulary[longer.MinBy(r => r.Cost).WordId]]);
        }

        foreach (var ndb in defaults)
        {
            if (_docByNdb.TryGetValue(ndb, out var doc))
                preferred.Add(doc);
        }

        var isContent = tokens.Select(x => !DefaultQualifiers.Contains(x.Stem) && !char.IsAsciiDigit(x.Stem[0])).ToArray();
        var top = new List<(double Cost, int Doc)>(limit + 1);
        for (var k = 0; k < s.TouchedCount; k++)
        {
            var doc = s.Touched[k];
            ref readonly var info = ref _docs[doc];
            var cost = (double)info.Prior;
            // Only docs in a group a trigger word can ask for need the (string) lookup; the rest skip it.
            if (!info.GroupTriggered || asked.Count == 0 || !asked.Contains(_groupCode[doc]))
                cost += info.GroupPenalty;
            double bestBonus = 0, otherBonus = 0;
            int matchedName = 0, matchedNext = 0, matchedLate = 0;
            var mask = s.Matched[doc];
            for (var i = 0; i < t; i++)
            {
                var at = doc * MaxQueryWords + i;
                if ((mask & (1 << i)) == 0)
                {
                    cost += missCost[i];
                    continue;
                }

                var c = s.Costs[at];
                cost += c;
                var cls = s.Classes[at];
                if (i == head && cls == HeadNoun && t > 1)
                    cost -= LastWordHeadBonus; // "peanut oil" is an oil: the query's last word names the food
                var bonus = PositionBonus[cls];
                if (bonus > bestBonus)
                    (bestBonus, otherBonus) = (bonus, otherBonus + bestBonus);
                else
                    otherBonus += bonus;
                if (isContent[i])
                {
                    if (cls == Later)
                        matchedLate++;
                    else if (cls == NextPart)
                        matchedNext++;
                    else
                        matchedName++;
                }
            }

            cost -= bestBonus + 0.3 * otherBonus;
            cost += ExtraWordsCost(
                Math.Max(0, info.NameWords - matchedName), Math.Max(0, info.NextWords - matchedNext), Math.Max(0, info.LateWords - matchedLate));
            if (preferred.Contains(doc))
                cost -= DefaultFoodBonus;
            if (top.Count == limit && cost >= top[^1].Cost)
                continue;
            var pos = top.Count;
            while (pos > 0 && (top[pos - 1].Cost > cost || (top[pos - 1].Cost == cost && top[pos - 1].Doc > doc)))
                pos--;
            top.Insert(pos, (cost, doc));
            if (top.Count > limit)
                top.RemoveAt(top.Count - 1);
        }

        return top.ConvertAll(x => new FoodSearchHit(x.Doc, Math.Round(10.0 - x.Cost, 3)));
    }

    /// <summary>
    /// Words the query did not ask for: 0.25 each in the food's name (another food: "Malabar spinach"), 0.12 in the
    /// part after it (a variety: "Milk, buttermilk"), 0.05 further on or in parentheses (preparation detail), at most 1.5.
    /// </summary>
    private static double ExtraWordsCost(int name, int next, int late) => Math.Min(1.5, 0.25 * name + 0.12 * next + 0.05 * late);

    private void Accumulate(Scratch s, int token, int wordId, double cost, bool queryPlural, bool open)
    {
        var bit = (byte)(1 << token);
        var stamp = s.Stamp;
        var generation = s.Generation;
        // "walnuts" fits "Nuts, walnuts" a little better than "Oil, walnut".
        var same = (float)cost;
        var mismatched = (float)(cost + NumberMismatchCost);
        foreach (var posting in _postings[wordId])
        {
            var doc = posting >> 3;
            if (stamp[doc] != generation)
            {
                if (!open)
                    continue;
                stamp[doc] = generation;
                s.Touched[s.TouchedCount++] = doc;
                s.Matched[doc] = 0;
            }

            var cls = (byte)(posting & 3);
            var c = ((posting & 4) != 0) == queryPlural ? same : mismatched;
            var at = doc * MaxQueryWords + token;
            if ((s.Matched[doc] & bit) == 0 || c < s.Costs[at] || (c == s.Costs[at] && cls < s.Classes[at]))
            {
                s.Matched[doc] |= bit;
                s.Costs[at] = c;
                s.Classes[at] = cls;
            }
        }
    }

    /// <summary>The vocabulary words query word <paramref name="i"/> may stand for, with the cost of each reading.</summary>
    private List<(int WordId, double Cost)> Interpretations(SearchText.Token[] tokens, int i)
    {
        var token = tokens[i].Stem;
        var isLast = i == tokens.Length - 1;
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

        // Two query words that the data writes as one: "soy milk" → soymilk, "soya beans" → soybean, "flax seeds" → flaxseed.
        foreach (var self in FoodSynonyms.For(token).Prepend(token))
        {
            if (i + 1 < tokens.Length && _wordIds.TryGetValue(SearchText.Stem(self + tokens[i + 1].Stem), out var joinedNext))
                Offer(joinedNext, CompoundCost);
            if (i > 0 && _wordIds.TryGetValue(SearchText.Stem(tokens[i - 1].Stem + self), out var joinedPrev))
                Offer(joinedPrev, CompoundCost);
        }

        if (i > 0)
        {
            foreach (var previous in FoodSynonyms.For(tokens[i - 1].Stem))
            {
                if (_wordIds.TryGetValue(SearchText.Stem(previous + token), out var joined))
                    Offer(joined, CompoundCost);
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
            if (maxEdits > 0 && !char.IsAsciiDigit(token[0]))
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

            // Sound-alike spellings beyond the edit budget: "sardeens" → sardine, "brokoli" → broccoli.
            if (found.Count == 0 && token.Length >= 5 && _phonetic.Value.TryGetValue(Phonetic.Key(token), out var alike))
            {
                // Same first letter, similar length; the closer spelling wins ties ("tofoo" → tofu, not toffee).
                foreach (var id in alike)
                {
                    var word = _vocabulary[id];
                    if (word[0] == token[0] && Math.Abs(word.Length - token.Length) <= 2)
                        Offer(id, PhoneticCost + 0.1 * EditDistance.DamerauLevenshtein(token, word, 4));
                }
            }
        }

        return [.. found.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>
    /// A query word the data does not know but writes as two words is split: "cornflakes" → corn flake,
    /// "peanutbutter" → peanut butter. Each part must be a known word of at least three letters.
    /// </summary>
    private IEnumerable<SearchText.Token> SplitCompounds(List<SearchText.Token> tokens)
    {
        foreach (var t in tokens)
        {
            if (_wordIds.ContainsKey(t.Stem) || t.Stem.Length < 6 || FoodSynonyms.For(t.Stem).Count > 0 || HasNearWord(t.Stem))
            {
                yield return t;
                continue;
            }

            var split = false;
            for (var cut = 3; cut <= t.Stem.Length - 3 && !split; cut++)
            {
                var left = t.Stem[..cut];
                var right = SearchText.Stem(t.Stem[cut..]);
                if (_wordIds.ContainsKey(left) && _wordIds.ContainsKey(right))
                {
                    yield return t with { Stem = left, Plural = false };
                    yield return t with { Stem = right };
                    split = true;
                }
            }

            if (!split)
                yield return t;
        }
    }

    /// <summary>Whether a known word lies within one edit of <paramref name="stem"/> (then it is a typo, not a compound).</summary>
    private bool HasNearWord(string stem)
    {
        var deletes = _deletes.Value;
        foreach (var variant in DeleteVariants(stem, 1))
        {
            if (deletes.TryGetValue(variant, out var ids) && ids.Any(id => EditDistance.DamerauLevenshtein(stem, _vocabulary[id], 1) <= 1))
                return true;
        }

        return false;
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
            Matched = new byte[capacity];
            Classes = new byte[capacity * MaxQueryWords];
            Costs = new float[capacity * MaxQueryWords];
        }

        public int Capacity { get; }
        public int[] Stamp { get; }
        public int[] Touched { get; }
        public byte[] Matched { get; }
        public byte[] Classes { get; }
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
