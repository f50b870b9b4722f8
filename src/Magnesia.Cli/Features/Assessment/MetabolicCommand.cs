using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;
using Magnesia.References;
using Spectre.Console;

namespace Magnesia.Cli.Features.Assessment;

/// <summary><c>magnesia metabolic [--glucose n --glucose-unit …] [--insulin n --insulin-unit …] […]</c></summary>
internal static class MetabolicCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var glucose = CliOptions.Number("--glucose", "Fasting glucose.");
        var glucoseUnit = new Option<string?>("--glucose-unit") { Description = "mg/dL or mmol/L.", HelpName = "UNIT" };
        var insulin = CliOptions.Number("--insulin", "Fasting insulin.");
        var insulinUnit = new Option<string?>("--insulin-unit") { Description = "uU/mL or pmol/L.", HelpName = "UNIT" };
        var factor = CliOptions.Number("--insulin-factor", "pmol/L per µU/mL (default 6.00; some labs use 6.945).", "F");
        var triglycerides = CliOptions.Number("--triglycerides", "Triglycerides.");
        var hdl = CliOptions.Number("--hdl", "HDL cholesterol.");
        var lipidUnit = new Option<string?>("--lipid-unit") { Description = "mg/dL or mmol/L for triglycerides and HDL.", HelpName = "UNIT" };
        var waist = CliOptions.Number("--waist-cm", "Waist circumference.", "CM");
        var population = new Option<string?>("--population") { Description = "Population for waist thresholds (europid, united-states, asian, …).", HelpName = "ID" };
        var systolic = CliOptions.Number("--systolic", "Systolic pressure.", "MMHG");
        var diastolic = CliOptions.Number("--diastolic", "Diastolic pressure.", "MMHG");
        var sex = CliOptions.Sex();
        var bpDrugs = new Option<bool>("--on-bp-drugs") { Description = "Taking antihypertensives." };
        var glucoseDrugs = new Option<bool>("--on-glucose-drugs") { Description = "Taking glucose-lowering drugs." };
        var lipidDrugs = new Option<bool>("--on-lipid-drugs") { Description = "Taking a fibrate or nicotinic acid (same as --lipid-drugs fibrate)." };
        var lipidClasses = CliOptions.Ids("--lipid-drugs", "Lipid drug classes: fibrate, nicotinic-acid, omega-3, statin (Alberti 2009: fibrates and nicotinic acid count for TG and HDL, omega-3 for TG only, statins for neither).");
        var command = new Command("metabolic", "HOMA-IR, QUICKI, TyG and the harmonized metabolic syndrome.")
        {
            glucose, glucoseUnit, insulin, insulinUnit, factor, triglycerides, hdl, lipidUnit, waist, population, systolic, diastolic, sex, bpDrugs, glucoseDrugs, lipidDrugs, lipidClasses,
        };
        command.Guarded(r =>
        {
            string? Lab(string kind, string option, string unitOption, double? value, string? u) =>
                value is null ? null
                : u is null ? $"{unitOption} is required with {option}: values without a unit are rejected"
                : Labs.Check(Labs.Find(kind)!, value.Value, u) is { } p ? $"{option}: {p}" : null;
            string? Range(string option, double? v, double min, double max) =>
                v is { } x && (!double.IsFinite(x) || x < min || x > max) ? $"{option} must be between {min} and {max}, not {x}" : null;
            Checks.Report(r,
                Lab("fasting-glucose", "--glucose", "--glucose-unit", r.GetValue(glucose), r.GetValue(glucoseUnit))
                ?? Lab("fasting-insulin", "--insulin", "--insulin-unit", r.GetValue(insulin), r.GetValue(insulinUnit))
                ?? Lab("triglycerides", "--triglycerides", "--lipid-unit", r.GetValue(triglycerides), r.GetValue(lipidUnit))
                ?? Lab("hdl", "--hdl", "--lipid-unit", r.GetValue(hdl), r.GetValue(lipidUnit))
                ?? Range("--insulin-factor", r.GetValue(factor), 5, 8)
                ?? Range("--waist-cm", r.GetValue(waist), 40, 250)
                ?? Range("--systolic", r.GetValue(systolic), 60, 300)
                ?? Range("--diastolic", r.GetValue(diastolic), 30, 200)
                ?? (r.GetValue(systolic) is { } s && r.GetValue(diastolic) is { } d && d >= s ? "--diastolic must be lower than --systolic" : null)
                ?? (r.GetValue(population) is { } p && MetabolicSyndrome.FindPopulation(p) is null ? $"--population: unknown '{p}'; known: {string.Join(", ", MetabolicSyndrome.Populations.Select(x => x.Id))}" : null)
                ?? (MetabolicSyndrome.ParseLipidDrugs(r.GetValue(lipidClasses) ?? []) is null ? $"--lipid-drugs: unknown class in '{string.Join(",", r.GetValue(lipidClasses) ?? [])}'; known: fibrate, nicotinic-acid, omega-3, statin" : null)
                ?? (r.GetValue(waist) is not null && (r.GetValue(population) is null || r.GetValue(sex) is null) ? "--waist-cm needs --population and --sex (thresholds differ by both)" : null)
                ?? (r.GetValue(glucose) is null && r.GetValue(insulin) is null && r.GetValue(triglycerides) is null && r.GetValue(hdl) is null && r.GetValue(waist) is null
                    && r.GetValue(systolic) is null && r.GetValue(diastolic) is null && !r.GetValue(bpDrugs) && !r.GetValue(glucoseDrugs) && !r.GetValue(lipidDrugs)
                    && (r.GetValue(lipidClasses) ?? []).Length == 0
                    ? "give at least one measurement (see magnesia metabolic --help)" : null));
        });
        command.SetAction((parse, _) =>
        {
            var insulinFactor = parse.GetValue(factor) ?? LabUnits.DefaultInsulinPmolPerMicroUnit;
            double? Canonical(string kind, double? value, string? unit)
            {
                var k = Labs.Find(kind)!;
                return value is { } v ? Labs.ToCanonical(k, v, Labs.NormalizeUnit(k, unit)!, insulinFactor) : null;
            }

            var drugs = MetabolicSyndrome.ParseLipidDrugs(parse.GetValue(lipidClasses)!)!.Value | (parse.GetValue(lipidDrugs) ? LipidDrugs.Fibrate : LipidDrugs.None);
            var inputs = new MetabolicInputs(
                parse.GetValue(sex), parse.GetValue(waist), parse.GetValue(population) is { } p ? MetabolicSyndrome.FindPopulation(p) : null,
                Canonical("triglycerides", parse.GetValue(triglycerides), parse.GetValue(lipidUnit)), Canonical("hdl", parse.GetValue(hdl), parse.GetValue(lipidUnit)),
                parse.GetValue(systolic), parse.GetValue(diastolic), Canonical("fasting-glucose", parse.GetValue(glucose), parse.GetValue(glucoseUnit)),
                parse.GetValue(bpDrugs), parse.GetValue(glucoseDrugs), drugs);
            var result = MetabolicResponse.From(MetabolicPanel.Compute(inputs, Canonical("fasting-insulin", parse.GetValue(insulin), parse.GetValue(insulinUnit)), insulinFactor));
            if (parse.GetValue(g.Json))
                return Task.FromResult(cli.WriteJson(result));
            Render(cli, result);
            return Task.FromResult(MagnesiaCli.Ok);
        });
        return command;
    }

    /// <summary>Readable sections: the indices, then the five criteria.</summary>
    internal static void Render(CliContext cli, MetabolicResponse r)
    {
        static string Value(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "– (needs its inputs)";
        var indices = new Table().Title("Insulin resistance").AddColumns("Index", "Value", "Formula");
        indices.AddRow("HOMA-IR", Value(r.HomaIr, "0.00"), "insulin µU/mL × glucose mmol/L / 22.5 (Matthews 1985)");
        indices.AddRow("QUICKI", Value(r.Quicki, "0.0000"), "1 / (log10 insulin + log10 glucose mg/dL) (Katz 2000)");
        indices.AddRow("TyG", Value(r.Tyg, "0.00"), "ln(TG mg/dL × glucose mg/dL / 2) (Simental-Mendía 2008)");
        cli.Console.Write(indices);
        var m = r.MetabolicSyndrome;
        var verdict = m.Present switch { true => "present", false => "absent", null => "undecided (missing criteria could still decide it)" };
        cli.Out.WriteLine($"Metabolic syndrome (Alberti 2009, 3 of 5): {verdict} — {m.Count} met");
        cli.Out.WriteLine($"  met: {(m.CriteriaMet.Count == 0 ? "none" : string.Join(", ", m.CriteriaMet))}");
        if (m.CriteriaUnknown.Count > 0)
            cli.Out.WriteLine($"  not known: {string.Join(", ", m.CriteriaUnknown)}");
        cli.Out.WriteLine($"Insulin factor {r.Conversions.InsulinPmolPerMicroUnit.ToString("0.###", CultureInfo.InvariantCulture)} pmol/L per µU/mL. TyG values near 8–9.5; cut-offs near 4.5–4.7 in early papers are on another scale.");
    }
}
