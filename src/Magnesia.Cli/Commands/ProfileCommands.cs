using System.ComponentModel;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.References;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia profile set --age Y|--birth-date D --sex S [pregnancy/lactation dates] [--weight-kg] [--medications]</c></summary>
public sealed class ProfileSetCommand(CliContext cli) : AsyncCommand<ProfileSetCommand.Settings>
{
    /// <summary>Options of <c>profile set</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Age in years (recorded today; it grows on each anniversary).</summary>
        [CommandOption("--age <YEARS>")]
        [Description("Age in years today (0–130); or give --birth-date.")]
        public int? Age { get; init; }

        /// <summary>Birth date.</summary>
        [CommandOption("--birth-date <DATE>")]
        [Description("Birth date, yyyy-mm-dd.")]
        public string? BirthDate { get; init; }

        /// <summary>female or male.</summary>
        [CommandOption("--sex <SEX>")]
        public string? Sex { get; init; }

        /// <summary>Pregnancy start.</summary>
        [CommandOption("--pregnant-from <DATE>")]
        public string? PregnantFrom { get; init; }

        /// <summary>Pregnancy end.</summary>
        [CommandOption("--pregnant-to <DATE>")]
        public string? PregnantTo { get; init; }

        /// <summary>Lactation start.</summary>
        [CommandOption("--lactating-from <DATE>")]
        public string? LactatingFrom { get; init; }

        /// <summary>Lactation end.</summary>
        [CommandOption("--lactating-to <DATE>")]
        public string? LactatingTo { get; init; }

        /// <summary>Body weight.</summary>
        [CommandOption("--weight-kg <KG>")]
        public double? WeightKg { get; init; }

        /// <summary>Medication ids.</summary>
        [CommandOption("--medications <IDS>")]
        [Description("Medication ids separated by commas (used by screening).")]
        public string? Medications { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            string? problem =
                Age is null == BirthDate is null ? "give either --age or --birth-date"
                : Sex is null ? "--sex is required: female or male"
                : LifeStage.ParseSex(Sex) is null ? $"--sex must be female or male, not '{Sex}'"
                : DiaryOptions.CheckDate(BirthDate, "--birth-date")
                  ?? DiaryOptions.CheckDate(PregnantFrom, "--pregnant-from") ?? DiaryOptions.CheckDate(PregnantTo, "--pregnant-to")
                  ?? DiaryOptions.CheckDate(LactatingFrom, "--lactating-from") ?? DiaryOptions.CheckDate(LactatingTo, "--lactating-to")
                  ?? (PregnantFrom is null != PregnantTo is null ? "give both --pregnant-from and --pregnant-to" : null)
                  ?? (LactatingFrom is null != LactatingTo is null ? "give both --lactating-from and --lactating-to" : null)
                  ?? DiaryOptions.CheckPositive(WeightKg, "--weight-kg", 500)
                  ?? (Medications is { } m && m.Split(',').Any(x => string.IsNullOrWhiteSpace(x) || x.Length > 40) ? "--medications must be ids separated by commas" : null);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var today = cli.Today;
        var profile = new DiaryProfile(
            LifeStage.ParseSex(settings.Sex)!.Value,
            DiaryOptions.ParseDate(settings.BirthDate),
            settings.Age,
            settings.Age is null ? null : today,
            settings.PregnantFrom is null ? [] : [new DatePeriod(DiaryOptions.ParseDate(settings.PregnantFrom)!.Value, DiaryOptions.ParseDate(settings.PregnantTo)!.Value)],
            settings.LactatingFrom is null ? [] : [new DatePeriod(DiaryOptions.ParseDate(settings.LactatingFrom)!.Value, DiaryOptions.ParseDate(settings.LactatingTo)!.Value)],
            settings.WeightKg,
            settings.Medications is null ? [] : [.. settings.Medications.Split(',').Select(x => x.Trim().ToLowerInvariant())]);
        if (profile.Check(today) is { } problem)
            throw new UsageException(problem);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using (db)
            await diary.SetProfileAsync(profile, cancellationToken);
        var response = ProfileResponse.From(profile, today);
        if (settings.Json)
            return cli.WriteJson(response);
        cli.Out.WriteLine($"Profile saved. Life stage today: {response.LifeStageToday}.");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia profile show</c></summary>
public sealed class ProfileShowCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
        var r = ProfileResponse.From(profile, cli.Today);
        if (settings.Json)
            return cli.WriteJson(r);
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("Sex", r.Sex);
        table.AddRow("Age", r.BirthDate is { } b ? $"born {b:yyyy-MM-dd}" : $"{r.AgeYears} y on {r.AgeRecordedOn:yyyy-MM-dd}");
        table.AddRow("Life stage today", Markup.Escape(r.LifeStageToday));
        foreach (var p in r.Pregnancies)
            table.AddRow("Pregnant", $"{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}");
        foreach (var p in r.Lactations)
            table.AddRow("Breastfeeding", $"{p.From:yyyy-MM-dd} to {p.To:yyyy-MM-dd}");
        if (r.WeightKg is { } w)
            table.AddRow("Weight", $"{w:0.#} kg");
        if (r.Medications.Count > 0)
            table.AddRow("Medications", Markup.Escape(string.Join(", ", r.Medications)));
        cli.Console.Write(table);
        return MagnesiaCli.Ok;
    }
}
