using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Magnesia.Foods;
using Magnesia.Planning;

namespace Magnesia.Data.Planning;

/// <summary>
/// Solves the food planner's model (<see cref="FoodPlanner"/>) with OR-Tools' SCIP: a mixed-integer program, because
/// "at most N foods" needs a binary per food. Over all eligible foods the integer model would carry thousands of
/// binaries, so it is solved over a pool: the foods best on the objective (most magnesium per kcal, per price, or per
/// food) and the foods that can add the most magnesium on their own, plus every diary food — a food outside both lists is
/// beaten on both counts by many inside them.
/// </summary>
public static class FoodPlanSolver
{
    /// <summary>Foods taken from each ranking into the integer model.</summary>
    public const int PoolPerRanking = 120;

    /// <summary>Swap options kept per diary food (most magnesium gained first).</summary>
    public const int SwapsPerFood = 40;

    /// <summary>Plans over <paramref name="foods"/>; <paramref name="poolPerRanking"/> sets the pool (the benchmark compares it with all foods).</summary>
    public static FoodPlan Solve(FoodPlanRequest request, IReadOnlyList<Food> foods, int poolPerRanking = PoolPerRanking)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(foods);
        var clock = Stopwatch.StartNew();
        if (request.GapMg <= 0)
            return new FoodPlan(request.Mode, request.Target, request.UsualIntake, 0, PlanStatus.NoGap, [], 0, 0, null, null, 0)
                { TargetName = request.TargetName, Supplements = request.Supplements };
        var candidates = FoodPlanner.Candidates(foods, request);
        var plan = request.Mode == PlanMode.Add ? SolveAdd(request, candidates, poolPerRanking) : SolveSwap(request, candidates);
        return plan with { SolveMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1) };
    }

    private static FoodPlan SolveAdd(FoodPlanRequest request, IReadOnlyList<PlanCandidate> candidates, int poolPerRanking)
    {
        var pool = Pool(request, candidates, poolPerRanking);
        var (status, amounts) = SolveAddModel(request, pool, request.MaxFoods, request.MaxAddedKcal, request.MaxAddedSodiumMg, request.Objective);
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
        {
            var items = pool.Select((c, i) => (c, g: amounts[i])).Where(p => p.g > 0.05)
                .Select(p => FoodPlanner.Item(p.c, p.g)).OrderByDescending(i => i.MagnesiumMg).ToList();
            return Plan(request, PlanStatus.Optimal, items, null);
        }

        return Plan(request, PlanStatus.Infeasible, [], status == Solver.ResultStatus.INFEASIBLE
            ? WhyInfeasible(request, pool)
            : $"the solver found no plan within its {TimeLimitMs / 1000} s limit ({status})");
    }

    /// <summary>The solver's time limit per model.</summary>
    public const int TimeLimitMs = 5_000;

    // The binding constraint: the food count, the energy budget, the sodium budget, or the foods themselves.
    private static string WhyInfeasible(FoodPlanRequest request, IReadOnlyList<PlanCandidate> pool)
    {
        var gap = request.GapMg;
        var reachable = pool.Sum(c => c.MagnesiumMgPerGram * c.MaxGrams);
        if (reachable < gap)
            return $"the foods allowed cannot add {gap:0} mg at {request.MaxPortions} portions a day each (at most {reachable:0} mg): allow more foods (fewer exclusions, --all-foods) or plan a supplement for the rest";
        var best = pool.Select(c => c.MagnesiumMgPerGram * c.MaxGrams).OrderByDescending(m => m).ToList();
        var withN = best.Take(request.MaxFoods).Sum();
        if (withN < gap)
        {
            // The fewest foods whose most magnesium reaches the gap (the richest first).
            var needed = 0;
            for (var sum = 0.0; needed < best.Count && sum < gap; needed++)
                sum += best[needed];

            return $"at most {request.MaxFoods} foods binds: the richest {request.MaxFoods} add at most {withN:0} mg of the {gap:0} mg gap; reachable with {needed} foods";
        }

        if (request.MaxAddedKcal is { } kcal)
        {
            var (s, x) = SolveAddModel(request, pool, request.MaxFoods, null, request.MaxAddedSodiumMg, PlanObjective.Energy);
            if (s is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
            {
                var needed = pool.Select((c, i) => c.KcalPerGram * x[i]).Sum();
                return $"the {kcal:0} kcal energy budget binds: reachable with a {Math.Ceiling(needed):0} kcal budget";
            }
        }

        if (request.MaxAddedSodiumMg is { } sodium)
            return $"the {sodium:0} mg sodium limit binds: no {request.MaxFoods} foods add {gap:0} mg magnesium within it; raise the limit";
        return "no combination of the eligible foods meets every constraint";
    }

    private static (Solver.ResultStatus Status, double[] Grams) SolveAddModel(
        FoodPlanRequest request, IReadOnlyList<PlanCandidate> pool, int maxFoods, double? maxKcal, double? maxSodium, PlanObjective objective)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP is not available");
        var x = new Variable[pool.Count];
        var y = new Variable[pool.Count];
        var magnesium = solver.MakeConstraint(request.GapMg, double.PositiveInfinity, "magnesium");
        var count = solver.MakeConstraint(0, maxFoods, "foods");
        var energy = maxKcal is { } k ? solver.MakeConstraint(0, k, "energy") : null;
        var sodium = maxSodium is { } na ? solver.MakeConstraint(0, na, "sodium") : null;
        var goal = solver.Objective();
        var halves = 2 * request.MaxPortions;
        for (var i = 0; i < pool.Count; i++)
        {
            var c = pool[i];
            // h half portions (0 … 2 × portions a day): amounts are whole or half portions, never "0.61 ×".
            var half = c.Portion.Grams / 2;
            x[i] = solver.MakeIntVar(0, halves, $"h{i}");
            y[i] = solver.MakeBoolVar($"y{i}");
            var link = solver.MakeConstraint(double.NegativeInfinity, 0, $"link{i}");
            link.SetCoefficient(x[i], 1);
            link.SetCoefficient(y[i], -halves);
            var least = solver.MakeConstraint(0, double.PositiveInfinity, $"least{i}"); // chosen: at least half a portion
            least.SetCoefficient(x[i], 1);
            least.SetCoefficient(y[i], -1);
            magnesium.SetCoefficient(x[i], c.MagnesiumMgPerGram * half);
            count.SetCoefficient(y[i], 1);
            energy?.SetCoefficient(x[i], c.KcalPerGram * half);
            sodium?.SetCoefficient(x[i], c.SodiumMgPerGram * half);
            switch (objective)
            {
                case PlanObjective.Energy:
                    goal.SetCoefficient(x[i], c.KcalPerGram * half);
                    goal.SetCoefficient(y[i], 1); // a food costs as much as 1 kcal: of equal plans, fewer foods
                    break;
                case PlanObjective.Changes:
                    // Least change: a food already eaten is half a change, one of a family already eaten three quarters;
                    // then the least energy.
                    goal.SetCoefficient(y[i], c.InDiary ? 1000 : c.LikeDiaryFood is not null ? 1500 : 2000);
                    goal.SetCoefficient(x[i], c.KcalPerGram * half);
                    break;
                default:
                    goal.SetCoefficient(x[i], (c.PricePerGram ?? 0) * half);
                    goal.SetCoefficient(y[i], 1e-4);
                    break;
            }
        }

        goal.SetMinimization();
        solver.SetTimeLimit(TimeLimitMs);
        var status = solver.Solve();
        return (status, status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE
            ? [.. x.Select((v, i) => Math.Round(v.SolutionValue()) * pool[i].Portion.Grams / 2)] : []);
    }

    private static FoodPlan SolveSwap(FoodPlanRequest request, IReadOnlyList<PlanCandidate> candidates)
    {
        var options = FoodPlanner.Swaps(candidates, request)
            .GroupBy(o => o.Replaced.Id)
            .SelectMany(g => g.OrderByDescending(o => o.By.MagnesiumMgPerGram * o.Grams).Take(SwapsPerFood))
            .ToList();
        if (options.Count == 0)
            return Plan(request, PlanStatus.Infeasible, [], request.DiaryFoods.Count == 0
                ? "nothing to swap: no foods are known for the window (a typed usual intake has none; log a few days, or add foods instead)"
                : "none of the foods you eat has a richer food of the same kind (cooked grain for cooked grain, bread for bread) within ±10 % of its energy");
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP is not available");
        var z = new Variable[options.Count];
        var magnesium = solver.MakeConstraint(request.GapMg, double.PositiveInfinity, "magnesium");
        var count = solver.MakeConstraint(0, request.MaxFoods, "swaps");
        var perFood = options.Select(o => o.Replaced.Id).Distinct().ToDictionary(n => n, n => solver.MakeConstraint(0, 1, $"one-swap-{n}"));
        var sodium = request.MaxAddedSodiumMg is { } na ? solver.MakeConstraint(double.NegativeInfinity, na, "sodium") : null;
        var goal = solver.Objective();
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var eatenMg = (o.Replaced.MagnesiumPer100g?.Milligrams ?? 0) / 100 * o.ReplacedGrams;
            var eatenKcal = (o.Replaced.EnergyKcalPer100g ?? 0) / 100 * o.ReplacedGrams;
            var eatenNa = (o.Replaced.Per100g.Value(Nutrient.Sodium) ?? 0) / 100 * o.ReplacedGrams;
            z[i] = solver.MakeBoolVar($"z{i}");
            magnesium.SetCoefficient(z[i], o.By.MagnesiumMgPerGram * o.Grams - eatenMg);
            count.SetCoefficient(z[i], 1);
            perFood[o.Replaced.Id].SetCoefficient(z[i], 1);
            sodium?.SetCoefficient(z[i], o.By.SodiumMgPerGram * o.Grams - eatenNa);
            // Fewest swaps first, then least added energy.
            goal.SetCoefficient(z[i], (request.Objective == PlanObjective.Energy ? 1 : 1000) + o.By.KcalPerGram * o.Grams - eatenKcal);
        }

        goal.SetMinimization();
        solver.SetTimeLimit(TimeLimitMs);
        var status = solver.Solve();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            var most = options.GroupBy(o => o.Replaced.Id)
                .Select(g => g.Max(o => o.By.MagnesiumMgPerGram * o.Grams - (o.Replaced.MagnesiumPer100g?.Milligrams ?? 0) / 100 * o.ReplacedGrams))
                .OrderByDescending(m => m).Take(request.MaxFoods).Sum();
            return Plan(request, PlanStatus.Infeasible, [], $"swaps like for like within ±10 % energy add at most {most:0} mg of the {request.GapMg:0} mg gap with {request.MaxFoods} swaps: add foods instead (--mode add) or allow more swaps");
        }

        var items = options.Select((o, i) => (o, on: z[i].SolutionValue() > 0.5)).Where(p => p.on)
            .Select(p => FoodPlanner.Item(p.o.By, p.o.Grams, (p.o.Replaced, Math.Round(p.o.ReplacedGrams, 1))))
            .OrderByDescending(i => i.MagnesiumMg).ToList();
        return Plan(request, PlanStatus.Optimal, items, null);
    }

    private static List<PlanCandidate> Pool(FoodPlanRequest request, IReadOnlyList<PlanCandidate> candidates, int perRanking)
    {
        Func<PlanCandidate, double> merit = request.Objective switch
        {
            PlanObjective.Cost => c => c.MagnesiumMgPerGram / Math.Max(c.PricePerGram ?? double.MaxValue, 1e-9),
            PlanObjective.Changes => c => c.MagnesiumMgPerGram * c.MaxGrams,
            _ => c => c.MagnesiumMgPerGram / Math.Max(c.KcalPerGram, 1e-3),
        };
        return [.. candidates.OrderByDescending(merit).ThenBy(c => c.Food.Id, StringComparer.Ordinal).Take(perRanking)
            .Concat(candidates.OrderByDescending(c => c.MagnesiumMgPerGram * c.MaxGrams).ThenBy(c => c.Food.Id, StringComparer.Ordinal).Take(perRanking))
            .Concat(candidates.Where(c => c.InDiary))
            .DistinctBy(c => c.Food.Id)];
    }

    private static FoodPlan Plan(FoodPlanRequest request, PlanStatus status, List<PlanItem> items, string? reason)
    {
        double addedMg, addedKcal;
        if (request.Mode == PlanMode.Swap)
        {
            addedMg = items.Sum(i => i.MagnesiumMg - (i.Replaces is { } r ? (r.Food.MagnesiumPer100g?.Milligrams ?? 0) / 100 * r.Grams : 0));
            addedKcal = items.Sum(i => i.EnergyKcal - (i.Replaces is { } r ? (r.Food.EnergyKcalPer100g ?? 0) / 100 * r.Grams : 0));
        }
        else
        {
            addedMg = items.Sum(i => i.MagnesiumMg);
            addedKcal = items.Sum(i => i.EnergyKcal);
        }

        var calcium = items.Sum(i => i.Food.Per100g.Calcium.Milligrams / 100 * i.Grams);
        var magnesium = items.Sum(i => i.MagnesiumMg);
        return new FoodPlan(request.Mode, request.Target, request.UsualIntake, Math.Round(request.GapMg, 1), status, items,
            Math.Round(addedMg, 1), Math.Round(addedKcal, 1), magnesium > 0 ? Math.Round(calcium / magnesium, 2) : null, reason, 0)
            { TargetName = request.TargetName, Supplements = request.Supplements };
    }
}
