namespace Magnesia.Foods;

// The ranking itself, in phases; the weights are RankingWeights, the word readings FoodSearchIndex.Ranking.cs.
public sealed partial class FoodSearchIndex
{
    /// <summary>Whether a search may skip the branded products' postings when no product can enter the top (on by default; off only to test that skipping changes nothing).</summary>
    internal bool Pruning { get; set; } = true;

    /// <summary>The weights this index ranks with.</summary>
    private static RankingWeights W => RankingWeights.Default;

    /// <summary>
    /// Ranks the foods for one reading of the query, in phases: what each word costs (<see cref="WordCosts"/>); the
    /// generic foods' postings; the curated defaults; the generic foods scored into the top; the floor under any product's
    /// cost, and only when a product could still beat the top, the products' postings and their scores; then what the
    /// best food left uncertain (<see cref="Summarize"/>).
    /// </summary>
    /// <remarks>
    /// With <paramref name="accumulated"/> (the readings a first ranking already accumulated into <paramref name="s"/>),
    /// only the new readings are accumulated and every touched food is scored again: the thorough second reading costs
    /// its new words, not the whole query twice.
    /// </remarks>
    private List<FoodSearchHit> Rank(SearchText.Token[] tokens, List<Reading>[] readings, int head, int limit, Scratch s, out Best best, List<Reading>[]? accumulated = null)
    {
        if (accumulated is null)
            s.NextGeneration();
        var q = WordCosts(tokens, readings, head);
        OpenGenericPostings(q, s, accumulated);
        var preferred = Preferred(q);
        var top = new TopK(limit);
        Score(q, s, top, preferred, branded: false);
        if (_genericCount != Count)
        {
            var floor = ProductFloor(q);
            if (!Pruning || !top.Full || floor < top.Worst)
            {
                OpenProductPostings(q, s, accumulated, top, floor);
                Score(q, s, top, preferred, branded: true);
            }
        }

        best = Summarize(q, s, top, preferred);
        var hits = new List<FoodSearchHit>(top.Count);
        for (var k = 0; k < top.Count; k++)
            hits.Add(new FoodSearchHit(top.Doc[k], Math.Round(10.0 - top.Cost[k], 3)));
        return hits;
    }

    /// <summary>One reading of the query and what each of its words costs a food.</summary>
    private sealed class QueryCosts(SearchText.Token[] tokens, List<Reading>[] readings, int head)
    {
        public SearchText.Token[] Tokens { get; } = tokens;
        public List<Reading>[] Readings { get; } = readings;
        public int Head { get; } = head;
        public int Words => Tokens.Length;

        /// <summary>What missing each word costs.</summary>
        public double[] MissCost { get; } = new double[tokens.Length];

        /// <summary>The least a food pays for each word: its cheapest reading, or missing it.</summary>
        public double[] CheapestWord { get; } = new double[tokens.Length];

        /// <summary>Each word's cheapest reading as a vocabulary word (its stem when it has none): the curated defaults' key.</summary>
        public string[] Canonical { get; } = new string[tokens.Length];

        /// <summary>How many generic foods each word's readings reach.</summary>
        public long[] PostingTotals { get; } = new long[tokens.Length];

        /// <summary>Whether each word counts as content (not a default qualifier like "raw", not a number) for the extra-words cost.</summary>
        public bool[] IsContent { get; } = new bool[tokens.Length];

        /// <summary>The groups the query's words ask for ("baby" asks for Baby Foods).</summary>
        public HashSet<string> AskedGroups { get; } = new(StringComparer.Ordinal);

        /// <summary>The vocabulary words the query names as typed or as a synonym (a guessed spelling names no brand).</summary>
        public List<int> TypedWords { get; } = [];

        /// <summary>Whether one of <see cref="TypedWords"/> is some product's brand word.</summary>
        public bool NamesSomeBrand { get; set; }
    }

