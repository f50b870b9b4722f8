using Magnesia.Foods;
using Magnesia.Units;

namespace Magnesia.Planning;

/// <summary>How the food plan closes the gap.</summary>
public enum PlanMode
{
    /// <summary>Foods added to the usual diet.</summary>
    Add,

    /// <summary>Foods the person eats replaced by others of the same group with about the same energy.</summary>
    Swap,
}

/// <summary>What the food plan minimises.</summary>
public enum PlanObjective
{
    /// <summary>Least added energy.</summary>
    Energy,

    /// <summary>Fewest changes: fewest foods, preferring foods already in the diary.</summary>
    Changes,

    /// <summary>Least cost, over foods with a price.</summary>
    Cost,
}

/// <summary>A diet that rules foods out.</summary>
public enum Diet
{
    /// <summary>No restriction.</summary>
    Any,

    /// <summary>No meat, poultry or fish.</summary>
    Vegetarian,

    /// <summary>No animal products.</summary>
    Vegan,
}

/// <summary>The outcome of a plan.</summary>
public enum PlanStatus
{
    /// <summary>The solver found the best plan.</summary>
    Optimal,

    /// <summary>No plan meets every constraint; <see cref="FoodPlan.Reason"/> says which binds.</summary>
    Infeasible,

    /// <summary>Usual intake already meets the target.</summary>
    NoGap,
}

/// <summary>A food the person usually eats, with the mean grams per logged day.</summary>
public sealed record DiaryFood(Food Food, double GramsPerDay);

/// <summary>What the food planner is asked.</summary>
/// <param name="Mode">Add or swap.</param>
/// <param name="Target">The target (EAR or RDA of the life stage; AI for infants).</param>
/// <param name="UsualIntake">Usual magnesium intake (foods and logged supplements).</param>
/// <param name="Objective">What to minimise.</param>
/// <param name="MaxFoods">At most this many foods added or swapped.</param>
/// <param name="MaxAddedKcal">Budget of added energy, kcal; null for none.</param>
/// <param name="MaxAddedSodiumMg">Budget of added sodium, mg; null for none.</param>
/// <param name="ExcludeGroups">Food group codes left out; null for the default exclusions (<c>eligibility.tsv</c>).</param>
/// <param name="ExcludeFoods">NDB numbers left out.</param>
/// <param name="Diet">Diet restriction.</param>
/// <param name="DiaryFoods">Foods the person eats, with usual amounts.</param>
/// <param name="PricePerGram">Prices by NDB number, per gram.</param>
public sealed record FoodPlanRequest(
    PlanMode Mode,
    Mass Target,
    Mass UsualIntake,
    PlanObjective Objective,
    int MaxFoods,
    double? MaxAddedKcal,
    double? MaxAddedSodiumMg,
    IReadOnlySet<string>? ExcludeGroups,
    IReadOnlySet<string> ExcludeFoods,
    Diet Diet,
    IReadOnlyList<DiaryFood> DiaryFoods,
    IReadOnlyDictionary<string, double> PricePerGram)
{
    /// <summary>Target minus usual intake; zero when the target is met.</summary>
    public double GapMg => Math.Max(0, Target.Milligrams - UsualIntake.Milligrams);
}

/// <summary>A food the planner may use, with per-gram values and its largest plausible amount.</summary>
/// <param name="Food">The food.</param>
/// <param name="Portion">The household portion amounts are shown in: the food's largest of at most 250 g.</param>
/// <param name="MaxGrams">At most two portions a day; a food in a plan is at least half a portion (<see cref="MinGrams"/>).</param>
/// <param name="MagnesiumMgPerGram">Magnesium per gram.</param>
/// <param name="KcalPerGram">Energy per gram (0 when missing).</param>
/// <param name="SodiumMgPerGram">Sodium per gram (0 when missing).</param>
/// <param name="PricePerGram">Price per gram, when known.</param>
/// <param name="InDiary">The person already eats it.</param>
public sealed record PlanCandidate(Food Food, FoodPortion Portion, double MaxGrams, double MagnesiumMgPerGram, double KcalPerGram, double SodiumMgPerGram, double? PricePerGram, bool InDiary)
{
    /// <summary>The least amount of a food worth naming in a plan: half a portion.</summary>
    public double MinGrams => Portion.Grams / 2;
}

/// <summary>A swap: a food the person eats, replaced by a candidate.</summary>
/// <param name="Replaced">The food eaten now.</param>
/// <param name="ReplacedGrams">Its usual grams per day.</param>
/// <param name="By">The replacement.</param>
/// <param name="MinGrams">Least grams of the replacement (energy −10 %).</param>
/// <param name="MaxGrams">Most grams of the replacement (energy +10 %, and at most two portions).</param>
public sealed record SwapOption(Food Replaced, double ReplacedGrams, PlanCandidate By, double MinGrams, double MaxGrams);

