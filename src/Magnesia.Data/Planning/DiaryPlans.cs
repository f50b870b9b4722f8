using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Data.Planning;

/// <summary>What a face asks the food planner, already parsed and checked (the CLI's options, the API's fields).</summary>
/// <param name="Mode">Add foods or swap foods eaten.</param>
/// <param name="UseEar">Plan to the EAR instead of the RDA.</param>
/// <param name="From">Window start for usual intake.</param>
/// <param name="To">Window end (the plan's day).</param>
/// <param name="IntakeMg">Usual intake given instead of the diary.</param>
/// <param name="Objective">What to minimise.</param>
/// <param name="MaxFoods">At most this many foods.</param>
/// <param name="MaxAddedKcal">Added energy budget.</param>
/// <param name="MaxAddedSodiumMg">Added sodium limit.</param>
/// <param name="ExcludeGroups">Food group codes to leave out (null: the planner's defaults).</param>
/// <param name="ExcludeFoods">NDB numbers to leave out.</param>
/// <param name="Diet">Dietary pattern.</param>
/// <param name="AllFoods">Plan over every food, not the suggestable ones.</param>
/// <param name="MaxPortions">Standard portions of one food a day.</param>
public sealed record FoodPlanQuery(
    PlanMode Mode, bool UseEar, DateOnly From, DateOnly To, double? IntakeMg, PlanObjective Objective, int MaxFoods,
    double? MaxAddedKcal, double? MaxAddedSodiumMg, IReadOnlySet<string>? ExcludeGroups, IReadOnlySet<string> ExcludeFoods, Diet Diet,
    bool AllFoods = false, int MaxPortions = (int)FoodPlanner.MaxPortionsPerDay)
{
    /// <summary>The query for a checked <see cref="FoodPlanInput"/> over a window, with the defaults filled in.</summary>
    public static FoodPlanQuery Of(FoodPlanInput input, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(input.Mode ?? PlanMode.Add, input.Target == PlanTarget.Ear, from, to, input.IntakeMg, input.Objective ?? PlanObjective.Changes,
            input.MaxFoods ?? FoodPlanner.DefaultMaxFoods, input.MaxAddedKcal, input.MaxAddedSodiumMg, input.ExcludedGroupCodes(), input.ExcludedFoodIds(),
            input.Diet ?? Diet.Any, input.AllFoods, input.MaxPortions ?? (int)FoodPlanner.MaxPortionsPerDay);
    }
}

/// <summary>What a face asks the supplement planner, already parsed and checked.</summary>
/// <param name="Form">Salt form, or null for the planner's choice.</param>
/// <param name="ProductId">One of the user's products (<c>p1</c>), instead of a form.</param>
/// <param name="From">Window start for usual food intake.</param>
/// <param name="To">Window end (the plan's day).</param>
/// <param name="IntakeMg">Usual food intake given instead of the diary.</param>
/// <param name="EgfrMlMin173m2">eGFR given; else the latest creatinine lab's.</param>
/// <param name="KidneyDisease">The person has kidney disease.</param>
/// <param name="Medications">Medicines taken daily with their times.</param>
public sealed record SupplementPlanQuery(
    SupplementForm? Form, ProductId? ProductId, DateOnly From, DateOnly To, double? IntakeMg, double? EgfrMlMin173m2, bool KidneyDisease,
    IReadOnlyList<MedicationTime> Medications);

/// <summary>A request the diary cannot answer as asked (nothing logged, no prices, no such product): bad input, naming the field.</summary>
/// <param name="field">The request field or option it concerns (API name, e.g. <c>intakeMg</c>).</param>
/// <param name="message">What is wrong and what to do.</param>
public sealed class DiaryInputException(string field, string message) : Exception(message)
{
    /// <summary>The request field it concerns.</summary>
    public string Field { get; } = field;
}

/// <summary>
/// The plans composed from one user's diary: usual intake over a window, the foods eaten, prices, products, labs and
/// the profile, handed to <see cref="FoodPlanner"/> (solved by <see cref="FoodPlanSolver"/>) and <see cref="SupplementPlanner"/>.
/// Both faces call these, so the composition lives once.
/// </summary>
public static class DiaryPlans
{
    /// <summary>The food plan for <paramref name="q"/> over the foods of <paramref name="catalog"/>.</summary>
    /// <exception cref="DiaryInputException">Nothing logged in the window and no intake given; cost without prices.</exception>
    public static async Task<FoodPlan> PlanFoodsAsync(this DiaryStore diary, DiaryProfile profile, FoodPlanQuery q, FoodCatalog catalog, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(catalog);
        var period = await diary.PeriodAsync(profile, q.From, q.To, ct);
        var usual = q.IntakeMg ?? period.Mean(d => d.MagnesiumTotal.Milligrams)
            ?? throw Nothing(q);
        // Supplements count in the total; the plan says what food alone gives (a typed intake is taken as all food).
        var supplements = q.IntakeMg is null ? (period.Mean(d => d.MagnesiumTotal.Milligrams - d.MagnesiumFood.Milligrams) ?? 0) : 0;
        var logged = Math.Max(1, period.LoggedDays.Count);
        // The foods eaten in the window, also when the usual intake is typed: swaps and "foods you already eat" need them.
        var (items, _) = await diary.EntriesAsync(q.From, q.To, ct);
        List<DiaryFood> diaryFoods = [.. items.Where(i => !i.IsSupplement && i.Grams is > 0)
            .GroupBy(i => i.Key).Select(g => (Food: catalog.Find(g.Key), Grams: g.Sum(i => i.Grams!.Value) / logged))
            .Where(p => p.Food is not null).Select(p => new DiaryFood(p.Food!, p.Grams))];

        var dri = MagnesiumDris.For(profile.LifeStageOn(q.To));
        var goal = (q.UseEar ? dri.Ear : dri.Rda) ?? dri.Ai ?? Mass.Zero;
        var targetName = dri.Rda is null ? "AI" : q.UseEar ? "EAR" : "RDA";
        var prices = (await diary.PricesAsync(ct)).ToDictionary(p => p.FoodId, p => p.PricePerGram, StringComparer.Ordinal);
        if (q.Objective == PlanObjective.Cost && prices.Count == 0)
            throw new DiaryInputException("objective", "the cost objective needs food prices: set the prices of some foods first");
        var request = new FoodPlanRequest(q.Mode, goal, Mass.FromMilligrams(usual), q.Objective, q.MaxFoods, q.MaxAddedKcal, q.MaxAddedSodiumMg,
            q.ExcludeGroups, q.ExcludeFoods, q.Diet, diaryFoods, prices)
        {
            AllFoods = q.AllFoods, MaxPortions = q.MaxPortions, Supplements = Mass.FromMilligrams(supplements), TargetName = targetName,
        };
        return FoodPlanSolver.Solve(request, catalog.Foods);
    }

