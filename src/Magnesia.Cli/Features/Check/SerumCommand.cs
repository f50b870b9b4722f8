using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia serum &lt;value&gt; --unit mg/dL|mmol/L|mEq/L</c></summary>
internal static class SerumCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var value = new Argument<double>("value") { Description = "Total serum magnesium." };
        var unit = new Option<string?>("--unit") { Description = "mmol/L, mg/dL or mEq/L.", HelpName = "UNIT" };
        var command = new Command("serum", "Serum magnesium: unit conversion and interpretation.") { value, unit };
        command.Validate(r => Checks.First(new LabInput("serum-magnesium", r.GetValue(value), r.GetValue(unit)).Validate(), f => f == LabField.Unit ? "--unit" : "value"));
        command.SetAction((parse, _) =>
        {
            var json = SerumResponse.From(SerumMagnesium.FromLab(parse.GetValue(value), parse.GetValue(unit)!));
            if (parse.GetValue(g.Json))
                return Task.FromResult(cli.WriteJson(json));
            Render(cli, json);
            return Task.FromResult(MagnesiaCli.Ok);
        });
        return command;
    }

    internal static void Render(CliContext cli, SerumResponse r)
    {
        cli.Out.WriteLine($"{r.MmolPerL:0.00} mmol/L = {r.MgPerDl:0.00} mg/dL = {r.MeqPerL:0.00} mEq/L");
        cli.Out.WriteLine(r.Interpretation);
        cli.Out.WriteLine($"Reference: {r.ReferenceRange}");
    }
}
