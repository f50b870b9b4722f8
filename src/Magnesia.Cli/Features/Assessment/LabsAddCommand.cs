using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;

namespace Magnesia.Cli.Features.Assessment;

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
        command.Validate(r => (
            Labs.Find(r.GetValue(kind) ?? "") is not { } k ? $"unknown lab '{r.GetValue(kind)}'; known: {string.Join(", ", Labs.Kinds.Select(x => $"{x.Id} ({x.Loinc})"))}"
            : r.GetValue(unit) is null ? $"--unit is required ({string.Join(", ", k.Units)}): values without a unit are rejected"
            : Labs.Check(k, r.GetValue(value), r.GetValue(unit))));
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            var k = Labs.Find(parse.GetValue(kind)!)!;
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var lab = await diary.AddLabAsync(day, k, parse.GetValue(value), Labs.NormalizeUnit(k, parse.GetValue(unit))!, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(LabResponse.From(lab));
            cli.Out.WriteLine(lab.Id.ToString(CultureInfo.InvariantCulture));
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
