using System.ComponentModel;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia evidence [--intake-mg n --age … --sex …]</c>, or from the diary.</summary>
public sealed class EvidenceCommand(CliContext cli) : AsyncCommand<EvidenceCommand.Settings>
{
    /// <summary>Options of <c>evidence</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Usual total intake.</summary>
        [CommandOption("--intake-mg <MG>")]
        [Description("Usual total intake (food and supplements), mg/day; without it, the diary's last 30 days.")]
        public double? IntakeMg { get; init; }

        /// <summary>Age.</summary>
        [CommandOption("--age <YEARS>")] public int? Age { get; init; }

        /// <summary>Sex.</summary>
        [CommandOption("--sex <SEX>")] public string? Sex { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (IntakeMg is { } mg && (!double.IsFinite(mg) || mg < 0 || mg > 10_000))
                return ValidationResult.Error($"--intake-mg must be between 0 and 10000, not {mg}");
            if (Age is not null || Sex is not null)
            {
                if (IntakeMg is null)
                    return ValidationResult.Error("--age and --sex go with --intake-mg (without them the diary is used)");
                if (LifeStageOptions.Check(Age, 0, Sex, false, false) is { } p)
                    return ValidationResult.Error(p);
            }
            else if (IntakeMg is not null)
            {
                return ValidationResult.Error("--intake-mg needs --age and --sex");
            }

            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double intake;
        LifeStage lifeStage;
        if (settings.IntakeMg is { } mg)
        {
            intake = mg;
            lifeStage = LifeStageOptions.Create(settings.Age, 0, settings.Sex, false, false);
        }
        else
        {
            var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
            await using var _ = db;
            var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
            var period = await diary.PeriodAsync(profile, cli.Today.AddDays(-29), cli.Today, cancellationToken);
            intake = period.Mean(d => d.MagnesiumTotal.Milligrams) ?? throw new UsageException("nothing logged in the last 30 days: log food first, or give --intake-mg with --age and --sex");
            lifeStage = profile.LifeStageOn(cli.Today);
        }

        var json = Response(Evidence.Apply(intake, lifeStage));
        if (settings.Json)
            return cli.WriteJson(json);
        cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(json, CliContext.JsonOptions));
        return MagnesiaCli.Ok;
    }

    internal static object Response(EvidenceResult r) => new
    {
        intakeMg = Math.Round(r.IntakeMg, 1),
        rdaMg = r.RdaMg,
        percentOfRda = r.PercentOfRda,
        vitalCategory = r.VitalCategory,
        hazardRatio = r.VitalHazardRatio?.Ratio,
        ci95 = r.VitalHazardRatio is { } hr ? new[] { hr.Lower, hr.Upper } : null,
        perHundredMgDecrement = new { hazardRatio = Evidence.VitalPer100MgDecrement.Ratio, ci95 = new[] { Evidence.VitalPer100MgDecrement.Lower, Evidence.VitalPer100MgDecrement.Upper } },
        findings = r.Findings.Select(f => new { study = f.Study, outcome = f.Outcome, finding = f.Finding, applied = f.Applied, source = f.Source.ToString() }).ToList(),
        caution = EvidenceResult.Caution,
        sources = r.Findings.Select(f => f.Source.ToString()).Distinct().ToList(),
    };
}

/// <summary><c>magnesia labs add &lt;kind&gt; &lt;value&gt; --unit … [--date …]</c></summary>
public sealed class LabsAddCommand(CliContext cli) : AsyncCommand<LabsAddCommand.Settings>
{
    /// <summary>Options of <c>labs add</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Kind id or LOINC code.</summary>
        [CommandArgument(0, "<kind>")] public string Kind { get; init; } = "";

        /// <summary>Value.</summary>
        [CommandArgument(1, "<value>")] public double Value { get; init; }

        /// <summary>Unit.</summary>
        [CommandOption("--unit <UNIT>")] public string? Unit { get; init; }

        /// <summary>Day of the sample.</summary>
        [CommandOption("--date <DATE>")] public string? Date { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Labs.Find(Kind) is not { } kind)
                return ValidationResult.Error($"unknown lab '{Kind}'; known: {string.Join(", ", Labs.Kinds.Select(k => $"{k.Id} ({k.Loinc})"))}");
            if (Unit is null)
                return ValidationResult.Error($"--unit is required ({string.Join(", ", kind.Units)}): values without a unit are rejected");
            return (Labs.Check(kind, Value, Unit) ?? DiaryOptions.CheckDate(Date, "--date")) is { } p ? ValidationResult.Error(p) : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var kind = Labs.Find(settings.Kind)!;
        await using var db = await cli.OpenStoreAsync(settings, cancellationToken);
        var record = new LabRecord { UserId = DiaryStore.LocalUser, Date = date, Loinc = kind.Loinc, Value = settings.Value, Unit = Labs.NormalizeUnit(kind, settings.Unit)! };
        db.Labs.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { id = record.Id, date, kind = kind.Id, loinc = kind.Loinc, value = record.Value, unit = record.Unit });
        cli.Out.WriteLine(record.Id);
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia labs list</c></summary>
public sealed class LabsListCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await cli.OpenStoreAsync(settings, cancellationToken);
        var labs = await LabQueries.AllAsync(db, cancellationToken);
        var json = labs.Select(l => new { id = l.Id, date = l.Date, kind = l.Kind.Id, loinc = l.Kind.Loinc, value = l.Value, unit = l.Unit }).ToList();
        if (settings.Json)
            return cli.WriteJson(json);
        foreach (var l in labs)
            cli.Out.WriteLine($"{l.Id}  {l.Date:yyyy-MM-dd}  {l.Kind.Id} ({l.Kind.Loinc})  {l.Value.ToString(CultureInfo.InvariantCulture)} {l.Unit}");
        if (labs.Count == 0)
            cli.Out.WriteLine("No lab results yet (magnesia labs add <kind> <value> --unit …).");
        return MagnesiaCli.Ok;
    }
}

/// <summary>Reads lab results.</summary>
internal static class LabQueries
{
    public static async Task<List<LabResult>> AllAsync(Magnesia.Data.MagnesiaDbContext db, CancellationToken ct) =>
        [.. (await db.Labs.AsNoTracking().Where(l => l.UserId == DiaryStore.LocalUser).OrderBy(l => l.Date).ThenBy(l => l.Id).ToListAsync(ct))
            .Where(l => Labs.Find(l.Loinc) is not null)
            .Select(l => new LabResult(l.Id, l.Date, Labs.Find(l.Loinc)!, l.Value, l.Unit))];

    /// <summary>The latest result of each kind.</summary>
    public static Dictionary<string, LabResult> Latest(IEnumerable<LabResult> labs) =>
        labs.GroupBy(l => l.Kind.Id).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Date).ThenBy(l => l.Id).Last());
}
