using System.Runtime.CompilerServices;
using Magnesia.Foods;
using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>
/// Amounts of every <see cref="Nutrient"/>, for an amount of food, a dose or a day: exact whole thousandths of each
/// nutrient's unit (µg for mg nutrients, mg for g nutrients, cal for kcal), so sums are exact and independent of
/// order. A value missing from the food data counts as zero and is marked missing, so reports can say so.
/// </summary>
public readonly struct Nutrients : IEquatable<Nutrients>
{
    /// <summary>Room for this many nutrients; <see cref="Nutrient"/> must not outgrow it.</summary>
    public const int Capacity = 16;

    private readonly Buffer _milli;
    private readonly int _missing;

    private Nutrients(Buffer milli, int missing)
    {
        _milli = milli;
        _missing = missing;
    }

    /// <summary>Magnesium, calcium, potassium and energy; every other nutrient unknown (missing, counted as zero).</summary>
    public Nutrients(Mass magnesium, Mass calcium, Mass potassium, double energyKcal, bool magnesiumMissing = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(energyKcal);
        _milli[(int)Nutrient.Magnesium] = magnesium.Micrograms;
        _milli[(int)Nutrient.Calcium] = calcium.Micrograms;
        _milli[(int)Nutrient.Potassium] = potassium.Micrograms;
        _milli[(int)Nutrient.Energy] = ToMilli(energyKcal);
        _missing = AllBits & ~(Bit(Nutrient.Magnesium) | Bit(Nutrient.Calcium) | Bit(Nutrient.Potassium) | Bit(Nutrient.Energy))
            | (magnesiumMissing ? Bit(Nutrient.Magnesium) : 0);
    }

    /// <summary>No nutrients.</summary>
    public static Nutrients Zero { get; }

    /// <summary>Magnesium (exact).</summary>
    public Mass Magnesium => Mass.FromMicrograms(_milli[(int)Nutrient.Magnesium]);

    /// <summary>Calcium (exact).</summary>
    public Mass Calcium => Mass.FromMicrograms(_milli[(int)Nutrient.Calcium]);

    /// <summary>Potassium (exact).</summary>
    public Mass Potassium => Mass.FromMicrograms(_milli[(int)Nutrient.Potassium]);

    /// <summary>Energy, kcal.</summary>
    public double EnergyKcal => Amount(Nutrient.Energy);

    /// <summary>True when a food in the sum has no magnesium value.</summary>
    public bool MagnesiumMissing => IsMissing(Nutrient.Magnesium);

    /// <summary>Builds amounts from values in each nutrient's unit; a null value is missing.</summary>
    public static Nutrients From(IEnumerable<KeyValuePair<Nutrient, double?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var milli = default(Buffer);
        var missing = 0;
        foreach (var (nutrient, value) in values)
        {
            if (value is { } v)
            {
                if (!double.IsFinite(v) || v < 0)
                    throw new ArgumentOutOfRangeException(nameof(values), v, $"{nutrient} must be a finite amount, zero or more");
                milli[(int)nutrient] = ToMilli(v);
            }
            else
            {
                missing |= Bit(nutrient);
            }
        }

        return new Nutrients(milli, missing);
    }

    /// <summary>Builds amounts from whole thousandths of each unit (as stored); a nutrient not given is missing.</summary>
    public static Nutrients FromMilli(IEnumerable<KeyValuePair<Nutrient, long>> values, bool othersMissing = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        var milli = default(Buffer);
        var present = 0;
        foreach (var (nutrient, value) in values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            milli[(int)nutrient] = value;
            present |= Bit(nutrient);
        }

        return new Nutrients(milli, othersMissing ? AllBits & ~present : 0);
    }

    /// <summary>The amount in whole thousandths of the nutrient's unit (0 when missing).</summary>
    public long Milli(Nutrient nutrient) => _milli[(int)nutrient];

    /// <summary>The amount in the nutrient's unit (0 when missing).</summary>
    public double Amount(Nutrient nutrient) => _milli[(int)nutrient] / 1_000.0;

    /// <summary>The amount in the nutrient's unit, or null when the data has no value.</summary>
    public double? Value(Nutrient nutrient) => IsMissing(nutrient) ? null : Amount(nutrient);

    /// <summary>Whether the data has no value for the nutrient (it counts as zero in sums).</summary>
    public bool IsMissing(Nutrient nutrient) => (_missing & Bit(nutrient)) != 0;

    /// <summary>Exact sum; a nutrient missing from either side is missing from the sum.</summary>
    public static Nutrients operator +(Nutrients a, Nutrients b)
    {
        var milli = default(Buffer);
        for (var i = 0; i < Capacity; i++)
            milli[i] = checked(a._milli[i] + b._milli[i]);
        return new Nutrients(milli, a._missing | b._missing);
    }

    /// <summary>Adds two values (same as <c>+</c>).</summary>
    public static Nutrients Add(Nutrients a, Nutrients b) => a + b;

    /// <summary>Scales every amount by a non-negative finite factor, rounding to whole thousandths (as <see cref="Mass.Scale"/>).</summary>
    public Nutrients Scale(double factor)
    {
        if (!double.IsFinite(factor) || factor < 0)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be finite and not negative");
        var milli = default(Buffer);
        for (var i = 0; i < Capacity; i++)
            milli[i] = checked((long)Math.Round(_milli[i] * factor, MidpointRounding.AwayFromZero));
        return new Nutrients(milli, _missing);
    }

    /// <summary>The same amounts with magnesium marked missing (a food that no longer exists).</summary>
    public Nutrients WithMagnesiumMissing() => new(_milli, _missing | Bit(Nutrient.Magnesium));

    /// <inheritdoc />
    public bool Equals(Nutrients other)
    {
        if (_missing != other._missing)
            return false;
        for (var i = 0; i < Capacity; i++)
        {
            if (_milli[i] != other._milli[i])
                return false;
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Nutrients n && Equals(n);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < Capacity; i++)
            hash.Add(_milli[i]);
        hash.Add(_missing);
        return hash.ToHashCode();
    }

    /// <summary>Equality of every amount and mark.</summary>
    public static bool operator ==(Nutrients left, Nutrients right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Nutrients left, Nutrients right) => !left.Equals(right);

    private static readonly int AllBits = (1 << Enum.GetValues<Nutrient>().Length) - 1;

    private static int Bit(Nutrient nutrient) => 1 << (int)nutrient;

    private static long ToMilli(double value) => (long)Math.Round(value * 1_000.0, MidpointRounding.AwayFromZero);

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private long _element;
    }
}