    // Missing a rare, specific word ("collard") costs more than missing a common one ("greens", "raw"), and missing the
    // last word, usually the head noun in English ("red onion"), more than a modifier.
    private QueryCosts WordCosts(SearchText.Token[] tokens, List<Reading>[] readings, int head)
    {
        var q = new QueryCosts(tokens, readings, head);
        for (var i = 0; i < q.Words; i++)
        {
            var cheapestReading = Cheapest(readings[i]);
            var cheapest = cheapestReading?.WordId ?? -1;
            q.MissCost[i] = W.MissCost(WeakWords.Contains(tokens[i].Stem), i == head, cheapest < 0 ? 0.0 : _idf[cheapest]);
            q.CheapestWord[i] = Math.Min(q.MissCost[i], cheapestReading?.Cost ?? q.MissCost[i]);
            q.Canonical[i] = cheapest < 0 ? tokens[i].Stem : _vocabulary[cheapest];
            q.IsContent[i] = !DefaultQualifiers.Contains(tokens[i].Stem) && !char.IsAsciiDigit(tokens[i].Stem[0]);
            foreach (var r in readings[i])
            {
                q.PostingTotals[i] += _genericFrequency[r.WordId];
                if (r.Cost < W.GuessCost)
                {
                    q.TypedWords.Add(r.WordId);
                    q.NamesSomeBrand |= _isBrandWord[r.WordId];
                }
            }

            if (GroupTriggers.TryGetValue(tokens[i].Stem, out var group))
                q.AskedGroups.Add(group);
        }

        return q;
    }

    // Candidates come from the specific words; a very common word ("raw", "cooked") only re-scores foods that a more
    // specific word already found, unless it is the query's rarest word. This keeps large corpora fast. Generic foods
    // only: the branded products' postings are read later, and only when one of them could still enter the top, which
    // with hundreds of thousands of products behind a word like "milk" is rarely the case.
    // (Plain loops rather than LINQ here: a short-lived process would JIT-compile each generic LINQ instantiation.)
    private void OpenGenericPostings(QueryCosts q, Scratch s, List<Reading>[]? accumulated)
    {
        var rarest = 0;
        for (var i = 0; i < q.Words; i++)
        {
            if (q.PostingTotals[i] > 0 && (q.PostingTotals[rarest] == 0 || q.PostingTotals[i] < q.PostingTotals[rarest]))
                rarest = i;
        }

        var commonThreshold = Math.Max(64, _genericCount / 50);
        foreach (var i in Ascending(q.PostingTotals))
        {
            var open = i == rarest || q.PostingTotals[i] <= commonThreshold;
            foreach (var r in q.Readings[i])
            {
                if (accumulated is null || !accumulated[i].Contains(r))
                    Accumulate(s, i, r.WordId, r.Cost, q.Tokens[i].Plural, open, branded: false);
            }
        }
    }

    // The curated defaults for the query's words (doc → place in the row), or for its likeliest completion when the last
    // word is partly typed ("chick", "oatm"), or the defaults several words share.
    private Dictionary<int, int> Preferred(QueryCosts q)
    {
        var t = q.Words;
        var defaults = FoodDefaults.For(q.Canonical);
        if (defaults.Count == 0 && q.Readings[t - 1].Count > 0)
        {
            var longer = new List<Reading>();
            foreach (var r in q.Readings[t - 1])
            {
                if (_vocabulary[r.WordId].Length > q.Tokens[t - 1].Stem.Length)
                    longer.Add(r);
            }

            if (Cheapest(longer) is { } completion)
                defaults = FoodDefaults.For([.. q.Canonical[..^1], _vocabulary[completion.WordId]]);
        }

        if (defaults.Count == 0)
            defaults = JointDefaults(q.Readings);
        var preferred = new Dictionary<int, int>();
        for (var k = 0; k < defaults.Count; k++)
        {
            if (DocumentOf(defaults[k]) is var doc and >= 0)
                preferred.TryAdd(doc, k);
        }

        return preferred;
    }

    /// <summary>
    /// The least any product can cost on this query: the lowest product prior, the branded cost (the named-brand cost when
    /// a query word is some brand's word) and the cheapest reading or miss of every word, less the most bonus a food can
    /// earn (<see cref="RankingWeights.MostBonus"/>; no product is a curated default, group penalties and extra words only add).
    /// </summary>
    private double ProductFloor(QueryCosts q)
    {
        var floor = _minBrandedPrior + (q.NamesSomeBrand ? W.NamedBrandCost : W.BrandedCost) - W.MostBonus(q.Words);
        foreach (var c in q.CheapestWord)
            floor += c;
        return floor;
    }

