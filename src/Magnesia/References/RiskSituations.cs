namespace Magnesia.References;

/// <summary>A life situation that raises the risk of low magnesium status, with a stable id used by screening.</summary>
/// <param name="Id">Stable id, e.g. <c>low-magnesium-diet</c>.</param>
/// <param name="Name">Plain-language description.</param>
/// <param name="Rationale">Why it raises the risk, in one sentence.</param>
/// <param name="Sources">Where the link is documented.</param>
public sealed record RiskSituation(string Id, string Name, string Rationale, IReadOnlyList<Citation> Sources);

/// <summary>
/// Eight everyday situations that raise the risk of inadequate magnesium. Medical conditions (type 2 diabetes,
/// GI disease, alcohol use disorder, older age) and medications are screened separately.
/// </summary>
public static class RiskSituations
{
    /// <summary>Moshfegh et al. 2009, the WWEIA NHANES 2005–2006 usual intake report.</summary>
    public static readonly Citation Wweia2009 = new(
        "wweia-2005-2006",
        "Moshfegh A, Goldman J, Ahuja J, Rhodes D, LaComb R. What We Eat in America, NHANES 2005-2006: Usual Nutrient Intakes from Food and Water Compared to 1997 Dietary Reference Intakes for Vitamin D, Calcium, Phosphorus, and Magnesium. USDA Agricultural Research Service; 2009.",
        "https://www.ars.usda.gov/ARSUserFiles/80400530/pdf/0506/usual_nutrient_intake_vitD_ca_phos_mg_2005-06.pdf");

    /// <summary>Nielsen and Lukaski 2006, magnesium and exercise.</summary>
    public static readonly Citation NielsenLukaski2006 = new(
        "nielsen-lukaski-2006",
        "Nielsen FH, Lukaski HC. Update on the relationship between magnesium and exercise. Magnes Res 2006;19(3):180-189. PMID 17172008.",
        "https://pubmed.ncbi.nlm.nih.gov/17172008/");

    /// <summary>Pickering et al. 2020, magnesium and stress.</summary>
    public static readonly Citation Pickering2020 = new(
        "pickering-2020",
        "Pickering G, Mazur A, Trousselard M, et al. Magnesium status and stress: the vicious circle concept revisited. Nutrients 2020;12(12):3672. doi:10.3390/nu12123672",
        "https://doi.org/10.3390/nu12123672");

    /// <summary>All eight situations.</summary>
    public static IReadOnlyList<RiskSituation> All { get; } =
    [
        new("low-magnesium-diet", "Few whole grains, legumes, nuts, seeds or green leafy vegetables",
            "These foods supply most dietary magnesium; refined grains lose most of theirs in milling, and about half of Americans eat less than the EAR.",
            [Sources.OdsFactSheet, Wweia2009]),
        new("low-energy-intake", "Dieting or eating little overall",
            "Magnesium comes with food: eating less means taking in less magnesium unless the food eaten is denser in it (mg per 1,000 kcal), and usual intakes from food already fall below the EAR for about half of Americans.",
            [Wweia2009]),
        new("strenuous-exercise", "Strenuous exercise or heavy sweating",
            "Exercise redistributes magnesium and raises losses in sweat and urine; athletes in weight-class sports often eat too little.",
            [NielsenLukaski2006]),
        new("pregnancy-or-lactation", "Pregnancy or breastfeeding",
            "Pregnancy raises the EAR and RDA by 35–40 mg/day for fetal and maternal tissue; during breastfeeding the requirement is that of other women of the same age (the IOM found no extra need), so the usual diet's shortfall carries over.",
            [Sources.Iom1997]),
        new("high-dose-zinc", "Taking high-dose zinc supplements",
            "Very high zinc intakes from supplements (142 mg/day) interfere with magnesium absorption and balance.",
            [Sources.OdsFactSheet]),
        new("chronic-stress", "Long-lasting psychological or physical stress",
            "Stress hormones raise urinary magnesium loss, and low magnesium heightens the stress response.",
            [Pickering2020]),
        new("frequent-diarrhoea-or-laxatives", "Frequent diarrhoea or regular laxative use",
            "Intestinal fluid losses carry magnesium; chronic diarrhoea is a common cause of depletion.",
            [Sources.OdsFactSheet, Sources.Iom1997]),
        new("adolescence", "Being a teenager, especially a girl",
            "Girls' requirements peak at 14–18 years (RDA 360 mg vs 310–320 mg for women) and boys' are near adult levels (410 mg at 14–18 vs 400–420 mg for men), while many teenagers' usual intakes fall below the EAR, girls' most often.",
            [Sources.Iom1997, Wweia2009]),
    ];

    private static readonly Dictionary<string, RiskSituation> ById = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>Finds a situation by id; null when unknown.</summary>
    public static RiskSituation? Find(string id) => ById.GetValueOrDefault(id);
}
