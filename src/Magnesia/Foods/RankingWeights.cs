namespace Magnesia.Foods;

/// <summary>
/// Every weight the food search ranks with, in one place. A food's cost for a query is its prior, plus what each query
/// word costs it (the cheapest reading the food holds, or the word's miss), plus the branded cost of a product, minus the
/// position bonuses of its matches, plus the cost of its extra name words, minus the curated-default bonus; the cheapest
/// food ranks first. The pruning floor that lets a search skip the branded products' postings is derived from these
/// weights (<see cref="MostBonus"/>), so a changed weight cannot leave the floor stale.
/// </summary>
/// <remarks>The values were tuned on the project's held-out query sets (README, "Food search").</remarks>
public sealed record RankingWeights
{
    /// <summary>The weights the search uses.</summary>
    public static RankingWeights Default { get; } = new();

    /// <summary>A query word the food does not match, before its shares below.</summary>
    public double UnmatchedWordCost { get; init; } = 3.0;

    /// <summary>The share of <see cref="UnmatchedWordCost"/> missing the head word costs (the food's name).</summary>
    public double HeadMissShare { get; init; } = 0.5;

    /// <summary>The share of <see cref="UnmatchedWordCost"/> missing any other word costs.</summary>
    public double OtherMissShare { get; init; } = 1.0 / 3;

    /// <summary>What each unit of the word's inverse document frequency adds to its miss: rare words matter more.</summary>
    public double MissPerIdf { get; init; } = 0.25;

    /// <summary>Missing a weak word ("fillet", "steak"): SR28 rarely names cuts and forms.</summary>
    public double WeakWordMissCost { get; init; } = 0.5;

    /// <summary>A reading as a synonym ("pepitas" → pumpkin seeds).</summary>
    public double SynonymCost { get; init; } = 0.2;

    /// <summary>A reading as part of a compound ("peanutbutter").</summary>
    public double CompoundCost { get; init; } = 0.1;

    /// <summary>A reading as a prefix of a longer word ("chick" → chicken).</summary>
    public double PrefixCost { get; init; } = 0.6;

    /// <summary>Each edit of a typo reading ("spinch" → spinach).</summary>
    public double EditCost { get; init; } = 0.9;

    /// <summary>The extra edit a thorough second reading allows for a short word ("juse" → juice).</summary>
    public double WideEditExtra { get; init; } = 0.2;

    /// <summary>A sound-alike reading.</summary>
    public double PhoneticCost { get; init; } = 1.4;

    /// <summary>A reading by shared letter trigrams only: a guess.</summary>
    public double TrigramCost { get; init; } = 1.5;

    /// <summary>A singular word matching a plural one or the reverse ("walnuts" fits "Nuts, walnuts" better than "Oil, walnut").</summary>
    public double NumberMismatchCost { get; init; } = 0.15;

    /// <summary>Readings that cost this much or more are guesses (a prefix or a typo), not the word as typed: they name no brand.</summary>
    public double GuessCost { get; init; } = 0.5;

    /// <summary>The bonus of a match by where it sits: head noun, elsewhere in the name, the next part, later.</summary>
    public IReadOnlyList<double> PositionBonus { get; init; } = [1.0, 0.45, 0.4, 0.0];

    /// <summary>The share of their bonus every match but the best earns.</summary>
    public double OtherBonusShare { get; init; } = 0.3;

    /// <summary>The query's head word matching the food's head noun, in a query of two words or more ("peanut oil" is an oil).</summary>
    public double LastWordHeadBonus { get; init; } = 0.3;

    /// <summary>A raw, dry or uncooked food of a family people eat cooked (grains, legumes, meat, fish, eggs; word-classes.tsv), unless the query says raw.</summary>
    public double RawFormCost { get; init; } = 0.6;

    /// <summary>A sweetened or flavoured form ("Applesauce, canned, sweetened"; word-classes.tsv), unless the query names it.</summary>
    public double SweetenedFormCost { get; init; } = 0.2;

    /// <summary>A cooked or prepared food of such a family.</summary>
    public double PreparedFormBonus { get; init; } = 0.15;

    /// <summary>A curated default for the query's words ("milk" → whole milk), less <see cref="DefaultRankStep"/> per row place.</summary>
    public double DefaultFoodBonus { get; init; } = 1.5;

    /// <summary>What each place further down the curated row takes off <see cref="DefaultFoodBonus"/> (up to five places).</summary>
    public double DefaultRankStep { get; init; } = 0.3;

    /// <summary>
    /// A product from a label database when the query does not name its brand: dearer than any reading of a word plus
    /// the name-position bonuses, cheaper than a word left unexplained, so a generic food holding every query word comes
    /// first and a product only when no generic food holds the words.
    /// </summary>
    public double BrandedCost { get; init; } = 2.0;

    /// <summary>A product whose brand the query names ("horizon milk").</summary>
    public double NamedBrandCost { get; init; } = 0.5;

    /// <summary>Each name word the query does not hold, in the food's name, its next part, or later; and their cap.</summary>
    public (double Name, double Next, double Later, double Cap) ExtraWordCosts { get; init; } = (0.25, 0.12, 0.05, 1.5);

    /// <summary>What a food pays for its extra words.</summary>
    public double ExtraWordsCost(int name, int next, int later) =>
        Math.Min(ExtraWordCosts.Cap, ExtraWordCosts.Name * name + ExtraWordCosts.Next * next + ExtraWordCosts.Later * later);

    /// <summary>What a food pays for missing a query word: <paramref name="idf"/> is the word's inverse document frequency (0 when no food holds it).</summary>
    public double MissCost(bool weak, bool head, double idf) =>
        weak ? WeakWordMissCost : UnmatchedWordCost * (head ? HeadMissShare : OtherMissShare) + MissPerIdf * idf;

    /// <summary>
    /// The most bonus any food can earn on a query of <paramref name="words"/> words without a curated default: the best
    /// position bonus for one match, its share for each other, and the head-word bonus.
    /// </summary>
    public double MostBonus(int words)
    {
        var best = PositionBonus.Max();
        return best + OtherBonusShare * best * (words - 1) + (words > 1 ? LastWordHeadBonus : 0);
    }
}
