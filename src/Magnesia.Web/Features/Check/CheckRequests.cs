using System.ComponentModel.DataAnnotations;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;

namespace Magnesia.Web.Features.Check;

/// <summary>Screening answers (<c>magnesia screen</c>): ids of signs, life situations, medication classes and conditions.</summary>
public sealed class ScreeningRequest : IValidatableObject
{
    /// <summary>Deficiency sign ids.</summary>
    [MaxLength(50)] public List<string>? Symptoms { get; set; }

    /// <summary>Life situation ids.</summary>
    [MaxLength(50)] public List<string>? Situations { get; set; }

    /// <summary>Medication class ids.</summary>
    [MaxLength(50)] public List<string>? Medications { get; set; }

    /// <summary>Condition ids.</summary>
    [MaxLength(50)] public List<string>? Conditions { get; set; }

    /// <summary>The answers with their categories.</summary>
    public IEnumerable<(ScreeningCategory Category, string Id, string Field)> Answers() =>
        (Symptoms ?? []).Select(x => (ScreeningCategory.Symptom, x, "symptoms"))
        .Concat((Situations ?? []).Select(x => (ScreeningCategory.Situation, x, "situations")))
        .Concat((Medications ?? []).Select(x => (ScreeningCategory.Medication, x, "medications")))
        .Concat((Conditions ?? []).Select(x => (ScreeningCategory.Condition, x, "conditions")));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Answers().Where(a => Screener.Find(a.Category, a.Id) is null)
            .Select(a => new ValidationResult($"unknown id '{a.Id}'; known: {Screener.KnownIds(a.Category)}.", [char.ToUpperInvariant(a.Field[0]) + a.Field[1..]]));
}

/// <summary>Fasting labs and measurements for HOMA-IR, QUICKI, TyG and the harmonized metabolic syndrome (<c>magnesia metabolic</c>).</summary>
public sealed class MetabolicRequest : IValidatableObject
{
    /// <summary>Fasting glucose.</summary>
    public double? Glucose { get; set; }

    /// <summary>mg/dL or mmol/L.</summary>
    public string? GlucoseUnit { get; set; }

    /// <summary>Fasting insulin.</summary>
    public double? Insulin { get; set; }

    /// <summary>uU/mL or pmol/L.</summary>
    public string? InsulinUnit { get; set; }

    /// <summary>pmol/L per µU/mL (default 6.00).</summary>
    [Range(5, 8, ErrorMessage = "insulinFactor must be between 5 and 8.")] public double? InsulinFactor { get; set; }

    /// <summary>Triglycerides.</summary>
    public double? Triglycerides { get; set; }

    /// <summary>HDL cholesterol.</summary>
    public double? Hdl { get; set; }

    /// <summary>mg/dL or mmol/L, for triglycerides and HDL.</summary>
    public string? LipidUnit { get; set; }

    /// <summary>Waist circumference, cm.</summary>
    [Range(40, 250, ErrorMessage = "waistCm must be between 40 and 250.")] public double? WaistCm { get; set; }

    /// <summary>Population for waist thresholds.</summary>
    public string? Population { get; set; }

    /// <summary>Systolic pressure, mmHg.</summary>
    [Range(60, 300, ErrorMessage = "systolic must be between 60 and 300.")] public double? Systolic { get; set; }

    /// <summary>Diastolic pressure, mmHg.</summary>
    [Range(30, 200, ErrorMessage = "diastolic must be between 30 and 200.")] public double? Diastolic { get; set; }

    /// <summary>female or male.</summary>
    public string? Sex { get; set; }

    /// <summary>Taking antihypertensives.</summary>
    public bool OnBpDrugs { get; set; }

    /// <summary>Taking glucose-lowering drugs.</summary>
    public bool OnGlucoseDrugs { get; set; }

