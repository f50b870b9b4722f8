namespace Magnesia.Metabolic;

/// <summary>
/// The insulin-resistance indices and the metabolic syndrome from whatever is known. An index is null when one of its
/// inputs is missing, or (QUICKI) when its logarithm is undefined; values are rounded as published (HOMA-IR and TyG to
/// 0.01, QUICKI to 0.0001).
/// </summary>
/// <param name="HomaIr">HOMA-IR (Matthews 1985), or null.</param>
/// <param name="Quicki">QUICKI (Katz 2000), or null.</param>
/// <param name="TyG">TyG index (Simental-Mendía 2008), or null.</param>
/// <param name="MetabolicSyndrome">The harmonized definition's criteria (Alberti 2009).</param>
/// <param name="InsulinPmolPerMicroUnit">The insulin conversion factor used, pmol/L per µU/mL.</param>
public sealed record MetabolicPanelResult(double? HomaIr, double? Quicki, double? TyG, MetabolicSyndromeResult MetabolicSyndrome, double InsulinPmolPerMicroUnit)
{
    /// <summary>How the figures are computed, with their sources.</summary>
    public const string Notes =
        "HOMA-IR: Matthews 1985 (insulin µU/mL × glucose mmol/L / 22.5). QUICKI: Katz 2000. TyG: ln(TG mg/dL × glucose mg/dL / 2), Simental-Mendía 2008 — values near 8–9.5; cut-offs near 4.5–4.7 in early papers use ln(TG × glucose)/2 and are not comparable. Metabolic syndrome: Alberti 2009, 3 of 5 criteria.";
}

/// <summary>Computes the <see cref="MetabolicPanelResult"/>: the gating and rounding beside the formulas.</summary>
public static class MetabolicPanel
{
    /// <summary>
    /// Computes the indices from canonical values (glucose, triglycerides and HDL in mg/dL inside
    /// <paramref name="inputs"/>; insulin in µU/mL) and judges the metabolic syndrome.
    /// </summary>
    public static MetabolicPanelResult Compute(MetabolicInputs inputs, double? insulinMicroUnitsPerMl, double insulinPmolPerMicroUnit = LabUnits.DefaultInsulinPmolPerMicroUnit)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var glucose = inputs.GlucoseMgPerDl;
        double? homa = glucose is { } g && insulinMicroUnitsPerMl is { } i
            ? Math.Round(InsulinResistance.HomaIr(i, g / LabUnits.GlucoseMgPerDlPerMmolPerL), 2)
            : null;
        // QUICKI = 1 / (log10 I + log10 G) is undefined where I × G ≤ 1.
        double? quicki = glucose is { } g2 && insulinMicroUnitsPerMl is { } i2 && i2 * g2 > 1
            ? Math.Round(InsulinResistance.Quicki(i2, g2), 4)
            : null;
        double? tyg = glucose is { } g3 && inputs.TriglyceridesMgPerDl is { } tg
            ? Math.Round(InsulinResistance.TyG(tg, g3), 2)
            : null;
        return new MetabolicPanelResult(homa, quicki, tyg, MetabolicSyndrome.Assess(inputs), insulinPmolPerMicroUnit);
    }

    /// <summary>The contract name of a criterion: <c>waist</c>, <c>triglycerides</c>, <c>hdl</c>, <c>blood-pressure</c>, <c>glucose</c>.</summary>
    public static string Name(this MetabolicCriterion criterion) => criterion switch
    {
        MetabolicCriterion.Waist => "waist",
        MetabolicCriterion.Triglycerides => "triglycerides",
        MetabolicCriterion.Hdl => "hdl",
        MetabolicCriterion.BloodPressure => "blood-pressure",
        _ => "glucose",
    };
}
