using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;

namespace Magnesia.Cli.Features.Assessment;

/// <summary><c>magnesia serum &lt;value&gt; --unit mg/dL|mmol/L|mEq/L</c></summary>
internal static class SerumCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var kind = Labs.Find("serum-magnesium")!;
        var value = new Argument<double>("value") { Description = "Total serum magnesium." };
        var unit = new Option<string?>("--unit") { Description = "mmol/L, mg/dL or mEq/L.", HelpName = "UNIT" };
        var command = new Command("serum", "Serum magnesium: unit conversion and interpretation.") { value, unit };
        command.Validate(r => (
            r.GetValue(unit) is null ? "--unit is required (mmol/L, mg/dL or mEq/L): values without a unit are rejected"
            : Labs.Check(kind, r.GetValue(value), r.GetValue(unit))));
        command.SetAction((parse, _) =>
        {
            var json = SerumResponse.From(SerumMagnesium.From(Labs.ToCanonical(kind, parse.GetValue(value), Labs.NormalizeUnit(kind, parse.GetValue(unit))!), SerumMagnesiumUnit.MmolPerL));
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
