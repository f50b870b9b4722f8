using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia labs add &lt;kind&gt; &lt;value&gt; --unit … [--date …]</c></summary>
internal static class LabsAddCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var kind = new Argument<string>("kind") { Description = "Lab kind id or LOINC code, e.g. serum-magnesium or 19123-9." };
        var value = new Argument<double>("value") { Description = "The result." };
        var unit = new Option<string?>("--unit") { Description = "Its unit.", HelpName = "UNIT" };
        var date = CliOptions.Date("--date", "Day of the sample (default today).");
        var command = new Command("add", "Add a dated lab result.") { kind, value, unit, date };
        static string Name(LabField f) => f switch { LabField.Kind => "kind", LabField.Value => "value", _ => "--unit" };
        command.Validate(r => Checks.First(new LabInput(r.GetValue(kind), r.GetValue(value), r.GetValue(unit)).Validate(), Name));
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            var (k, v, u) = new LabInput(parse.GetValue(kind), parse.GetValue(value), parse.GetValue(unit)).Resolve();
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var lab = await diary.AddLabAsync(day, k, v, u, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(LabResponse.From(lab));
            cli.Out.WriteLine(lab.Id.ToString(CultureInfo.InvariantCulture));
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
