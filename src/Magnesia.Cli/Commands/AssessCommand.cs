using System.ComponentModel;
using Magnesia.Data.Contracts;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary>
/// <c>magnesia assess [--from … --to …]</c>: one report from the profile, usual intake over a window (default the last
/// 30 days), the latest labs and screening answers, each section with its inputs, result, sources, and what is missing.
/// </summary>
public sealed class AssessCommand(CliContext cli) : AsyncCommand<AssessCommand.Settings>
{
    private static readonly string[] MetabolicLabs = ["fasting-glucose", "fasting-insulin", "triglycerides", "hdl"];

    /// <summary>Options of <c>assess</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Window start.</summary>
        [CommandOption("--from <DATE>")] public string? From { get; init; }

        /// <summary>Window end.</summary>
        [CommandOption("--to <DATE>")] public string? To { get; init; }

        /// <summary>Heavy drinking, for the MDS.</summary>
        [CommandOption("--heavy-alcohol <YESNO>")] public string? HeavyAlcohol { get; init; }

        /// <summary>Extra situations.</summary>
        [CommandOption("--situations <IDS>")] public string? Situations { get; init; }

        /// <summary>Conditions.</summary>
        [CommandOption("--conditions <IDS>")]
        [Description("Condition ids for screening, e.g. type-2-diabetes.")]
        public string? Conditions { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            var problem = DiaryOptions.CheckDate(From, "--from") ?? DiaryOptions.CheckDate(To, "--to")
                ?? (From is null != To is null ? "give both --from and --to, or neither (last 30 days)" : null)
                ?? (From is not null && DiaryOptions.ParseDate(To) < DiaryOptions.ParseDate(From) ? "--to is before --from" : null)
                ?? (HeavyAlcohol is not null && AssessmentOptions.YesNo(HeavyAlcohol) is null ? $"--heavy-alcohol must be yes or no, not '{HeavyAlcohol}'" : null)
                ?? AssessmentOptions.Ids(Situations).Where(i => Screener.Find("situation", i) is null).Select(i => $"--situations: unknown id '{i}'").FirstOrDefault()
                ?? AssessmentOptions.Ids(Conditions).Where(i => Screener.Find("condition", i) is null).Select(i => $"--conditions: unknown id '{i}'").FirstOrDefault();
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var today = cli.Today;
        var to = settings.To is null ? today : cli.Date(settings.To, "--to");
        var from = settings.From is null ? today.AddDays(-29) : cli.Date(settings.From, "--from");
        if (to.DayNumber - from.DayNumber >= Intake.PeriodReport.MaxDays)
            throw new UsageException($"a window may span at most {Intake.PeriodReport.MaxDays} days");
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
        var lifeStage = profile.LifeStageOn(today);
        var (ageYears, _) = profile.AgeOn(today);
        var period = await diary.PeriodAsync(profile, from, to, cancellationToken);
        var labs = LabQueries.Latest(await LabQueries.AllAsync(db, cancellationToken));
        var missing = new List<string>();

        // Intake and evidence.
        var mean = period.Mean(d => d.MagnesiumTotal.Milligrams);
        if (mean is null)
            missing.Add($"diary entries between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} (intake and evidence)");
        var intake = mean is null ? null : new
        {
            window = new { from, to },
            daysLogged = period.LoggedDays.Count,
            daysBelowEar = period.DaysBelowEar,
            meanMagnesiumMg = Math.Round(mean.Value, 1),
            meanPercentOfRda = Math.Round(period.Mean(d => d.PercentOfRda)!.Value, 1),
            sources = MagnesiumDris.For(lifeStage).Sources.Select(s => s.ToString()).ToList(),
        };
        var evidence = mean is null ? null : EvidenceCommand.Response(Evidence.Apply(mean.Value, lifeStage));

        // Serum magnesium.
        object? serum = null;
        if (labs.TryGetValue("serum-magnesium", out var mgLab))
            serum = new { date = mgLab.Date, result = SerumCommand.Response(SerumMagnesium.From(mgLab.Canonical, SerumMagnesiumUnit.MmolPerL)) };
        else
            missing.Add("a serum magnesium result (magnesia labs add serum-magnesium <value> --unit mmol/L)");

        // Kidney function and MDS.
        double? egfr = null;
        if (labs.TryGetValue("creatinine", out var creatinine) && ageYears >= Egfr.MinimumAgeYears && Egfr.Check(creatinine.Canonical, ageYears) is null)
            egfr = Egfr.CkdEpi2021(creatinine.Canonical, ageYears, profile.Sex);
        else
            missing.Add(ageYears < Egfr.MinimumAgeYears ? "eGFR (CKD-EPI 2021 is for adults)" : "a serum creatinine result (eGFR and MDS)");
        var kidney = egfr is null ? null : new { date = creatinine!.Date, egfrMlMin173m2 = Math.Round(egfr.Value, 1), equation = "CKD-EPI 2021", stage = Egfr.Category(egfr.Value).ToString() };
        var meds = profile.Medications.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var heavy = AssessmentOptions.YesNo(settings.HeavyAlcohol);
        if (heavy is null)
            missing.Add("--heavy-alcohol yes|no (MDS)");
        var mds = egfr is null || heavy is null ? null : MagnesiumDepletionScore.Compute(
            meds.Contains("loop-diuretic") || meds.Contains("thiazide-diuretic"), meds.Contains("ppi"), egfr.Value, heavy.Value);

        // Metabolic markers from the latest labs.
        double? Lab(string id) => labs.TryGetValue(id, out var l) ? l.Canonical : null;
        var metabolic = MetabolicCommand.Compute(Lab("fasting-glucose"), Lab("fasting-insulin"), Lab("triglycerides"), Lab("hdl"), new MetabolicInputs(profile.Sex), LabUnits.DefaultInsulinPmolPerMicroUnit);
        foreach (var id in MetabolicLabs.Where(i => !labs.ContainsKey(i)))
            missing.Add($"a {id} result (insulin-resistance indices)");
        missing.Add("waist circumference and blood pressure (metabolic syndrome: use magnesia metabolic)");

        // Screening from the diary's symptoms, the profile's medications and the given answers.
        var answers = period.Days.SelectMany(d => d.Symptoms).Select(s => Screener.Find("symptom", s.SignId))
            .Concat(profile.Medications.Select(m => Screener.Find("medication", m)))
            .Concat(AssessmentOptions.Ids(settings.Situations).Select(i => Screener.Find("situation", i)))
            .Concat(AssessmentOptions.Ids(settings.Conditions).Select(i => Screener.Find("condition", i)))
            .Concat(ageYears > 70 ? [Screener.Find("condition", "older-age")] : [])
            .Where(i => i is not null).Select(i => i!);
        var screening = Screener.Score(answers);

        var report = new
        {
            date = today,
            lifeStage = lifeStage.Label,
            intake,
            evidence,
            serum,
            kidney,
            mds = mds is null ? null : MdsCommand.Response(mds),
            metabolic,
            screening = ScreenCommand.Response(screening),
            missing,
        };
        if (settings.Json)
            return cli.WriteJson(report);
        cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, CliContext.JsonOptions));
        return MagnesiaCli.Ok;
    }
}
