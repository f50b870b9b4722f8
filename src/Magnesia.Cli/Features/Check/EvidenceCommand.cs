using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Cli.Features.Reference;
using Magnesia.Screening;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia evidence [--intake-mg n --age … --sex …]</c>, or from the diary's last 30 days.</summary>
internal static class EvidenceCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var intake = CliOptions.Number("--intake-mg", "Usual total intake (food and supplements), mg/day; without it, the diary's last 30 days.", "MG");
        var life = LifeStageOptions.Create();
        var command = new Command("evidence", "Your usual intake next to the VITAL cohort and type 2 diabetes meta-analyses.") { intake };
        life.AddTo(command, reproduction: false, required: false);
        command.Validate(r => (
            Checks.In(r.GetValue(intake), "--intake-mg", Planning.PlanLimits.UsualIntakeMgRange) is { } bad ? bad
            : (r.GetValue(life.Age) is not null || r.GetValue(life.Sex) is not null) && r.GetValue(intake) is null ? "--age and --sex go with --intake-mg (without them the diary is used)"
            : r.GetValue(intake) is not null && (r.GetValue(life.Age) is null || r.GetValue(life.Sex) is null) ? "--intake-mg needs --age and --sex"
            : null));
        command.SetAction(async (parse, ct) =>
        {
            EvidenceResult result;
            if (parse.GetValue(intake) is { } mg)
            {
                result = Evidence.Apply(mg, life.LifeStage(parse));
            }
            else
            {
                await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
                var profile = await CliContext.RequireProfileAsync(diary, ct);
                result = await diary.EvidenceAsync(profile, cli.Today, ct)
                    ?? throw new UsageException($"nothing logged in the last {Intake.DiaryWindow.DefaultDays} days: log food first, or give --intake-mg with --age and --sex");
            }

            var json = EvidenceResponse.From(result);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(json);
            Render(cli, json);
            return MagnesiaCli.Ok;
        });
        return command;
    }

    /// <summary>Readable sections: the intake against the RDA, each finding applied, the caution and sources.</summary>
    internal static void Render(CliContext cli, EvidenceResponse r)
    {
        cli.Out.WriteLine($"Usual intake {r.IntakeMg:0} mg/day = {r.PercentOfRda:0.#}% of the RDA ({r.RdaMg:0} mg): VITAL group \"{r.VitalCategory}\"");
        foreach (var f in r.Findings)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine($"{f.Study} — {f.Outcome}");
            cli.Out.WriteLine($"  Found: {f.Finding}");
            cli.Out.WriteLine($"  You:   {f.Applied}");
        }

        cli.Out.WriteLine();
        cli.Out.WriteLine(r.Caution);
        foreach (var s in r.Sources)
            cli.Out.WriteLine($"Source: {s}");
    }
}
