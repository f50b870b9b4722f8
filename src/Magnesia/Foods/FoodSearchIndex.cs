namespace Magnesia.Foods;

/// <summary>A food as the search index sees it.</summary>
/// <param name="Id">The food's id (<see cref="FoodId"/>), used by the curated defaults.</param>
/// <param name="Name">The long description, e.g. <c>Spinach, raw</c>.</param>
/// <param name="CommonNames">Other names people use for it.</param>
/// <param name="GroupCode">SR28 food group code.</param>
/// <param name="Branded">True for a manufacturer's product.</param>
/// <param name="SurveyFood">True when the food is used to code what people reported eating (SR28 <c>Survey</c> = Y):
/// the popularity prior.</param>
/// <param name="Brand">Brand owner and brand name of a product from a label database: its words find the product, and a
/// query that names the brand lifts the product's cost. Null for generic foods and for SR28's manufacturer foods.</param>
public sealed record FoodSearchDocument(string Id, string Name, IReadOnlyList<string> CommonNames, string GroupCode, bool Branded, bool SurveyFood, string? Brand = null)
{
    /// <summary>The document of a food: the web's in-memory catalogue indexes this.</summary>
    public static FoodSearchDocument From(Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        return Of(food.Id, food.Name, food.CommonNames, food.Group.Code, food.Origin.Dataset, food.Origin.BrandOwner ?? food.Manufacturer,
            food.Origin.BrandName, food.SurveyFood);
    }

    /// <summary>
    /// The document of a stored food's columns (the CLI's snapshot is built from these without loading the foods):
    /// branded when it has a manufacturer or its dataset is a label database; its brand is the brand name, or else the
    /// manufacturer, except for SR28, whose manufacturer foods are generic entries in the search.
    /// </summary>
    public static FoodSearchDocument Of(string id, string name, IReadOnlyList<string> commonNames, string groupCode, string dataset,
        string? manufacturer, string? brandName, bool surveyFood)
    {
        var source = FoodDatasets.Find(dataset);
        var brand = source == FoodDatasets.Sr28 ? null : brandName ?? manufacturer;
        return new(id, name, commonNames, groupCode, manufacturer is not null || source.Branded, surveyFood, brand);
    }
}

/// <summary>One search result: the document's position in the indexed list and its score (higher is better).</summary>
/// <param name="Document">Position of the document in the indexed list.</param>
/// <param name="Score">Relevance; comparable only within one query.</param>
/// <param name="Weak">True when no query word matched any food word and the hit was found by shared letter
/// trigrams instead: a guess, shown so that a plausible query never comes back empty.</param>
public readonly record struct FoodSearchHit(int Document, double Score, bool Weak = false);

