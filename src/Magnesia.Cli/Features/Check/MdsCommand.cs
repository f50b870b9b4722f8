using System.CommandLine;
using System.CommandLine.Parsing;
using Magnesia.Data.Contracts;
using Magnesia.Screening;

namespace Magnesia.Cli.Features.Check;

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
        MdsInput Input(CommandResult r)
        {
            bool? Yes(Option<Answer?> o) => r.GetValue(o) is { } a ? a == Answer.Yes : null;
            return new(Yes(diuretic), Yes(ppi), Yes(heavy), r.GetValue(egfr), creatinine.Given(r) ? creatinine.Input(r) : null);
        }

        command.Validate(r => Checks.First(Input(r).Validate()));
        command.SetAction((parse, _) =>
        {
            var r = Input(parse.CommandResult).Compute();
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
