namespace Magnesia.Foods;

// The ranking policy: how each query word is read (exact, synonym, compound, prefix, typo, sound-alike), what each
// reading costs, the bonuses for where a match sits in the food's name, and the top-k selection.
public sealed partial class FoodSearchIndex
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
    private const double TrigramCost = 1.5;
    private const float GuessCost = 0.5f; // a prefix or typo reading, not a synonym or compound
    private const double DefaultRankStep = 0.3;
    private const double WideEditExtra = 0.2;

    /// <summary>
    /// Words that describe a cut or a form rather than the food ("salmon fillet", "tuna steak"): SR28 rarely names them,
    /// so missing one costs little and they never count as the food's head noun (<c>word-classes.tsv</c>).
    /// </summary>
    private static HashSet<string> WeakWords => SearchLexicon.WeakWords;

    /// <summary>Prepositions after which a query qualifies its head: "sardines in oil" is sardines.</summary>
    private static readonly string[] HeadEndingPrepositions = [" in ", " with ", " on ", " from "];

    /// <summary>Words that mark a stand-in product, rarely what a person means unless they say so.</summary>
    private static HashSet<string> StandInWords => SearchLexicon.StandInWords;

    // Position classes of a matched word, best first: head noun, elsewhere in the name, next part, later.
    private const int HeadNoun = 0, InName = 1, NextPart = 2, Later = 3;
    private static readonly double[] PositionBonus = [1.0, 0.45, 0.4, 0.0];

    /// <summary>SR28 name parts that are categories: the food's own name follows them ("Nuts, almonds").</summary>
    private static HashSet<string> CategoryHeads => SearchLexicon.CategoryHeads;

    /// <summary>Qualifiers that mark the default form of a food; they neither cost nor count as extra words.</summary>
    private static HashSet<string> DefaultQualifiers => SearchLexicon.DefaultQualifiers;

    /// <summary>Query words that ask for a group the prior otherwise pushes down.</summary>
    private static IReadOnlyDictionary<string, string> GroupTriggers => SearchLexicon.GroupTriggers;

    /// <summary>
    /// The query word that names the food: in English the last word ("peanut oil" is an oil), or the last word before a
    /// preposition ("sardines in oil" is sardines), skipping weak words ("salmon fillet" is salmon).
    /// </summary>
    private static int HeadIndex(string query, SearchText.Token[] tokens)
    {
        var folded = " " + SearchText.Fold(query) + " ";
        var cut = -1;
        foreach (var preposition in HeadEndingPrepositions)
        {
            var at = folded.IndexOf(preposition, StringComparison.Ordinal);
            if (at > 0 && (cut < 0 || at < cut))
                cut = at;
        }

        var head = cut < 0 ? tokens.Length - 1 : Math.Min(tokens.Length, SearchText.Tokens(folded[..cut]).Count) - 1;
        while (head > 0 && WeakWords.Contains(tokens[head].Stem))
            head--;
        return Math.Max(0, head);
    }

    /// <remarks>
    /// With <paramref name="accumulated"/> (the readings a first ranking already accumulated into <paramref name="s"/>),
    /// only the new readings are accumulated and every touched food is scored again: the thorough second reading costs
    /// its new words, not the whole query twice.
    /// </remarks>
    private List<FoodSearchHit> Rank(SearchText.Token[] tokens, List<Reading>[] readings, int head, int limit, Scratch s, out Best best, List<Reading>[]? accumulated = null)
    {
        if (accumulated is null)
            s.NextGeneration();
        var t = tokens.Length;
        var missCost = new double[t];
        var canonical = new string[t];
        var postingTotals = new long[t];
        var cheapestWord = new double[t]; // the least a food pays for a word: its cheapest reading, or missing it
        for (var i = 0; i < t; i++)
        {
            // Missing a rare, specific word ("collard") costs more than missing a common one ("greens", "raw"), and
            // missing the last word, usually the head noun in English ("red onion"), more than a modifier.
            var cheapestReading = Cheapest(readings[i]);
            var cheapest = cheapestReading?.WordId ?? -1;
            missCost[i] = WeakWords.Contains(tokens[i].Stem) ? 0.5
                : UnmatchedWordCost * (i == head ? 0.5 : 1.0 / 3) + 0.25 * (cheapest < 0 ? 0.0 : _idf[cheapest]);
            cheapestWord[i] = Math.Min(missCost[i], cheapestReading?.Cost ?? missCost[i]);
            canonical[i] = cheapest < 0 ? tokens[i].Stem : _vocabulary[cheapest];
            foreach (var r in readings[i])
                postingTotals[i] += _genericFrequency[r.WordId];
        }

        // Candidates come from the specific words; a very common word ("raw", "cooked") only re-scores foods that a
        // more specific word already found, unless it is the query's rarest word. This keeps large corpora fast.
        // (Plain loops rather than LINQ here: a short-lived process would JIT-compile each generic LINQ instantiation.)
        var rarest = 0;
        for (var i = 0; i < t; i++)
        {
            if (postingTotals[i] > 0 && (postingTotals[rarest] == 0 || postingTotals[i] < postingTotals[rarest]))
                rarest = i;
        }

        var order = Ascending(postingTotals);

        // Generic foods first; the branded products' postings are read later, and only when one of them could still enter
        // the top (below), which with hundreds of thousands of products behind a word like "milk" is rarely the case.
        var commonThreshold = Math.Max(64, _genericCount / 50);
        var opened = new bool[t];
        foreach (var i in order)
        {
            opened[i] = i == rarest || postingTotals[i] <= commonThreshold;
            foreach (var r in readings[i])
            {
                if (accumulated is null || !accumulated[i].Contains(r))
                    Accumulate(s, i, r.WordId, r.Cost, tokens[i].Plural, opened[i], branded: false);
            }
        }

        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (GroupTriggers.TryGetValue(token.Stem, out var group))
                asked.Add(group);
        }

        // Words the query names as typed (or as a synonym): a guessed spelling ("chedar" as cedar) names no brand.
        var queryWords = new List<int>();
        foreach (var list in readings)
        {
            foreach (var r in list)
            {
                if (r.Cost < GuessCost)
                    queryWords.Add(r.WordId);
            }
        }

        var preferred = new Dictionary<int, int>(); // doc → rank in the defaults row
        var defaults = FoodDefaults.For(canonical);
        if (defaults.Count == 0 && readings[t - 1].Count > 0)
        {
            // A partly typed last word ("chick", "oatm"): try its likeliest completion.
            var longer = new List<Reading>();
            foreach (var r in readings[t - 1])
            {
                if (_vocabulary[r.WordId].Length > tokens[t - 1].Stem.Length)
                    longer.Add(r);
            }

            if (Cheapest(longer) is { } completion)
                defaults = FoodDefaults.For([.. canonical[..^1], _vocabulary[completion.WordId]]);
        }

        if (defaults.Count == 0)
            defaults = JointDefaults(readings);

        for (var k = 0; k < defaults.Count; k++)
        {
            if (DocumentOf(defaults[k]) is var doc and >= 0)
                preferred.TryAdd(doc, k);
        }

        var isContent = new bool[t];
        for (var i = 0; i < t; i++)
            isContent[i] = !DefaultQualifiers.Contains(tokens[i].Stem) && !char.IsAsciiDigit(tokens[i].Stem[0]);
        var topCost = new double[limit + 1];
        var topDoc = new int[limit + 1];
        var count = 0;
        // A product's cost is at least the lowest product prior, the branded cost (the named-brand cost when a query word
        // is some brand's word) and the cheapest reading (or miss) of every word, less every bonus it could earn (no
        // product is a curated default).
        var namesSomeBrand = false;
        foreach (var w in queryWords)
            namesSomeBrand |= _isBrandWord[w];
        var floor = _minBrandedPrior + (namesSomeBrand ? NamedBrandCost : BrandedCost) - (1.0 + 0.3 * (t - 1) + (t > 1 ? LastWordHeadBonus : 0));
        foreach (var c in cheapestWord)
            floor += c;

        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1)
            {
                if (_genericCount == Count)
                    break; // no products in this index
                if (count == limit && floor >= topCost[count - 1])
                    break; // no product can enter the top: their postings are never read
                // When only a product whose brand the query names could enter (the others still pay the full branded
                // cost), the brand words' postings bring in the products; the other words score those alone.
                var onlyNamed = namesSomeBrand && count == limit && floor - NamedBrandCost + BrandedCost >= topCost[count - 1];
                // The products' postings: every reading when this generation has not read them yet (or read only the named
                // brands' products), else the new readings. Reading a posting twice changes nothing.
                var all = !s.BrandedDone || s.BrandedOnlyNamed;
                // A word every entering product must hold: lacking it costs its miss instead of its cheapest reading, and
                // that alone would keep a product out of the top. Then that word's postings alone bring products in.
                var needed = -1;
                // Among products, as among generic foods, candidates come from the specific words: the word with the fewest
                // products, and any word few products hold; a common word ("milk" on 50,000 labels) only re-scores them.
                var productTotals = new long[t];
                var rarestProduct = -1;
                for (var i = 0; i < t; i++)
                {
                    foreach (var r in readings[i])
                        productTotals[i] += _postingStart[r.WordId + 1] - _postingStart[r.WordId] - _genericFrequency[r.WordId];
                    if (productTotals[i] > 0 && (rarestProduct < 0 || productTotals[i] < productTotals[rarestProduct]))
                        rarestProduct = i;
                }

                for (var i = 0; i < t; i++)
                {
                    if (count == limit && floor - cheapestWord[i] + missCost[i] >= topCost[count - 1] && (needed < 0 || productTotals[i] < productTotals[needed]))
                        needed = i;
                }

                // Rarest first, so that the words that bring candidates in come before the words that only re-score them
                // (with onlyNamed, the words that can name a brand come first: they bring the candidates in).
                var productKey = new long[t];
                for (var i = 0; i < t; i++)
                {
                    var namesBrand = false;
                    foreach (var r in readings[i])
                        namesBrand |= _isBrandWord[r.WordId];
                    productKey[i] = needed >= 0 ? (i == needed ? 0 : 1 + productTotals[i])
                        : onlyNamed && !namesBrand ? long.MaxValue / 2 + productTotals[i] : productTotals[i];
                }

                var productOrder = Ascending(productKey);

                var commonProducts = Math.Max(64, (Count - _genericCount) / 50);
                foreach (var i in productOrder)
                {
                    var open = i == rarestProduct || productTotals[i] <= commonProducts;
                    foreach (var r in readings[i])
                    {
                        if (all || accumulated is null || !accumulated[i].Contains(r))
                            Accumulate(s, i, r.WordId, r.Cost, tokens[i].Plural, needed >= 0 ? i == needed : onlyNamed ? _isBrandWord[r.WordId] : open, branded: true);
                    }
                }

                s.BrandedDone = true;
                s.BrandedOnlyNamed = onlyNamed || needed >= 0;
            }

            for (var k = 0; k < s.TouchedCount; k++)
            {
                if (s.Branded[k] != (pass == 1))
                    continue;
                var doc = s.Touched[k];
                var slot = k;
                ref readonly var info = ref _docs[doc];
                var cost = (double)info.Prior;
                if (info.Branded)
                    cost += NamesBrand(doc, queryWords) ? NamedBrandCost : BrandedCost;
                // Only docs in a group a trigger word can ask for need the (string) lookup; the rest skip it.
                if (!info.GroupTriggered || asked.Count == 0 || !asked.Contains(_groupCode[doc]))
                    cost += info.GroupPenalty;
                double bestBonus = 0, otherBonus = 0;
                int matchedName = 0, matchedNext = 0, matchedLate = 0;
                var mask = s.Matched[slot];
                for (var i = 0; i < t; i++)
                {
                    var at = slot * MaxQueryWords + i;
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
                if (preferred.TryGetValue(doc, out var rank))
                    cost -= DefaultFoodBonus - DefaultRankStep * Math.Min(rank, 5); // the row lists the most typical first
                if (count == limit && cost >= topCost[count - 1])
                    continue;
                var pos = count;
                while (pos > 0 && (topCost[pos - 1] > cost || (topCost[pos - 1] == cost && topDoc[pos - 1] > doc)))
                {
                    topCost[pos] = topCost[pos - 1];
                    topDoc[pos] = topDoc[pos - 1];
                    pos--;
                }

                topCost[pos] = cost;
                topDoc[pos] = doc;
                if (count < limit)
                    count++;
            }
        }

        // A weak word ("fillet", "steak") that the best food lacks is not left unexplained: SR28 rarely names cuts and forms.
        var weakMask = 0;
        for (var i = 0; i < t; i++)
        {
            if (WeakWords.Contains(tokens[i].Stem))
                weakMask |= 1 << i;
        }

        var uncertain = 0;
        var late = 0;
        var bestSlot = count > 0 ? s.Slot[topDoc[0]] : 0;
        if (count > 0)
        {
            // Words the best food lacks, holds only through a guessed spelling ("juse" read as jute), or holds only in a
            // late detail ("beens" as the "been" of "may have been previously frozen"): a thorough second reading looks at
            // these again, and leaves the words it holds as typed alone.
            for (var i = 0; i < t; i++)
            {
                var bit = 1 << i;
                var at = bestSlot * MaxQueryWords + i;
                if ((s.Matched[bestSlot] & bit) == 0 ? (weakMask & bit) == 0 : s.Costs[at] >= GuessCost || s.Classes[at] == Later)
                    uncertain |= bit;
                if ((s.Matched[bestSlot] & bit) != 0 && s.Classes[at] == Later)
                    late |= bit;
            }
        }

        best = count == 0 ? default : new Best(System.Numerics.BitOperations.PopCount((uint)(s.Matched[bestSlot] | weakMask)), preferred.ContainsKey(topDoc[0]), uncertain, late);
        var hits = new List<FoodSearchHit>(count);
        for (var k = 0; k < count; k++)
            hits.Add(new FoodSearchHit(topDoc[k], Math.Round(10.0 - topCost[k], 3)));
        return hits;
    }

    /// <summary>The query words' positions ordered by <paramref name="keys"/>, smallest first, ties in query order (an insertion sort: at most 8 words).</summary>
    private static int[] Ascending(long[] keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var at = i;
            while (at > 0 && keys[order[at - 1]] > keys[i])
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }

        return order;
    }

    /// <summary>
    /// Words the query did not ask for: 0.25 each in the food's name (another food: "Malabar spinach"), 0.12 in the
    /// part after it (a variety: "Milk, buttermilk"), 0.05 further on or in parentheses (preparation detail), at most 1.5.
    /// </summary>
    private static double ExtraWordsCost(int name, int next, int late) => Math.Min(1.5, 0.25 * name + 0.12 * next + 0.05 * late);

    private void Accumulate(Scratch s, int token, int wordId, double cost, bool queryPlural, bool open, bool branded)
    {
        var bit = (byte)(1 << token);
        var stamp = s.Stamp;
        var generation = s.Generation;
        // "walnuts" fits "Nuts, walnuts" a little better than "Oil, walnut".
        var same = (float)cost;
        var mismatched = (float)(cost + NumberMismatchCost);
        foreach (var posting in Postings(wordId, branded))
        {
            var doc = posting >> 3;
            int slot;
            if (stamp[doc] != generation)
            {
                if (!open)
                    continue;
                slot = s.Add(doc, branded);
            }
            else
            {
                slot = s.Slot[doc];
            }

            var cls = (byte)(posting & 3);
            var c = ((posting & 4) != 0) == queryPlural ? same : mismatched;
            var at = slot * MaxQueryWords + token;
            var costs = s.Costs;
            var classes = s.Classes;
            if ((s.Matched[slot] & bit) == 0 || c < costs[at] || (c == costs[at] && cls < classes[at]))
            {
                s.Matched[slot] |= bit;
                costs[at] = c;
                classes[at] = cls;
            }
        }
    }

    /// <summary>
    /// The thorough second reading of a word (when the best food of the first ranking left it uncertain): its first
    /// readings, plus near spellings when it was found as typed ("beens" is in SR28 as "been", but means beans), plus, for
    /// a word of up to seven letters, spellings one edit further than usual ("juse" → juice, "apel" → apple), a little
    /// dearer. Only a food that holds the other words' readings too gains by them: the best reading of the whole query.
    /// </summary>
    private List<Reading> ThoroughInterpretations(string token, List<Reading> first, bool heldLate)
    {
        var found = new List<Reading>(first);
        void Offer(int id, double cost)
        {
            foreach (var r in found)
            {
                if (r.WordId == id)
                    return;
            }

            found.Add(new Reading(id, cost));
        }

        var maxEdits = FuzzyLookup.MaxEdits(token.Length);
        if (token.Length < 3 || char.IsAsciiDigit(token[0]))
            return found;
        if (heldLate && maxEdits > 0 && _wordIds.ContainsKey(token))
        {
            foreach (var (id, distance) in _fuzzy.Value.Near(token, 1))
                Offer(id, EditCost * distance);
        }

        if (maxEdits < 2)
        {
            foreach (var (id, distance) in _fuzzy.Value.NearSameInitial(token, maxEdits + 1))
                Offer(id, EditCost * distance + WideEditExtra);
        }


        return found;
    }

    /// <summary>The vocabulary words query word <paramref name="i"/> may stand for, with the cost of each reading.</summary>
    private List<Reading> Interpretations(SearchText.Token[] tokens, int i)
    {
        var token = tokens[i].Stem;
        var isLast = i == tokens.Length - 1;
        var found = new List<Reading>(); // few readings per word: a list keeps their order and needs no hashing
        int IndexOf(int id)
        {
            for (var k = 0; k < found.Count; k++)
            {
                if (found[k].WordId == id)
                    return k;
            }

            return -1;
        }

        void Offer(int id, double cost)
        {
            var at = IndexOf(id);
            if (at < 0)
                found.Add(new Reading(id, cost));
            else if (cost < found[at].Cost)
                found[at] = new Reading(id, cost);
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

        // The last two words written as one and partly typed: "water mel" → watermelon.
        var partner = isLast && i > 0 ? tokens[i - 1].Stem + token : i == tokens.Length - 2 ? token + tokens[i + 1].Stem : null;
        if (partner is { Length: >= 6 } && !_wordIds.ContainsKey(partner))
        {
            var lo = LowerBound(partner);
            for (var k = lo; k < _sortedWords.Length && k < lo + 16 && _sortedWords[k].StartsWith(partner, StringComparison.Ordinal); k++)
                Offer(_sortedWordIds[k], PrefixCost + CompoundCost + 0.02 * (_sortedWords[k].Length - partner.Length));
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
            var maxEdits = FuzzyLookup.MaxEdits(token.Length);
            if (maxEdits > 0 && !char.IsAsciiDigit(token[0]))
            {
                foreach (var (id, distance) in _fuzzy.Value.Near(token, maxEdits))
                {
                    if (IndexOf(id) < 0)
                        Offer(id, EditCost * distance);
                }
            }

            // Sound-alike spellings beyond the edit budget: "sardeens" → sardine, "brokoli" → broccoli.
            if (found.Count == 0 && token.Length >= 5 && _fuzzy.Value.SoundAlikes(token).ToList() is { Count: > 0 } alike)
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

        return found;
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

    /// <summary>
    /// What the first food of a ranking explains: how many query words it matched, whether it is a curated default, and
    /// which words it leaves uncertain (lacks, or holds only through a spelling at least one edit away, or only in a late
    /// detail: <c>HeldLate</c>).
    /// </summary>
    private readonly record struct Best(int Explained, bool Default, int Uncertain, int HeldLate);

    private int PostingCount(int wordId) => _postingStart[wordId + 1] - _postingStart[wordId];

    /// <summary>
    /// The best reading of the whole query by the curated defaults: each word's cheapest readings (within
    /// 1.0 of its cheapest; four, or three in a four-word query) are combined, and the cheapest combination that names a default food wins ("scrambeld egs"
    /// → scrambled egg, though "egs" alone is nearer nothing). Only for short queries, where the combinations are few.
    /// </summary>
    private IReadOnlyList<string> JointDefaults(List<Reading>[] readings)
    {
        var t = readings.Length;
        if (t is < 2 or > 4)
            return [];
        var options = new List<Reading>[t];
        for (var i = 0; i < t; i++)
        {
            if (readings[i].Count == 0)
                return [];
            var cheapest = Cheapest(readings[i])!.Cost;
            // Equally dear readings: the commoner word first ("apel" is nearer apple than april by use, not by letters).
            // (A hand-written filter and sort: LINQ ordering by a double key would be JIT-compiled in a short-lived process.)
            var near = new List<Reading>();
            foreach (var r in readings[i])
            {
                if (r.Cost <= cheapest + 1.0)
                    near.Add(r);
            }

            near.Sort((a, b) => a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : PostingCount(b.WordId).CompareTo(PostingCount(a.WordId)));
            var keep = t <= 3 ? 4 : 3;
            if (near.Count > keep)
                near.RemoveRange(keep, near.Count - keep);
            options[i] = near;
        }

        IReadOnlyList<string> found = [];
        var bestCost = double.MaxValue;
        var pick = new int[t];
        var words = new string[t];
        while (true)
        {
            var cost = 0.0;
            for (var i = 0; i < t; i++)
            {
                words[i] = _vocabulary[options[i][pick[i]].WordId];
                cost += options[i][pick[i]].Cost;
            }

            if (cost < bestCost && FoodDefaults.For(words) is { Count: > 0 } ids)
                (found, bestCost) = (ids, cost);
            var at = 0;
            while (at < t && ++pick[at] == options[at].Count)
                pick[at++] = 0;
            if (at == t)
                return found;
        }
    }

    /// <summary>
    /// The last resort for a word no reading found: the vocabulary words sharing the most letter trigrams with it (Dice
    /// coefficient over trigrams of the word padded with a space each side, at least 0.3), dearer than any other reading.
    /// Scans the vocabulary, so it runs only when a query would otherwise come back empty.
    /// </summary>
    private List<Reading> SharedTrigrams(string word)
    {
        var index = _trigrams.Value;
        var grams = new HashSet<long>();
        for (var k = -1; k + 2 <= word.Length; k++)
            grams.Add(Trigram(word, k));
        var shared = new Dictionary<int, int>();
        foreach (var g in grams)
        {
            if (!index.TryGetValue(g, out var ids))
                continue;
            foreach (var id in ids)
                shared[id] = shared.GetValueOrDefault(id) + 1;
        }

        // A word of n letters, padded with a space each side, has n trigrams.
        return [.. shared.Select(p => (Id: p.Key, Dice: 2.0 * p.Value / (grams.Count + _vocabulary[p.Key].Length)))
            .Where(b => b.Dice >= 0.3)
            .OrderByDescending(b => b.Dice).ThenBy(b => b.Id).Take(5)
            .Select(b => new Reading(b.Id, TrigramCost + 2 * (1 - b.Dice)))];
    }

    /// <summary>Trigram → the vocabulary words holding it (each word padded with a space each side); built on first need.</summary>
    private static Dictionary<long, int[]> BuildTrigrams(string[] vocabulary)
    {
        var lists = new Dictionary<long, List<int>>();
        for (var id = 0; id < vocabulary.Length; id++)
        {
            var word = vocabulary[id];
            if (word.Length < 2)
                continue;
            for (var k = -1; k + 2 <= word.Length; k++)
            {
                var g = Trigram(word, k);
                if (!lists.TryGetValue(g, out var list))
                    lists[g] = list = [];
                if (list.Count == 0 || list[^1] != id)
                    list.Add(id);
            }
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    // The trigram starting at k of the word padded with a space each side (k = -1 is the leading pad).
    private static long Trigram(string word, int k)
    {
        char At(int i) => i < 0 || i >= word.Length ? ' ' : word[i];
        return (long)At(k) << 32 | (long)At(k + 1) << 16 | At(k + 2);
    }

    /// <summary>Whether a known word lies within one edit of <paramref name="stem"/> (then it is a typo, not a compound).</summary>
    private bool HasNearWord(string stem) => _fuzzy.Value.Near(stem, 1).Any();

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

    /// <summary>A vocabulary word a query word may stand for, and what that reading costs.</summary>
    private sealed record Reading(int WordId, double Cost);

    /// <summary>The cheapest reading (the first of equals), or null when there is none.</summary>
    private static Reading? Cheapest(List<Reading> readings)
    {
        Reading? best = null;
        foreach (var r in readings)
        {
            if (best is null || r.Cost < best.Cost)
                best = r;
        }

        return best;
    }
}
