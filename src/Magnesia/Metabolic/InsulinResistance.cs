namespace Magnesia.Metabolic;

/// <summary>Conversion factors between conventional and SI units, each stated with its basis; <see cref="Labs.ToCanonical"/> applies them.</summary>
public static class LabUnits
{
    /// <summary>Glucose: mg/dL per mmol/L = molar mass 180.156 g/mol / 10.</summary>
    public const double GlucoseMgPerDlPerMmolPerL = 18.0156;

    /// <summary>
    /// Insulin: pmol/L per µU/mL, 6.00 by default — the WHO International Standard's biological activity
    /// (Knopp JL et al. J Diabetes Sci Technol 2019;13:597–600). Some labs still use the older 6.945.
    /// </summary>
    public const double DefaultInsulinPmolPerMicroUnit = 6.00;

    /// <summary>Triglycerides: mg/dL per mmol/L, as triolein (molar mass ≈ 885.7 g/mol).</summary>
    public const double TriglyceridesMgPerDlPerMmolPerL = 88.57;

    /// <summary>Cholesterol (HDL): mg/dL per mmol/L (molar mass 386.65 g/mol).</summary>
    public const double CholesterolMgPerDlPerMmolPerL = 38.67;
}

/// <summary>Fasting indices of insulin resistance, each with its primary source.</summary>
public static class InsulinResistance
{
    /// <summary>
    /// HOMA-IR (HOMA1) = fasting insulin [µU/mL] × fasting glucose [mmol/L] / 22.5 (Matthews DR, Hosker JP,
    /// Rudenski AS, et al. Diabetologia 1985;28:412–419). Equivalent to insulin × glucose [mg/dL] / 405.
    /// </summary>
    public static double HomaIr(double insulinMicroUnitsPerMl, double glucoseMmolPerL)
    {
        Positive(insulinMicroUnitsPerMl, nameof(insulinMicroUnitsPerMl));
        Positive(glucoseMmolPerL, nameof(glucoseMmolPerL));
        return insulinMicroUnitsPerMl * glucoseMmolPerL / 22.5;
    }

    /// <summary>
    /// QUICKI = 1 / (log10 insulin [µU/mL] + log10 glucose [mg/dL]) (Katz A, Nambi SS, Mather K, et al. J Clin
    /// Endocrinol Metab 2000;85:2402–2410).
    /// </summary>
    public static double Quicki(double insulinMicroUnitsPerMl, double glucoseMgPerDl)
    {
        Positive(insulinMicroUnitsPerMl, nameof(insulinMicroUnitsPerMl));
        Positive(glucoseMgPerDl, nameof(glucoseMgPerDl));
        var denominator = Math.Log10(insulinMicroUnitsPerMl) + Math.Log10(glucoseMgPerDl);
        if (denominator <= 0)
            throw new ArgumentOutOfRangeException(nameof(insulinMicroUnitsPerMl), "QUICKI is undefined when insulin × glucose ≤ 1");
        return 1 / denominator;
    }

    /// <summary>
    /// Triglyceride–glucose index = ln(triglycerides [mg/dL] × glucose [mg/dL] / 2) (Simental-Mendía LE,
    /// Rodríguez-Morán M, Guerrero-Romero F. Metab Syndr Relat Disord 2008;6:299–304). Values are typically 8–9.5;
    /// cut-offs of 4.5–4.7 in early papers are on the ln(TG × glucose)/2 scale and are not comparable.
    /// </summary>
    public static double TyG(double triglyceridesMgPerDl, double glucoseMgPerDl)
    {
        Positive(triglyceridesMgPerDl, nameof(triglyceridesMgPerDl));
        Positive(glucoseMgPerDl, nameof(glucoseMgPerDl));
        return Math.Log(triglyceridesMgPerDl * glucoseMgPerDl / 2);
    }

    private static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "must be a positive finite number");
    }
}