    /// <summary>Lipid drug classes: fibrate, nicotinic-acid, omega-3, statin.</summary>
    public List<string>? LipidDrugs { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (kind, field, unitField, value, unit) in new[]
        {
            ("fasting-glucose", nameof(Glucose), nameof(GlucoseUnit), Glucose, GlucoseUnit),
            ("fasting-insulin", nameof(Insulin), nameof(InsulinUnit), Insulin, InsulinUnit),
            ("triglycerides", nameof(Triglycerides), nameof(LipidUnit), Triglycerides, LipidUnit),
            ("hdl", nameof(Hdl), nameof(LipidUnit), Hdl, LipidUnit),
        })
        {
            if (value is null)
                continue;
            if (unit is null)
                yield return new($"{Camel(unitField)} is required with {Camel(field)}: values without a unit are rejected.", [unitField]);
            else if (Labs.Check(Labs.Find(kind)!, value.Value, unit) is { } p)
                yield return new($"{Camel(field)}: {p}.", [field]);
        }

        if (Systolic is { } s && Diastolic is { } d && d >= s)
            yield return new("diastolic must be lower than systolic.", [nameof(Diastolic)]);
        if (Population is { } pop && MetabolicSyndrome.FindPopulation(pop) is null)
            yield return new($"unknown population '{pop}'; known: {string.Join(", ", MetabolicSyndrome.Populations.Select(x => x.Id))}.", [nameof(Population)]);
        if (Sex is not null && LifeStage.ParseSex(Sex) is null)
            yield return new($"sex must be female or male, not '{Sex}'.", [nameof(Sex)]);
        if (MetabolicSyndrome.ParseLipidDrugs([.. LipidDrugs ?? []]) is null)
            yield return new("lipidDrugs: known classes are fibrate, nicotinic-acid, omega-3, statin.", [nameof(LipidDrugs)]);
        if (WaistCm is not null && (Population is null || Sex is null))
            yield return new("waistCm needs population and sex (thresholds differ by both).", [nameof(WaistCm)]);
        if (Glucose is null && Insulin is null && Triglycerides is null && Hdl is null && WaistCm is null && Systolic is null && Diastolic is null
            && !OnBpDrugs && !OnGlucoseDrugs && (LipidDrugs ?? []).Count == 0)
            yield return new("give at least one measurement.", [nameof(Glucose)]);
    }

    /// <summary>The panel (after validation).</summary>
    public MetabolicPanelResult Compute()
    {
        var factor = InsulinFactor ?? LabUnits.DefaultInsulinPmolPerMicroUnit;
        double? Canonical(string kind, double? value, string? unit)
        {
            var k = Labs.Find(kind)!;
            return value is { } v ? Labs.ToCanonical(k, v, Labs.NormalizeUnit(k, unit)!, factor) : null;
        }

        var inputs = new MetabolicInputs(
            Sex is null ? null : LifeStage.ParseSex(Sex), WaistCm, Population is { } p ? MetabolicSyndrome.FindPopulation(p) : null,
            Canonical("triglycerides", Triglycerides, LipidUnit), Canonical("hdl", Hdl, LipidUnit), Systolic, Diastolic,
            Canonical("fasting-glucose", Glucose, GlucoseUnit), OnBpDrugs, OnGlucoseDrugs, MetabolicSyndrome.ParseLipidDrugs([.. LipidDrugs ?? []])!.Value);
        return MetabolicPanel.Compute(inputs, Canonical("fasting-insulin", Insulin, InsulinUnit), factor);
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>Serum creatinine, age and sex for the CKD-EPI 2021 eGFR (<c>magnesia egfr</c>).</summary>
public sealed class EgfrRequest : IValidatableObject
{
    /// <summary>Serum creatinine.</summary>
    [Required] public double? Creatinine { get; set; }

    /// <summary>mg/dL or umol/L.</summary>
    [Required] public string? CreatinineUnit { get; set; }

    /// <summary>Age in years (18–120).</summary>
    [Required] public double? Age { get; set; }

    /// <summary>female or male.</summary>
    [Required] public string? Sex { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var (_, field, problem) = Compute();
        if (problem is not null && Creatinine is not null && CreatinineUnit is not null && Age is not null && Sex is not null)
            yield return new(problem, [field!]);
    }

    /// <summary>The eGFR, or the field and problem.</summary>
    public (double? Egfr, string? Field, string? Problem) Compute()
    {
        CreatinineUnit? unit = CreatinineUnit?.Trim().Replace('µ', 'u').ToLowerInvariant() switch
        {
            "mg/dl" => Metabolic.CreatinineUnit.MgPerDl,
            "umol/l" => Metabolic.CreatinineUnit.UmolPerL,
            _ => null,
        };
        if (unit is null)
            return (null, nameof(CreatinineUnit), $"creatinineUnit must be mg/dL or umol/L, not '{CreatinineUnit}'.");
        if (LifeStage.ParseSex(Sex) is not { } sex)
            return (null, nameof(Sex), $"sex must be female or male, not '{Sex}'.");
        if (Creatinine is null || Age is null)
            return (null, nameof(Creatinine), "creatinine and age are required.");
        var mg = Egfr.CreatinineMgPerDl(Creatinine.Value, unit.Value);
        if (Egfr.CheckCreatinine(mg) is { } c)
            return (null, nameof(Creatinine), $"creatinine: {c}.");
        if (Egfr.CheckAge(Age.Value) is { } a)
            return (null, nameof(Age), $"age: {a}.");
        return (Egfr.CkdEpi2021(mg, Age.Value, sex), null, null);
    }
}

/// <summary>The Magnesium Depletion Score's inputs (<c>magnesia mds</c>).</summary>
public sealed class MdsRequest : IValidatableObject
{
    /// <summary>Taking a loop or thiazide diuretic.</summary>
    [Required] public bool? Diuretic { get; set; }

    /// <summary>Taking a proton-pump inhibitor.</summary>
    [Required] public bool? Ppi { get; set; }

    /// <summary>Heavy drinking.</summary>
    [Required] public bool? HeavyAlcohol { get; set; }

    /// <summary>eGFR, mL/min/1.73 m².</summary>
    [Range(0.1, 200, ErrorMessage = "egfr must be above 0 and at most 200.")] public double? Egfr { get; set; }

    /// <summary>Or creatinine, age and sex for it.</summary>
    public EgfrRequest? Creatinine { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Egfr is null == Creatinine is null)
            yield return new("give egfr, or creatinine (with creatinineUnit, age and sex), not both.", [nameof(Egfr)]);
    }
}

