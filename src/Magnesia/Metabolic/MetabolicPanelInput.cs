using Magnesia.Inputs;
using Magnesia.References;

namespace Magnesia.Metabolic;

/// <summary>A field of <see cref="MetabolicPanelInput"/>, for the problems that name it.</summary>
public enum MetabolicField
{
    /// <summary>Fasting glucose.</summary>
    Glucose,

    /// <summary>Its unit.</summary>
    GlucoseUnit,

    /// <summary>Fasting insulin.</summary>
    Insulin,

    /// <summary>Its unit.</summary>
    InsulinUnit,

    /// <summary>The insulin conversion factor.</summary>
    InsulinFactor,

    /// <summary>Triglycerides.</summary>
    Triglycerides,

    /// <summary>HDL cholesterol.</summary>
    Hdl,

    /// <summary>The unit of triglycerides and HDL.</summary>
    LipidUnit,

    /// <summary>Waist circumference.</summary>
    WaistCm,

    /// <summary>The population whose waist thresholds apply.</summary>
    Population,

    /// <summary>Systolic pressure.</summary>
    Systolic,

    /// <summary>Diastolic pressure.</summary>
    Diastolic,

    /// <summary>Sex.</summary>
    Sex,

    /// <summary>Lipid drug classes.</summary>
    LipidDrugs,
}

