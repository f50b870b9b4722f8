using System.Globalization;
using Magnesia.Foods;

namespace Magnesia.Planning;

/// <summary>
/// A food the planner suggests by default (<c>Planning/Data/suggestable.tsv</c>): one a dietitian names for magnesium,
/// with the portion a person eats (NIH ODS Table 2's, else the FDA reference amount of 21 CFR 101.12(b)).
/// </summary>
/// <param name="FoodId">The SR28 NDB number.</param>
/// <param name="Name">What a person calls it: <c>pumpkin seeds, roasted</c>.</param>
/// <param name="Family">The food family: <c>nuts-seeds</c>, <c>legumes</c>, <c>whole-grains</c>, <c>breads-cereals</c>,
/// <c>greens</c>, <c>vegetables</c>, <c>fruit</c>, <c>dairy</c>, <c>fish</c>, <c>chocolate</c>.</param>
/// <param name="Role">What it is on a plate (<c>grain</c>, <c>bread</c>, <c>cereal</c>, <c>nuts</c>…): a swap stays within its role.</param>
/// <param name="PortionWords">One standard portion in words: <c>1 oz</c>, <c>1/2 cup</c>.</param>
/// <param name="Multiplier">How many of <paramref name="Measure"/> make one portion.</param>
/// <param name="Measure">The SR28 household measure the portion is weighed by (its description or the start of it).</param>
/// <param name="Source">Where the portion comes from: <c>ODS</c>, <c>RACC</c> or <c>SR28</c>.</param>
public sealed record SuggestableFood(string FoodId, string Name, string Family, string Role, string PortionWords, double Multiplier, string Measure, string Source)
{
    /// <summary>One standard portion of <paramref name="food"/> (this row's food), weighed by its SR28 measure; null when the food lacks the measure.</summary>
    public FoodPortion? PortionOf(Food food)
    {
        ArgumentNullException.ThrowIfNull(food);
        var measure = Fractions(Measure);
        foreach (var p in food.Portions)
        {
            var d = Fractions(p.Description);
            if (d.Equals(measure, StringComparison.OrdinalIgnoreCase)
                || (d.StartsWith(measure, StringComparison.OrdinalIgnoreCase) && d[measure.Length] is ' ' or ',' or '('))
                return new FoodPortion(PortionWords, Math.Round(Multiplier * p.Grams, 1));
        }

        return null;
    }

    // SR28 writes "0.5 cup"; the store keeps "1/2 cup".
    private static string Fractions(string text) =>
        text.StartsWith("0.5 ", StringComparison.Ordinal) ? "1/2" + text[3..]
        : text.StartsWith("0.25 ", StringComparison.Ordinal) ? "1/4" + text[4..]
        : text.StartsWith("0.75 ", StringComparison.Ordinal) ? "3/4" + text[4..]
        : text;
}

/// <summary>The suggestable foods, loaded once from the embedded table.</summary>
public static class SuggestableFoods
{
    private static readonly Lazy<Dictionary<string, SuggestableFood>> Table = new(Load);

    /// <summary>The food families, in the table's order.</summary>
    public static IReadOnlyList<string> Families { get; } =
        ["nuts-seeds", "legumes", "whole-grains", "breads-cereals", "greens", "vegetables", "fruit", "dairy", "fish", "chocolate"];

    /// <summary>Every row, in the table's order.</summary>
    public static IReadOnlyCollection<SuggestableFood> All => Table.Value.Values;

    /// <summary>The row of a food; null when the food is not suggestable.</summary>
    public static SuggestableFood? Find(FoodId id) => Table.Value.GetValueOrDefault(id.Value);

    /// <summary>The family words for people: <c>nuts and seeds</c>.</summary>
    public static string FamilyWords(string family) => family switch
    {
        "nuts-seeds" => "nuts and seeds",
        "legumes" => "beans, lentils and soy",
        "whole-grains" => "whole grains",
        "breads-cereals" => "whole-grain breads and cereals",
        "greens" => "leafy greens",
        "vegetables" => "vegetables",
        "dairy" => "milk, yogurt and fortified soy milk",
        "chocolate" => "dark chocolate",
        _ => family,
    };

    private static Dictionary<string, SuggestableFood> Load()
    {
        var rows = new Dictionary<string, SuggestableFood>(StringComparer.Ordinal);
        foreach (var f in EmbeddedTable.Rows("Magnesia.Planning.Data.suggestable.tsv", 7))
        {
            var measure = f[5].Split(" x ", 2);
            if (measure.Length != 2 || !double.TryParse(measure[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var multiplier) || multiplier <= 0)
                throw new InvalidDataException($"suggestable.tsv: food {f[0]}: measure '{f[5]}' is not '<multiplier> x <SR28 measure>'");
            if (!Families.Contains(f[2]))
                throw new InvalidDataException($"suggestable.tsv: food {f[0]}: unknown family '{f[2]}'");
            if (!rows.TryAdd(f[0], new SuggestableFood(f[0], f[1], f[2], f[3], f[4], multiplier, measure[1], f[6])))
                throw new InvalidDataException($"suggestable.tsv: food {f[0]} is listed twice");
        }

        return rows;
    }
}
