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

    /// <summary>
    /// Least change to the diet (the default): fewest foods, foods already eaten first, then foods of the families
    /// already eaten, then the least added energy.
    /// </summary>
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
    /// <summary>A plan meets the gap.</summary>
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

    /// <summary>Plan over the whole catalogue (eligibility words and groups) instead of the suggestable foods.</summary>
    public bool AllFoods { get; init; }

    /// <summary>Most standard portions of one food a day (default <see cref="FoodPlanner.MaxPortionsPerDay"/>).</summary>
    public int MaxPortions { get; init; } = (int)FoodPlanner.MaxPortionsPerDay;

    /// <summary>Magnesium a day from the logged supplements (already inside <see cref="UsualIntake"/>).</summary>
    public Mass Supplements { get; init; }

    /// <summary>The target's name for people: <c>RDA</c>, <c>EAR</c> or <c>AI</c>.</summary>
    public string TargetName { get; init; } = "target";
}

/// <summary>A food the planner may use, with per-gram values and its largest plausible amount.</summary>
/// <param name="Food">The food.</param>
/// <param name="Portion">The portion amounts are counted in: the suggestable food's standard portion; with every food,
/// the food's largest household measure of at most 250 g.</param>
/// <param name="MaxGrams">At most <see cref="FoodPlanRequest.MaxPortions"/> portions a day; a food in a plan is whole or half portions.</param>
/// <param name="MagnesiumMgPerGram">Magnesium per gram.</param>
/// <param name="KcalPerGram">Energy per gram (0 when missing).</param>
/// <param name="SodiumMgPerGram">Sodium per gram (0 when missing).</param>
/// <param name="PricePerGram">Price per gram, when known.</param>
/// <param name="InDiary">The person already eats it.</param>
public sealed record PlanCandidate(Food Food, FoodPortion Portion, double MaxGrams, double MagnesiumMgPerGram, double KcalPerGram, double SodiumMgPerGram, double? PricePerGram, bool InDiary)
{
    /// <summary>The suggestable-food row, when the food is one.</summary>
    public SuggestableFood? Suggestion { get; init; }

    /// <summary>A diary food of the same family, when the candidate is not eaten itself: "like the almonds you eat".</summary>
    public string? LikeDiaryFood { get; init; }

    /// <summary>What a person calls the food: the suggestable name, else the description.</summary>
    public string Label => Suggestion?.Name ?? Food.Name;
}

/// <summary>A swap: a food the person eats, replaced by a candidate of the same role in whole or half portions.</summary>
/// <param name="Replaced">The food eaten now.</param>
/// <param name="ReplacedGrams">Its usual grams per day.</param>
/// <param name="By">The replacement.</param>
/// <param name="Grams">Grams of the replacement: whole or half portions whose energy is within ±10 % of the food
/// replaced, else the same grams as the food replaced when that is.</param>
public sealed record SwapOption(Food Replaced, double ReplacedGrams, PlanCandidate By, double Grams);

/// <summary>One food of a plan.</summary>
/// <param name="Food">The food added (or the replacement).</param>
/// <param name="Grams">Grams per day.</param>
/// <param name="Portion">The standard portion the amount is counted in.</param>
/// <param name="PortionQuantity">How many of that portion: whole or half portions.</param>
/// <param name="MagnesiumMg">Magnesium it adds (for a swap: of the replacement).</param>
/// <param name="EnergyKcal">Energy it adds (for a swap: of the replacement).</param>
/// <param name="Replaces">For a swap, the food replaced and its grams.</param>
public sealed record PlanItem(Food Food, double Grams, FoodPortion Portion, double PortionQuantity, double MagnesiumMg, double EnergyKcal, (Food Food, double Grams)? Replaces)
{
    /// <summary>What a person calls the food.</summary>
    public string Label { get; init; } = Food.Name;

    /// <summary>Why this food: "you already eat it", "like the almonds you eat", "77 mg in 164 kcal a portion".</summary>
    public string Why { get; init; } = "";

