using System.Globalization;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Planning;
using Magnesia.Tests.Foods;
using Magnesia.Units;

namespace Magnesia.Tests.Planning;

// Plans are checked independently of the solver: every constraint is recomputed from the SR28 values of the foods named,
// and every amount from the SR28 household measure the suggestable table names.
public sealed class FoodPlanTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static FoodPlanRequest Request(double usualMg, PlanMode mode = PlanMode.Add, PlanObjective objective = PlanObjective.Changes, int maxFoods = 3,
        double? kcal = null, double? sodium = null, IReadOnlySet<string>? groups = null, IReadOnlySet<string>? foods = null, Diet diet = Diet.Any,
        IReadOnlyList<DiaryFood>? diary = null, bool allFoods = false) =>
        new(mode, Mass.FromMilligrams(320), Mass.FromMilligrams(usualMg), objective, maxFoods, kcal, sodium, groups, foods ?? None, diet, diary ?? [],
            new Dictionary<string, double>()) { AllFoods = allFoods, TargetName = "RDA" };

    private static FoodPlan Solve(FoodPlanRequest r) => FoodPlanSolver.Solve(r, Sr28.Catalog.Foods);

    private static double Mg(Food f, double grams) => f.MagnesiumPer100g!.Value.Milligrams / 100 * grams;

    private static double Kcal(Food f, double grams) => (f.EnergyKcalPer100g ?? 0) / 100 * grams;

    private static Food Food(string id) => Sr28.Catalog.Find(id)!;

    // One standard portion, recomputed here: the table's multiplier times the grams of the SR28 measure it names.
    private static double PortionGrams(Food food)
    {
        var row = SuggestableFoods.Find(food.Id)!;
        static string F(string t) => t.Replace("0.5 ", "1/2 ", StringComparison.Ordinal).Replace("0.25 ", "1/4 ", StringComparison.Ordinal).Replace("0.75 ", "3/4 ", StringComparison.Ordinal);
        var measure = food.Portions.First(p => F(p.Description) == F(row.Measure) || F(p.Description).StartsWith(F(row.Measure) + " ", StringComparison.Ordinal)
            || F(p.Description).StartsWith(F(row.Measure) + ",", StringComparison.Ordinal) || F(p.Description).StartsWith(F(row.Measure) + "(", StringComparison.Ordinal));
        return row.Multiplier * measure.Grams;
    }

    private static void AssertAddPlanHolds(FoodPlan plan, FoodPlanRequest r)
    {
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        Assert.InRange(plan.Items.Count, 1, r.MaxFoods);
        Assert.True(plan.Items.Sum(i => Mg(i.Food, i.Grams)) >= r.GapMg - 0.5, "the target is reached");
        foreach (var i in plan.Items)
        {
            Assert.True(FoodPlanner.Eligible(i.Food, r), $"{i.Food.Name} is eligible");
            Assert.NotNull(SuggestableFoods.Find(i.Food.Id));
            // Whole or half standard portions, at most two portions.
            var halves = i.Grams / (PortionGrams(i.Food) / 2);
            Assert.True(Math.Abs(halves - Math.Round(halves)) < 0.02 && Math.Round(halves) is >= 1 and <= 4, $"{i.Food.Name}: {i.Grams} g is {halves:0.##} half portions");
            Assert.Equal(Math.Round(halves) / 2, i.PortionQuantity);
        }

        if (r.MaxAddedKcal is { } kcal)
            Assert.True(plan.Items.Sum(i => Kcal(i.Food, i.Grams)) <= kcal + 0.5);
        if (r.MaxAddedSodiumMg is { } na)
            Assert.True(plan.Items.Sum(i => (i.Food.Per100g.Value(Nutrient.Sodium) ?? 0) / 100 * i.Grams) <= na + 0.5);
    }

    [Theory]
    [InlineData(200.0, 3, PlanObjective.Changes)]
    [InlineData(100.0, 3, PlanObjective.Changes)]
    [InlineData(0.0, 3, PlanObjective.Changes)]
    [InlineData(200.0, 3, PlanObjective.Energy)]
    [InlineData(0.0, 5, PlanObjective.Energy)]
    [InlineData(150.0, 1, PlanObjective.Energy)]
    public void Add_ReachesTheTarget_InWholeOrHalfStandardPortions_OfSuggestableFoods(double usual, int maxFoods, PlanObjective objective)
    {
        var r = Request(usual, maxFoods: maxFoods, objective: objective);
        AssertAddPlanHolds(Solve(r), r);
    }

    [Fact]
    public void Add_KeepsTheEnergyAndSodiumBudgets()
    {
        var r = Request(100, kcal: 300, sodium: 100, objective: PlanObjective.Energy);
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
        Assert.All(plan.Items, i => Assert.True(Diets.Allows(diet, i.Food), i.Food.Name));
    }

    [Fact]
    public void Add_RespectsExclusions()
    {
        var first = Solve(Request(100));
        var excluded = first.Items.Select(i => i.Food.Id.Value).ToHashSet();
        var r = Request(100, foods: excluded);
        var second = Solve(r);
        AssertAddPlanHolds(second, r);
        Assert.DoesNotContain(second.Items, i => excluded.Contains(i.Food.Id));
    }

    // Issue 23's findings: raw dock, decaffeinated coffee, hibiscus tea, bottled water and clam liquid were the least-energy
    // picks over every food; none of them is suggestable, so no default plan can name them.
    [Fact]
    public void DefaultCandidates_AreOnlyTheSuggestableFoods()
    {
        var candidates = FoodPlanner.Candidates(Sr28.Catalog.Foods, Request(0, objective: PlanObjective.Energy));
        Assert.Equal(SuggestableFoods.All.Count, candidates.Count);
        Assert.DoesNotContain(candidates, c => c.Food.Name.Contains("Dock", StringComparison.Ordinal) || c.Food.Name.Contains("coffee", StringComparison.OrdinalIgnoreCase)
            || c.Food.Name.Contains("hibiscus", StringComparison.OrdinalIgnoreCase) || c.Food.Name.StartsWith("Beverages, water", StringComparison.Ordinal)
            || c.Food.Name.Contains("clam", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AllFoods_KeepsTheEligibilityRules()
    {
        var r = Request(0, allFoods: true, objective: PlanObjective.Energy);
        var candidates = FoodPlanner.Candidates(Sr28.Catalog.Foods, r);
        Assert.True(candidates.Count > 1_000);
        Assert.DoesNotContain(candidates, c => c.Food.Group.Code is "0300" or "0200" || c.Food.Name.Contains("flour", StringComparison.OrdinalIgnoreCase));
        // Audit 2.2-2.5 (source: SR28 FOOD_DES wording): dried fruit, raw tofu and trail mix stay; raw grains, seed meals and starches go.
        var ids = candidates.Select(c => c.Food.Id.Value).ToHashSet();
        Assert.Contains("09094", ids); // Figs, dried, uncooked
        Assert.Contains("09291", ids); // Plums, dried (prunes), uncooked
        Assert.Contains("16426", ids); // Tofu, raw, firm, prepared with calcium sulfate
        Assert.Contains("19059", ids); // Snacks, trail mix, regular
        foreach (var name in (string[])["Buckwheat", "Sorghum grain", "Semolina, enriched", "Cornstarch", "Seeds, cottonseed meal, partially defatted (glandless)"])
            Assert.DoesNotContain(candidates, c => c.Food.Name == name);
        // Audit 2.9: a food without an energy value is not free under least energy.
        Assert.All(candidates, c => Assert.NotNull(c.Food.EnergyKcalPer100g));
    }

    [Fact]
    public void Add_WithAnEnergyBudgetTooSmall_IsInfeasible_AndSaysWhatWouldDo()
    {
        var plan = Solve(Request(100, kcal: 5, objective: PlanObjective.Energy));
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        Assert.Empty(plan.Items);
        Assert.StartsWith("the 5 kcal energy budget binds: reachable with a ", plan.Reason, StringComparison.Ordinal);
        Assert.Contains("no plan fits these limits: the 5 kcal energy budget binds", plan.Summary, StringComparison.Ordinal);
        var needed = double.Parse(plan.Reason!.Split("with a ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        var r = Request(100, kcal: needed, objective: PlanObjective.Energy);
        AssertAddPlanHolds(Solve(r), r);
    }

    [Fact]
    public void Add_WithNoGap_SaysSoInWords()
    {
        var plan = Solve(Request(400));
        Assert.Equal(PlanStatus.NoGap, plan.Status);
        Assert.Equal("your usual intake is 400 mg a day: you already meet the RDA (320 mg)", plan.Summary);
    }

    [Fact]
    public void Changes_PrefersFoodsAlreadyEaten_AndSaysWhy()
    {
        // Dry-roasted almonds (12063, 1 oz = 28.35 g: 76 mg) are eaten: more of them is the least change.
        var almonds = Food("12063");
        var plan = Solve(Request(260, diary: [new DiaryFood(almonds, 20)]));
        var item = Assert.Single(plan.Items);
        Assert.Equal("12063", item.Food.Id);
        Assert.Equal("you already eat it", item.Why);
        Assert.Equal("1 oz", item.Amount);
        Assert.Equal("almonds, dry roasted", item.Label);
    }

    [Fact]
    public void Changes_PrefersTheFamiliesAlreadyEaten()
    {
        // Walnuts eaten (12155: 45 mg an ounce): the 120 mg gap is closed by another nut rather than a green.
        var plan = Solve(Request(200, diary: [new DiaryFood(Food("12155"), 28.35), new DiaryFood(Food("20045"), 158)]));
        var item = Assert.Single(plan.Items);
        Assert.Equal("nuts-seeds", SuggestableFoods.Find(item.Food.Id)!.Family);
        Assert.True(item.Food.Id == "12155" || item.Why == "another of the nuts and seeds you eat (walnuts)", item.Why);
    }

    [Fact]
    public void Summary_ShowsTheFoodGapBesideTheSupplement()
    {
        // 494 mg with a 200 mg supplement: from food alone 294 mg, 26 mg below the 320 mg RDA.
        var plan = Solve(Request(494) with { Supplements = Mass.FromMilligrams(200) });
        Assert.Equal("with your supplements 494 mg a day, from food alone 294 mg (26 mg below the RDA of 320 mg): you already meet the RDA with them", plan.Summary);
        Assert.Equal(26, plan.FoodGapMg);
    }

    [Fact]
    public void Swap_WhiteRiceAndWhiteBread_GoToWholeGrainsOfTheSameRole_WithinTenPercentOfTheEnergy()
    {
        // White rice (20045) 1 cup a day and white bread (18069) 3 slices: swaps must keep the role and ±10 % energy.
        var diary = new List<DiaryFood> { new(Food("18069"), 87), new(Food("20045"), 158) };
        var r = Request(250, mode: PlanMode.Swap, maxFoods: 2, diary: diary);
        var plan = Solve(r);
        Assert.Equal(PlanStatus.Optimal, plan.Status);
        var gained = 0.0;
        foreach (var i in plan.Items)
        {
            var (eaten, grams) = i.Replaces!.Value;
            Assert.Equal(SwapRoles.Of(eaten), SuggestableFoods.Find(i.Food.Id)!.Role);
            Assert.InRange(Kcal(i.Food, i.Grams), 0.9 * Kcal(eaten, grams) - 0.5, 1.1 * Kcal(eaten, grams) + 0.5);
            gained += Mg(i.Food, i.Grams) - Mg(eaten, grams);
        }

        Assert.Equal("grain", SwapRoles.Of(Food("20045")));
        Assert.Equal("bread", SwapRoles.Of(Food("18069")));
        Assert.True(gained >= r.GapMg - 0.5);
        Assert.Equal(plan.Items.Count, plan.Items.Select(i => i.Replaces!.Value.Food.Id).Distinct().Count());
    }

    [Fact]
    public void Swap_LeavesAFoodWithNoSensibleSwapAlone()
    {
        // Chicken breast (05064) and a raw-rice entry (20044, not a cooked grain) have no role: nothing to swap.
        Assert.Null(SwapRoles.Of(Food("05064")));
        Assert.Null(SwapRoles.Of(Food("20044")));
        var plan = Solve(Request(250, mode: PlanMode.Swap, diary: [new DiaryFood(Food("05064"), 120), new DiaryFood(Food("20044"), 100)]));
        Assert.Equal(PlanStatus.Infeasible, plan.Status);
        Assert.Contains("none of the foods you eat has a richer food of the same kind", plan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1 oz", 1, "1 oz")]
    [InlineData("1 oz", 2, "2 oz")]
    [InlineData("1/2 cup", 3, "1½ cups")]
    [InlineData("1/2 cup", 0.5, "¼ cup")]
    [InlineData("1/2 cup", 2, "1 cup")]
    [InlineData("1 slice", 2, "2 slices")]
    [InlineData("2 tbsp", 1.5, "3 tbsp")]
    [InlineData("5 figs", 0.5, "2½ figs")]
    [InlineData("1 medium", 0.5, "½ medium")]
    public void PortionWords_MultiplyTheLeadingNumber(string words, double quantity, string expected) =>
        Assert.Equal(expected, PortionWords.Times(words, quantity));
}