/// <summary>
/// In-memory, typo-tolerant ranked food search, the product's core. Each query word is read as the same word
/// (after plural stemming), a curated synonym, two query words written as one (<c>soy milk</c> → soymilk), a prefix
/// of a longer word (partial typing), or a word within Damerau–Levenshtein distance 1–2 (found through a
/// symmetric-delete index). A food's cost is the sum over query words of the cheapest reading it contains (a
/// word it lacks costs <see cref="RankingWeights.UnmatchedWordCost"/>), minus a bonus for where the match sits — most for the head
/// noun of the food's name (SR28 writes "Spinach, raw", "Nuts, almonds", "Tofu yogurt"), less for another word of
/// the name — plus a small cost per description word the query did not ask for, and a prior: commonly eaten foods
/// (SR28 survey foods), default forms (raw, plain, regular, brewed…) and the curated default for a bare generic name
/// (<see cref="FoodDefaults"/>) first; baby, fast, restaurant and branded foods later unless asked for.
/// After Intake24's food index (interpretations by exact, phonetic and edit-distance match, synonyms, costs for
/// unmatched words, blended with a popularity prior), adapted to SR28's "Noun, qualifier, state" descriptions.
/// </summary>
/// <remarks>Thread-safe: concurrent searches each rent scratch space from a pool.</remarks>
public sealed partial class FoodSearchIndex
{
    private readonly string[] _vocabulary;            // word id → stem
    private readonly Dictionary<string, int> _wordIds;
    private readonly string[] _sortedWords;           // for prefix lookup
    private readonly int[] _sortedWordIds;
    private readonly int[] _postingData;              // every word's postings, one after another: doc << 3 | plural << 2 | position class
    private readonly int[] _postingStart;             // word id → where its postings start in _postingData (and word id + 1 where they end)
    private readonly DocInfo[] _docs;                 // doc → what scoring needs, packed into one cache line
    private readonly string[] _groupCode;             // doc → SR28 group code
    private readonly float[] _idf;                    // word id → ln(N / document frequency), over generic foods
    private readonly int[] _genericFrequency;         // word id → number of generic (not label-database) foods holding it
    private readonly int _genericCount;               // number of generic foods
    private readonly byte[] _keyBytes;                // every document's id (NDB number, fdc:…), UTF-8, one after another
    private readonly int[] _keyStart;                 // doc → where its id starts in _keyBytes (and doc + 1 where it ends)
    private readonly bool _keysSorted;                // ids in ordinal order: found by binary search, no map needed
    private readonly Lazy<Dictionary<string, int>> _docById; // food id → doc when the ids are not in order
    private readonly int[] _brandStart;               // doc → where its brand words start in _brandWords (and doc + 1 where they end)
    private readonly int[] _brandWords;               // brand word ids of branded documents, one document after another
    private readonly Lazy<FuzzyLookup> _fuzzy;
    private readonly Lazy<Dictionary<long, int[]>> _trigrams;
    private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> _scratch = [];

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
        (_keyBytes, _keyStart) = Utf8Blob(documents.Select(d => d.Id));
        _keysSorted = true;
        for (var i = 1; i < documents.Count && _keysSorted; i++)
            _keysSorted = string.CompareOrdinal(documents[i - 1].Id, documents[i].Id) < 0;
        _docById = new Lazy<Dictionary<string, int>>(IdMap);
        var seen = new Dictionary<int, int>();
        _brandStart = new int[Count + 1];
        var brandWords = new List<int>();
        for (var doc = 0; doc < Count; doc++)
        {
            var d = documents[doc];
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

            // A brand is found (a late word: never the food's name, never an extra word) and remembered, so that a query
            // naming it lifts the cost of a branded food.
            if (d.Branded && d.Brand is { } brand)
            {
                foreach (var t in SearchText.Tokens(brand))
                {
                    Note(t.Stem, Later, t.Plural);
                    var id = _wordIds[t.Stem];
                    if (brandWords.IndexOf(id, _brandStart[doc]) < 0)
                        brandWords.Add(id);
                }
            }

            _brandStart[doc + 1] = brandWords.Count;
            foreach (var (wordId, packed) in seen)
                postings[wordId].Add(doc << 3 | packed);
            _groupCode[doc] = d.GroupCode;
            _docs[doc] = new DocInfo(
                (float)Prior(d, tokens),
                GroupPenalty(d.GroupCode),
                GroupTriggers.Values.Contains(d.GroupCode),
                (byte)Math.Min(name, 255),
                (byte)Math.Min(next, 255),
                (byte)Math.Min(late, 255),
                d.Branded && d.Brand is not null);
        }

        _brandWords = [.. brandWords];
        _isBrandWord = new bool[vocabulary.Count];
        foreach (var w in _brandWords)
            _isBrandWord[w] = true;

        _vocabulary = [.. vocabulary];
        _postingStart = new int[postings.Count + 1];
        for (var w = 0; w < postings.Count; w++)
            _postingStart[w + 1] = _postingStart[w] + postings[w].Count;
        // Each word's postings hold its generic foods first, then its branded products: a search ranks the generic foods,
        // then reads the products only if one of them could still enter the top (see Rank).
        _postingData = [.. postings.SelectMany(p => p.Where(posting => !_docs[posting >> 3].Branded).Concat(p.Where(posting => _docs[posting >> 3].Branded)))];
        // Word statistics over generic foods only: hundreds of thousands of branded products must not make "almonds" look
        // common (which would change which words find candidates and what a missed word costs).
        (_genericCount, _minBrandedPrior) = Census(_docs);
        _genericFrequency = [.. postings.Select(p => p.Count(posting => !_docs[posting >> 3].Branded))];
        _idf = [.. _genericFrequency.Select(f => (float)Math.Log((_genericCount + 1.0) / (f + 1.0)))];
        _sortedWordIds = [.. Enumerable.Range(0, _vocabulary.Length).OrderBy(i => _vocabulary[i], StringComparer.Ordinal)];
        _sortedWords = [.. _sortedWordIds.Select(i => _vocabulary[i])];
        var vocabularyForFuzzy = _vocabulary;
        _fuzzy = new Lazy<FuzzyLookup>(() => FuzzyLookup.Build(vocabularyForFuzzy));
        _trigrams = new Lazy<Dictionary<long, int[]>>(() => BuildTrigrams(vocabularyForFuzzy));

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
    private readonly record struct DocInfo(float Prior, float GroupPenalty, bool GroupTriggered, byte NameWords, byte NextWords, byte LateWords, bool Branded);

