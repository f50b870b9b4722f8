using Magnesia.Foods;
using Magnesia.Inputs;

namespace Magnesia.Planning;

/// <summary>Which reference a plan aims at.</summary>
public enum PlanTarget
{
    /// <summary>The EAR of today's life stage (the AI for infants).</summary>
    Ear,

    /// <summary>The RDA of today's life stage (the AI for infants).</summary>
    Rda,
}

/// <summary>The accepted ranges of the planners' number inputs, shared by both plans and the product comparison.</summary>
public static class PlanLimits
{
    /// <summary>A usual magnesium intake typed instead of the diary, mg/day.</summary>
    public static NumberRange UsualIntakeMgRange { get; } = new(0, 100_000, "mg/day");

    /// <summary>How many foods a plan may hold.</summary>
    public static NumberRange MaxFoodsRange { get; } = new(1, 20);

    /// <summary>An added-energy budget, kcal.</summary>
    public static NumberRange MaxAddedKcalRange { get; } = new(0, 10_000, "kcal");

    /// <summary>An added-sodium limit, mg.</summary>
    public static NumberRange MaxAddedSodiumMgRange { get; } = new(0, 100_000, "mg");

    /// <summary>Standard portions of one food a day.</summary>
    public static NumberRange MaxPortionsRange { get; } = new(1, 3);
}

/// <summary>A field of <see cref="FoodPlanInput"/>.</summary>
public enum FoodPlanField
{
    /// <summary>Add or swap.</summary>
    Mode,

    /// <summary>RDA or EAR.</summary>
    Target,

    /// <summary>Usual intake typed instead of the diary.</summary>
    IntakeMg,

    /// <summary>The diary window.</summary>
    From,

    /// <summary>Least energy, fewest changes or least cost.</summary>
    Objective,

    /// <summary>At most this many foods.</summary>
    MaxFoods,

    /// <summary>Added energy budget.</summary>
    MaxAddedKcal,

    /// <summary>Added sodium limit.</summary>
    MaxAddedSodiumMg,

    /// <summary>Food groups left out.</summary>
    ExcludeGroups,

    /// <summary>Foods left out.</summary>
    ExcludeFoods,

    /// <summary>Vegetarian or vegan.</summary>
    Diet,

    /// <summary>Standard portions of one food a day.</summary>
    MaxPortions,
}

/// <summary>The food plan's options as a person gives them; null means the default.</summary>
/// <param name="Mode">Add (default) or swap.</param>
/// <param name="Target">RDA (default) or EAR.</param>
/// <param name="IntakeMg">Usual intake, mg/day, instead of the diary.</param>
/// <param name="WindowGiven">Whether a diary window was given (it excludes <paramref name="IntakeMg"/>).</param>
/// <param name="Objective">Changes (default: least change to the diet), energy or cost.</param>
/// <param name="MaxFoods">At most this many foods (default <see cref="FoodPlanner.DefaultMaxFoods"/>).</param>
/// <param name="MaxAddedKcal">Added energy budget, kcal.</param>
/// <param name="MaxAddedSodiumMg">Added sodium limit, mg.</param>
/// <param name="ExcludeGroups">Food group codes or names to leave out (replaces the default exclusions).</param>
/// <param name="ExcludeFoods">Food ids to leave out.</param>
/// <param name="Diet">Any (default), vegetarian or vegan.</param>
/// <param name="AllFoods">Plan over the whole catalogue instead of the suggestable foods.</param>
/// <param name="MaxPortions">Standard portions of one food a day (default 2).</param>
public sealed record FoodPlanInput(
    PlanMode? Mode = null, PlanTarget? Target = null, double? IntakeMg = null, bool WindowGiven = false, PlanObjective? Objective = null,
    int? MaxFoods = null, double? MaxAddedKcal = null, double? MaxAddedSodiumMg = null,
    IReadOnlyList<string>? ExcludeGroups = null, IReadOnlyList<string>? ExcludeFoods = null, Diet? Diet = null, bool AllFoods = false, int? MaxPortions = null)
{
    /// <summary>Every problem; empty when the plan may run.</summary>
    public IReadOnlyList<InputProblem<FoodPlanField>> Validate()
    {
        var problems = new InputProblems<FoodPlanField>();
        if (IntakeMg is not null && WindowGiven)
            problems.Add(FoodPlanField.IntakeMg, ": give it or a diary window ({From}), not both");
        problems.Range(FoodPlanField.IntakeMg, IntakeMg, PlanLimits.UsualIntakeMgRange);
        problems.Range(FoodPlanField.MaxFoods, MaxFoods, PlanLimits.MaxFoodsRange);
        problems.Range(FoodPlanField.MaxAddedKcal, MaxAddedKcal, PlanLimits.MaxAddedKcalRange);
        problems.Range(FoodPlanField.MaxAddedSodiumMg, MaxAddedSodiumMg, PlanLimits.MaxAddedSodiumMgRange);
        problems.Range(FoodPlanField.MaxPortions, MaxPortions, PlanLimits.MaxPortionsRange);
        foreach (var g in (ExcludeGroups ?? []).Where(g => FoodGroups.Resolve(g) is null))
            problems.Add(FoodPlanField.ExcludeGroups, $": unknown food group '{g}' (codes such as 0100, 1900)");
        foreach (var n in (ExcludeFoods ?? []).Where(n => !FoodId.TryParse(n, out _)))
            problems.Add(FoodPlanField.ExcludeFoods, $": '{n}' is not a food id ({FoodId.Forms})");
        return problems;
    }

    /// <summary>The group codes left out, or null for the planner's default exclusions.</summary>
    public IReadOnlySet<string>? ExcludedGroupCodes() =>
        ExcludeGroups is null ? null : ExcludeGroups.Select(g => FoodGroups.Resolve(g)!.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The food ids left out, normalised.</summary>
    public IReadOnlySet<string> ExcludedFoodIds() =>
        (ExcludeFoods ?? []).Select(n => FoodId.Parse(n).Value).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The quantities a food price may be given for, and the price per gram it implies.</summary>
public static class FoodPrices
{
    /// <summary>The accepted quantities, as typed: <c>100g</c>, <c>kg</c>, <c>lb</c>.</summary>
    public static IReadOnlyList<string> Quantities { get; } = ["100g", "kg", "lb"];

    /// <summary>Grams in a quantity (453.59237 g to the avoirdupois pound); null when it is not one of <see cref="Quantities"/>.</summary>
    public static double? GramsPer(string? per) => per switch
    {
        "100g" => 100,
        "kg" => 1_000,
        "lb" => Intake.Amounts.GramsPerPound,
        _ => null,
    };

    /// <summary>The price per gram of a price for a quantity.</summary>
    /// <exception cref="ArgumentException">When <paramref name="per"/> is not one of <see cref="Quantities"/>.</exception>
    public static double PerGram(double price, string per) =>
        price / (GramsPer(per) ?? throw new ArgumentException($"a price is per {string.Join(", ", Quantities)}, not '{per}'", nameof(per)));
}
