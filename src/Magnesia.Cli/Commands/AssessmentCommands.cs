using System.ComponentModel;
using System.Globalization;
using Magnesia.Data.Diary;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary>Parsing shared by the assessment commands.</summary>
internal static class AssessmentOptions
{
    public static bool? YesNo(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" => true,
        "no" or "n" or "false" => false,
        _ => null,
    };

    public static string[] Ids(string? list) =>
        list is null ? [] : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static CreatinineUnit? CreatinineUnitOf(string? unit) => unit?.Trim().Replace('µ', 'u').ToLowerInvariant() switch
    {
        "mg/dl" => CreatinineUnit.MgPerDl,
        "umol/l" => CreatinineUnit.UmolPerL,
        _ => null,
    };

    /// <summary>eGFR from creatinine options, or the problem.</summary>
    public static (double? Egfr, string? Problem) EgfrFrom(double? creatinine, string? unit, double? age, string? sex)
    {
        if (creatinine is null)
            return (null, "--creatinine is required");
        if (unit is null)
            return (null, "--creatinine-unit is required (mg/dL or umol/L): values without a unit are rejected");
        if (CreatinineUnitOf(unit) is not { } u)
            return (null, $"--creatinine-unit must be mg/dL or umol/L, not '{unit}'");
        if (age is null)
            return (null, "--age is required");
        if (sex is null || LifeStage.ParseSex(sex) is null)
            return (null, sex is null ? "--sex is required: female or male" : $"--sex must be female or male, not '{sex}'");
        var mg = Egfr.CreatinineMgPerDl(creatinine.Value, u);
        if (Egfr.CheckCreatinine(mg) is { } creatinineProblem)
            return (null, $"--creatinine: {creatinineProblem}");
        if (Egfr.CheckAge(age.Value) is { } ageProblem)
            return (null, $"--age: {ageProblem}");
        return (Egfr.CkdEpi2021(mg, age.Value, LifeStage.ParseSex(sex)!.Value), null);
    }
}

/// <summary><c>magnesia screen [--symptoms …] [--situations …] [--medications …] [--conditions …]</c></summary>
public sealed class ScreenCommand(CliContext cli) : AsyncCommand<ScreenCommand.Settings>
{
    /// <summary>Options of <c>screen</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Sign ids.</summary>
        [CommandOption("--symptoms <IDS>")]
        [Description("Deficiency sign ids, comma-separated (see README).")]
        public string? Symptoms { get; init; }

        /// <summary>Situation ids.</summary>
        [CommandOption("--situations <IDS>")]
        public string? Situations { get; init; }

        /// <summary>Medication ids.</summary>
        [CommandOption("--medications <IDS>")]
        public string? Medications { get; init; }

        /// <summary>Condition ids.</summary>
        [CommandOption("--conditions <IDS>")]
        public string? Conditions { get; init; }

        internal IEnumerable<(string Category, string Option, string Id)> Answers() =>
            AssessmentOptions.Ids(Symptoms).Select(i => ("symptom", "--symptoms", i))
                .Concat(AssessmentOptions.Ids(Situations).Select(i => ("situation", "--situations", i)))
                .Concat(AssessmentOptions.Ids(Medications).Select(i => ("medication", "--medications", i)))
                .Concat(AssessmentOptions.Ids(Conditions).Select(i => ("condition", "--conditions", i)));

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            foreach (var (category, option, id) in Answers())
            {
                if (Screener.Find(category, id) is null)
                    return ValidationResult.Error($"{option}: unknown id '{id}'; known: {string.Join(", ", Screener.All.Where(i => i.Category == category).Select(i => i.Id))}");
            }

            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = Screener.Score(settings.Answers().Select(a => Screener.Find(a.Category, a.Id)!));
        var json = Response(result);
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(json));
        var table = new Table().Title($"Screening: {result.Points} points — {result.Level}").AddColumns(new TableColumn("Item"), new TableColumn("Points").RightAligned(), new TableColumn("Why"));
        foreach (var i in result.Items)
            table.AddRow(i.Id, i.Points.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.Reason));
        cli.Console.Write(table);
        cli.Out.WriteLine(ScreeningResult.Disclaimer);
        return Task.FromResult(MagnesiaCli.Ok);
    }

    /// <summary>The contracted JSON of a screening result.</summary>
    internal static object Response(ScreeningResult result) => new
    {
        points = result.Points,
        level = result.Level,
        items = result.Items.Select(i => new { id = i.Id, points = i.Points, reason = i.Reason, sources = i.Sources.Select(s => s.ToString()).ToList() }).ToList(),
        disclaimer = ScreeningResult.Disclaimer,
    };
}

/// <summary>The creatinine, age and sex options that <c>egfr</c> and <c>mds</c> share.</summary>
public class CreatinineSettings : GlobalSettings
{
    /// <summary>Serum creatinine.</summary>
    [CommandOption("--creatinine <N>")]
    public double? Creatinine { get; init; }