/// <summary>
/// The metabolic panel as a person enters it: lab values with the units they were reported in, measurements, and
/// the drug answers. <see cref="Validate"/> holds every input rule (the faces only name the fields);
/// <see cref="Compute"/> converts to canonical units and computes the <see cref="MetabolicPanelResult"/>.
/// </summary>
/// <param name="Glucose">Fasting glucose in <paramref name="GlucoseUnit"/>.</param>
/// <param name="GlucoseUnit">mg/dL or mmol/L.</param>
/// <param name="Insulin">Fasting insulin in <paramref name="InsulinUnit"/>.</param>
/// <param name="InsulinUnit">uU/mL (mIU/L) or pmol/L.</param>
/// <param name="InsulinFactor">pmol/L per µU/mL; null for <see cref="LabUnits.DefaultInsulinPmolPerMicroUnit"/>.</param>
/// <param name="Triglycerides">Triglycerides in <paramref name="LipidUnit"/>.</param>
/// <param name="Hdl">HDL cholesterol in <paramref name="LipidUnit"/>.</param>
/// <param name="LipidUnit">mg/dL or mmol/L.</param>
/// <param name="WaistCm">Waist circumference, cm.</param>
/// <param name="Population">Population id for the waist thresholds (<see cref="MetabolicSyndrome.Populations"/>).</param>
/// <param name="Systolic">Systolic pressure, mmHg.</param>
/// <param name="Diastolic">Diastolic pressure, mmHg.</param>
/// <param name="Sex">Sex, for the waist and HDL thresholds.</param>
/// <param name="OnBpDrugs">Taking antihypertensives.</param>
/// <param name="OnGlucoseDrugs">Taking glucose-lowering drugs.</param>
/// <param name="LipidDrugs">Lipid drug class ids (<see cref="MetabolicSyndrome.LipidDrugIds"/>).</param>
public sealed record MetabolicPanelInput(
    double? Glucose = null, string? GlucoseUnit = null,
    double? Insulin = null, string? InsulinUnit = null, double? InsulinFactor = null,
    double? Triglycerides = null, double? Hdl = null, string? LipidUnit = null,
    double? WaistCm = null, string? Population = null,
    double? Systolic = null, double? Diastolic = null, Sex? Sex = null,
    bool OnBpDrugs = false, bool OnGlucoseDrugs = false, IReadOnlyList<string>? LipidDrugs = null)
{
    /// <summary>pmol/L per µU/mL: 6.00 (Heinemann 2010) to 6.945 (older assays) and a margin.</summary>
    public static NumberRange InsulinFactorRange { get; } = new(5, 8);

    /// <summary>Waist circumference, cm.</summary>
    public static NumberRange WaistCmRange { get; } = new(40, 250, "cm");

    /// <summary>Systolic pressure, mmHg.</summary>
    public static NumberRange SystolicRange { get; } = new(60, 300, "mmHg");

    /// <summary>Diastolic pressure, mmHg.</summary>
    public static NumberRange DiastolicRange { get; } = new(30, 200, "mmHg");

    /// <summary>Every problem, in field order; empty when <see cref="Compute"/> may run.</summary>
    public IReadOnlyList<InputProblem<MetabolicField>> Validate()
    {
        var problems = new InputProblems<MetabolicField>();
        Lab(problems, "fasting-glucose", MetabolicField.Glucose, MetabolicField.GlucoseUnit, Glucose, GlucoseUnit);
        Lab(problems, "fasting-insulin", MetabolicField.Insulin, MetabolicField.InsulinUnit, Insulin, InsulinUnit);
        Lab(problems, "triglycerides", MetabolicField.Triglycerides, MetabolicField.LipidUnit, Triglycerides, LipidUnit);
        Lab(problems, "hdl", MetabolicField.Hdl, MetabolicField.LipidUnit, Hdl, LipidUnit);
        problems.Range(MetabolicField.InsulinFactor, InsulinFactor, InsulinFactorRange);
        problems.Range(MetabolicField.WaistCm, WaistCm, WaistCmRange);
        problems.Range(MetabolicField.Systolic, Systolic, SystolicRange);
        problems.Range(MetabolicField.Diastolic, Diastolic, DiastolicRange);
        if (Systolic is { } s && Diastolic is { } d && d >= s)
            problems.Add(MetabolicField.Diastolic, "must be lower than {Systolic}");
        if (Population is { } p && MetabolicSyndrome.FindPopulation(p) is null)
            problems.Add(MetabolicField.Population, $": unknown '{p}'; known: {string.Join(", ", MetabolicSyndrome.Populations.Select(x => x.Id))}");
        if (MetabolicSyndrome.ParseLipidDrugs(LipidDrugs ?? []) is null)
            problems.Add(MetabolicField.LipidDrugs, $": unknown class in '{string.Join(",", LipidDrugs ?? [])}'; known: {MetabolicSyndrome.LipidDrugIds}");
        if (WaistCm is not null && (Population is null || Sex is null))
            problems.Add(MetabolicField.WaistCm, "needs {Population} and {Sex} (the thresholds differ by both)");
        if (Glucose is null && Insulin is null && Triglycerides is null && Hdl is null && WaistCm is null && Systolic is null && Diastolic is null
            && !OnBpDrugs && !OnGlucoseDrugs && (LipidDrugs ?? []).Count == 0)
            problems.Add(MetabolicField.Glucose, "(or any other measurement) is required: give at least one measurement");
        return problems;
    }

    /// <summary>The indices and the metabolic syndrome from the inputs.</summary>
    /// <exception cref="ArgumentException">When <see cref="Validate"/> reports a problem.</exception>
    public MetabolicPanelResult Compute()
    {
        if (Validate() is [var first, ..])
            throw new ArgumentException(first.Render(f => f.ToString()));
        var factor = InsulinFactor ?? LabUnits.DefaultInsulinPmolPerMicroUnit;
        double? Canonical(string kind, double? value, string? unit)
        {
            var k = Labs.Find(kind)!;
            return value is { } v ? Labs.ToCanonical(k, v, Labs.NormalizeUnit(k, unit)!, factor) : null;
        }

        var inputs = new MetabolicInputs(
            Sex, WaistCm, Population is { } p ? MetabolicSyndrome.FindPopulation(p) : null,
            Canonical("triglycerides", Triglycerides, LipidUnit), Canonical("hdl", Hdl, LipidUnit), Systolic, Diastolic,
            Canonical("fasting-glucose", Glucose, GlucoseUnit), OnBpDrugs, OnGlucoseDrugs, MetabolicSyndrome.ParseLipidDrugs(LipidDrugs ?? [])!.Value);
        return MetabolicPanel.Compute(inputs, Canonical("fasting-insulin", Insulin, InsulinUnit), factor);
    }

    private static void Lab(InputProblems<MetabolicField> problems, string kind, MetabolicField field, MetabolicField unitField, double? value, string? unit)
    {
        if (value is null)
            return;
        if (unit is null)
            problems.Add(unitField, "is required with {" + field + "}: values without a unit are rejected");
        else if (LabInput.Check(Labs.Find(kind)!, value.Value, unit) is { } problem)
            problems.Add(problem.Field == LabField.Unit ? unitField : field, problem.Message);
    }
}
