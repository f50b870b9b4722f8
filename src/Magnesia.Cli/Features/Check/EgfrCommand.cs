using System.CommandLine;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia egfr --creatinine n --creatinine-unit mg/dL|umol/L --age n --sex female|male</c></summary>
internal static class EgfrCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var creatinine = CreatinineOptions.Create();
        var command = new Command("egfr", "eGFR by the CKD-EPI 2021 race-free creatinine equation.");
        creatinine.AddTo(command);
        command.Validate(r => Checks.First(creatinine.Input(r).Validate()));
        command.SetAction((parse, _) =>
        {
            var r = EgfrResponse.From(creatinine.Input(parse.CommandResult).Compute());
            if (parse.GetValue(g.Json))
                return Task.FromResult(cli.WriteJson(r));
            cli.Out.WriteLine($"eGFR {r.EgfrMlMin173m2:0.#} mL/min/1.73 m² (CKD-EPI 2021, race-free) — KDIGO category {r.Category}");
            return Task.FromResult(MagnesiaCli.Ok);
        });
        return command;
    }
}
