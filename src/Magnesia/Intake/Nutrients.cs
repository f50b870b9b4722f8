using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>
/// The nutrients a diary tracks, for an amount of food or a dose: exact masses (micrograms) and energy in kcal.
/// A value missing from the food data counts as zero and sets <see cref="MagnesiumMissing"/> so reports can say so.
/// </summary>
/// <param name="Magnesium">Magnesium.</param>
/// <param name="Calcium">Calcium.</param>
/// <param name="Potassium">Potassium.</param>
/// <param name="EnergyKcal">Energy, kcal; never negative.</param>
/// <param name="MagnesiumMissing">True when a food in the sum has no magnesium value.</param>
public readonly record struct Nutrients(Mass Magnesium, Mass Calcium, Mass Potassium, double EnergyKcal, bool MagnesiumMissing = false)
{
    /// <summary>No nutrients.</summary>
    public static Nutrients Zero { get; }

    /// <summary>Exact sum.</summary>
    public static Nutrients operator +(Nutrients a, Nutrients b) => new(
        a.Magnesium + b.Magnesium, a.Calcium + b.Calcium, a.Potassium + b.Potassium, a.EnergyKcal + b.EnergyKcal,
        a.MagnesiumMissing || b.MagnesiumMissing);

    /// <summary>Adds two values (same as <c>+</c>).</summary>
    public static Nutrients Add(Nutrients a, Nutrients b) => a + b;

    /// <summary>Scales every value by a non-negative factor (masses round to the microgram).</summary>
    public Nutrients Scale(double factor) =>
        new(Magnesium.Scale(factor), Calcium.Scale(factor), Potassium.Scale(factor), EnergyKcal * factor, MagnesiumMissing);
}