    // The products' postings. When only a product whose brand the query names could enter (the others still pay the full
    // branded cost), the brand words' postings bring in the products; when every entering product must hold one word
    // (lacking it costs its miss instead of its cheapest reading, and that alone keeps a product out), that word's
    // postings alone bring them in. Among products, as among generic foods, candidates otherwise come from the specific
    // words: the word with the fewest products, and any word few products hold.
    private void OpenProductPostings(QueryCosts q, Scratch s, List<Reading>[]? accumulated, TopK top, double floor)
    {
        var t = q.Words;
        var full = Pruning && top.Full;
        var onlyNamed = full && q.NamesSomeBrand && floor - W.NamedBrandCost + W.BrandedCost >= top.Worst;
        // Every reading when this generation has not read the products yet (or read only the named brands' products),
        // else the new readings. Reading a posting twice changes nothing.
        var all = !s.BrandedDone || s.BrandedOnlyNamed;
        var productTotals = new long[t];
        var rarestProduct = -1;
        for (var i = 0; i < t; i++)
        {
            foreach (var r in q.Readings[i])
                productTotals[i] += _postingStart[r.WordId + 1] - _postingStart[r.WordId] - _genericFrequency[r.WordId];
            if (productTotals[i] > 0 && (rarestProduct < 0 || productTotals[i] < productTotals[rarestProduct]))
                rarestProduct = i;
        }

        var needed = -1;
        for (var i = 0; i < t; i++)
        {
            if (full && floor - q.CheapestWord[i] + q.MissCost[i] >= top.Worst && (needed < 0 || productTotals[i] < productTotals[needed]))
                needed = i;
        }

        // Rarest first, so that the words that bring candidates in come before the words that only re-score them (with
        // onlyNamed, the words that can name a brand come first: they bring the candidates in).
        var productKey = new long[t];
        for (var i = 0; i < t; i++)
        {
            var namesBrand = false;
            foreach (var r in q.Readings[i])
                namesBrand |= _isBrandWord[r.WordId];
            productKey[i] = needed >= 0 ? (i == needed ? 0 : 1 + productTotals[i])
                : onlyNamed && !namesBrand ? long.MaxValue / 2 + productTotals[i] : productTotals[i];
        }

        var commonProducts = Math.Max(64, (Count - _genericCount) / 50);
        foreach (var i in Ascending(productKey))
        {
            var open = i == rarestProduct || productTotals[i] <= commonProducts;
            foreach (var r in q.Readings[i])
            {
                if (all || accumulated is null || !accumulated[i].Contains(r))
                    Accumulate(s, i, r.WordId, r.Cost, q.Tokens[i].Plural, needed >= 0 ? i == needed : onlyNamed ? _isBrandWord[r.WordId] : open, branded: true);
            }
        }

        s.BrandedDone = true;
        s.BrandedOnlyNamed = onlyNamed || needed >= 0;
    }

