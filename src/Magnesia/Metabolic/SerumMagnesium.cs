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

    private SerumMagnesium(double mmolPerL) => MillimolesPerLitre = mmolPerL;

    /// <summary>mmol/L.</summary>
    public double MillimolesPerLitre { get; }

    /// <summary>mg/dL = mmol/L × 24.305 / 10.</summary>
    public double MilligramsPerDecilitre => MillimolesPerLitre * MolarMass / 10;

    /// <summary>mEq/L = mmol/L × 2.</summary>
    public double MilliequivalentsPerLitre => MillimolesPerLitre * Valence;

    /// <summary>Creates a value from a number and its unit; 0–10 mmol/L (0–24.3 mg/dL) is accepted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range or not finite.</exception>
    public static SerumMagnesium From(double value, SerumMagnesiumUnit unit)
    {
        var mmol = unit switch
        {
            SerumMagnesiumUnit.MgPerDl => value * 10 / MolarMass,
            SerumMagnesiumUnit.MeqPerL => value / Valence,
            _ => value,
        };
        if (!double.IsFinite(mmol) || mmol <= 0 || mmol > 10)
            throw new ArgumentOutOfRangeException(nameof(value), value, "serum magnesium must be above 0 and at most 10 mmol/L (24.3 mg/dL, 20 mEq/L)");
        return new SerumMagnesium(mmol);
    }
}
