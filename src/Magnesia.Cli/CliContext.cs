using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Magnesia.Data;
using Magnesia.Data.Diary;
using Magnesia.Data.Foods;
using Magnesia.Intake;
using Magnesia.Foods;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli;

/// <summary>Options every command takes.</summary>
public class GlobalSettings : CommandSettings
{
    /// <summary>Database file; else MAGNESIA_DB, else $XDG_DATA_HOME/magnesia/magnesia.db.</summary>
    [CommandOption("--db <PATH>")]
    [System.ComponentModel.Description("Database file (default: $MAGNESIA_DB, else $XDG_DATA_HOME/magnesia/magnesia.db).")]
    public string? Db { get; init; }

    /// <summary>Print JSON only.</summary>
    [CommandOption("--json")]
    [System.ComponentModel.Description("Print only JSON on stdout.")]
    public bool Json { get; init; }
}

/// <summary>What a command needs from its surroundings: writers, environment and the store.</summary>
public sealed class CliContext
{
    /// <summary>JSON options shared by every command: camelCase, indented, non-ASCII kept readable.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal CliContext(TextWriter output, TextWriter error, bool isTerminal, Func<string, string?> environment, TimeProvider clock)
    {
        Clock = clock;
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        Environment = environment;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!isTerminal)
            Console.Profile.Width = 160; // Spectre would wrap at 80 columns when output is redirected
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stdout is a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Reads environment variables.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>"Now", at the edge.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Today in the local time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>Console for human tables.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Writes a value as JSON on stdout.</summary>
    public int WriteJson<T>(T value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        return MagnesiaCli.Ok;
    }

    /// <summary>Reports bad input on stderr and returns exit code 2.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"magnesia: {MagnesiaCli.OneLine(message)}");
        return MagnesiaCli.BadInput;
    }

    /// <summary>Opens the store named by the settings, provisioning it on first use with progress on stderr.</summary>
    public async Task<MagnesiaDbContext> OpenStoreAsync(GlobalSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = MagnesiaStore.ResolvePath(settings.Db, Environment);
        if (Directory.Exists(path))
            throw new UsageException($"--db: '{path}' is a directory, not a database file");
        var progress = new ProvisioningProgress(Error, path);
        var db = await MagnesiaStore.OpenAsync(path, progress, ct);
        progress.Finish();
        return db;
    }

    /// <summary>Opens the store and loads the food catalogue.</summary>
    public async Task<FoodCatalog> LoadCatalogAsync(GlobalSettings settings, CancellationToken ct)
    {
        await using var db = await OpenStoreAsync(settings, ct);
        return await FoodQueries.LoadCatalogAsync(db, ct);
    }

    /// <summary>Opens the store and the local user's diary.</summary>
    public async Task<(MagnesiaDbContext Db, DiaryStore Diary)> OpenDiaryAsync(GlobalSettings settings, CancellationToken ct)
    {
        var db = await OpenStoreAsync(settings, ct);
        return (db, new DiaryStore(db, DiaryStore.LocalUser));
    }

    /// <summary>The profile, or bad input telling the user to create one.</summary>
    public static async Task<DiaryProfile> RequireProfileAsync(DiaryStore diary, CancellationToken ct) =>
        await diary.GetProfileAsync(ct)
        ?? throw new UsageException("no profile yet: run `magnesia profile set --age <years> --sex female|male` first");

    /// <summary>The profile, checked to be born by <paramref name="date"/>: an entry before birth is a typing mistake.</summary>
    public static async Task<DiaryProfile> RequireProfileOnAsync(DiaryStore diary, DateOnly date, CancellationToken ct)
    {
        var profile = await RequireProfileAsync(diary, ct);
        return profile.BirthDate is { } birth && date < birth
            ? throw new UsageException($"--date: {date:yyyy-MM-dd} is before the profile's birth date {birth:yyyy-MM-dd}")
            : profile;
    }

    /// <summary>Parses a <c>yyyy-MM-dd</c> option (default today) and checks it is a plausible diary date.</summary>
    public DateOnly Date(string? text, string option = "--date")
    {
        if (text is null)
            return Today;
        var date = DiaryOptions.ParseDate(text) ?? throw new UsageException($"{option} must be a date as yyyy-mm-dd, not '{text}'");
        return DiaryDates.Check(date, Today) is { } problem ? throw new UsageException($"{option}: {problem}") : date;
    }

    private sealed class ProvisioningProgress(TextWriter error, string path) : IProgress<double>
    {
        private readonly Stopwatch _clock = new();
        private int _lastPercent = -1;

        public void Report(double value)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
                error.Write($"magnesia: first use: provisioning USDA SR28 foods into {path} …");
            }

            var percent = (int)(value * 100);
            if (percent / 10 != _lastPercent / 10)
                error.Write($" {percent}%");
            _lastPercent = percent;
        }

        public void Finish()
        {
            if (_clock.IsRunning)
                error.WriteLine($" done in {_clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
