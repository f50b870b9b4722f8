using Magnesia.References;

namespace Magnesia.Screening;

/// <summary>What a screening answer is about.</summary>
public enum ScreeningCategory
{
    /// <summary>A deficiency sign (<see cref="DeficiencySigns"/>).</summary>
    Symptom,

    /// <summary>A life situation (<see cref="RiskSituations"/>).</summary>
    Situation,

    /// <summary>A medication class that wastes magnesium.</summary>
    Medication,

    /// <summary>A medical condition.</summary>
    Condition,
}

/// <summary>A screening answer: a sign, situation, medication or condition, and its points.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Category">What the answer is about.</param>
/// <param name="Points">Points it adds.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Sources">Where the link is documented.</param>
/// <param name="Name">What the item is called on a form, when it is not the sign's or situation's name (medicines).</param>
public sealed record ScreeningItem(string Id, ScreeningCategory Category, int Points, string Reason, IReadOnlyList<Citation> Sources, string? Name = null);

/// <summary>The screening result.</summary>
/// <param name="Points">Total points.</param>
/// <param name="Level"><c>low</c> (0–2), <c>moderate</c> (3–5) or <c>high</c> (6 or more).</param>
/// <param name="Items">The answered items with their points.</param>
public sealed record ScreeningResult(int Points, string Level, IReadOnlyList<ScreeningItem> Items)
{
    /// <summary>What the result is and is not.</summary>
    public const string Disclaimer =
        "A screening aid, not a diagnosis: it counts known risk factors and signs of low magnesium status. Serum magnesium can be normal while body stores are low, and these signs have many other causes. Discuss the result with a clinician.";
}

/// <summary>
/// Transparent deficiency-risk screener. Weights are data (this table, and README): signs of worsening deficiency and
/// the conditions and drugs with the strongest documented magnesium losses score 2, early non-specific signs and
/// everyday situations score 1. Levels: 0–2 low, 3–5 moderate, 6 or more high. The weights are a judgement from the
/// cited sources, not a validated score; the validated depletion score is the MDS (<see cref="MagnesiumDepletionScore"/>).
/// </summary>
public static class Screener
{
    /// <summary>
    /// Known medication classes: the "depleting" rows of the medicines table (<see cref="Planning.Medications"/>, which
    /// the supplement planner reads too), each scoring 2 with the table's rule and sources.
    /// </summary>
    public static IReadOnlyList<ScreeningItem> Medications { get; } =
    [
        .. Planning.Medications.All.Where(m => m.Effect == Planning.MedicationEffect.Depleting)
            .Select(m => new ScreeningItem(m.Id, ScreeningCategory.Medication, 2, $"{m.Name} {m.Rule}.", [.. m.Sources.Select(Cite)], m.Name)),
    ];

    // The table's sources as the typed citations the rest of screening uses; any other text stands as written.
    private static Citation Cite(string text) => text.Trim() switch
    {
        "NIH ODS Magnesium fact sheet" => Sources.OdsFactSheet,
        "FDA Drug Safety Communication 2011-03-02" => Sources.FdaPpi2011,
        "Liamis et al. Pharmacol Res Perspect 2021;9:e00829" => ScreeningSources.Liamis2021,
        var other => new Citation("medications-table", other),
    };

    /// <summary>Known conditions.</summary>
    public static IReadOnlyList<ScreeningItem> Conditions { get; } =
    [
        new("type-2-diabetes", ScreeningCategory.Condition, 2, "Glucose in the urine raises urinary magnesium loss; low magnesium is common in type 2 diabetes.", [Sources.OdsFactSheet], "Type 2 diabetes"),
        new("alcohol-use-disorder", ScreeningCategory.Condition, 2, "Alcohol raises urinary losses and lowers intake and absorption; hypomagnesemia is common in alcohol dependence.", [Sources.OdsFactSheet], "Alcohol use disorder"),
        new("gi-malabsorption", ScreeningCategory.Condition, 2, "Crohn's disease, celiac disease, bowel resection and chronic diarrhea reduce absorption and increase losses.", [Sources.OdsFactSheet], "Crohn's, celiac disease, bowel resection or chronic diarrhea"),
        new("older-age", ScreeningCategory.Condition, 1, "Older adults absorb less, excrete more and often eat less magnesium.", [Sources.OdsFactSheet], "Older age"),
    ];

    private static ScreeningItem FromSign(DeficiencySign s) =>
        new(s.Id, ScreeningCategory.Symptom, s.Stage == SignStage.Early ? 1 : 2, s.Rationale, s.Sources);

    private static ScreeningItem FromSituation(RiskSituation s) => new(s.Id, ScreeningCategory.Situation, 1, s.Rationale, s.Sources);

    /// <summary>Every item the screener knows, by category.</summary>
    public static IReadOnlyList<ScreeningItem> All { get; } =
        [.. DeficiencySigns.All.Select(FromSign), .. RiskSituations.All.Select(FromSituation), .. Medications, .. Conditions];

    /// <summary>Finds an item of a category by id; null when unknown.</summary>
    public static ScreeningItem? Find(ScreeningCategory category, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(i => i.Category == category && string.Equals(i.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ids of a category, comma-separated, for messages.</summary>
    public static string KnownIds(ScreeningCategory category) => string.Join(", ", All.Where(i => i.Category == category).Select(i => i.Id));

    /// <summary>Scores the answered items (duplicates count once).</summary>
    public static ScreeningResult Score(IEnumerable<ScreeningItem> answered)
    {
        var items = answered.DistinctBy(i => (i.Category, i.Id)).ToList();
        var points = items.Sum(i => i.Points);
        return new ScreeningResult(points, Level(points), items);
    }

    /// <summary>0–2 low, 3–5 moderate, 6 or more high.</summary>
    public static string Level(int points) => points switch { <= 2 => "low", <= 5 => "moderate", _ => "high" };
}

/// <summary>Sources used by the screening calculators.</summary>
public static class ScreeningSources
{
    /// <summary>Liamis et al. 2021, drug-induced hypomagnesemia.</summary>
    public static readonly Citation Liamis2021 = new(
        "liamis-2021",
        "Liamis G, Hoorn EJ, Florentin M, Milionis H. An overview of diagnosis and management of drug-induced hypomagnesemia. Pharmacol Res Perspect 2021;9(4):e00829. doi:10.1002/prp2.829",
        "https://doi.org/10.1002/prp2.829");

    /// <summary>Fan et al. 2021, the Magnesium Depletion Score.</summary>
    public static readonly Citation Fan2021 = new(
        "fan-2021",
        "Fan L, Zhu X, Rosanoff A, et al. Magnesium Depletion Score (MDS) predicts risk of systemic inflammation and cardiovascular mortality among US adults. J Nutr 2021;151(8):2226-2235. doi:10.1093/jn/nxab138",
        "https://doi.org/10.1093/jn/nxab138");

    /// <summary>Inker et al. 2021, CKD-EPI 2021.</summary>
    public static readonly Citation Inker2021 = new(
        "inker-2021",
        "Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-1749. doi:10.1056/NEJMoa2102953",
        "https://doi.org/10.1056/NEJMoa2102953");

    /// <summary>Zhang et al. 2025, MDS groups and mortality in diabetes.</summary>
    public static readonly Citation Zhang2025 = new(
        "zhang-2025",
        "Zhang H, Kuang L, Wan Q. Higher magnesium depletion score increases the risk of all-cause and cardiovascular mortality in US adults with diabetes. PLoS ONE 2025;20(1):e0314298. doi:10.1371/journal.pone.0314298",
        "https://doi.org/10.1371/journal.pone.0314298");
}
