using System.ComponentModel;
using Magnesia.Data.Contracts;
using Magnesia.References;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia dri --age Y [--months M] --sex female|male [--pregnant|--lactating]</c></summary>
public sealed class DriCommand(CliContext cli) : AsyncCommand<DriCommand.Settings>
{
    /// <summary>Options of <c>dri</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Age in whole years.</summary>
        [CommandOption("--age <YEARS>")]
        [Description("Age in completed years (0–130).")]
        public int? Age { get; init; }

        /// <summary>Extra months, for infants.</summary>
        [CommandOption("--months <MONTHS>")]
        [Description("Extra completed months (0–11), for infants.")]
        public int? Months { get; init; }

        /// <summary>female or male.</summary>
        [CommandOption("--sex <SEX>")]
        [Description("female or male.")]
        public string? Sex { get; init; }

        /// <summary>Pregnant.</summary>
        [CommandOption("--pregnant")]
        public bool Pregnant { get; init; }

        /// <summary>Lactating.</summary>
        [CommandOption("--lactating")]
        public bool Lactating { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            LifeStageOptions.Check(Age, Months, Sex, Pregnant, Lactating) is { } problem
                ? ValidationResult.Error(problem)
                : ValidationResult.Success();

        internal LifeStage ToLifeStage() => LifeStageOptions.Create(Age, Months, Sex, Pregnant, Lactating);
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dri = MagnesiumDris.For(settings.ToLifeStage());
        var response = DriResponse.From(dri);
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(response));

        var table = new Table().Title($"Magnesium DRIs — {Markup.Escape(response.LifeStage)} (mg/day)").AddColumns("Value", "mg/day", "Meaning");
        table.AddRow("EAR", Mg(response.EarMg), "Estimated Average Requirement: meets the needs of half the group");
        table.AddRow("RDA", Mg(response.RdaMg), "Recommended Dietary Allowance: meets the needs of 97–98%");
        table.AddRow("AI", Mg(response.AiMg), "Adequate Intake (infants, where no RDA is set)");
        table.AddRow("UL", Mg(response.SupplementalUlMg), "Upper limit for supplements and medicines only, not food");
        cli.Console.Write(table);
        foreach (var s in response.Sources)
            cli.Out.WriteLine($"Source: {s}");
        return Task.FromResult(MagnesiaCli.Ok);
    }

    private static string Mg(double? value) => value is { } v ? v.ToString("0") : "–";
}

/// <summary>Shared checks for the options that describe a life stage.</summary>
internal static class LifeStageOptions
{
    public static string? Check(int? age, int? months, string? sex, bool pregnant, bool lactating)
    {
        if (age is null)
            return "--age is required (years; use --age 0 --months M for infants)";
        if (sex is null)
            return "--sex is required: female or male";
        if (ParseSex(sex) is null)
            return $"--sex must be female or male, not '{sex}'";
        if (pregnant && lactating)
            return "--pregnant and --lactating cannot both be given";
        return LifeStage.Validate(age.Value, months ?? 0, ParseSex(sex)!.Value, Reproduction(pregnant, lactating)) switch
        {
            null => null,
            { Input: LifeStageInput.Months } p => $"--{p.Message}",
            var p => $"--age: {p.Message}",
        };
    }

    public static LifeStage Create(int? age, int? months, string? sex, bool pregnant, bool lactating) =>
        LifeStage.Create(age!.Value, months ?? 0, ParseSex(sex!)!.Value, Reproduction(pregnant, lactating));

    public static Sex? ParseSex(string value) => LifeStage.ParseSex(value);

    private static Reproduction Reproduction(bool pregnant, bool lactating) =>
        pregnant ? References.Reproduction.Pregnant : lactating ? References.Reproduction.Lactating : References.Reproduction.None;
}