/// <summary>One food of a plan.</summary>
/// <param name="Food">The food added (or the replacement).</param>
/// <param name="Grams">Grams per day.</param>
/// <param name="Portion">The household portion the amount is shown in.</param>
/// <param name="PortionQuantity">How many of that portion.</param>
/// <param name="MagnesiumMg">Magnesium it adds (for a swap: of the replacement).</param>
/// <param name="EnergyKcal">Energy it adds (for a swap: of the replacement).</param>
/// <param name="Replaces">For a swap, the food replaced and its grams.</param>
public sealed record PlanItem(Food Food, double Grams, FoodPortion Portion, double PortionQuantity, double MagnesiumMg, double EnergyKcal, (Food Food, double Grams)? Replaces);

/// <summary>A food plan.</summary>
/// <param name="Mode">Add or swap.</param>
/// <param name="Target">Target.</param>
/// <param name="UsualIntake">Usual intake.</param>
/// <param name="GapMg">Target minus usual intake.</param>
/// <param name="Status">Outcome.</param>
/// <param name="Items">The foods, most magnesium first.</param>
/// <param name="AddedMagnesiumMg">Magnesium the plan adds (net of replaced foods for swaps).</param>
/// <param name="AddedEnergyKcal">Energy the plan adds (net for swaps).</param>
/// <param name="CalciumToMagnesiumRatio">Calcium over magnesium (mass/mass) of the diet with the plan; null without intake data.</param>
/// <param name="Reason">For an infeasible plan: which constraint binds and what relaxing it would give.</param>
/// <param name="SolveMs">Solver time.</param>
public sealed record FoodPlan(PlanMode Mode, Mass Target, Mass UsualIntake, double GapMg, PlanStatus Status, IReadOnlyList<PlanItem> Items,
    double AddedMagnesiumMg, double AddedEnergyKcal, double? CalciumToMagnesiumRatio, string? Reason, double SolveMs);

/// <summary>
/// The food-gap planner's domain half: which foods are candidates (<c>eligibility.tsv</c>: no baby foods, raw flours,
/// leavening agents, dry mixes or spices as main sources; diets), their bounds (at most two household portions a day),
/// the swap options (same food group, energy within ±10 %), and the plan read back from a solver's amounts. The
/// optimisation itself — a mixed-integer model: amounts x ≥ 0 bounded by the portions, a binary per food with
/// x ≤ bound × binary, at most N binaries, Σ magnesium × x ≥ gap, optional energy and sodium budgets — is solved by
/// a solver library at the edge (<c>Magnesia.Data.Planning.FoodPlanSolver</c>, OR-Tools).
/// </summary>
public static class FoodPlanner
{
    /// <summary>Portions a day a plan may use of one food by default.</summary>
    public const double MaxPortionsPerDay = 2;

    /// <summary>The largest household portion taken as one serving, grams.</summary>
    public const double MaxServingGrams = 250;

    /// <summary>Most foods a plan may name by default.</summary>
    public const int DefaultMaxFoods = 3;

    private static readonly Lazy<Rules> Table = new(LoadRules);

    private sealed record Rules(HashSet<string> DefaultGroups, HashSet<string> DefaultWords, HashSet<(string Group, string Word)> GroupWords,
        HashSet<string> VegetarianGroups, HashSet<string> VegetarianWords, HashSet<string> VeganGroups, HashSet<string> VeganWords);

    /// <summary>The food group codes left out by default.</summary>
    public static IReadOnlySet<string> DefaultExcludedGroups => Table.Value.DefaultGroups;

    /// <summary>Whether a food may be offered under the request's exclusions and diet (ignoring magnesium and portions).</summary>
    public static bool Eligible(Food food, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(request);
        var rules = Table.Value;
        var group = food.Group.Code;
        if (request.ExcludeFoods.Contains(food.Id) || (request.ExcludeGroups ?? rules.DefaultGroups).Contains(group) || food.Manufacturer is not null)
            return false;
        var stems = SearchText.Tokens(food.Name).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        if (stems.Overlaps(rules.DefaultWords) || stems.Any(s => rules.GroupWords.Contains((group, s))))
            return false;
        var plantProtein = group is "1200" or "1600";
        if (request.Diet is Diet.Vegetarian or Diet.Vegan && (rules.VegetarianGroups.Contains(group) || (!plantProtein && stems.Overlaps(rules.VegetarianWords))))
            return false;
        return request.Diet != Diet.Vegan || !(rules.VeganGroups.Contains(group) || (!plantProtein && stems.Overlaps(rules.VeganWords)));
    }

