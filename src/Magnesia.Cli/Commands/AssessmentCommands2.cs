using System.ComponentModel;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia metabolic [--glucose n --glucose-unit …] [--insulin n --insulin-unit …] […]</c></summary>
public sealed class MetabolicCommand(CliContext cli) : AsyncCommand<MetabolicCommand.Settings>
{
    /// <summary>Options of <c>metabolic</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Fasting glucose.</summary>
        [CommandOption("--glucose <N>")] public double? Glucose { get; init; }

        /// <summary>mg/dL or mmol/L.</summary>
        [CommandOption("--glucose-unit <UNIT>")] public string? GlucoseUnit { get; init; }

        /// <summary>Fasting insulin.</summary>
        [CommandOption("--insulin <N>")] public double? Insulin { get; init; }

        /// <summary>uU/mL or pmol/L.</summary>
        [CommandOption("--insulin-unit <UNIT>")] public string? InsulinUnit { get; init; }

        /// <summary>pmol/L per µU/mL.</summary>
        [CommandOption("--insulin-factor <F>")]
        [Description("pmol/L per µU/mL (default 6.00; some labs use 6.945).")]
        public double? InsulinFactor { get; init; }

        /// <summary>Triglycerides.</summary>
        [CommandOption("--triglycerides <N>")] public double? Triglycerides { get; init; }

        /// <summary>HDL cholesterol.</summary>
        [CommandOption("--hdl <N>")] public double? Hdl { get; init; }

        /// <summary>mg/dL or mmol/L for triglycerides and HDL.</summary>
        [CommandOption("--lipid-unit <UNIT>")] public string? LipidUnit { get; init; }

        /// <summary>Waist circumference.</summary>
        [CommandOption("--waist-cm <CM>")] public double? WaistCm { get; init; }

        /// <summary>Population for waist thresholds.</summary>
        [CommandOption("--population <ID>")] public string? Population { get; init; }

        /// <summary>Systolic pressure.</summary>
        [CommandOption("--systolic <MMHG>")] public double? Systolic { get; init; }

        /// <summary>Diastolic pressure.</summary>
        [CommandOption("--diastolic <MMHG>")] public double? Diastolic { get; init; }

        /// <summary>Sex.</summary>
        [CommandOption("--sex <SEX>")] public string? Sex { get; init; }

        /// <summary>On antihypertensives.</summary>
        [CommandOption("--on-bp-drugs")] public bool OnBpDrugs { get; init; }

        /// <summary>On glucose-lowering drugs.</summary>
        [CommandOption("--on-glucose-drugs")] public bool OnGlucoseDrugs { get; init; }

        /// <summary>On drugs for triglycerides or HDL.</summary>
        [CommandOption("--on-lipid-drugs")] public bool OnLipidDrugs { get; init; }

        internal double? GlucoseMg => Canonical("fasting-glucose", Glucose, GlucoseUnit);

        internal double? InsulinMicro => Canonical("fasting-insulin", Insulin, InsulinUnit);

        internal double? TriglyceridesMg => Canonical("triglycerides", Triglycerides, LipidUnit);

        internal double? HdlMg => Canonical("hdl", Hdl, LipidUnit);

        // A validated value in its lab kind's canonical unit (the insulin factor applies to pmol/L only).
        private double? Canonical(string kind, double? value, string? unit)
        {
            var k = Labs.Find(kind)!;
            return value is { } v ? Labs.ToCanonical(k, v, Labs.NormalizeUnit(k, unit)!, InsulinFactor ?? LabUnits.DefaultInsulinPmolPerMicroUnit) : null;
        }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            string? Lab(string kind, string option, string unitOption, double? value, string? unit) =>
                value is null ? (unit is null ? null : null)
                : unit is null ? $"{unitOption} is required with {option}: values without a unit are rejected"
                : Labs.Check(Labs.Find(kind)!, value.Value, unit) is { } p ? $"{option}: {p}" : null;
            string? Range(string option, double? v, double min, double max) =>
                v is { } x && (!double.IsFinite(x) || x < min || x > max) ? $"{option} must be between {min} and {max}, not {x}" : null;
            var problem =
                Lab("fasting-glucose", "--glucose", "--glucose-unit", Glucose, GlucoseUnit)
                ?? Lab("fasting-insulin", "--insulin", "--insulin-unit", Insulin, InsulinUnit)
                ?? Lab("triglycerides", "--triglycerides", "--lipid-unit", Triglycerides, LipidUnit)
                ?? Lab("hdl", "--hdl", "--lipid-unit", Hdl, LipidUnit)
                ?? Range("--insulin-factor", InsulinFactor, 5, 8)
                ?? Range("--waist-cm", WaistCm, 40, 250)
                ?? Range("--systolic", Systolic, 60, 300)
                ?? Range("--diastolic", Diastolic, 30, 200)
                ?? (Systolic is { } s && Diastolic is { } d && d >= s ? "--diastolic must be lower than --systolic" : null)
                ?? (Sex is not null && LifeStage.ParseSex(Sex) is null ? $"--sex must be female or male, not '{Sex}'" : null)
                ?? (Population is not null && MetabolicSyndrome.FindPopulation(Population) is null ? $"--population: unknown '{Population}'; known: {string.Join(", ", MetabolicSyndrome.Populations.Select(p => p.Id))}" : null)
                ?? (WaistCm is not null && (Population is null || Sex is null) ? "--waist-cm needs --population and --sex (thresholds differ by both)" : null)
                ?? (Glucose is null && Insulin is null && Triglycerides is null && Hdl is null && WaistCm is null && Systolic is null && Diastolic is null && !OnBpDrugs && !OnGlucoseDrugs && !OnLipidDrugs
                    ? "give at least one measurement (see magnesia metabolic --help)" : null);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    internal static object Compute(double? glucoseMg, double? insulinMicro, double? tgMg, double? hdlMg, MetabolicInputs inputs, double insulinFactor)
    {
        var homa = glucoseMg is { } g && insulinMicro is { } i ? Math.Round(InsulinResistance.HomaIr(i, g / LabUnits.GlucoseMgPerDlPerMmolPerL), 2) : (double?)null;
        double? quicki = glucoseMg is { } g2 && insulinMicro is { } i2 && i2 * g2 > 1 ? Math.Round(InsulinResistance.Quicki(i2, g2), 4) : null;
        var tyg = glucoseMg is { } g3 && tgMg is { } t ? Math.Round(InsulinResistance.TyG(t, g3), 2) : (double?)null;
        var mets = MetabolicSyndrome.Assess(inputs with { GlucoseMgPerDl = glucoseMg, TriglyceridesMgPerDl = tgMg, HdlMgPerDl = hdlMg });
        return new
        {
            homaIr = homa,
            quicki,
            tyg,
            metabolicSyndrome = new
            {
                criteriaMet = mets.CriteriaMet.Select(Name).ToList(),
                criteriaUnknown = mets.CriteriaUnknown.Select(Name).ToList(),
                count = mets.Count,
                present = mets.Present,
            },
            conversions = new
            {
                glucoseMgPerDlPerMmolPerL = LabUnits.GlucoseMgPerDlPerMmolPerL,
                insulinPmolPerMicroUnit = insulinFactor,
                triglyceridesMgPerDlPerMmolPerL = LabUnits.TriglyceridesMgPerDlPerMmolPerL,
                hdlMgPerDlPerMmolPerL = LabUnits.CholesterolMgPerDlPerMmolPerL,
            },
            notes = "HOMA-IR: Matthews 1985 (insulin µU/mL × glucose mmol/L / 22.5). QUICKI: Katz 2000. TyG: ln(TG mg/dL × glucose mg/dL / 2), Simental-Mendía 2008 — values near 8–9.5; cut-offs near 4.5–4.7 in early papers use ln(TG × glucose)/2 and are not comparable. Metabolic syndrome: Alberti 2009, 3 of 5 criteria.",
        };
    }