    // Scores every touched generic food (or product) and keeps the cheapest in the top.
    private void Score(QueryCosts q, Scratch s, TopK top, Dictionary<int, int> preferred, bool branded)
    {
        var t = q.Words;
        for (var k = 0; k < s.TouchedCount; k++)
        {
            if (s.Branded[k] != branded)
                continue;
            var doc = s.Touched[k];
            var slot = k;
            ref readonly var info = ref _docs[doc];
            var cost = (double)info.Prior;
            if (info.Branded)
                cost += NamesBrand(doc, q.TypedWords) ? W.NamedBrandCost : W.BrandedCost;
            // Only docs in a group a trigger word can ask for need the (string) lookup; the rest skip it.
            if (!info.GroupTriggered || q.AskedGroups.Count == 0 || !q.AskedGroups.Contains(_groupCode[doc]))
                cost += info.GroupPenalty;
            double bestBonus = 0, otherBonus = 0;
            int matchedName = 0, matchedNext = 0, matchedLate = 0;
            var mask = s.Matched[slot];
            for (var i = 0; i < t; i++)
            {
                var at = slot * MaxQueryWords + i;
                if ((mask & (1 << i)) == 0)
                {
                    cost += q.MissCost[i];
                    continue;
                }

                cost += s.Costs[at];
                var cls = s.Classes[at];
                if (i == q.Head && cls == HeadNoun && t > 1)
                    cost -= W.LastWordHeadBonus; // "peanut oil" is an oil: the query's last word names the food
                var bonus = W.PositionBonus[cls];
                if (bonus > bestBonus)
                    (bestBonus, otherBonus) = (bonus, otherBonus + bestBonus);
                else
                    otherBonus += bonus;
                if (q.IsContent[i])
                {
                    if (cls == Later)
                        matchedLate++;
                    else if (cls == NextPart)
                        matchedNext++;
                    else
                        matchedName++;
                }
            }

            cost -= bestBonus + W.OtherBonusShare * otherBonus;
            cost += W.ExtraWordsCost(
                Math.Max(0, info.NameWords - matchedName), Math.Max(0, info.NextWords - matchedNext), Math.Max(0, info.LateWords - matchedLate));
            if (preferred.TryGetValue(doc, out var rank))
                cost -= W.DefaultFoodBonus - W.DefaultRankStep * Math.Min(rank, 5); // the row lists the most typical first
            top.Offer(doc, cost);
        }
    }

    // What the best food left uncertain, for the thorough second reading. A weak word ("fillet", "steak") that the best
    // food lacks is not left unexplained: SR28 rarely names cuts and forms. Words the best food lacks, holds only through a
    // guessed spelling ("juse" read as jute), or holds only in a late detail ("beens" as the "been" of "may have been
    // previously frozen") are uncertain: a thorough second reading looks at these again, and leaves the words it holds as
    // typed alone.
    private static Best Summarize(QueryCosts q, Scratch s, TopK top, Dictionary<int, int> preferred)
    {
        if (top.Count == 0)
            return default;
        var weakMask = 0;
        for (var i = 0; i < q.Words; i++)
        {
            if (WeakWords.Contains(q.Tokens[i].Stem))
                weakMask |= 1 << i;
        }

        int uncertain = 0, late = 0;
        var bestSlot = s.Slot[top.Doc[0]];
        for (var i = 0; i < q.Words; i++)
        {
            var bit = 1 << i;
            var at = bestSlot * MaxQueryWords + i;
            if ((s.Matched[bestSlot] & bit) == 0 ? (weakMask & bit) == 0 : s.Costs[at] >= W.GuessCost || s.Classes[at] == Later)
                uncertain |= bit;
            if ((s.Matched[bestSlot] & bit) != 0 && s.Classes[at] == Later)
                late |= bit;
        }

        return new Best(System.Numerics.BitOperations.PopCount((uint)(s.Matched[bestSlot] | weakMask)), preferred.ContainsKey(top.Doc[0]), uncertain, late);
    }

    /// <summary>The cheapest <c>limit</c> documents so far, cheapest first; ties go to the lower document.</summary>
    private sealed class TopK(int limit)
    {
        public double[] Cost { get; } = new double[limit + 1];
        public int[] Doc { get; } = new int[limit + 1];
        public int Count { get; private set; }
        public bool Full => Count == limit;

        /// <summary>The dearest cost in a full top: a document must cost less to enter.</summary>
        public double Worst => Cost[Count - 1];

        public void Offer(int doc, double cost)
        {
            if (Full && cost >= Worst)
                return;
            var pos = Count;
            while (pos > 0 && (Cost[pos - 1] > cost || (Cost[pos - 1] == cost && Doc[pos - 1] > doc)))
            {
                Cost[pos] = Cost[pos - 1];
                Doc[pos] = Doc[pos - 1];
                pos--;
            }

            Cost[pos] = cost;
            Doc[pos] = doc;
            if (Count < limit)
                Count++;
        }
    }
}
