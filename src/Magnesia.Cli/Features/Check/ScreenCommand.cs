using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Screening;
using Spectre.Console;

namespace Magnesia.Cli.Features.Check;

/// <summary><c>magnesia screen [--symptoms …] [--situations …] [--medications …] [--conditions …]</c></summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var answers = new (Option<string[]> Option, ScreeningCategory Category)[]
        {
            (CliOptions.Ids("--symptoms", "Deficiency sign ids, comma-separated (see README)."), ScreeningCategory.Symptom),
            (CliOptions.Ids("--situations", "Life situation ids."), ScreeningCategory.Situation),
            (CliOptions.Ids("--medications", "Medication class ids."), ScreeningCategory.Medication),
            (CliOptions.Ids("--conditions", "Condition ids."), ScreeningCategory.Condition),
        };
        var command = new Command("screen", "Deficiency-risk screening: signs, situations, medications, conditions (a screening aid, not a diagnosis).");
        foreach (var (option, _) in answers)
            command.Options.Add(option);
        command.Validate(r => ( answers
            .SelectMany(a => (r.GetValue(a.Option) ?? []).Where(id => Screener.Find(a.Category, id) is null)
                .Select(id => $"{a.Option.Name}: unknown id '{id}'; known: {Screener.KnownIds(a.Category)}"))
            .FirstOrDefault()));
        command.SetAction((parse, _) =>
        {
            var result = Screener.Score(answers.SelectMany(a => parse.GetValue(a.Option)!.Select(id => Screener.Find(a.Category, id)!)));
            var response = ScreeningResponse.From(result);
            if (parse.GetValue(g.Json))
                return Task.FromResult(cli.WriteJson(response));
            Render(cli, response);
            return Task.FromResult(MagnesiaCli.Ok);
        });
        return command;
    }

    internal static void Render(CliContext cli, ScreeningResponse r)
    {
        var table = new Table().Title($"Screening: {r.Points} points — {r.Category}").AddColumns(new TableColumn("Item"), new TableColumn("Points").RightAligned(), new TableColumn("Why"));
        foreach (var i in r.Items)
            table.AddRow(i.Id, i.Points.ToString(CultureInfo.InvariantCulture), Terminal.Cell(i.Reason));
        cli.Console.Write(table);
        cli.Out.WriteLine(r.Disclaimer);
    }
}
