using System.CommandLine;
using System.CommandLine.Parsing;
using Magnesia.Metabolic;
using Magnesia.References;

namespace Magnesia.Cli.Features.Check;

/// <summary>The creatinine, age and sex options that <c>egfr</c> and <c>mds</c> share: the fields of <see cref="EgfrInput"/>.</summary>
internal sealed record CreatinineOptions(Option<double?> Creatinine, Option<string?> Unit, Option<double?> Age, Option<Sex?> Sex)
{
    public static CreatinineOptions Create() => new(
        CliOptions.Number("--creatinine", "Serum creatinine."),
        new Option<string?>("--creatinine-unit") { Description = "mg/dL or umol/L.", HelpName = "UNIT" },
        CliOptions.Number("--age", "Age in years (18–120).", "YEARS"),
        CliOptions.Sex());

    public void AddTo(Command command)
    {
        command.Options.Add(Creatinine);
        command.Options.Add(Unit);
        command.Options.Add(Age);
        command.Options.Add(Sex);
    }

    /// <summary>Whether any of the options was given.</summary>
    public bool Given(CommandResult r) => r.GetValue(Creatinine) is not null || r.GetValue(Unit) is not null || r.GetValue(Age) is not null || r.GetValue(Sex) is not null;

    /// <summary>The domain's input from the options (while checking, or <c>parse.CommandResult</c> after).</summary>
    public EgfrInput Input(CommandResult r) => new(r.GetValue(Creatinine), r.GetValue(Unit), r.GetValue(Age), r.GetValue(Sex));
}
