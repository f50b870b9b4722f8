using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Intake;
using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Plan;

/// <summary>
/// <c>magnesia plan supplement [--form id | --product id] [--from … --to … | --intake-mg n] [--egfr n] [--kidney-disease] [--medications id:HH:MM,…]</c>:
/// the supplement for the gap food leaves (<see cref="SupplementPlanner"/>), to the RDA of today's life stage.
/// </summary>
internal static class PlanSupplementCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var form = new Option<string?>("--form") { Description = "Salt form id (see `magnesia forms`).", HelpName = "FORM" };
        var product = new Option<string?>("--product") { Description = "A product of yours (p1, see `magnesia products list`): its form and units per dose.", HelpName = "ID" };
        var from = CliOptions.Date("--from", "Window start for usual intake (default 29 days before --to).");
        var to = CliOptions.Date("--to", "Window end (default today).");
        var intake = CliOptions.Number("--intake-mg", "Usual magnesium intake from food, mg/day (instead of the diary).");
        var egfr = CliOptions.Number("--egfr", "eGFR, mL/min/1.73 m² (default: from the latest creatinine lab).");
        var kidney = new Option<bool>("--kidney-disease") { Description = "You have kidney disease: without an eGFR no dose is planned." };
        var medications = new Option<string?>("--medications") { Description = "Medicines with their dose times: ciprofloxacin:08:00,ciprofloxacin:20:00 (one per dose), a weekly or monthly one as bisphosphonate:07:00/weekly (see `magnesia medications list`).", HelpName = "ID:HH:MM[/weekly|/monthly],…" };
        var command = new Command("supplement", "Plan a supplement for the gap food leaves: dose, form, schedule around medicines.") { form, product, from, to, intake, egfr, kidney, medications };
        command.Guarded(r => Checks.Report(r,
            r.GetValue(form) is { } f && SupplementForms.Find(f) is null ? $"--form: unknown form '{f}' (known: {SupplementForms.KnownIds})"
            : r.GetValue(product) is { } pid && !ProductId.TryParse(pid, out _) ? $"--product: '{pid}' is not a product id (p1, p2, …)"
            : r.GetValue(product) is not null && r.GetValue(form) is not null ? "give --product or --form, not both (a product has its form)"
            : Checks.Window(r.GetValue(from), r.GetValue(to)) is { } window ? window
            : r.GetValue(intake) is not null && r.GetValue(from) is not null ? "give --intake-mg or --from/--to, not both"
            : Checks.In(r.GetValue(intake), "--intake-mg", PlanLimits.UsualIntakeMgRange)
              ?? Checks.In(r.GetValue(egfr), "--egfr", Metabolic.Egfr.ValueRange)
              ?? (r.GetValue(medications) is { } m ? ParseMedications(m, out _) : null)));
        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = cli.Window(parse.GetValue(from), parse.GetValue(to));
            ParseMedications(parse.GetValue(medications) ?? "", out var timed);
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var query = new SupplementPlanQuery(parse.GetValue(form) is { } id ? SupplementForms.Find(id) : null, ProductId.TryParse(parse.GetValue(product), out var pid) ? pid : null, first, last,
                parse.GetValue(intake), parse.GetValue(egfr), parse.GetValue(kidney), timed);
            var (plan, chosen, usual) = await diary.PlanSupplementAsync(profile, query, ct);
            var r = SupplementPlanResponse.From(plan);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            cli.Out.WriteLine($"target {r.TargetMg:0} mg (RDA), usual food intake {usual:0} mg → gap {r.GapMg:0} mg; supplemental UL {(r.SupplementalUlMg is { } ul ? $"{ul:0} mg (IOM; the EU's is {r.EuDailyMaximumMg:0} mg)" : "none set")}; at most {r.PerDoseLimitMg:0} mg a dose");
            cli.Out.WriteLine(r.ElementalMg > 0 ? $"plan: {r.ElementalMg:0.#} mg elemental magnesium a day{(r.CompoundMg is { } c ? $" = {c:0.#} mg {r.Form}" : "")}{(r.Units is { } n ? $", {n} unit(s) of {chosen!.Name}" : "")}" : "plan: no supplement");
            foreach (var d in r.Schedule)
                cli.Out.WriteLine($"  {d.Time}  {d.ElementalMg:0.#} mg");
            foreach (var i in r.Interactions)
                cli.Out.WriteLine($"  {i.Medication}: {i.Rule}");
            foreach (var w in r.Warnings)
                cli.Out.WriteLine($"  ! {w}");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    /// <summary>Reads <c>id:HH:MM,…</c>; returns the first problem, or null.</summary>
    internal static string? ParseMedications(string text, out List<MedicationTime> result)
    {
        result = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                return $"--medications: '{part}' must be id:HH:MM, e.g. ciprofloxacin:08:00";
            var id = part[..colon];
            if (Medications.Find(id) is not { } medication)
                return $"--medications: unknown medication '{id}' (see `magnesia medications list`)";
            var rest = part[(colon + 1)..];
            var frequency = DoseFrequency.Daily;
            if (rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
            {
                if (!Enum.TryParse(rest[(slash + 1)..], ignoreCase: true, out frequency) || !Enum.IsDefined(frequency))
                    return $"--medications: '{rest[(slash + 1)..]}' is not daily, weekly or monthly";
                rest = rest[..slash];
            }

            if (SupplementPlanner.ParseTime(rest) is not { } time)
                return $"--medications: '{rest}' is not a time of day HH:MM";
            result.Add(new MedicationTime(medication, time, frequency));
        }

        return null;
    }
}
