using Magnesia.Foods;

namespace Magnesia.Intake;

/// <summary>Turns an entered amount (grams, a household portion × quantity, ounces, pounds) into grams.</summary>
public static class Amounts
{
    /// <summary>Grams in an avoirdupois ounce (exact: 0.45359237 kg / 16).</summary>
    public const double GramsPerOunce = 28.349523125;

    /// <summary>Grams in an avoirdupois pound (exact, international yard and pound agreement of 1959).</summary>
    public const double GramsPerPound = 453.59237;

    /// <summary>The most a single entry may weigh: anything above is taken as a typing mistake.</summary>
    public const double MaxEntryGrams = 5_000;

    /// <summary>
    /// Resolves <paramref name="portion"/> × <paramref name="quantity"/> against the food's household portions (case
    /// and surrounding space ignored) or the units <c>g</c>, <c>oz</c>, <c>lb</c>. Returns grams, or null with the
    /// reason (which lists the portions available).
    /// </summary>
    public static double? ToGrams(string portion, double quantity, IReadOnlyList<FoodPortion> portions, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(portion);
        ArgumentNullException.ThrowIfNull(portions);
        problem = null;
        if (!double.IsFinite(quantity) || quantity <= 0)
        {
            problem = $"quantity must be a positive number, not {quantity}";
            return null;
        }

        var p = portion.Trim();
        double? unit = p.ToLowerInvariant() switch
        {
            "g" or "gram" or "grams" => 1,
            "oz" or "ounce" or "ounces" => GramsPerOunce,
            "lb" or "pound" or "pounds" => GramsPerPound,
            _ => portions.FirstOrDefault(x => string.Equals(x.Description.Trim(), p, StringComparison.OrdinalIgnoreCase))?.Grams,
        };
        if (unit is null)
        {
            var known = portions.Select(x => $"\"{x.Description}\"").Append("g").Append("oz").Append("lb");
            problem = $"unknown portion \"{p}\"; this food's portions: {string.Join(", ", known)}";
            return null;
        }

        return Check(unit.Value * quantity, out problem);
    }

    /// <summary>Checks a weight in grams: finite, at least <see cref="EntryLimits.MinEntryGrams"/> and at most <see cref="MaxEntryGrams"/>.</summary>
    public static double? Check(double grams, out string? problem)
    {
        problem = !double.IsFinite(grams) || grams <= 0 ? "the amount must be a positive number of grams"
            : grams < EntryLimits.MinEntryGrams ? $"the amount must be at least {EntryLimits.MinEntryGrams} g (less shows as 0 g)"
            : grams > MaxEntryGrams ? $"{grams:0.#} g in one entry is implausible (over {MaxEntryGrams:0} g); split it or check the amount"
            : null;
        return problem is null ? grams : null;
    }
}
