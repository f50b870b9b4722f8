namespace Magnesia.Foods;

// The ranking policy: how each query word is read (exact, synonym, compound, prefix, typo, sound-alike), what each
// reading costs, the bonuses for where a match sits in the food's name, and the top-k selection.
public sealed partial class FoodSearchIndex
{
    private const int MaxQueryWords = 8;

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

    private void Accumulate(Scratch s, int token, int wordId, double cost, bool queryPlural, bool open, bool branded)
    {
        var bit = (byte)(1 << token);
        var stamp = s.Stamp;
        var generation = s.Generation;
        // "walnuts" fits "Nuts, walnuts" a little better than "Oil, walnut".
        var same = (float)cost;
        var mismatched = (float)(cost + W.NumberMismatchCost);
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
                Offer(id, W.EditCost * distance);
        }

        if (maxEdits < 2)
        {
            foreach (var (id, distance) in _fuzzy.Value.NearSameInitial(token, maxEdits + 1))
                Offer(id, W.EditCost * distance + W.WideEditExtra);
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
                Offer(id, W.SynonymCost);
                exact = true;
            }
        }

        // Two query words that the data writes as one: "soy milk" → soymilk, "soya beans" → soybean, "flax seeds" → flaxseed.
        foreach (var self in FoodSynonyms.For(token).Prepend(token))
        {
            if (i + 1 < tokens.Length && _wordIds.TryGetValue(SearchText.Stem(self + tokens[i + 1].Stem), out var joinedNext))
                Offer(joinedNext, W.CompoundCost);
            if (i > 0 && _wordIds.TryGetValue(SearchText.Stem(tokens[i - 1].Stem + self), out var joinedPrev))
                Offer(joinedPrev, W.CompoundCost);
        }

        if (i > 0)
        {
            foreach (var previous in FoodSynonyms.For(tokens[i - 1].Stem))
            {
                if (_wordIds.TryGetValue(SearchText.Stem(previous + token), out var joined))
                    Offer(joined, W.CompoundCost);
            }
        }

        // The last two words written as one and partly typed: "water mel" → watermelon.
        var partner = isLast && i > 0 ? tokens[i - 1].Stem + token : i == tokens.Length - 2 ? token + tokens[i + 1].Stem : null;
        if (partner is { Length: >= 6 } && !_wordIds.ContainsKey(partner))
        {
            var lo = LowerBound(partner);
            for (var k = lo; k < _sortedWords.Length && k < lo + 16 && _sortedWords[k].StartsWith(partner, StringComparison.Ordinal); k++)
                Offer(_sortedWordIds[k], W.PrefixCost + W.CompoundCost + 0.02 * (_sortedWords[k].Length - partner.Length));
        }

        if (token.Length >= 3 && (isLast || !exact))
        {
            var lo = LowerBound(token);
            for (var k = lo; k < _sortedWords.Length && k < lo + 64 && _sortedWords[k].StartsWith(token, StringComparison.Ordinal); k++)
            {
                if (_sortedWords[k].Length > token.Length)
                    Offer(_sortedWordIds[k], W.PrefixCost + 0.02 * (_sortedWords[k].Length - token.Length));
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
                        Offer(id, W.EditCost * distance);
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
                        Offer(id, W.PhoneticCost + 0.1 * EditDistance.DamerauLevenshtein(token, word, 4));
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
            .Select(b => new Reading(b.Id, W.TrigramCost + 2 * (1 - b.Dice)))];
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