    /// <summary>The amount in household words: <c>1 oz</c>, <c>1½ cups</c>… (<see cref="PortionWords.Times"/>).</summary>
    public string Amount => PortionWords.Times(Portion.Description, PortionQuantity);
}

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
    double AddedMagnesiumMg, double AddedEnergyKcal, double? CalciumToMagnesiumRatio, string? Reason, double SolveMs)
{
    /// <summary>The target's name: <c>RDA</c>, <c>EAR</c> or <c>AI</c>.</summary>
    public string TargetName { get; init; } = "target";

    /// <summary>Magnesium a day from logged supplements, inside <see cref="UsualIntake"/>.</summary>
    public Mass Supplements { get; init; }

    /// <summary>Usual intake from food alone.</summary>
    public Mass FoodIntake => Mass.FromMilligrams(Math.Max(0, UsualIntake.Milligrams - Supplements.Milligrams));

    /// <summary>Target minus food alone; zero when food meets it.</summary>
    public double FoodGapMg => Math.Round(Math.Max(0, Target.Milligrams - FoodIntake.Milligrams), 1);

    /// <summary>The plan in a person's words: what the intake is, what the plan does, or why there is none.</summary>
    public string Summary
    {
        get
        {
            var supplemented = Supplements.Milligrams > 0;
            var intake = supplemented
                ? $"with your supplements {UsualIntake.Milligrams:0} mg a day, from food alone {FoodIntake.Milligrams:0} mg"
                  + (FoodGapMg > 0 ? $" ({FoodGapMg:0} mg below the {TargetName} of {Target.Milligrams:0} mg)" : $" (food alone meets the {TargetName} of {Target.Milligrams:0} mg)")
                : $"your usual intake is {UsualIntake.Milligrams:0} mg a day";
            var target = supplemented ? $"the {TargetName}" : $"the {TargetName} ({Target.Milligrams:0} mg)";
            return Status switch
            {
                PlanStatus.NoGap => $"{intake}: you already meet {target}{(supplemented ? " with them" : "")}",
                PlanStatus.Optimal => $"{intake}; {GapMg:0} mg short of {target}: "
                    + (Mode == PlanMode.Swap ? (Items.Count == 1 ? "1 swap closes" : $"{Items.Count} swaps close") : (Items.Count == 1 ? "1 food closes" : $"{Items.Count} foods close"))
                    + $" the gap (+{AddedMagnesiumMg:0} mg, {AddedEnergyKcal:+0;-0;0} kcal)",
                _ => $"{intake}; {GapMg:0} mg short of {target}: no plan fits these limits: {Reason}",
            };
        }
    }
}

/// <summary>Amounts in household words: a portion's words times a quantity.</summary>
public static class PortionWords
{
    /// <summary>
    /// <paramref name="words"/> (<c>1 oz</c>, <c>1/2 cup</c>, <c>2 tbsp</c>) times <paramref name="quantity"/>: the leading
    /// number is multiplied (<c>1/2 cup</c> × 3 → <c>1½ cups</c>); words without a number read <c>2 × words</c>.
    /// </summary>
    public static string Times(string words, double quantity)
    {
        ArgumentNullException.ThrowIfNull(words);
        var space = words.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? words : words[..space];
        double? n = head.Split('/') is [var p, var q] && double.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && double.TryParse(q, System.Globalization.CultureInfo.InvariantCulture, out var b) && b > 0 ? a / b
            : double.TryParse(head, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : null;
        if (n is not { } number || space < 0)
            return Math.Abs(quantity - 1) < 1e-9 ? words : $"{Number(quantity)} × {words}";
        var total = number * quantity;
        var rest = words[(space + 1)..];
        // "cup" and "slice" take an s above one; "oz", "tbsp" and descriptions in parentheses stay as they are.
        if (total > 1 + 1e-9 && rest is "cup" or "slice" or "muffin" or "tortilla" or "biscuit" or "fruit")
            rest += "s";
        if (total <= 1 + 1e-9 && rest.EndsWith('s') && rest is "cups" or "slices" or "tortillas" or "biscuits" or "crackers" or "figs" or "prunes" or "dates" or "halves")
            rest = rest is "halves" ? "half" : rest[..^1];
        return $"{Number(total)} {rest}";
    }

    /// <summary>A quantity as a person writes it: 2, ½, 1½, ¼, ¾, else to two decimals.</summary>
    public static string Number(double value)
    {
        var whole = Math.Floor(value + 1e-9);
        var frac = value - whole;
        var part = Math.Abs(frac) < 1e-6 ? "" : Math.Abs(frac - 0.5) < 1e-6 ? "½" : Math.Abs(frac - 0.25) < 1e-6 ? "¼" : Math.Abs(frac - 0.75) < 1e-6 ? "¾" : null;
        return part is null ? value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : whole == 0 && part.Length > 0 ? part : $"{whole:0}{part}";
    }
}

/// <summary>
/// The food-gap planner's domain half: which foods are candidates (by default the suggestable foods of
/// <c>suggestable.tsv</c> in their standard portions; with every food, <c>eligibility.tsv</c>: no baby foods, raw
/// flours, leavening agents, dry mixes or spices as main sources), the diets (<c>diets.tsv</c>), their bounds (whole or
/// half portions, at most two portions a day), the swap options (same role, energy within ±10 %), and the plan read back
/// from a solver's amounts. The optimisation itself — a mixed-integer model: half portions h ≥ 0 integer, a binary per
/// food with h ≤ bound × binary, at most N binaries, Σ magnesium × grams ≥ gap, optional energy and sodium budgets — is
/// solved by a solver library at the edge (<c>Magnesia.Data.Planning.FoodPlanSolver</c>, OR-Tools).
/// </summary>
public static class FoodPlanner
{
    /// <summary>Portions a day a plan may use of one food by default.</summary>
    public const double MaxPortionsPerDay = 2;

