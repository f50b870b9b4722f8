using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.References;
using Spectre.Console;

namespace Magnesia.Cli.Features.Reference;

/// <summary><c>magnesia forms</c>: supplement salt forms with their elemental magnesium.</summary>
internal static class FormsCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("forms", "Supplement salt forms with elemental magnesium % computed from molar masses.");
        command.SetAction((parse, _) =>
        {
            var forms = SupplementForms.All.Select(FormResponse.From).ToList();
            return Task.FromResult(parse.GetValue(g.Json) ? cli.WriteJson(forms) : Render(cli, forms));
        });
        return command;
    }

    private static int Render(CliContext cli, List<FormResponse> forms)
    {
        var table = new Table().AddColumns(new TableColumn("Id"), new TableColumn("Salt"), new TableColumn("Formula"), new TableColumn("g/mol").RightAligned(), new TableColumn("Mg %").RightAligned(), new TableColumn("Mg per 500 mg").RightAligned());
        foreach (var f in forms)
            table.AddRow(f.Id, Terminal.Cell(f.Name), Terminal.Cell(f.Formula), f.MolarMassGPerMol.ToString("0.00", CultureInfo.InvariantCulture), f.ElementalPercent.ToString("0.00", CultureInfo.InvariantCulture), $"{f.ElementalPercent * 5:0} mg");
        cli.Console.Write(table);
        cli.Out.WriteLine("Elemental % = 100 × Mg atoms × 24.305 / molar mass (IUPAC atomic weights), or the manufacturer's figure where the salt as sold differs (see notes). Notes and sources: magnesia forms --json");
        return MagnesiaCli.Ok;
    }
}
