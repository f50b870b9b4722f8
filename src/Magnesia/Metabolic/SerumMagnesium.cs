namespace Magnesia.Metabolic;

/// <summary>Units of serum magnesium.</summary>
public enum SerumMagnesiumUnit
{
    /// <summary>mmol/L.</summary>
    MmolPerL,

    /// <summary>mg/dL.</summary>
    MgPerDl,

    /// <summary>mEq/L.</summary>
    MeqPerL,
}

/// <summary>
/// Total serum magnesium, stored in mmol/L. Magnesium has molar mass 24.305 g/mol and valence 2, so
/// 1 mmol/L = 2.4305 mg/dL = 2 mEq/L.
/// </summary>
public readonly record struct SerumMagnesium
{
    /// <summary>g/mol.</summary>
    public const double MolarMass = 24.305;

    /// <summary>Valence of the magnesium ion.</summary>
    public const int Valence = 2;

    /// <summary>Lowest plausible total serum magnesium, mmol/L: the one range every edge and the lab store check.</summary>
    public const double MinimumMmolPerL = 0.1;

    /// <summary>Highest plausible total serum magnesium, mmol/L (values near 5 mmol/L are seen only in poisoning).</summary>
    public const double MaximumMmolPerL = 5;

    private SerumMagnesium(double mmolPerL) => MillimolesPerLitre = mmolPerL;

    /// <summary>mmol/L.</summary>
    public double MillimolesPerLitre { get; }

    /// <summary>mg/dL = mmol/L × 24.305 / 10.</summary>
    public double MilligramsPerDecilitre => MillimolesPerLitre * MolarMass / 10;

    /// <summary>mEq/L = mmol/L × 2.</summary>
    public double MilliequivalentsPerLitre => MillimolesPerLitre * Valence;

    /// <summary>Creates a value from a lab result as entered (unit as typed: mmol/L, mg/dL or mEq/L).</summary>
    /// <exception cref="ArgumentException">When <see cref="LabInput.Validate"/> reports a problem.</exception>
    public static SerumMagnesium FromLab(double value, string unit) =>
        new(new LabInput("serum-magnesium", value, unit).Canonical());

    /// <summary>Creates a value from a number and its unit; <see cref="MinimumMmolPerL"/>–<see cref="MaximumMmolPerL"/>
    /// mmol/L (0.24–12.2 mg/dL) is accepted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range or not finite.</exception>
    public static SerumMagnesium From(double value, SerumMagnesiumUnit unit)
    {
        var mmol = unit switch
        {
            SerumMagnesiumUnit.MgPerDl => value * 10 / MolarMass,
            SerumMagnesiumUnit.MeqPerL => value / Valence,
            _ => value,
        };
        if (!double.IsFinite(mmol) || mmol < MinimumMmolPerL || mmol > MaximumMmolPerL)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"serum magnesium must be {MinimumMmolPerL}–{MaximumMmolPerL} mmol/L");
        return new SerumMagnesium(mmol);
    }
}

/// <summary>An interpretation of a serum magnesium value.</summary>
/// <param name="Band">Stable id of the band, e.g. <c>hypomagnesemia</c>.</param>
/// <param name="Text">Plain-language interpretation with the caveat about body stores.</param>
/// <param name="ReferenceRange">The reference interval used.</param>
/// <param name="Sources">Sources of the interval and bands.</param>
public sealed record SerumInterpretation(string Band, string Text, string ReferenceRange, IReadOnlyList<References.Citation> Sources);

