using Magnesia.Data.Contracts;
using Magnesia.References;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia forms</c>: supplement salt forms and their elemental magnesium.</summary>
public sealed class FormsCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var forms = SupplementForms.All.Select(FormResponse.From).ToList();
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(forms));

        var table = new Table().AddColumns(new TableColumn("Id"), new TableColumn("Salt"), new TableColumn("Formula"), new TableColumn("g/mol").RightAligned(), new TableColumn("Mg %").RightAligned(), new TableColumn("Mg per 500 mg").RightAligned());
        foreach (var f in forms)
            table.AddRow(f.Id, Markup.Escape(f.Name), Markup.Escape(f.Formula), f.MolarMassGPerMol.ToString("0.00"), f.ElementalPercent.ToString("0.00"), $"{f.ElementalPercent * 5:0} mg");
        cli.Console.Write(table);
        cli.Out.WriteLine("Elemental % = 100 × Mg atoms × 24.305 / molar mass (IUPAC atomic weights). Notes and sources: magnesia forms --json");
        return Task.FromResult(MagnesiaCli.Ok);
    }
}
