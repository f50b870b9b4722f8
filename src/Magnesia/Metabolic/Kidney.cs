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

    /// <summary>Checks creatinine (0.1–20 mg/dL, i.e. 8.84–1768 µmol/L) and age (18–120 y); the problem or null.</summary>
    public static string? Check(double creatinineMgPerDl, double ageYears) => CheckCreatinine(creatinineMgPerDl) ?? CheckAge(ageYears);

    /// <summary>Checks serum creatinine in mg/dL (0.1–20); the problem or null.</summary>
    public static string? CheckCreatinine(double creatinineMgPerDl) =>
        !double.IsFinite(creatinineMgPerDl) || creatinineMgPerDl < 0.1 || creatinineMgPerDl > 20
            ? "serum creatinine must be between 0.1 and 20 mg/dL (8.84–1768 µmol/L)"
            : null;

    /// <summary>Checks age in years (18–120: CKD-EPI 2021 is an adult equation); the problem or null.</summary>
    public static string? CheckAge(double ageYears) =>
        !double.IsFinite(ageYears) || ageYears < MinimumAgeYears || ageYears > 120
            ? $"age must be between {MinimumAgeYears} and 120 years (CKD-EPI 2021 is an adult equation)"
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
