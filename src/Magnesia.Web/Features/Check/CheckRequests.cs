using System.ComponentModel.DataAnnotations;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Magnesia.Web.Infrastructure;

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

/// <summary>Fasting labs and measurements for HOMA-IR, QUICKI, TyG and the harmonized metabolic syndrome (<c>magnesia
/// metabolic</c>): the fields of <see cref="MetabolicPanelInput"/>, whose rules apply.</summary>
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
    public double? InsulinFactor { get; set; }

    /// <summary>Triglycerides.</summary>
    public double? Triglycerides { get; set; }

    /// <summary>HDL cholesterol.</summary>
    public double? Hdl { get; set; }

    /// <summary>mg/dL or mmol/L, for triglycerides and HDL.</summary>
    public string? LipidUnit { get; set; }

    /// <summary>Waist circumference, cm.</summary>
    public double? WaistCm { get; set; }

    /// <summary>Population for waist thresholds.</summary>
    public string? Population { get; set; }

    /// <summary>Systolic pressure, mmHg.</summary>
    public double? Systolic { get; set; }

    /// <summary>Diastolic pressure, mmHg.</summary>
    public double? Diastolic { get; set; }

    /// <summary>female or male.</summary>
    public Sex? Sex { get; set; }

    /// <summary>Taking antihypertensives.</summary>
    public bool OnBpDrugs { get; set; }

    /// <summary>Taking glucose-lowering drugs.</summary>
    public bool OnGlucoseDrugs { get; set; }

    /// <summary>Lipid drug classes: fibrate, nicotinic-acid, omega-3, statin.</summary>
    public List<string>? LipidDrugs { get; set; }

    /// <summary>The domain's input.</summary>
    public MetabolicPanelInput ToInput() => new(
        Glucose, GlucoseUnit, Insulin, InsulinUnit, InsulinFactor, Triglycerides, Hdl, LipidUnit, WaistCm, Population,
        Systolic, Diastolic, Sex, OnBpDrugs, OnGlucoseDrugs, LipidDrugs);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ToInput().Validate().ToValidationResults();

    /// <summary>The panel (after validation).</summary>
    public MetabolicPanelResult Compute() => ToInput().Compute();
}

/// <summary>Serum creatinine, age and sex for the CKD-EPI 2021 eGFR (<c>magnesia egfr</c>): <see cref="EgfrInput"/>.</summary>
public sealed class EgfrRequest : IValidatableObject
{
    /// <summary>Serum creatinine.</summary>
    public double? Creatinine { get; set; }

    /// <summary>mg/dL or umol/L.</summary>
    public string? CreatinineUnit { get; set; }

    /// <summary>Age in years (18–120).</summary>
    public double? Age { get; set; }

    /// <summary>female or male.</summary>
    public Sex? Sex { get; set; }

    /// <summary>The domain's input.</summary>
    public EgfrInput ToInput() => new(Creatinine, CreatinineUnit, Age, Sex);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ToInput().Validate().ToValidationResults();
}

/// <summary>The Magnesium Depletion Score's inputs (<c>magnesia mds</c>): <see cref="MdsInput"/>.</summary>
public sealed class MdsRequest : IValidatableObject
{
    /// <summary>Taking a loop or thiazide diuretic.</summary>
    public bool? Diuretic { get; set; }

    /// <summary>Taking a proton-pump inhibitor.</summary>
    public bool? Ppi { get; set; }

    /// <summary>Heavy drinking.</summary>
    public bool? HeavyAlcohol { get; set; }

    /// <summary>eGFR, mL/min/1.73 m².</summary>
    public double? Egfr { get; set; }

    /// <summary>Or creatinine, age and sex for it.</summary>
    public EgfrRequest? Creatinine { get; set; }

    /// <summary>The domain's input.</summary>
    public MdsInput ToInput() => new(Diuretic, Ppi, HeavyAlcohol, Egfr, Creatinine?.ToInput());

    /// <inheritdoc />
    // The eGFR's own fields sit inside "creatinine"; its problems are reported there by EgfrRequest.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ToInput().Validate().Where(p => p.Field <= MdsField.Egfr).ToValidationResults(f => f == MdsField.Egfr ? "egfr" : InputProblemResults.JsonName(f));
}

/// <summary>A lab result to add (<c>magnesia labs add</c>): <see cref="LabInput"/>.</summary>
public sealed class LabRequest : IValidatableObject
{
    /// <summary>Lab kind id or LOINC code, e.g. serum-magnesium or 19123-9.</summary>
    public string? Kind { get; set; }

    /// <summary>The result.</summary>
    public double? Value { get; set; }

    /// <summary>Its unit.</summary>
    public string? Unit { get; set; }

    /// <summary>Day of the sample (default today).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The domain's input.</summary>
    public LabInput ToInput() => new(Kind, Value, Unit);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ToInput().Validate().ToValidationResults();
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
