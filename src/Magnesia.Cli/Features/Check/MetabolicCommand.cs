using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;
using Magnesia.References;
using Spectre.Console;

namespace Magnesia.Cli.Features.Check;

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
        // --on-lipid-drugs is the older spelling of --lipid-drugs fibrate.
        MetabolicPanelInput Input(CommandResult r) => new(
            r.GetValue(glucose), r.GetValue(glucoseUnit), r.GetValue(insulin), r.GetValue(insulinUnit), r.GetValue(factor),
            r.GetValue(triglycerides), r.GetValue(hdl), r.GetValue(lipidUnit), r.GetValue(waist), r.GetValue(population),
            r.GetValue(systolic), r.GetValue(diastolic), r.GetValue(sex), r.GetValue(bpDrugs), r.GetValue(glucoseDrugs),
            r.GetValue(lipidDrugs) ? [.. r.GetValue(lipidClasses) ?? [], "fibrate"] : r.GetValue(lipidClasses));
        command.Validate(r => Checks.First(Input(r).Validate()));
        command.SetAction((parse, _) =>
        {
            var input = Input(parse.CommandResult);
            var result = MetabolicResponse.From(input.Compute());
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
