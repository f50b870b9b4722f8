using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Planning;
using Magnesia.Tests.Foods;
using Magnesia.Units;

namespace Magnesia.Tests.Planning;

// Plans are checked independently of the solver: every constraint is recomputed from the SR28 values of the foods named.
public sealed class FoodPlanTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static FoodPlanRequest Request(double usualMg, PlanMode mode = PlanMode.Add, PlanObjective objective = PlanObjective.Energy, int maxFoods = 3,
        double? kcal = null, double? sodium = null, IReadOnlySet<string>? groups = null, IReadOnlySet<string>? foods = null, Diet diet = Diet.Any,
        IReadOnlyList<DiaryFood>? diary = null) =>
        new(mode, Mass.FromMilligrams(320), Mass.FromMilligrams(usualMg), objective, maxFoods, kcal, sodium, groups, foods ?? None, diet, diary ?? [],
            new Dictionary<string, double>());

    private static FoodPlan Solve(FoodPlanRequest r) => FoodPlanSolver.Solve(r, Sr28.Catalog.Foods);

    private static double Mg(Food f, double grams) => f.MagnesiumPer100g!.Value.Milligrams / 100 * grams;

    private static double Kcal(Food f, double grams) => (f.EnergyKcalPer100g ?? 0) / 100 * grams;

    private static void AssertAddPlanHolds(FoodPlan plan, FoodPlanRequest r)
    {
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.InRange(plan.Items.Count, 1, r.MaxFoods);
        Assert.True(plan.Items.Sum(i => Mg(i.Food, i.Grams)) >= r.GapMg - 0.5, "the target is reached");
        foreach (var i in plan.Items)
        {
            var largest = i.Food.Portions.Where(p => p.Grams <= FoodPlanner.MaxServingGrams).Select(p => p.Grams).DefaultIfEmpty(i.Food.Portions.Min(p => p.Grams)).Max();
            Assert.InRange(i.Grams, largest / 2 - 0.1, FoodPlanner.MaxPortionsPerDay * largest + 0.1);
            Assert.True(FoodPlanner.Eligible(i.Food, r), $"{i.Food.Name} is eligible");
        }

        if (r.MaxAddedKcal is { } kcal)
            Assert.True(plan.Items.Sum(i => Kcal(i.Food, i.Grams)) <= kcal + 0.5);
        if (r.MaxAddedSodiumMg is { } na)
            Assert.True(plan.Items.Sum(i => (i.Food.Per100g.Value(Nutrient.Sodium) ?? 0) / 100 * i.Grams) <= na + 0.5);
    }

    [Theory]
    [InlineData(200.0, 3)]
    [InlineData(100.0, 3)]
    [InlineData(0.0, 1)]
    [InlineData(0.0, 5)]
    public void Add_ReachesTheTargetWithinEveryBound(double usual, int maxFoods)
    {
        var r = Request(usual, maxFoods: maxFoods);
        AssertAddPlanHolds(Solve(r), r);
    }

    [Fact]
    public void Add_KeepsTheEnergyAndSodiumBudgets()
    {
        var r = Request(100, kcal: 150, sodium: 50);
        AssertAddPlanHolds(Solve(r), r);
    }

    [Theory]
    [InlineData(Diet.Vegetarian)]
    [InlineData(Diet.Vegan)]
    public void Add_RespectsTheDiet(Diet diet)
    {
        var r = Request(50, diet: diet, maxFoods: 4);
        var plan = Solve(r);
        AssertAddPlanHolds(plan, r);
        Assert.DoesNotContain(plan.Items, i => i.Food.Group.Code is "0500" or "0700" or "1000" or "1300" or "1500" or "1700");
        if (diet == Diet.Vegan)
            Assert.DoesNotContain(plan.Items, i => i.Food.Group.Code == "0100");
    }

    [Fact]
    public void Add_RespectsExclusions()
    {
        var first = Solve(Request(100));
        var excluded = first.Items.Select(i => i.Food.Id.Value).ToHashSet();
        var groups = new HashSet<string>(FoodPlanner.DefaultExcludedGroups) { first.Items[0].Food.Group.Code };
        var r = Request(100, foods: excluded, groups: groups);
        var second = Solve(r);
        AssertAddPlanHolds(second, r);
        Assert.DoesNotContain(second.Items, i => excluded.Contains(i.Food.Id) || groups.Contains(i.Food.Group.Code));
    }

    [Fact]
    public void Add_NeverOffersBabyFoodsFloursOrSpices() =>
        Assert.DoesNotContain(FoodPlanner.Candidates(Sr28.Catalog.Foods, Request(0)), c =>
            c.Food.Group.Code is "0300" or "0200" || c.Food.Name.Contains("flour", StringComparison.OrdinalIgnoreCase) || c.Food.Name.Contains("Leavening", StringComparison.Ordinal));

    [Fact]
    public void Add_WithAnEnergyBudgetTooSmall_IsInfeasible_AndSaysWhatWouldDo()
    {
        var plan = Solve(Request(100, kcal: 5));
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        Assert.Empty(plan.Items);
        Assert.StartsWith("the 5 kcal energy budget binds: reachable with a ", plan.Reason, StringComparison.Ordinal);
        // The budget it names is enough: a plan within it exists and adds no less than the gap.
        var needed = double.Parse(plan.Reason!.Split("with a ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var r = Request(100, kcal: needed);
        AssertAddPlanHolds(Solve(r), r);
    }

    [Fact]
    public void Add_WhenTheFoodsCannotReachTheGap_SaysSo()
    {
        // Only dairy and eggs (0100) left in, one food: none gives 320 mg in two portions (milk: 2 cups ≈ 59 mg).
        var groups = FoodGroups.All.Select(g => g.Code).Where(c => c != "0100").ToHashSet();
        var plan = Solve(Request(0, maxFoods: 1, groups: groups));
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        Assert.Contains("at most 1 foods binds", plan.Reason, StringComparison.Ordinal);
        var candidates = FoodPlanner.Candidates(Sr28.Catalog.Foods, Request(0, groups: groups));
        Assert.True(candidates.Max(c => c.MagnesiumMgPerGram * c.MaxGrams) < 320);
    }

    [Fact]
    public void Add_WithNoGap_SaysNoGap() => Assert.Equal(PlanStatus.NoGap, Solve(Request(400)).Status);

    [Fact]
    public void Changes_PrefersFoodsAlreadyInTheDiary()
    {
        // Almonds (12061: 270 mg/100 g; 2 × 1 cup whole 143 g = 772 mg possible) are eaten: a single change of amount.
        var almonds = Sr28.Catalog.Find("12061")!;
        var plan = Solve(Request(200, objective: PlanObjective.Changes, maxFoods: 3, diary: [new DiaryFood(almonds, 20)]));
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.Equal("12061", Assert.Single(plan.Items).Food.Id);
    }

    [Fact]
    public void Swap_ReplacesWithTheSameGroup_WithinTenPercentOfTheEnergy()
    {
        // White bread (18069) and white rice (20045) eaten daily; swaps must stay in group and within ±10 % energy.
        var diary = new List<DiaryFood> { new(Sr28.Catalog.Find("18069")!, 100), new(Sr28.Catalog.Find("20045")!, 300) };
        var r = Request(250, mode: PlanMode.Swap, maxFoods: 2, diary: diary);
        var plan = Solve(r);
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        var gained = 0.0;
        foreach (var i in plan.Items)
        {
            var (eaten, grams) = i.Replaces!.Value;
            Assert.Equal(eaten.Group.Code, i.Food.Group.Code);
            Assert.InRange(Kcal(i.Food, i.Grams), 0.9 * Kcal(eaten, grams) - 0.5, 1.1 * Kcal(eaten, grams) + 0.5);
            gained += Mg(i.Food, i.Grams) - Mg(eaten, grams);
        }

        Assert.True(gained >= r.GapMg - 0.5);
        Assert.True(plan.Items.Select(i => i.Replaces!.Value.Food.Id).Distinct().Count() == plan.Items.Count, "one swap per food eaten");
    }
}
