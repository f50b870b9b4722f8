using Magnesia.Inputs;
using Magnesia.References;

namespace Magnesia.Metabolic;

/// <summary>Units of serum creatinine.</summary>
public enum CreatinineUnit
{
    /// <summary>mg/dL.</summary>
    MgPerDl,

    /// <summary>µmol/L.</summary>
    UmolPerL,
}

/// <summary>KDIGO GFR categories.</summary>
public enum GfrCategory
{
    /// <summary>G1: ≥ 90 mL/min/1.73 m² (normal or high).</summary>
    G1,

    /// <summary>G2: 60–89 (mildly decreased).</summary>
    G2,

    /// <summary>G3a: 45–59 (mildly to moderately decreased).</summary>
    G3a,

    /// <summary>G3b: 30–44 (moderately to severely decreased).</summary>
    G3b,

    /// <summary>G4: 15–29 (severely decreased).</summary>
    G4,

    /// <summary>G5: &lt; 15 (kidney failure).</summary>
    G5,
}

/// <summary>
/// Estimated GFR by the CKD-EPI 2021 race-free creatinine equation (Inker LA, Eneanya ND, Coresh J, et al. New
/// creatinine- and cystatin C–based equations to estimate GFR without race. N Engl J Med 2021;385:1737–1749,
/// doi:10.1056/NEJMoa2102953):
/// <c>eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [female]</c>, with κ = 0.7 (female)
/// or 0.9 (male), α = −0.241 (female) or −0.302 (male), Scr in mg/dL (IDMS-standardised), age in years (adults).
/// </summary>
public static class Egfr
{
    /// <summary>µmol/L of creatinine per mg/dL (molar mass 113.12 g/mol: 10 000 / 113.12 = 88.4).</summary>
    public const double UmolPerLPerMgPerDl = 88.4;

    /// <summary>Youngest age the equation is validated for.</summary>
    public const int MinimumAgeYears = 18;

    /// <summary>Serum creatinine in mg/dL from a value and its unit.</summary>
    public static double CreatinineMgPerDl(double value, CreatinineUnit unit) =>
        unit == CreatinineUnit.MgPerDl ? value : value / UmolPerLPerMgPerDl;

    /// <summary>Plausible serum creatinine, mg/dL (8.84–1768 µmol/L).</summary>
    public static NumberRange CreatinineMgPerDlRange { get; } = new(0.1, 20, "mg/dL");

    /// <summary>Ages the equation is for, years: CKD-EPI 2021 is an adult equation.</summary>
    public static NumberRange AgeRange { get; } = new(MinimumAgeYears, 120, "years (CKD-EPI 2021 is an adult equation)");

    /// <summary>
    /// An eGFR given directly, mL/min/1.73 m²: any positive value up to 300. Only the thresholds 90, 60, 45, 30 and 15
    /// matter to the scores, and CKD-EPI itself gives about 205 for the lowest plausible creatinine at 18.
    /// </summary>
    public static NumberRange ValueRange { get; } = new(0, 300, "mL/min/1.73 m²", MinExclusive: true);

    /// <summary>Parses a creatinine unit as typed (<c>mg/dL</c>, <c>umol/L</c>, <c>µmol/L</c>, any case); null otherwise.</summary>
    public static CreatinineUnit? ParseUnit(string? text) => Labs.NormalizeUnit(Labs.Find("creatinine")!, text) switch
    {
        "mg/dL" => CreatinineUnit.MgPerDl,
        "umol/L" => CreatinineUnit.UmolPerL,
        _ => null,
    };

    /// <summary>Checks creatinine (mg/dL) and age; the problem or null.</summary>
    public static string? Check(double creatinineMgPerDl, double ageYears) =>
        CreatinineMgPerDlRange.Check(creatinineMgPerDl) is { } c ? "serum creatinine " + c
        : AgeRange.Check(ageYears) is { } a ? "age " + a
        : null;