    /// <summary>Whether one of the query's word readings names the brand of branded document <paramref name="doc"/>.</summary>
    private bool NamesBrand(int doc, List<int> queryWords)
    {
        for (var k = _brandStart[doc]; k < _brandStart[doc + 1]; k++)
        {
            if (queryWords.Contains(_brandWords[k]))
                return true;
        }

        return false;
    }

    /// <summary>The postings of a word.</summary>
    private ReadOnlySpan<int> Postings(int wordId) => _postingData.AsSpan(_postingStart[wordId], _postingStart[wordId + 1] - _postingStart[wordId]);

    /// <summary>The postings of a word's generic foods, or of its branded products (generic ones come first).</summary>
    private ReadOnlySpan<int> Postings(int wordId, bool branded) => branded
        ? _postingData.AsSpan(_postingStart[wordId] + _genericFrequency[wordId], _postingStart[wordId + 1] - _postingStart[wordId] - _genericFrequency[wordId])
        : _postingData.AsSpan(_postingStart[wordId], _genericFrequency[wordId]);

    /// <summary>Word id → whether some product's brand holds the word (a query without one names no brand).</summary>
    private readonly bool[] _isBrandWord;

    /// <summary>The lowest prior of any branded product (0 when there is none): where every product's cost starts.</summary>
    private readonly float _minBrandedPrior;

    /// <summary>
    /// How many documents are generic foods, and the lowest prior of a branded one (0 when there is none), in one plain
    /// loop (on the snapshot path a short-lived process would JIT-compile a LINQ instantiation over the struct).
    /// </summary>
    private static (int GenericCount, float MinBrandedPrior) Census(DocInfo[] docs)
    {
        var generic = 0;
        var floor = float.MaxValue;
        foreach (var d in docs)
        {
            if (!d.Branded)
                generic++;
            else if (d.Prior < floor)
                floor = d.Prior;
        }

        return (generic, floor == float.MaxValue ? 0 : floor);
    }

    /// <summary>The food id of an indexed document.</summary>
    public string IdOf(int document) => System.Text.Encoding.UTF8.GetString(_keyBytes, _keyStart[document], _keyStart[document + 1] - _keyStart[document]);

    /// <summary>
    /// The document with this id (the curated defaults name SR28 foods by NDB number): a binary search over the ids when
    /// they are in order (a store lists its foods by id), else a map built on first use. -1 when absent.
    /// </summary>
    private int DocumentOf(string id)
    {
        if (!_keysSorted)
            return _docById.Value.TryGetValue(id, out var found) ? found : -1;
        Span<byte> wanted = stackalloc byte[64];
        if (id.Length > wanted.Length || !System.Text.Encoding.UTF8.TryGetBytes(id, wanted, out var length))
            return -1;
        wanted = wanted[..length];
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _keyBytes.AsSpan(_keyStart[mid], _keyStart[mid + 1] - _keyStart[mid]).SequenceCompareTo(wanted);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }

