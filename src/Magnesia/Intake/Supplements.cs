using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>Supplement doses: elemental magnesium from a label or from the compound mass.</summary>
public static class Supplements
{
    /// <summary>The most elemental magnesium a single entry may hold; more is taken as a typing mistake.</summary>
    public const double MaxElementalMilligrams = 10_000;

    /// <summary>The elemental dose of one entry, mg: above 0, at most <see cref="MaxElementalMilligrams"/> (the bounds <see cref="Check"/> applies).</summary>
    public static Inputs.NumberRange ElementalMgRange { get; } = new(0, MaxElementalMilligrams, "mg", MinExclusive: true);

    /// <summary>Elemental magnesium in <paramref name="compoundMilligrams"/> of the salt <paramref name="form"/>.</summary>
    public static Mass ElementalFromCompound(SupplementForm form, double compoundMilligrams)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!double.IsFinite(compoundMilligrams) || compoundMilligrams <= 0)
            throw new ArgumentOutOfRangeException(nameof(compoundMilligrams), "the compound mass must be positive");
        return Mass.FromMilligrams(compoundMilligrams * form.ElementalPercent / 100.0);
    }

    /// <summary>Checks an elemental dose in mg; returns the problem or null.</summary>
    public static string? Check(double elementalMilligrams) =>
        !double.IsFinite(elementalMilligrams) || elementalMilligrams <= ElementalMgRange.Min ? "the dose must be a positive number of milligrams"
        : elementalMilligrams > ElementalMgRange.Max ? $"{elementalMilligrams:0.#} mg of elemental magnesium in one entry is implausible (over {MaxElementalMilligrams:0} mg)"
        : null;
}
