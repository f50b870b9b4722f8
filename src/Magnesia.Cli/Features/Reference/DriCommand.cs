using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.References;
using Spectre.Console;

namespace Magnesia.Cli.Features.Reference;

/// <summary><c>magnesia dri --age Y [--months M] --sex female|male [--pregnant|--lactating]</c></summary>
internal static class DriCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var life = LifeStageOptions.Create();
        var command = new Command("dri", "Magnesium EAR, RDA, AI and supplemental UL for a life stage (IOM 1997).");
        life.AddTo(command);
        command.SetAction((parse, _) =>
        {
            var response = DriResponse.From(MagnesiumDris.For(life.LifeStage(parse)));
            return Task.FromResult(parse.GetValue(g.Json) ? cli.WriteJson(response) : Render(cli, response));
        });
        return command;
    }

    private static int Render(CliContext cli, DriResponse r)
    {
        var table = new Table().Title($"Magnesium DRIs — {Terminal.Cell(r.LifeStage)} (mg/day)").AddColumns("Value", "mg/day", "Meaning");
        table.AddRow("EAR", Mg(r.EarMg), "Estimated Average Requirement: meets the needs of half the group");
        table.AddRow("RDA", Mg(r.RdaMg), "Recommended Dietary Allowance: meets the needs of 97–98%");
        table.AddRow("AI", Mg(r.AiMg), "Adequate Intake (infants, where no RDA is set)");
        table.AddRow("UL", Mg(r.SupplementalUlMg), "Upper limit for supplements and medicines only, not food");
        cli.Console.Write(table);
        foreach (var s in r.Sources)
            cli.Out.WriteLine($"Source: {s}");
        return MagnesiaCli.Ok;
    }

    private static string Mg(double? value) => value is { } v ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}

/// <summary>The options that describe a life stage (<c>dri</c>, <c>evidence</c>), checked together.</summary>
internal sealed record LifeStageOptions(Option<int?> Age, Option<int?> Months, Option<Sex?> Sex, Option<bool> Pregnant, Option<bool> Lactating)
{
    public static LifeStageOptions Create() => new(
        CliOptions.Whole("--age", "Age in completed years (0–130).", "YEARS"),
        CliOptions.Whole("--months", "Extra completed months (0–11), for infants.", "MONTHS"),
        CliOptions.Sex(),
        new Option<bool>("--pregnant") { Description = "Pregnant." },
        new Option<bool>("--lactating") { Description = "Breastfeeding." });

    public void AddTo(Command command, bool reproduction = true, bool required = true)
    {
        command.Options.Add(Age);
        command.Options.Add(Sex);
        if (reproduction)
        {
            command.Options.Add(Months);
            command.Options.Add(Pregnant);
            command.Options.Add(Lactating);
        }

        command.Guarded(r =>
        {
            if (!required && r.GetValue(Age) is null && r.GetValue(Sex) is null)
                return;
            Checks.Report(r, Check(r.GetValue(Age), r.GetValue(Months), r.GetValue(Sex), r.GetValue(Pregnant), r.GetValue(Lactating)));
        });
    }

    public LifeStage LifeStage(System.CommandLine.ParseResult parse) => Create(
        parse.GetValue(Age), parse.GetValue(Months), parse.GetValue(Sex), parse.GetValue(Pregnant), parse.GetValue(Lactating));

    public static string? Check(int? age, int? months, Sex? sex, bool pregnant, bool lactating)
    {
        if (age is null)
            return "--age is required (years; use --age 0 --months M for infants)";
        if (sex is null)
            return "--sex is required: female or male";
        if (pregnant && lactating)
            return "--pregnant and --lactating cannot both be given";
        return References.LifeStage.Validate(age.Value, months ?? 0, sex.Value, Reproduction(pregnant, lactating)) switch
        {
            null => null,
            { Input: LifeStageInput.Months } p => $"--{p.Message}",
            var p => $"--age: {p.Message}",
        };
    }

    public static LifeStage Create(int? age, int? months, Sex? sex, bool pregnant, bool lactating) =>
        References.LifeStage.Create(age!.Value, months ?? 0, sex!.Value, Reproduction(pregnant, lactating));

    private static Reproduction Reproduction(bool pregnant, bool lactating) =>
        pregnant ? References.Reproduction.Pregnant : lactating ? References.Reproduction.Lactating : References.Reproduction.None;
}
