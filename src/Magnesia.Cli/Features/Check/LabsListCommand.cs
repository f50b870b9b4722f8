using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia labs list</c></summary>
internal static class LabsListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "Every lab result, oldest first.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var labs = (await diary.LabsAsync(ct)).Select(LabResponse.From).ToList();
            if (parse.GetValue(g.Json))
                return cli.WriteJson(labs);
            foreach (var l in labs)
                cli.Out.WriteLine($"{l.Id}  {l.Date:yyyy-MM-dd}  {l.Kind} ({l.Loinc})  {l.Value.ToString(CultureInfo.InvariantCulture)} {l.Unit}");
            if (labs.Count == 0)
                cli.Out.WriteLine("No lab results yet (magnesia labs add <kind> <value> --unit …).");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
