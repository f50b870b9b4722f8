using Magnesia.References;

namespace Magnesia.Screening;

/// <summary>A hazard or risk ratio with its 95 % confidence interval.</summary>
public sealed record RatioWithCi(double Ratio, double Lower, double Upper);

/// <summary>A finding from a cohort or meta-analysis placed next to the person's intake.</summary>
/// <param name="Study">Short name.</param>
/// <param name="Outcome">The outcome studied.</param>
/// <param name="Finding">What the study found, as an association.</param>
/// <param name="Applied">Where the person's intake sits relative to the finding.</param>
/// <param name="Ratio">The ratio for the person's category or difference, if any.</param>
/// <param name="Source">The paper.</param>
public sealed record EvidenceFinding(string Study, string Outcome, string Finding, string Applied, RatioWithCi? Ratio, Citation Source);

/// <summary>The evidence applied to one usual intake.</summary>
public sealed record EvidenceResult(double IntakeMg, double RdaMg, double PercentOfRda, string VitalCategory, RatioWithCi? VitalHazardRatio, IReadOnlyList<EvidenceFinding> Findings)
{
    /// <summary>How to read it.</summary>
    public const string Caution =
        "These are associations observed in groups of people, adjusted for other factors; they are not your personal risk and do not show that changing your intake changes your risk.";
}

/// <summary>
/// Places a usual total magnesium intake against published findings: the VITAL cohort (Dibaba et al., Br J Cancer
/// 2015: pancreatic cancer by % of RDA and per 100 mg/day decrement) and type 2 diabetes dose–response meta-analyses
/// (Fang et al., BMC Med 2016; Dong et al., Diabetes Care 2011).
/// </summary>
public static class Evidence
{
    /// <summary>Dibaba et al. 2015, the VITAL cohort.</summary>
    public static readonly Citation Dibaba2015 = new(
        "dibaba-2015",
        "Dibaba D, Xun P, Yokota K, White E, He K. Magnesium intake and incidence of pancreatic cancer: the VITamins and Lifestyle study. Br J Cancer 2015;113(11):1615-1621. doi:10.1038/bjc.2015.382",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4705892");

    /// <summary>Fang et al. 2016, dose–response meta-analysis.</summary>
    public static readonly Citation Fang2016 = new(
        "fang-2016",
        "Fang X, Wang K, Han D, et al. Dietary magnesium intake and the risk of cardiovascular disease, type 2 diabetes, and all-cause mortality: a dose-response meta-analysis of prospective cohort studies. BMC Med 2016;14:210. doi:10.1186/s12916-016-0742-z",
        "https://doi.org/10.1186/s12916-016-0742-z");

    /// <summary>Dong et al. 2011, meta-analysis.</summary>
    public static readonly Citation Dong2011 = new(
        "dong-2011",
        "Dong JY, Xun P, He K, Qin LQ. Magnesium intake and risk of type 2 diabetes: meta-analysis of prospective cohort studies. Diabetes Care 2011;34(9):2116-2122. doi:10.2337/dc11-0518",
        "https://doi.org/10.2337/dc11-0518");

    /// <summary>VITAL: &lt; 75 % of RDA vs ≥ 100 %: HR 1.76 (1.04–2.96).</summary>
    public static readonly RatioWithCi VitalBelow75 = new(1.76, 1.04, 2.96);

    /// <summary>VITAL: 75–99 % of RDA vs ≥ 100 %: HR 1.42 (0.91–2.21).</summary>
    public static readonly RatioWithCi Vital75To99 = new(1.42, 0.91, 2.21);

    /// <summary>VITAL: per 100 mg/day decrement: HR 1.24 (1.02–1.50).</summary>
    public static readonly RatioWithCi VitalPer100MgDecrement = new(1.24, 1.02, 1.50);

    /// <summary>Fang 2016: type 2 diabetes per 100 mg/day increment: RR 0.81 (0.77–0.86).</summary>
    public static readonly RatioWithCi FangT2dPer100Mg = new(0.81, 0.77, 0.86);

    /// <summary>Dong 2011: type 2 diabetes per 100 mg/day increment: RR 0.86 (0.82–0.89).</summary>
    public static readonly RatioWithCi DongT2dPer100Mg = new(0.86, 0.82, 0.89);

    /// <summary>
    /// Applies the findings to a usual total intake (food and supplements) for a life stage. Any finite non-negative
    /// intake is accepted: a diary may hold implausible but valid amounts, and its report must still be given.
    /// </summary>
    public static EvidenceResult Apply(double intakeMg, LifeStage lifeStage)
    {
        ArgumentNullException.ThrowIfNull(lifeStage);
        if (!double.IsFinite(intakeMg) || intakeMg < 0)
            throw new ArgumentOutOfRangeException(nameof(intakeMg), intakeMg, "usual intake must be a finite number of mg/day, zero or more");
        var rda = MagnesiumDris.For(lifeStage).Goal.Milligrams;
        var percent = 100 * intakeMg / rda;
        var (category, hr) = percent switch
        {
            >= 100 => ("≥100% of RDA", (RatioWithCi?)null),
            >= 75 => ("75–99% of RDA", Vital75To99),
            _ => ("<75% of RDA", VitalBelow75),
        };
        var age = lifeStage.AgeYears;
        var inCohortAges = age is >= 50 and <= 76;
        var shortfall = Math.Max(0, rda - intakeMg);
        var findings = new List<EvidenceFinding>
        {
            new("VITAL cohort", "pancreatic cancer",
                "66,806 adults aged 50–76 in Washington State, 6.8 years, 151 cases. Compared with intake at or above the RDA: 75–99% of RDA HR 1.42 (0.91–2.21); below 75% HR 1.76 (1.04–2.96); each 100 mg/day less, HR 1.24 (1.02–1.50). The association was not appreciably modified by age, sex, BMI or NSAID use but appeared limited to people taking magnesium supplements (multivitamins or single supplements).",
                $"Your usual intake of {intakeMg:0} mg/day is {percent:0}% of your RDA ({rda:0} mg): the \"{category}\" group{(hr is null ? " (the study's reference group)" : $", HR {hr.Ratio:0.00} ({hr.Lower:0.00}–{hr.Upper:0.00}) in the cohort")}.{(inCohortAges ? "" : $" The cohort was aged 50–76; at {age} you are outside the ages studied.")}",
                hr, Dibaba2015),
            new("Fang 2016 meta-analysis", "type 2 diabetes",
                "40 cohorts, over a million participants: each 100 mg/day more magnesium, RR 0.81 (0.77–0.86).",
                shortfall > 0
                    ? $"Reaching your RDA would mean {shortfall:0} mg/day more; in these cohorts each 100 mg/day more went with a 19% lower risk."
                    : "Your intake is at or above your RDA.",
                FangT2dPer100Mg, Fang2016),
            new("Dong 2011 meta-analysis", "type 2 diabetes",
                "13 cohorts, 536,318 participants: each 100 mg/day more magnesium, RR 0.86 (0.82–0.89). The association was significant with BMI ≥ 25 and not below 25, but the test for interaction was not significant (P = 0.13), so it is not shown to differ by BMI.",
                "Consistent with Fang 2016; an association, not proof that raising intake lowers risk.",
                DongT2dPer100Mg, Dong2011),
        };
        return new EvidenceResult(intakeMg, rda, Math.Round(percent, 1), category, hr, findings);
    }
}
