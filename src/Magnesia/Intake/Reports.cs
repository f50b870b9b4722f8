using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Intake;

/// <summary>Where a day's total magnesium stands against the EAR and RDA of the day's life stage.</summary>
public enum IntakeStatus
{
    /// <summary>Below the Estimated Average Requirement: likely inadequate.</summary>
    BelowEar,

    /// <summary>At or above the EAR but below the RDA (for infants, who have only an AI: below the AI).</summary>
    EarToRda,

    /// <summary>At or above the RDA (for infants: the AI).</summary>
    MeetsRda,
}

/// <summary>Contract names of <see cref="IntakeStatus"/>.</summary>
public static class IntakeStatusNames
{
    /// <summary><c>below-ear</c>, <c>ear-to-rda</c> or <c>meets-rda</c>.</summary>
    public static string Name(this IntakeStatus status) => status switch
    {
        IntakeStatus.BelowEar => "below-ear",
        IntakeStatus.EarToRda => "ear-to-rda",
        _ => "meets-rda",
    };
}

/// <summary>One line of a diary day, with its nutrients computed from the food's current values.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Kind">Food, custom food, recipe or supplement.</param>
/// <param name="Key">What it aggregates under: the food reference, or <c>supplement:&lt;form&gt;</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Date">Day.</param>
/// <param name="Meal">Meal, for foods.</param>
/// <param name="Grams">Grams eaten, for foods.</param>
/// <param name="Nutrients">What it contributes.</param>
public sealed record IntakeItem(long Id, IntakeKind Kind, string Key, string Name, DateOnly Date, Meal? Meal, double? Grams, Nutrients Nutrients)
{
    /// <summary>True for a supplement entry.</summary>
    public bool IsSupplement => Kind == IntakeKind.Supplement;
}

/// <summary>
/// A day's magnesium against the DRIs of that day's life stage. Supplements count toward the total and, alone,
/// toward the supplemental UL (IOM 1997: the UL excludes magnesium in food and water).
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="Dri">DRIs of the life stage on that day.</param>
/// <param name="MagnesiumFood">Magnesium from foods.</param>
/// <param name="MagnesiumSupplement">Elemental magnesium from supplements.</param>
/// <param name="Calcium">Calcium from foods and supplements.</param>
/// <param name="Potassium">Potassium from foods.</param>
/// <param name="EnergyKcal">Energy from foods, kcal.</param>
/// <param name="MagnesiumIncomplete">True when a food eaten has no magnesium value in the data (counted as zero).</param>
/// <param name="Entries">The day's foods and supplements.</param>
/// <param name="Symptoms">The day's symptoms.</param>
/// <param name="Totals">Every nutrient summed over foods and supplements (a value missing from a food counts as 0).</param>
public sealed record DayReport(
    DateOnly Date,
    MagnesiumDri Dri,
    Mass MagnesiumFood,
    Mass MagnesiumSupplement,
    Mass Calcium,
    Mass Potassium,
    double EnergyKcal,
    bool MagnesiumIncomplete,
    IReadOnlyList<IntakeItem> Entries,
    IReadOnlyList<SymptomEntry> Symptoms,
    Nutrients Totals)
{
    /// <summary>Total magnesium, food plus supplements (exact).</summary>
    public Mass MagnesiumTotal => MagnesiumFood + MagnesiumSupplement;

    /// <summary>Total as a percentage of the RDA (or of the AI for infants).</summary>
    public double PercentOfRda => 100.0 * MagnesiumTotal.Micrograms / Dri.Goal.Micrograms;

    /// <summary>Below the EAR, between EAR and RDA, or meeting the RDA.</summary>
    public IntakeStatus Status =>
        Dri.Ear is { } ear && MagnesiumTotal < ear ? IntakeStatus.BelowEar
        : MagnesiumTotal < Dri.Goal ? IntakeStatus.EarToRda
        : IntakeStatus.MeetsRda;

    /// <summary>Whether supplemental magnesium exceeds the UL (never for infants, who have none).</summary>
    public bool SupplementalAboveUl => Dri.SupplementalUl is { } ul && MagnesiumSupplement > ul;

    /// <summary>Calcium to magnesium ratio of total intake (mass/mass); null when no magnesium was taken.</summary>
    public double? CalciumToMagnesiumRatio =>
        MagnesiumTotal.Micrograms == 0 ? null : (double)Calcium.Micrograms / MagnesiumTotal.Micrograms;

    /// <summary>Magnesium density of the food eaten, mg per 1,000 kcal; null when no energy was eaten.</summary>
    public double? MagnesiumMgPer1000Kcal => EnergyKcal > 0 ? MagnesiumFood.Milligrams / EnergyKcal * 1_000 : null;

    /// <summary>Whether anything was logged (food or supplement).</summary>
    public bool Logged => Entries.Count > 0;

    /// <summary>Computes the report for <paramref name="day"/> from its items and symptoms.</summary>
    public static DayReport Compute(DateOnly day, DiaryProfile profile, IReadOnlyList<IntakeItem> items, IReadOnlyList<SymptomEntry> symptoms)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(symptoms);
        Mass food = Mass.Zero, supplement = Mass.Zero, calcium = Mass.Zero, potassium = Mass.Zero;
        double kcal = 0;
        var incomplete = false;
        var totals = Nutrients.Zero;
        foreach (var item in items)
        {
            totals += item.Nutrients;
            if (item.IsSupplement)
                supplement += item.Nutrients.Magnesium;
            else
                food += item.Nutrients.Magnesium;
            calcium += item.Nutrients.Calcium;
            potassium += item.Nutrients.Potassium;
            kcal += item.Nutrients.EnergyKcal;
            incomplete |= item.Nutrients.MagnesiumMissing;
        }

        return new DayReport(day, MagnesiumDris.For(profile.LifeStageOn(day)), food, supplement, calcium, potassium, kcal, incomplete, items, symptoms, totals);
    }
}

