using System.ComponentModel.DataAnnotations;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;
using Magnesia.Foods;
using Magnesia.Planning;
using Magnesia.References;

namespace Magnesia.Web.Features.Plan;

/// <summary>The food plan's options (<c>magnesia plan foods</c>), with the CLI's names: <see cref="FoodPlanInput"/>.</summary>
public sealed class FoodPlanRequest : IValidatableObject
{
    /// <summary>add (default) or swap.</summary>
    public PlanMode? Mode { get; set; }

    /// <summary>rda (default) or ear.</summary>
    public PlanTarget? Target { get; set; }

    /// <summary>Window start for usual intake.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Window end (default today).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Usual intake, mg/day, instead of the diary.</summary>
    public double? IntakeMg { get; set; }

    /// <summary>energy (default), changes or cost.</summary>
    public PlanObjective? Objective { get; set; }

    /// <summary>At most this many foods (1–20, default 3).</summary>
    public int? MaxFoods { get; set; }

    /// <summary>Added energy budget, kcal.</summary>
    public double? MaxAddedKcal { get; set; }

    /// <summary>Added sodium limit, mg.</summary>
    public double? MaxAddedSodiumMg { get; set; }

    /// <summary>Food group codes to leave out (replaces the default exclusions).</summary>
    [MaxLength(30)] public List<string>? ExcludeGroups { get; set; }

    /// <summary>Food ids to leave out.</summary>
    [MaxLength(500)] public List<string>? ExcludeFoods { get; set; }

    /// <summary>vegetarian or vegan.</summary>
    public Diet? Diet { get; set; }

    /// <summary>Plan over every food, not only the common magnesium sources.</summary>
    public bool AllFoods { get; set; }

    /// <summary>At most this many standard portions of one food a day (default 2).</summary>
    public int? MaxPortions { get; set; }

    /// <summary>The domain's input.</summary>
    public FoodPlanInput ToInput() => new(Mode, Target, IntakeMg, From is not null, Objective, MaxFoods, MaxAddedKcal, MaxAddedSodiumMg, ExcludeGroups, ExcludeFoods, Diet,
        AllFoods, MaxPortions);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ToInput().Validate().ToValidationResults();

    /// <summary>The planner's query for the window (after validation).</summary>
    public Data.Planning.FoodPlanQuery ToQuery(DateOnly first, DateOnly last) => Data.Planning.FoodPlanQuery.Of(ToInput(), first, last);
}

/// <summary>A medicine taken daily at a time, for the supplement schedule.</summary>
public sealed class MedicationTimeRequest
{
    /// <summary>Medication id (GET /api/medications).</summary>
    public string? Id { get; set; }

    /// <summary>HH:MM.</summary>
    public string? Time { get; set; }

    /// <summary>A row left blank (the page's form has a spare one).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Time);
}

/// <summary>The supplement plan's options (<c>magnesia plan supplement</c>).</summary>
public sealed class SupplementPlanRequest : IValidatableObject
{
    /// <summary>Salt form id.</summary>
    public string? Form { get; set; }

    /// <summary>One of your products (p1).</summary>
    public string? Product { get; set; }

    /// <summary>Window start.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Window end (default today).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Usual food intake, mg/day, instead of the diary.</summary>
    public double? IntakeMg { get; set; }

    /// <summary>eGFR, mL/min/1.73 m² (default: the latest creatinine lab's).</summary>
    public double? Egfr { get; set; }

    /// <summary>Kidney disease: without an eGFR no dose is planned.</summary>
    public bool KidneyDisease { get; set; }

    /// <summary>Medicines with their times.</summary>
    [MaxLength(20)] public List<MedicationTimeRequest>? Medications { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Form is not null && SupplementForms.Find(Form) is null)
            yield return new($"unknown form '{Form}' (known: {SupplementForms.KnownIds}).", [nameof(Form)]);
        if (Product is not null && !Magnesia.Intake.ProductId.TryParse(Product, out _))
            yield return new("product must be a product id (p1, p2, …).", [nameof(Product)]);
        if (Form is not null && Product is not null)
            yield return new("give product or form, not both (a product has its form).", [nameof(Product)]);
        if (IntakeMg is not null && From is not null)
            yield return new("give intakeMg or from/to, not both.", [nameof(IntakeMg)]);
        if (IntakeMg is { } mg && PlanLimits.UsualIntakeMgRange.Check(mg) is { } intakeProblem)
            yield return new($"intakeMg {intakeProblem}.", [nameof(IntakeMg)]);
        if (Egfr is { } e && Magnesia.Metabolic.Egfr.ValueRange.Check(e) is { } egfrProblem)
            yield return new($"egfr {egfrProblem}.", [nameof(Egfr)]);
        foreach (var m in (Medications ?? []).Where(m => !m.IsBlank))
        {
            if (string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.Time))
                yield return new("each medication needs an id and a time HH:MM.", [nameof(Medications)]);
            else if (Medications_.Find(m.Id) is null)
                yield return new($"unknown medication '{m.Id}' (GET /api/medications).", [nameof(Medications)]);
            else if (SupplementPlanner.ParseTime(m.Time) is null)
                yield return new($"'{m.Time}' is not a time of day HH:MM.", [nameof(Medications)]);
        }
    }

    /// <summary>The planner's query (after validation).</summary>
    public Data.Planning.SupplementPlanQuery ToQuery(DateOnly first, DateOnly last) => new(
        Form is null ? null : SupplementForms.Find(Form), Magnesia.Intake.ProductId.TryParse(Product, out var product) ? product : null, first, last, IntakeMg, Egfr, KidneyDisease,
        [.. (Medications ?? []).Where(m => !m.IsBlank).Select(m => new MedicationTime(Medications_.Find(m.Id!)!, SupplementPlanner.ParseTime(m.Time!)!.Value))]);
}

/// <summary>A supplement product to add (<c>magnesia products add</c>).</summary>
public sealed class ProductRequest : IValidatableObject
{
    /// <summary>Name as on the label.</summary>
    [Required, StringLength(EntryLimits.MaxNameLength, MinimumLength = 1), NameText] public string? Name { get; set; }

    /// <summary>Salt form id.</summary>
    [Required] public string? Form { get; set; }

    /// <summary>Elemental magnesium per tablet or capsule, mg.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.ElementalMgPerUnitRange))] public double? ElementalMgPerUnit { get; set; }

    /// <summary>Tablets or capsules per pack.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.UnitsPerPackRange))] public int? Units { get; set; }

    /// <summary>Price of the pack.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.PriceRange))] public double? Price { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Form is not null && SupplementForms.Find(Form) is null)
            yield return new($"unknown form '{Form}' (known: {SupplementForms.KnownIds}).", [nameof(Form)]);
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
            yield return new("name must not be blank.", [nameof(Name)]);
    }
}

/// <summary>A food price (<c>magnesia prices set</c>).</summary>
public sealed class PriceRequest : IValidatableObject
{
    /// <summary>Price for the quantity given by per.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.PriceRange))] public double? Price { get; set; }

    /// <summary>100g, kg or lb.</summary>
    [Required] public string? Per { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Per is not null && FoodPrices.GramsPer(Per) is null)
            yield return new($"per must be {string.Join(", ", FoodPrices.Quantities)}, not '{Per}'.", [nameof(Per)]);
    }
}

// The Planning namespace's Medications class, under a name that does not clash with the request properties.
file static class Medications_
{
    public static Medication? Find(string id) => Magnesia.Planning.Medications.Find(id);
}
