using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Screening;

namespace Magnesia.Cli.Features.Assessment;

/// <summary><c>magnesia mds --diuretic yes|no --ppi yes|no (--egfr n | --creatinine …) --heavy-alcohol yes|no</c></summary>
internal static class MdsCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var diuretic = CliOptions.YesNo("--diuretic", "Taking a loop or thiazide diuretic.");
        var ppi = CliOptions.YesNo("--ppi", "Taking a proton-pump inhibitor.");
        var egfr = CliOptions.Number("--egfr", "eGFR, mL/min/1.73 m², if known.");
        var heavy = CliOptions.YesNo("--heavy-alcohol", "yes: more than 1 drink a day (women) or 2 (men).");
        var creatinine = CreatinineOptions.Create();
        var command = new Command("mds", "Magnesium Depletion Score (Fan et al. 2021).") { diuretic, ppi, egfr, heavy };
        creatinine.AddTo(command);
        command.Validate(r => (
            new[] { (diuretic, "--diuretic"), (ppi, "--ppi"), (heavy, "--heavy-alcohol") }.Where(x => r.GetValue(x.Item1) is null).Select(x => $"{x.Item2} is required: yes or no").FirstOrDefault()
            ?? (r.GetValue(egfr) is not null && r.GetValue(creatinine.Creatinine) is not null ? "give --egfr or --creatinine, not both"
            : r.GetValue(egfr) is { } e ? (double.IsFinite(e) && e > 0 && e <= 200 ? null : $"--egfr must be above 0 and at most 200 mL/min/1.73 m², not {e}")
            : creatinine.Egfr(r).Problem is { } p ? (r.GetValue(creatinine.Creatinine) is null ? "give --egfr, or --creatinine with --creatinine-unit, --age and --sex" : p)
            : null)));
        command.SetAction((parse, _) =>
        {
            var value = parse.GetValue(egfr) ?? creatinine.Egfr(parse).Egfr!.Value;
            var r = MagnesiumDepletionScore.Compute(parse.GetValue(diuretic) == Answer.Yes, parse.GetValue(ppi) == Answer.Yes, value, parse.GetValue(heavy) == Answer.Yes);
            if (parse.GetValue(g.Json))
                return Task.FromResult(cli.WriteJson(MdsResponse.From(r)));
            cli.Out.WriteLine($"Magnesium Depletion Score {r.Score} of 5 ({r.Group}; eGFR {r.EgfrMlMin173m2:0.#})");
            foreach (var c in r.Components)
                cli.Out.WriteLine($"  {c.Id}: {c.Points} — {c.Reason}");
            return Task.FromResult(MagnesiaCli.Ok);
        });
        return command;
    }
}