    /// <summary>The largest household portion taken as one serving with every food (<c>--all-foods</c>), grams.</summary>
    public const double MaxServingGrams = 250;

    /// <summary>Most foods a plan may name by default.</summary>
    public const int DefaultMaxFoods = 3;

    private static readonly Lazy<Rules> Table = new(LoadRules);

    private sealed record Rules(HashSet<string> DefaultGroups, HashSet<string> DefaultWords, HashSet<(string Group, string Word)> GroupWords,
        HashSet<string> KeepWords, Dictionary<string, string> GroupRequires);

    /// <summary>The food group codes left out by default (with every food).</summary>
    public static IReadOnlySet<string> DefaultExcludedGroups => Table.Value.DefaultGroups;

    /// <summary>Whether a food may be offered under the request's exclusions and diet (ignoring magnesium and portions).</summary>
    public static bool Eligible(Food food, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(food);
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExcludeFoods.Contains(food.Id) || (request.ExcludeGroups?.Contains(food.Group.Code) ?? false) || !Diets.Allows(request.Diet, food))
            return false;
        if (!request.AllFoods)
            return SuggestableFoods.Find(food.Id) is not null;
        var rules = Table.Value;
        var group = food.Group.Code;
        if ((request.ExcludeGroups ?? rules.DefaultGroups).Contains(group) || food.Manufacturer is not null)
            return false;
        var stems = SearchText.Tokens(food.Name).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        if (rules.GroupRequires.TryGetValue(group, out var needed) && !stems.Contains(needed))
            return false;
        return stems.Overlaps(rules.KeepWords) || (!stems.Overlaps(rules.DefaultWords) && !stems.Any(s => rules.GroupWords.Contains((group, s))));
    }

    /// <summary>The foods a plan may add: eligible, with magnesium and a portion, bounded by <see cref="FoodPlanRequest.MaxPortions"/> a day.</summary>
    public static IReadOnlyList<PlanCandidate> Candidates(IEnumerable<Food> foods, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(foods);
        ArgumentNullException.ThrowIfNull(request);
        var diary = request.DiaryFoods.Select(d => d.Food.Id).ToHashSet();
        // The families the person already eats, and one food of each to name: "like the almonds you eat".
        var eatenFamilies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in request.DiaryFoods.OrderByDescending(d => d.GramsPerDay))
        {
            if (SuggestableFoods.Find(d.Food.Id) is { } row)
                eatenFamilies.TryAdd(row.Family, row.Name);
        }

        var list = new List<PlanCandidate>();
        foreach (var food in foods)
        {
            if (food.MagnesiumPer100g is not { Micrograms: > 0 } mg || food.Portions.Count == 0 || !Eligible(food, request))
                continue;
            // Least energy needs an energy value: a food without one would count as free (audit 2.9).
            if (request.Objective == PlanObjective.Energy && food.EnergyKcalPer100g is null)
                continue;
            double? price = request.PricePerGram.TryGetValue(food.Id, out var p) ? p : null;
            if (request.Objective == PlanObjective.Cost && price is null)
                continue;
            var row = SuggestableFoods.Find(food.Id);
            // The standard portion of a suggestable food; with every food, the largest household portion of a serving's
            // size (at most 250 g): "2 × 1 quart" of milk or "2 × 1 bunch" of spinach is not one serving.
            var portion = (request.AllFoods ? null : row?.PortionOf(food))
                ?? food.Portions.Where(p => p.Grams <= MaxServingGrams).MaxBy(p => p.Grams) ?? food.Portions.MinBy(p => p.Grams)!;
            var inDiary = diary.Contains(food.Id);
            list.Add(new PlanCandidate(food, portion, request.MaxPortions * portion.Grams, mg.Milligrams / 100,
                (food.EnergyKcalPer100g ?? 0) / 100, (food.Per100g.Value(Nutrient.Sodium) ?? 0) / 100, price, inDiary)
            {
                Suggestion = row,
                LikeDiaryFood = !inDiary && row is not null && eatenFamilies.TryGetValue(row.Family, out var like) ? like : null,
            });
        }