/// <summary>
/// Interprets total serum magnesium against the IOM 1997 / NIH ODS reference interval 0.75–0.95 mmol/L
/// (1.8–2.3 mg/dL) and the evidence-based lower cut-off of 0.85 mmol/L proposed by Costello et al. (Adv Nutr 2016).
/// Bands: &lt; 0.50 severe hypomagnesemia — the level below which clinical guidance expects symptoms (NHS Lothian
/// acute oncology guideline: mild deficiency above 0.5 mmol/L is usually asymptomatic); 0.50–0.74 hypomagnesemia
/// (below the IOM interval); 0.75–0.84 within the interval but below the proposed cut-off (possible chronic latent
/// deficiency); 0.85–0.95 adequate; 0.96–1.05 above the IOM interval but within laboratory intervals, whose upper
/// limits run from 1.0 mmol/L (NHS Lothian) to 2.68 mg/dL = 1.10 mmol/L (StatPearls); &gt; 1.05 hypermagnesemia,
/// above the middle of that spread. These two outer cut-offs are clinical-laboratory practice, not IOM or ODS values.
/// </summary>
public static class SerumMagnesiumInterpretation
{
    /// <summary>The caveat every interpretation carries.</summary>
    public const string Caveat =
        "Under 1% of body magnesium is in serum and the kidneys hold serum levels in a tight range, so a normal value does not rule out low body stores.";

    /// <summary>NHS Lothian acute oncology guideline on hypomagnesaemia: range 0.70–1.0 mmol/L; symptoms usually below 0.5 mmol/L.</summary>
    public static readonly References.Citation NhsLothianHypomagnesaemia = new(
        "nhs-lothian-hypomagnesaemia",
        "NHS Lothian. Acute oncology guidelines: electrolyte disturbance — hypomagnesaemia (normal range 0.70–1.0 mmol/L; mild deficiency above 0.5 mmol/L usually asymptomatic, symptoms when below 0.5 mmol/L). Right Decisions, NHS Scotland.",
        "https://rightdecisions.scot.nhs.uk/acute-oncology-guidelines/systemic-anticancer-treatment-toxicity/step-2-find-the-symptoms/electrolyte-disturbance/hypomagnesaemia");

    /// <summary>StatPearls, Hypomagnesemia: normal serum magnesium 1.46–2.68 mg/dL (0.60–1.10 mmol/L).</summary>
    public static readonly References.Citation StatPearlsHypomagnesemia = new(
        "statpearls-hypomagnesemia",
        "StatPearls. Hypomagnesemia (normal serum magnesium 1.46–2.68 mg/dL). StatPearls Publishing.",
        "https://statpearls.com/articlelibrary/viewarticle/23271");

    /// <summary>The reference interval as printed.</summary>
    public const string ReferenceRange = "0.75–0.95 mmol/L (1.8–2.3 mg/dL; 1.5–1.9 mEq/L), IOM 1997 / NIH ODS; proposed adequate ≥ 0.85 mmol/L (Costello 2016)";

    /// <summary>Interprets a value.</summary>
    public static SerumInterpretation Interpret(SerumMagnesium value)
    {
        var mmol = value.MillimolesPerLitre;
        var (band, text) = mmol switch
        {
            < 0.50 => ("severe-hypomagnesemia", "Severe hypomagnesemia: below 0.50 mmol/L, where symptoms such as tremor, arrhythmia and seizures become likely. Needs prompt medical care."),
            < 0.75 => ("hypomagnesemia", "Hypomagnesemia: below the 0.75 mmol/L lower limit of the reference interval."),
            < 0.85 => ("low-normal", "Within the reference interval but below 0.85 mmol/L, the lower limit proposed from the evidence; may reflect chronic latent magnesium deficiency."),
            <= 0.95 => ("normal", "Within the reference interval and at or above the proposed 0.85 mmol/L."),
            <= 1.05 => ("high-normal", "Above the IOM reference interval (0.95) but within many laboratories' ranges (up to 1.05 mmol/L)."),
            _ => ("hypermagnesemia", "Hypermagnesemia: above 1.05 mmol/L, usually from supplements or medicines with reduced kidney function. Needs medical review."),
        };
        IReadOnlyList<References.Citation> sources = band switch
        {
            "severe-hypomagnesemia" => [References.Sources.Iom1997, References.Sources.OdsFactSheet, NhsLothianHypomagnesaemia],
            "high-normal" or "hypermagnesemia" => [References.Sources.Iom1997, References.Sources.OdsFactSheet, NhsLothianHypomagnesaemia, StatPearlsHypomagnesemia],
            _ => [References.Sources.Iom1997, References.Sources.OdsFactSheet, References.Sources.Costello2016],
        };
        return new SerumInterpretation(band, $"{text} {Caveat}", ReferenceRange, sources);
    }
}