    internal static string Name(MetabolicCriterion c) => c switch
    {
        MetabolicCriterion.Waist => "waist",
        MetabolicCriterion.Triglycerides => "triglycerides",
        MetabolicCriterion.Hdl => "hdl",
        MetabolicCriterion.BloodPressure => "blood-pressure",
        _ => "glucose",
    };

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inputs = new MetabolicInputs(
            settings.Sex is null ? null : LifeStage.ParseSex(settings.Sex), settings.WaistCm,
            settings.Population is null ? null : MetabolicSyndrome.FindPopulation(settings.Population),
            null, null, settings.Systolic, settings.Diastolic, null, settings.OnBpDrugs, settings.OnGlucoseDrugs, settings.OnLipidDrugs);
        var result = Compute(settings.GlucoseMg, settings.InsulinMicro, settings.TriglyceridesMg, settings.HdlMg, inputs, settings.InsulinFactor ?? LabUnits.DefaultInsulinPmolPerMicroUnit);
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(result));
        cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, CliContext.JsonOptions));
        return Task.FromResult(MagnesiaCli.Ok);
    }
}

/// <summary><c>magnesia serum &lt;value&gt; --unit mg/dL|mmol/L|mEq/L</c></summary>
public sealed class SerumCommand(CliContext cli) : AsyncCommand<SerumCommand.Settings>
{
    /// <summary>Options of <c>serum</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>The value.</summary>
        [CommandArgument(0, "<value>")] public double Value { get; init; }

        /// <summary>Its unit.</summary>
        [CommandOption("--unit <UNIT>")] public string? Unit { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Unit is null)
                return ValidationResult.Error("--unit is required (mmol/L, mg/dL or mEq/L): values without a unit are rejected");
            var kind = Labs.Find("serum-magnesium")!;
            return Labs.Check(kind, Value, Unit) is { } p ? ValidationResult.Error(p) : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kind = Labs.Find("serum-magnesium")!;
        var value = SerumMagnesium.From(Labs.ToCanonical(kind, settings.Value, Labs.NormalizeUnit(kind, settings.Unit)!), SerumMagnesiumUnit.MmolPerL);
        var json = Response(value);
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(json));
        cli.Out.WriteLine($"{json.MmolPerL:0.00} mmol/L = {json.MgPerDl:0.00} mg/dL = {json.MeqPerL:0.00} mEq/L");
        cli.Out.WriteLine(json.Interpretation);
        cli.Out.WriteLine($"Reference: {json.ReferenceRange}");
        return Task.FromResult(MagnesiaCli.Ok);
    }

    internal static SerumResponse Response(SerumMagnesium value)
    {
        var i = SerumMagnesiumInterpretation.Interpret(value);
        return new SerumResponse(Math.Round(value.MillimolesPerLitre, 3), Math.Round(value.MilligramsPerDecilitre, 2), Math.Round(value.MilliequivalentsPerLitre, 2), i.Band, i.Text, i.ReferenceRange, [.. i.Sources.Select(s => s.ToString())]);
    }

    internal sealed record SerumResponse(double MmolPerL, double MgPerDl, double MeqPerL, string Band, string Interpretation, string ReferenceRange, IReadOnlyList<string> Sources);
}