        return list;
    }

    /// <summary>
    /// The swaps a plan may make: each diary food with a role (<see cref="SwapRoles"/>) replaced by a candidate of the
    /// same role — white rice by brown rice, quinoa or bulgur; white bread by whole-wheat — in whole or half portions whose
    /// energy is within ±10 % of the food replaced (else the same grams, when that is within ±10 %), adding magnesium. A
    /// food with no role (a mixed dish, a raw ingredient) is left alone.
    /// </summary>
    public static IReadOnlyList<SwapOption> Swaps(IReadOnlyList<PlanCandidate> candidates, FoodPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(request);
        var options = new List<SwapOption>();
        // Each candidate's role once, not once per food eaten (with every food, a regex pass per candidate).
        var roles = candidates.Select(c => c.Suggestion?.Role ?? SwapRoles.Of(c.Food)).ToArray();
        foreach (var eaten in request.DiaryFoods)
        {
            var kcal = (eaten.Food.EnergyKcalPer100g ?? 0) / 100 * eaten.GramsPerDay;
            var mg = (eaten.Food.MagnesiumPer100g?.Milligrams ?? 0) / 100 * eaten.GramsPerDay;
            if (kcal <= 0 || SwapRoles.Of(eaten.Food) is not { } role)
                continue;
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                if (c.Food.Id == eaten.Food.Id || c.KcalPerGram <= 0 || roles[i] != role)
                    continue;
                bool Fits(double g) => c.KcalPerGram * g >= 0.9 * kcal - 1e-9 && c.KcalPerGram * g <= 1.1 * kcal + 1e-9;
                var half = c.Portion.Grams / 2;
                var steps = Enumerable.Range(1, 2 * request.MaxPortions).Select(k => k * half).Where(Fits).ToList();
                if (steps.Count == 0 && Fits(eaten.GramsPerDay) && eaten.GramsPerDay <= c.MaxGrams)
                    steps.Add(eaten.GramsPerDay);
                foreach (var g in steps.Where(g => c.MagnesiumMgPerGram * g > mg))
                    options.Add(new SwapOption(eaten.Food, eaten.GramsPerDay, c, g));
            }
        }

        return options;
    }

    /// <summary>Reads a solver's amount back as a plan item (grams rounded to 0.1 g; the portion quantity to the half).</summary>
    public static PlanItem Item(PlanCandidate c, double grams, (Food Food, double Grams)? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        var g = Math.Round(grams, 1);
        var mg = Math.Round(c.MagnesiumMgPerGram * g, 1);
        var kcal = Math.Round(c.KcalPerGram * g, 1);
        var why = replaces is { } r
            ? $"the same kind of food as {r.Food.Name.ToLowerInvariant()}, about the same energy, {mg - (r.Food.MagnesiumPer100g?.Milligrams ?? 0) / 100 * r.Grams:+0;-0} mg"
            : c.InDiary ? "you already eat it"
            : c.LikeDiaryFood is { } like ? $"another of the {SuggestableFoods.FamilyWords(c.Suggestion!.Family)} you eat ({like})"
            : $"{c.MagnesiumMgPerGram * c.Portion.Grams:0} mg in {c.KcalPerGram * c.Portion.Grams:0} kcal a portion";
        return new PlanItem(c.Food, g, c.Portion, Math.Round(2 * g / c.Portion.Grams, MidpointRounding.AwayFromZero) / 2, mg, kcal, replaces) { Label = c.Label, Why = why };
    }

    private static Rules LoadRules()
    {
        var r = new Rules([], [], [], [], new(StringComparer.Ordinal));
        foreach (var f in EmbeddedTable.Rows("Magnesia.Planning.Data.eligibility.tsv", 3))
        {
            switch (f[0])
            {
                case "default-group": r.DefaultGroups.Add(f[1]); break;
                case "default-word": r.DefaultWords.Add(SearchText.Stem(f[1])); break;
                case "group-word": r.GroupWords.Add((f[1][..4], SearchText.Stem(f[1][5..]))); break;
                case "keep-word": r.KeepWords.Add(SearchText.Stem(f[1])); break;
                case "group-requires": r.GroupRequires[f[1][..4]] = SearchText.Stem(f[1][5..]); break;
                default: throw new InvalidDataException($"eligibility.tsv: unknown rule '{f[0]}'");
            }
        }

        return r;
    }
}
