using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Planning;

namespace Magnesia.Cli.Features.Plan;

/// <summary><c>magnesia medications list</c>: the medicines the planners know, with their rules and sources.</summary>
internal static class MedicationsListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "Medicines and how they interact with magnesium (ids for --medications).");
        command.SetAction(parse =>
        {
            var all = Medications.All.Select(MedicationResponse.From).ToList();
            if (parse.GetValue(g.Json))
                return cli.WriteJson(all);
            foreach (var m in all)
                cli.Out.WriteLine($"{m.Id,-28} {m.Effect,-10} {m.Rule}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