    /// <summary>The foods a plan may add: eligible, with magnesium and a household portion, bounded by two portions a day.</summary>
    public static IReadOnlyList<PlanCandidate> Candidates(IEnumerable<Food> foods, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(foods);
        ArgumentNullException.ThrowIfNull(request);
        var diary = request.DiaryFoods.Select(d => d.Food.Id).ToHashSet();
        var list = new List<PlanCandidate>();
        foreach (var food in foods)
        {
            if (food.MagnesiumPer100g is not { Micrograms: > 0 } mg || food.Portions.Count == 0 || !Eligible(food, request))
                continue;
            double? price = request.PricePerGram.TryGetValue(food.Id, out var p) ? p : null;
            if (request.Objective == PlanObjective.Cost && price is null)
                continue;
            // The largest household portion of a serving's size (at most 250 g): "2 × 1 fl oz" is no way to plan coffee,
            // "2 × 6 fl oz" is, and "2 × 1 quart" of milk or "2 × 1 bunch" of spinach is not one serving.
            var portion = food.Portions.Where(p => p.Grams <= MaxServingGrams).MaxBy(p => p.Grams) ?? food.Portions.MinBy(p => p.Grams)!;
            list.Add(new PlanCandidate(food, portion, MaxPortionsPerDay * portion.Grams, mg.Milligrams / 100,
                (food.EnergyKcalPer100g ?? 0) / 100, (food.Per100g.Value(Nutrient.Sodium) ?? 0) / 100, price, diary.Contains(food.Id)));
        }

        return list;
    }

    /// <summary>
    /// The swaps a plan may make: each diary food replaced by a candidate of the same food group whose amount keeps the
    /// energy within ±10 % of the food it replaces (and within two portions), and which adds magnesium.
    /// </summary>
    public static IReadOnlyList<SwapOption> Swaps(IReadOnlyList<PlanCandidate> candidates, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(request);
        var options = new List<SwapOption>();
        foreach (var eaten in request.DiaryFoods)
        {
            var kcal = (eaten.Food.EnergyKcalPer100g ?? 0) / 100 * eaten.GramsPerDay;
            var mg = (eaten.Food.MagnesiumPer100g?.Milligrams ?? 0) / 100 * eaten.GramsPerDay;
            if (kcal <= 0)
                continue;
            foreach (var c in candidates)
            {
                if (c.Food.Id == eaten.Food.Id || c.Food.Group.Code != eaten.Food.Group.Code || c.KcalPerGram <= 0)
                    continue;
                var min = 0.9 * kcal / c.KcalPerGram;
                var max = Math.Min(1.1 * kcal / c.KcalPerGram, c.MaxGrams);
                if (max >= min && c.MagnesiumMgPerGram * max > mg)
                    options.Add(new SwapOption(eaten.Food, eaten.GramsPerDay, c, min, max));
            }
        }

        return options;
    }

    /// <summary>Reads a solver's amounts back as a plan item (grams rounded to 0.1 g; the portion quantity to 0.01).</summary>
    public static PlanItem Item(PlanCandidate c, double grams, (Food Food, double Grams)? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var g = Math.Round(grams, 1);
        return new PlanItem(c.Food, g, c.Portion, Math.Round(g / c.Portion.Grams, 2), Math.Round(c.MagnesiumMgPerGram * g, 1), Math.Round(c.KcalPerGram * g, 1), replaces);
    }

    private static Rules LoadRules()
    {
        var r = new Rules([], [], [], [], [], [], []);
        foreach (var f in EmbeddedTable.Rows("Magnesia.Planning.Data.eligibility.tsv", 3))
        {
            switch (f[0])
            {
                case "default-group": r.DefaultGroups.Add(f[1]); break;
                case "default-word": r.DefaultWords.Add(SearchText.Stem(f[1])); break;
                case "group-word": r.GroupWords.Add((f[1][..4], SearchText.Stem(f[1][5..]))); break;
                case "vegetarian-group": r.VegetarianGroups.Add(f[1]); break;
                case "vegetarian-word": r.VegetarianWords.Add(SearchText.Stem(f[1])); break;
                case "vegan-group": r.VeganGroups.Add(f[1]); break;
                case "vegan-word": r.VeganWords.Add(SearchText.Stem(f[1])); break;
                default: throw new InvalidDataException($"eligibility.tsv: unknown rule '{f[0]}'");
            }
        }

        return r;
    }
}