    /// <summary>Its unit.</summary>
    [CommandOption("--creatinine-unit <UNIT>")]
    public string? CreatinineUnit { get; init; }

    /// <summary>Age.</summary>
    [CommandOption("--age <YEARS>")]
    public double? Age { get; init; }

    /// <summary>Sex.</summary>
    [CommandOption("--sex <SEX>")]
    public string? Sex { get; init; }
}

/// <summary><c>magnesia egfr --creatinine n --creatinine-unit mg/dL|umol/L --age n --sex female|male</c></summary>
public sealed class EgfrCommand(CliContext cli) : AsyncCommand<EgfrCommand.Settings>
{
    /// <summary>Options of <c>egfr</c>.</summary>
    public sealed class Settings : CreatinineSettings
    {
        /// <inheritdoc />
        public override ValidationResult Validate() =>
            AssessmentOptions.EgfrFrom(Creatinine, CreatinineUnit, Age, Sex).Problem is { } p ? ValidationResult.Error(p) : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var egfr = AssessmentOptions.EgfrFrom(settings.Creatinine, settings.CreatinineUnit, settings.Age, settings.Sex).Egfr!.Value;
        var json = new { egfrMlMin173m2 = Math.Round(egfr, 1), equation = "CKD-EPI 2021", stage = Egfr.Category(egfr).ToString(), sources = new[] { ScreeningSources.Inker2021.ToString() } };
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(json));
        cli.Out.WriteLine($"eGFR {json.egfrMlMin173m2:0.#} mL/min/1.73 m² (CKD-EPI 2021, race-free) — KDIGO category {json.stage}");
        return Task.FromResult(MagnesiaCli.Ok);
    }
}

/// <summary><c>magnesia mds --diuretic yes|no --ppi yes|no (--egfr n | --creatinine …) --heavy-alcohol yes|no</c></summary>
public sealed class MdsCommand(CliContext cli) : AsyncCommand<MdsCommand.Settings>
{
    /// <summary>Options of <c>mds</c>.</summary>
    public sealed class Settings : CreatinineSettings
    {
        /// <summary>Diuretic use.</summary>
        [CommandOption("--diuretic <YESNO>")]
        public string? Diuretic { get; init; }

        /// <summary>PPI use.</summary>
        [CommandOption("--ppi <YESNO>")]
        public string? Ppi { get; init; }

        /// <summary>eGFR given directly.</summary>
        [CommandOption("--egfr <N>")]
        public double? Egfr { get; init; }

        /// <summary>Heavy drinking.</summary>
        [CommandOption("--heavy-alcohol <YESNO>")]
        [Description("yes: more than 1 drink a day (women) or 2 (men).")]
        public string? HeavyAlcohol { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            foreach (var (option, value) in new[] { ("--diuretic", Diuretic), ("--ppi", Ppi), ("--heavy-alcohol", HeavyAlcohol) })
            {
                if (value is null)
                    return ValidationResult.Error($"{option} is required: yes or no");
                if (AssessmentOptions.YesNo(value) is null)
                    return ValidationResult.Error($"{option} must be yes or no, not '{value}'");
            }

            if (Egfr is not null && Creatinine is not null)
                return ValidationResult.Error("give --egfr or --creatinine, not both");
            if (Egfr is { } e)
                return double.IsFinite(e) && e > 0 && e <= 200 ? ValidationResult.Success() : ValidationResult.Error($"--egfr must be above 0 and at most 200 mL/min/1.73 m², not {e}");
            return AssessmentOptions.EgfrFrom(Creatinine, CreatinineUnit, Age, Sex).Problem is { } p
                ? ValidationResult.Error(Creatinine is null ? "give --egfr, or --creatinine with --creatinine-unit, --age and --sex" : p)
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var egfr = settings.Egfr ?? AssessmentOptions.EgfrFrom(settings.Creatinine, settings.CreatinineUnit, settings.Age, settings.Sex).Egfr!.Value;
        var r = MagnesiumDepletionScore.Compute(AssessmentOptions.YesNo(settings.Diuretic)!.Value, AssessmentOptions.YesNo(settings.Ppi)!.Value, egfr, AssessmentOptions.YesNo(settings.HeavyAlcohol)!.Value);
        if (settings.Json)
            return Task.FromResult(cli.WriteJson(Response(r)));
        cli.Out.WriteLine($"Magnesium Depletion Score {r.Score} of 5 ({r.Group}; eGFR {r.EgfrMlMin173m2:0.#})");
        foreach (var c in r.Components)
            cli.Out.WriteLine($"  {c.Id}: {c.Points} — {c.Reason}");
        return Task.FromResult(MagnesiaCli.Ok);
    }

    /// <summary>The contracted JSON of an MDS result.</summary>
    internal static object Response(MdsResult r) => new
    {
        score = r.Score,
        group = r.Group,
        components = r.Components,
        egfrMlMin173m2 = Math.Round(r.EgfrMlMin173m2, 1),
        sources = new[] { ScreeningSources.Fan2021.ToString(), ScreeningSources.Zhang2025.ToString() },
    };
}