/// <summary>A lab result to add (<c>magnesia labs add</c>).</summary>
public sealed class LabRequest : IValidatableObject
{
    /// <summary>Lab kind id or LOINC code, e.g. serum-magnesium or 19123-9.</summary>
    [Required] public string? Kind { get; set; }

    /// <summary>The result.</summary>
    [Required] public double? Value { get; set; }

    /// <summary>Its unit.</summary>
    [Required] public string? Unit { get; set; }

    /// <summary>Day of the sample (default today).</summary>
    public DateOnly? Date { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind is null || Value is null || Unit is null)
            yield break;
        if (Labs.Find(Kind) is not { } k)
            yield return new($"unknown lab '{Kind}'; known: {string.Join(", ", Labs.Kinds.Select(x => x.Id))}.", [nameof(Kind)]);
        else if (Labs.Check(k, Value.Value, Unit) is { } p)
            yield return new(p + ".", [Labs.NormalizeUnit(k, Unit) is null ? nameof(Unit) : nameof(Value)]);
    }
}

/// <summary>The combined assessment's answers (<c>magnesia assess</c>).</summary>
public sealed class AssessmentRequest : IValidatableObject
{
    /// <summary>Window start (default 29 days before to).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Window end (default today).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Heavy drinking, for the MDS.</summary>
    public bool? HeavyAlcohol { get; set; }

    /// <summary>Life situation ids.</summary>
    [MaxLength(50)] public List<string>? Situations { get; set; }

    /// <summary>Condition ids.</summary>
    [MaxLength(50)] public List<string>? Conditions { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        (Situations ?? []).Where(i => Screener.Find(ScreeningCategory.Situation, i) is null).Select(i => new ValidationResult($"unknown situation '{i}'.", [nameof(Situations)]))
        .Concat((Conditions ?? []).Where(i => Screener.Find(ScreeningCategory.Condition, i) is null).Select(i => new ValidationResult($"unknown condition '{i}'.", [nameof(Conditions)])));
}
