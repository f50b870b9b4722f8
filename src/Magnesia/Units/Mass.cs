using System.Globalization;

namespace Magnesia.Units;

/// <summary>
/// A non-negative mass (of magnesium or another mineral), stored as whole micrograms so that sums are exact,
/// order-independent and sortable in SQL.
/// </summary>
public readonly record struct Mass : IComparable<Mass>
{
    private Mass(long micrograms) => Micrograms = micrograms;

    /// <summary>The zero mass.</summary>
    public static Mass Zero { get; }

    /// <summary>The mass in whole micrograms; never negative.</summary>
    public long Micrograms { get; }

    /// <summary>The mass in milligrams.</summary>
    public double Milligrams => Micrograms / 1_000.0;

    /// <summary>Creates a mass from whole micrograms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="micrograms"/> is negative.</exception>
    public static Mass FromMicrograms(long micrograms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(micrograms);
        return new Mass(micrograms);
    }

    /// <summary>Creates a mass from milligrams, rounded to the nearest microgram (halves away from zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="milligrams"/> is negative, NaN, infinite or too large.</exception>
    public static Mass FromMilligrams(double milligrams)
    {
        if (!double.IsFinite(milligrams) || milligrams < 0 || milligrams > long.MaxValue / 1_000.0 / 2)
            throw new ArgumentOutOfRangeException(nameof(milligrams), milligrams, "A mass must be a finite, non-negative number of milligrams.");
        return new Mass((long)Math.Round(milligrams * 1_000.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>Creates a mass from grams, rounded to the nearest microgram.</summary>
    public static Mass FromGrams(double grams) => FromMilligrams(grams * 1_000.0);

    /// <summary>Exact sum; throws <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Mass operator +(Mass left, Mass right) => new(checked(left.Micrograms + right.Micrograms));

    /// <summary>Adds two masses (same as <c>+</c>).</summary>
    public static Mass Add(Mass left, Mass right) => left + right;

    /// <summary>Scales a mass by a non-negative finite factor, rounding to the nearest microgram.</summary>
    public Mass Scale(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A scale factor must be finite and non-negative.");
        return new Mass(checked((long)Math.Round(Micrograms * factor, MidpointRounding.AwayFromZero)));
    }

    /// <inheritdoc />
    public int CompareTo(Mass other) => Micrograms.CompareTo(other.Micrograms);

    /// <summary>Compares two masses.</summary>
    public static bool operator <(Mass left, Mass right) => left.Micrograms < right.Micrograms;

    /// <summary>Compares two masses.</summary>
    public static bool operator >(Mass left, Mass right) => left.Micrograms > right.Micrograms;

    /// <summary>Compares two masses.</summary>
    public static bool operator <=(Mass left, Mass right) => left.Micrograms <= right.Micrograms;

    /// <summary>Compares two masses.</summary>
    public static bool operator >=(Mass left, Mass right) => left.Micrograms >= right.Micrograms;

    /// <summary>Formats as milligrams, e.g. <c>79 mg</c> or <c>0.5 mg</c>.</summary>
    public override string ToString() => Milligrams.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