/// <summary>Magnesium contributed by one food over a period.</summary>
/// <param name="Key">Food reference.</param>
/// <param name="Name">Food name.</param>
/// <param name="Magnesium">Magnesium contributed.</param>
/// <param name="Entries">Number of entries.</param>
public sealed record FoodContribution(string Key, string Name, Mass Magnesium, int Entries);

/// <summary>How often a sign was noted over a period.</summary>
/// <param name="SignId">Sign id.</param>
/// <param name="Count">Days noted.</param>
/// <param name="MaxSeverity">Highest severity.</param>
public sealed record SymptomCount(string SignId, int Count, int MaxSeverity);

/// <summary>
/// A period of the diary: one <see cref="DayReport"/> per day, means over the days with something logged (days with
/// no entry are treated as not recorded, not as zero intake), days below the EAR, the foods that contributed most
/// magnesium and symptom counts.
/// </summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="Days">Every day of the period, in order.</param>
/// <param name="TopFoods">Up to 10 foods by magnesium contributed.</param>
/// <param name="Symptoms">Symptom counts by sign.</param>
public sealed record PeriodReport(DateOnly From, DateOnly To, IReadOnlyList<DayReport> Days, IReadOnlyList<FoodContribution> TopFoods, IReadOnlyList<SymptomCount> Symptoms)
{
    /// <summary>Most days a period may span (about 30 years).</summary>
    public const int MaxDays = 11_000;

    /// <summary>Days with at least one food or supplement entry.</summary>
    public IReadOnlyList<DayReport> LoggedDays { get; } = [.. Days.Where(d => d.Logged)];

    /// <summary>Logged days whose total is below the EAR.</summary>
    public int DaysBelowEar => LoggedDays.Count(d => d.Status == IntakeStatus.BelowEar);

    /// <summary>Mean of a figure over logged days; null when nothing was logged.</summary>
    public double? Mean(Func<DayReport, double> figure) => LoggedDays.Count == 0 ? null : LoggedDays.Average(figure);

    /// <summary>Computes the report from every item and symptom in the period.</summary>
    public static PeriodReport Compute(DateOnly from, DateOnly to, DiaryProfile profile, IEnumerable<IntakeItem> items, IEnumerable<SymptomEntry> symptoms)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(symptoms);
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), "the period ends before it starts");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(to), $"a period may span at most {MaxDays} days");
        var byDay = items.Where(i => i.Date >= from && i.Date <= to).GroupBy(i => i.Date).ToDictionary(g => g.Key, g => (IReadOnlyList<IntakeItem>)[.. g]);
        var symptomList = symptoms.Where(s => s.Date >= from && s.Date <= to).ToList();
        var symptomsByDay = symptomList.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => (IReadOnlyList<SymptomEntry>)[.. g]);
        var days = new List<DayReport>(to.DayNumber - from.DayNumber + 1);
        for (var d = from; d <= to; d = d.AddDays(1))
            days.Add(DayReport.Compute(d, profile, byDay.GetValueOrDefault(d) ?? [], symptomsByDay.GetValueOrDefault(d) ?? []));

        var top = byDay.Values.SelectMany(v => v).Where(i => !i.IsSupplement)
            .GroupBy(i => i.Key)
            .Select(g => new FoodContribution(g.Key, g.First().Name, g.Aggregate(Mass.Zero, (m, i) => m + i.Nutrients.Magnesium), g.Count()))
            .OrderByDescending(c => c.Magnesium).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(10)
            .ToList();
        var counts = symptomList.GroupBy(s => s.SignId)
            .Select(g => new SymptomCount(g.Key, g.Count(), g.Max(s => s.Severity)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.SignId, StringComparer.Ordinal)
            .ToList();
        return new PeriodReport(from, to, days, top, counts);
    }
}