        return -1;
    }

    // The curated defaults name SR28 foods by NDB number; ids of other datasets carry a prefix ("fdc:…").
    private Dictionary<string, int> IdMap()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (Array.IndexOf(_keyBytes, (byte)':', _keyStart[i], _keyStart[i + 1] - _keyStart[i]) < 0)
                map.TryAdd(IdOf(i), i);
        }

        return map;
    }

    /// <summary>Strings as one UTF-8 blob with start offsets (and the end as the last offset): one allocation, read back by copying.</summary>
    public static (byte[] Bytes, int[] Starts) Utf8Blob(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values as IReadOnlyList<string> ?? [.. values];
        var starts = new int[list.Count + 1];
        for (var i = 0; i < list.Count; i++)
            starts[i + 1] = starts[i] + System.Text.Encoding.UTF8.GetByteCount(list[i]);
        var bytes = new byte[starts[^1]];
        for (var i = 0; i < list.Count; i++)
            System.Text.Encoding.UTF8.GetBytes(list[i], bytes.AsSpan(starts[i]));
        return (bytes, starts);
    }

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
        if (d.Branded && d.Brand is null)
            cost += 0.8; // SR28's few manufacturer foods ("Cereals ready-to-eat, KELLOGG, …") name their maker in the description

        if (tokens.Any(t => StandInWords.Contains(t.Stem)))
            cost += 0.6;
        var defaults = tokens.Count(t => DefaultQualifiers.Contains(t.Stem));
        cost -= Math.Min(0.45, 0.15 * defaults);
        if (tokens.Any(t => SearchLexicon.SweetenedFormWords.Contains(t.Stem)))
            cost += W.SweetenedFormCost;
        if (IsPreparedFamily(d.GroupCode, tokens))
        {
            // Eaten cooked (word-classes.tsv, "The form people eat"): the raw or dry form is not the default, the cooked one is.
            // "Salmon, cooked, dry heat" is cooked ("dry heat" is a way of cooking), and "ribs prepared, raw" is raw (a
            // butcher's preparation): a raw word outside "dry heat" wins over a prepared word.
            if (IsRawForm(tokens))
                cost += W.RawFormCost;
            else if (tokens.Any(t => SearchLexicon.PreparedFormWords.Contains(t.Stem)))
                cost -= W.PreparedFormBonus;
        }

        return cost;
    }

    // A word of some generic (not label-database) food's own description: IFCT's "Ragi", once imported.
    private bool NamesAGenericFood(string stem) => _wordIds.TryGetValue(stem, out var id) && _genericFrequency[id] > 0;

    private static bool IsRawForm(List<SearchText.Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SearchLexicon.RawFormWords.Contains(tokens[i].Stem) && !(tokens[i].Stem == "dry" && i + 1 < tokens.Count && tokens[i + 1].Stem == "heat"))
                return true;
        }
        return false;
    }

    private static bool IsPreparedFamily(string groupCode, List<SearchText.Token> tokens)
    {
        var families = SearchLexicon.PreparedFamilies;
        return families.Contains(groupCode) || (tokens.Count > 0 && families.Contains(groupCode + ":" + tokens[0].Stem));
    }

    /// <summary>
    /// Finds the foods that best match <paramref name="query"/>, best first. Returns nothing for a query
    /// with no searchable word.
    /// </summary>
    public IReadOnlyList<FoodSearchHit> Search(string query, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Rank the food words only ("2 cups of skim milk" → "skim milk"), with typed names in SR28's wording.
        var read = FoodQuery.Read(query).FoodWords;
        var words = SearchText.Tokens(read);
        var foodWords = FoodNames.Rewrite(read, words, NamesAGenericFood);
        var tokens = SplitCompounds(ReferenceEquals(foodWords, read) ? words : SearchText.Tokens(foodWords))
            .DistinctBy(t => t.Stem)
            .Take(MaxQueryWords)
            .ToArray();
        if (tokens.Length == 0)
            return [];
        var head = HeadIndex(foodWords, tokens);
        var readings = new List<Reading>[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
            readings[i] = Interpretations(tokens, i);
        if (!_scratch.TryTake(out var scratch) || scratch.Capacity < Count)
            scratch = new Scratch(Count);
        try
        {
            var hits = Rank(tokens, readings, head, limit, scratch, out var best);
            if (tokens.Length > 1 && best.Explained < tokens.Length && !best.Default)
            {
                // The best food leaves a word unexplained (and is no curated default): read its uncertain words more thoroughly and
                // rank again, keeping the second ranking only when its best food explains more of the query and scores higher
                // (more readings can make a missed word dearer, so the scores of the two rankings stay comparable).
                var thorough = new List<Reading>[tokens.Length];
                for (var i = 0; i < tokens.Length; i++)
                    thorough[i] = (best.Uncertain & (1 << i)) != 0 ? ThoroughInterpretations(tokens[i].Stem, readings[i], (best.HeldLate & (1 << i)) != 0) : readings[i];
                var second = Rank(tokens, thorough, head, limit, scratch, out var secondBest, accumulated: readings);
                if (second.Count > 0 && (hits.Count == 0 || second[0].Score > hits[0].Score)
                    && (secondBest.Explained > best.Explained || (secondBest.Default && secondBest.Explained == best.Explained)))
                    return second;
            }

            if (hits.Count > 0)
                return hits;
            // Nothing matched any reading: fall back to the words sharing the most letter trigrams, marked as weak.
            var any = false;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (readings[i].Count == 0 && tokens[i].Stem.Length >= 3)
                {
                    readings[i] = SharedTrigrams(tokens[i].Stem);
                    any |= readings[i].Count > 0;
                }
            }

            return any ? [.. Rank(tokens, readings, head, limit, scratch, out _).Select(h => h with { Weak = true })] : hits;
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }
}