    /// <summary>The supplement plan for <paramref name="q"/>, to the RDA of the life stage on <see cref="SupplementPlanQuery.To"/>.</summary>
    /// <exception cref="DiaryInputException">Nothing logged and no intake given; an unknown product.</exception>
    public static async Task<(SupplementPlan Plan, SupplementProduct? Product, double UsualIntakeMg)> PlanSupplementAsync(this DiaryStore diary, DiaryProfile profile, SupplementPlanQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(q);
        var period = await diary.PeriodAsync(profile, q.From, q.To, ct);
        var usual = q.IntakeMg ?? period.Mean(d => d.MagnesiumFood.Milligrams) ?? throw Nothing(q);
        // The supplements already logged (a typed intake is food only and says nothing of them).
        var taken = q.IntakeMg is null ? period.Mean(d => d.MagnesiumTotal.Milligrams - d.MagnesiumFood.Milligrams) ?? 0 : 0;

        // The profile's medicines: depleting and retaining ones matter for balance, not for spacing; the ones to keep
        // apart from magnesium need dose times, which the plan asks for when they are not given.
        var profileMeds = profile.Medications.Select(Medications.Find).OfType<Medication>().Where(m => q.Medications.All(t => t.Medication.Id != m.Id)).ToList();
        SupplementProduct? chosen = null;
        if (q.ProductId is { } pid)
            chosen = (await diary.ProductsAsync(ct)).FirstOrDefault(p => p.Id == pid.ToString()) ?? throw new DiaryInputException("product", $"no product {pid} among your products");
        var labs = await diary.LabsAsync(ct);
        var egfr = q.EgfrMlMin173m2 ?? Screening.Assessment.LatestKidney(profile, labs, q.To)?.EgfrMlMin173m2;
        double? serum = Screening.Assessment.Latest(labs.Where(l => l.Date <= q.To)).TryGetValue("serum-magnesium", out var mg) ? mg.Canonical : null;
        var stage = profile.LifeStageOn(q.To);
        var plan = SupplementPlanner.Plan(new SupplementPlanRequest(
            MagnesiumDris.For(stage), UseRda: true, Mass.FromMilligrams(usual),
            chosen?.Form ?? q.Form, chosen?.ElementalMgPerUnit, egfr, q.KidneyDisease, q.Medications)
        {
            AlreadyTaken = Mass.FromMilligrams(Math.Round(taken, 1)),
            SerumMagnesiumMmolL = serum,
            UntimedMedications = profileMeds,
            Adult = stage.AgeYears >= 19,
        });
        return (plan, chosen, usual);
    }

    /// <summary>
    /// Each product with the units a day the supplement planner gives with it (to the RDA gap left by usual food intake on
    /// <paramref name="today"/>; null when the intake is unknown), for cost per month; in id order.
    /// </summary>
    public static async Task<IReadOnlyList<(SupplementProduct Product, int? UnitsPerDay)>> CompareProductsAsync(this DiaryStore diary, DiaryProfile profile, double? intakeMg, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(diary);
        ArgumentNullException.ThrowIfNull(profile);
        var (first, last) = DiaryWindow.Resolve(null, null, today);
        var usual = intakeMg ?? (await diary.PeriodAsync(profile, first, last, ct)).Mean(d => d.MagnesiumFood.Milligrams);
        var dri = MagnesiumDris.For(profile.LifeStageOn(today));
        return [.. (await diary.ProductsAsync(ct)).Select(p => (p, usual is { } u
            ? SupplementPlanner.Plan(new SupplementPlanRequest(dri, true, Mass.FromMilligrams(u), p.Form, p.ElementalMgPerUnit, null, false, [])).Units ?? 0
            : (int?)null))];
    }

    private static DiaryInputException Nothing(FoodPlanQuery q) => Nothing(q.From, q.To);

    private static DiaryInputException Nothing(SupplementPlanQuery q) => Nothing(q.From, q.To);

    private static DiaryInputException Nothing(DateOnly from, DateOnly to) =>
        new("intakeMg", $"nothing logged from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: log a few days or give the usual intake (--intake-mg, intakeMg)");
}
