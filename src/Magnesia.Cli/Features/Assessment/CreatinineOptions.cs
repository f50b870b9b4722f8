using System.CommandLine;
using System.CommandLine.Parsing;
using Magnesia.Metabolic;
using Magnesia.References;

namespace Magnesia.Cli.Features.Assessment;

/// <summary>The creatinine, age and sex options that <c>egfr</c> and <c>mds</c> share.</summary>
internal sealed record CreatinineOptions(Option<double?> Creatinine, Option<CreatinineUnit?> Unit, Option<double?> Age, Option<Sex?> Sex)
{
    public static CreatinineOptions Create() => new(
        CliOptions.Number("--creatinine", "Serum creatinine."),
        new Option<CreatinineUnit?>("--creatinine-unit")
        {
            Description = "mg/dL or umol/L.",
            HelpName = "UNIT",
            CustomParser = r =>
            {
                var text = r.Tokens[^1].Value;
                CreatinineUnit? unit = text.Trim().Replace('µ', 'u').ToLowerInvariant() switch
                {
                    "mg/dl" => CreatinineUnit.MgPerDl,
                    "umol/l" => CreatinineUnit.UmolPerL,
                    _ => null,
                };
                if (unit is null)
                    r.AddError($"--creatinine-unit must be mg/dL or umol/L, not '{text}'");
                return unit;
            },
        },
        CliOptions.Number("--age", "Age in years (18–120).", "YEARS"),
        CliOptions.Sex());

    public void AddTo(Command command)
    {
        command.Options.Add(Creatinine);
        command.Options.Add(Unit);
        command.Options.Add(Age);
        command.Options.Add(Sex);
    }

    /// <summary>eGFR from the options, or the problem.</summary>
    public (double? Egfr, string? Problem) Egfr(SymbolResult r) => From(r.GetValue(Creatinine), r.GetValue(Unit), r.GetValue(Age), r.GetValue(Sex));

    /// <summary>eGFR from parsed values.</summary>
    public (double? Egfr, string? Problem) Egfr(ParseResult r) => From(r.GetValue(Creatinine), r.GetValue(Unit), r.GetValue(Age), r.GetValue(Sex));

    private static (double? Egfr, string? Problem) From(double? creatinine, CreatinineUnit? unit, double? age, Sex? sex)
    {
        if (creatinine is null)
            return (null, "--creatinine is required");
        if (unit is null)
            return (null, "--creatinine-unit is required (mg/dL or umol/L): values without a unit are rejected");
        if (age is null)
            return (null, "--age is required");
        if (sex is null)
            return (null, "--sex is required: female or male");
        var mg = Metabolic.Egfr.CreatinineMgPerDl(creatinine.Value, unit.Value);
        if (Metabolic.Egfr.CheckCreatinine(mg) is { } creatinineProblem)
            return (null, $"--creatinine: {creatinineProblem}");
        if (Metabolic.Egfr.CheckAge(age.Value) is { } ageProblem)
            return (null, $"--age: {ageProblem}");
        return (Metabolic.Egfr.CkdEpi2021(mg, age.Value, sex.Value), null);
    }
}
