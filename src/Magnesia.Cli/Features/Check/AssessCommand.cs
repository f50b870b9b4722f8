using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Screening;
using Spectre.Console;

namespace Magnesia.Cli.Features.Check;

/// <summary>
/// <c>magnesia assess [--from … --to …]</c>: one report from the profile, usual intake over a window (default the last
/// 30 days), the latest labs and screening answers; composed by <see cref="Screening.Assessment"/>.
/// </summary>
internal static class AssessCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var from = CliOptions.Date("--from", "Window start (default 29 days before --to).");
        var to = CliOptions.Date("--to", "Window end (default today).");
        var heavy = CliOptions.YesNo("--heavy-alcohol", "Heavy drinking, for the MDS.");
        var situations = CliOptions.Ids("--situations", "Life situation ids.");
        var conditions = CliOptions.Ids("--conditions", "Condition ids for screening, e.g. type-2-diabetes.");
        var command = new Command("assess", "One combined assessment from the profile, diary, labs and screening.") { from, to, heavy, situations, conditions };
        command.Validate(r => (
            Checks.Window(r.GetValue(from), r.GetValue(to))
              ?? (r.GetValue(situations) ?? []).Where(i => Screener.Find(ScreeningCategory.Situation, i) is null).Select(i => $"--situations: unknown id '{i}'").FirstOrDefault()
              ?? (r.GetValue(conditions) ?? []).Where(i => Screener.Find(ScreeningCategory.Condition, i) is null).Select(i => $"--conditions: unknown id '{i}'").FirstOrDefault()));
        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = cli.Window(parse.GetValue(from), parse.GetValue(to));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var answers = new AssessmentAnswers(parse.GetValue(heavy) is { } h ? h == Answer.Yes : null, parse.GetValue(situations)!, parse.GetValue(conditions)!);
            var report = AssessmentResponse.From(await diary.AssessAsync(profile, first, last, answers, ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(report);
            Render(cli, report);
            return MagnesiaCli.Ok;
        });
        return command;
    }

    /// <summary>Readable sections, one per part of the assessment, then what is missing.</summary>
    internal static void Render(CliContext cli, AssessmentResponse r)
    {
        cli.Out.WriteLine($"Assessment {r.Date:yyyy-MM-dd} — {r.LifeStage}");
        Section(cli, "Intake");
        if (r.Intake is { } i)
            cli.Out.WriteLine($"  {i.MeanMagnesiumMg:0.#} mg/day over {i.DaysLogged} logged days ({i.Window.From:yyyy-MM-dd} to {i.Window.To:yyyy-MM-dd}) = {i.MeanPercentOfRda:0.#}% of the RDA; {i.DaysBelowEar} days below the EAR");
        else
            cli.Out.WriteLine("  – nothing logged in the window");
        Section(cli, "Evidence");
        if (r.Evidence is { } e)
        {
            foreach (var f in e.Findings)
                cli.Out.WriteLine($"  {f.Study} ({f.Outcome}): {f.Applied}");
        }
        else
        {
            cli.Out.WriteLine("  – needs intake");
        }

        Section(cli, "Serum magnesium");
        if (r.Serum is { } s)
            cli.Out.WriteLine($"  {s.Date:yyyy-MM-dd}: {s.Result.MmolPerL:0.00} mmol/L ({s.Result.MgPerDl:0.00} mg/dL) — {s.Result.Category}");
        else
            cli.Out.WriteLine("  – no result");
        Section(cli, "Kidney function and Magnesium Depletion Score");
        cli.Out.WriteLine(r.Kidney is { } k ? $"  eGFR {k.EgfrMlMin173m2:0.#} mL/min/1.73 m² ({k.Equation}, {k.Date:yyyy-MM-dd}) — {k.Stage}" : "  – no eGFR");
        cli.Out.WriteLine(r.Mds is { } m ? $"  MDS {m.Score} of 5 — {m.Category}" : "  – no MDS");
        Section(cli, "Insulin resistance");
        cli.Out.WriteLine($"  HOMA-IR {Value(r.Metabolic.HomaIr, "0.00")}, QUICKI {Value(r.Metabolic.Quicki, "0.0000")}, TyG {Value(r.Metabolic.Tyg, "0.00")}");
        Section(cli, "Screening");
        cli.Out.WriteLine($"  {r.Screening.Points} points — {r.Screening.Category}{(r.Screening.Items.Count == 0 ? "" : $": {string.Join(", ", r.Screening.Items.Select(x => x.Id))}")}");
        if (r.Missing.Count > 0)
        {
            Section(cli, "To complete the picture, add");
            foreach (var x in r.Missing)
                cli.Out.WriteLine($"  - {x}");
        }

        cli.Out.WriteLine();
        cli.Out.WriteLine(r.Screening.Disclaimer);
    }

    private static void Section(CliContext cli, string title)
    {
        cli.Out.WriteLine();
        cli.Out.WriteLine(title);
    }

    private static string Value(double? v, string format) => v is { } x ? x.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
