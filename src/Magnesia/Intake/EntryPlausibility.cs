using System.Globalization;
using Magnesia.Foods;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>What about a food entry is unlikely to be what was meant.</summary>
public enum PlausibilityConcern
{
    /// <summary>The entry's magnesium alone is more than the day's RDA (or AI).</summary>
    AboveDayRda,

    /// <summary>More of one food at once than one sitting holds (<see cref="EntryPlausibility.MaxGrams"/>).</summary>
    TooHeavy,

    /// <summary>A small whole number typed as grams, far below one of the food's household items: "2 g of egg" meant 2 eggs.</summary>
    CountTypedAsGrams,
}

/// <summary>One reason to ask before logging an entry, with the sentence a person reads.</summary>
/// <param name="Concern">What is unlikely.</param>
/// <param name="Message">"450 mg magnesium in one entry is more than your RDA for the whole day (320 mg): check the amount".</param>
public sealed record PlausibilityWarning(PlausibilityConcern Concern, string Message);

/// <summary>
/// Whether a food entry is an amount a person is likely to have eaten. These are prompts, not limits: the web asks
/// for confirmation and the CLI prints a warning and logs anyway, because every amount here is possible, only unlikely.
/// </summary>
public static class EntryPlausibility
{
    /// <summary>
    /// The heaviest single entry logged without a question, g. Not a published limit, a chosen one: 1.5 kg is three
    /// large restaurant mains (about 500 g each) or a 1.5 L bottle, beyond what one sitting holds, and an entry above it
    /// is far more often a slip of unit (kg for g, g for oz) or of the decimal point than a meal. Larger entries log after a yes.
    /// </summary>
    public const double MaxGrams = 1_500;

    /// <summary>
    /// The largest count that, typed as grams, may have meant items: a dozen is the largest count people say of one food
    /// at once ("12 almonds" is pieces; "12 g" of egg is not a twelfth of an egg anybody weighs).
    /// </summary>
    public const double MaxCountAsGrams = 12;

    /// <summary>
    /// "Far below one item": under half of the food's lightest household measure. SR28 measures start at a teaspoon
    /// (about 2–5 g) for foods eaten by the pinch, so 2 g of a spice passes while 2 g of a 50 g egg does not.
    /// </summary>
    public const double SmallestMeasureFraction = 0.5;

    /// <summary>
    /// The warnings for logging <paramref name="grams"/> of a food with <paramref name="magnesium"/>, entered as
    /// <paramref name="entered"/>, by a person with <paramref name="dri"/> (the RDA or AI of their life stage that day,
    /// IOM 1997 through <see cref="MagnesiumDris"/>); empty when the entry looks like a meal.
    /// </summary>
    public static IReadOnlyList<PlausibilityWarning> Check(double grams, Mass magnesium, AmountEntered entered, IReadOnlyList<FoodPortion> portions, MagnesiumDri dri)
    {
        ArgumentNullException.ThrowIfNull(entered);
        ArgumentNullException.ThrowIfNull(portions);
        ArgumentNullException.ThrowIfNull(dri);
        var warnings = new List<PlausibilityWarning>();
        var inv = CultureInfo.InvariantCulture;
        if (magnesium > dri.Goal)
        {
            warnings.Add(new(PlausibilityConcern.AboveDayRda, string.Format(inv,
                "{0:0} mg magnesium in one entry is more than your {1} for the whole day ({2:0} mg): check the amount",
                magnesium.Milligrams, dri.Ear is null ? "AI" : "RDA", dri.Goal.Milligrams)));
        }

        if (grams > MaxGrams)
        {
            warnings.Add(new(PlausibilityConcern.TooHeavy, string.Format(inv,
                "{0:0} g of one food at once is more than a sitting holds (over {1:0} g): check the unit", grams, MaxGrams)));
        }

        if (entered.Portion == "g" && entered.Quantity <= MaxCountAsGrams && entered.Quantity == Math.Floor(entered.Quantity)
            && portions.Count > 0 && portions.MinBy(p => p.Grams) is { } lightest && grams < lightest.Grams * SmallestMeasureFraction
            && FoodSentence.UsualItem(portions) is { } item)
        {
            warnings.Add(new(PlausibilityConcern.CountTypedAsGrams, string.Format(inv,
                "{0:0.#} g is less than half of {1} ({2:0.#} g): did you mean {0:0.#} × {1} = {3:0.#} g?",
                entered.Quantity, item.Description, item.Grams, entered.Quantity * item.Grams)));
        }

        return warnings;
    }
}