    /// <summary>eGFR in mL/min/1.73 m².</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="Check"/> reports a problem.</exception>
    public static double CkdEpi2021(double creatinineMgPerDl, double ageYears, References.Sex sex)
    {
        if (Check(creatinineMgPerDl, ageYears) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(creatinineMgPerDl), problem);
        var female = sex == References.Sex.Female;
        var kappa = female ? 0.7 : 0.9;
        var alpha = female ? -0.241 : -0.302;
        var ratio = creatinineMgPerDl / kappa;
        return 142 * Math.Pow(Math.Min(ratio, 1), alpha) * Math.Pow(Math.Max(ratio, 1), -1.200) * Math.Pow(0.9938, ageYears) * (female ? 1.012 : 1.0);
    }

    /// <summary>The KDIGO 2012/2024 GFR category of an eGFR.</summary>
    public static GfrCategory Category(double egfr) => egfr switch
    {
        >= 90 => GfrCategory.G1,
        >= 60 => GfrCategory.G2,
        >= 45 => GfrCategory.G3a,
        >= 30 => GfrCategory.G3b,
        >= 15 => GfrCategory.G4,
        _ => GfrCategory.G5,
    };
}

/// <summary>A field of <see cref="EgfrInput"/>.</summary>
public enum EgfrField
{
    /// <summary>Serum creatinine.</summary>
    Creatinine,

    /// <summary>Its unit.</summary>
    CreatinineUnit,

    /// <summary>Age in years.</summary>
    Age,

    /// <summary>Sex.</summary>
    Sex,
}

/// <summary>The CKD-EPI 2021 inputs as entered; <see cref="Compute"/> gives the eGFR.</summary>
/// <param name="Creatinine">Serum creatinine in <paramref name="CreatinineUnit"/>.</param>
/// <param name="CreatinineUnit">mg/dL or umol/L, as typed (<see cref="Egfr.ParseUnit"/>).</param>
/// <param name="Age">Age in years.</param>
/// <param name="Sex">Sex.</param>
public sealed record EgfrInput(double? Creatinine, string? CreatinineUnit, double? Age, Sex? Sex)
{
    /// <summary>Every problem; empty when <see cref="Compute"/> may run.</summary>
    public IReadOnlyList<InputProblem<EgfrField>> Validate()
    {
        var problems = new InputProblems<EgfrField>();
        if (Creatinine is null)
            problems.Add(EgfrField.Creatinine, "is required");
        if (CreatinineUnit is null)
            problems.Add(EgfrField.CreatinineUnit, "is required (mg/dL or umol/L): values without a unit are rejected");
        else if (Egfr.ParseUnit(CreatinineUnit) is null)
            problems.Add(EgfrField.CreatinineUnit, $"must be mg/dL or umol/L, not '{CreatinineUnit}'");
        else if (Creatinine is { } c && !Egfr.CreatinineMgPerDlRange.Contains(Egfr.CreatinineMgPerDl(c, Egfr.ParseUnit(CreatinineUnit)!.Value)))
            problems.Add(EgfrField.Creatinine, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"must be between {Egfr.CreatinineMgPerDlRange.Min} and {Egfr.CreatinineMgPerDlRange.Max} mg/dL ({Egfr.CreatinineMgPerDlRange.Min * Egfr.UmolPerLPerMgPerDl:0.##}–{Egfr.CreatinineMgPerDlRange.Max * Egfr.UmolPerLPerMgPerDl:0.#} µmol/L), not {c} {CreatinineUnit}"));
        if (Age is null)
            problems.Add(EgfrField.Age, "is required");
        problems.Range(EgfrField.Age, Age, Egfr.AgeRange);
        if (Sex is null)
            problems.Add(EgfrField.Sex, "is required: female or male");
        return problems;
    }

    /// <summary>eGFR in mL/min/1.73 m².</summary>
    /// <exception cref="ArgumentException">When <see cref="Validate"/> reports a problem.</exception>
    public double Compute()
    {
        if (Validate() is [var first, ..])
            throw new ArgumentException(first.Render(f => f.ToString()));
        return Egfr.CkdEpi2021(Egfr.CreatinineMgPerDl(Creatinine!.Value, Egfr.ParseUnit(CreatinineUnit)!.Value), Age!.Value, Sex!.Value);
    }
}
