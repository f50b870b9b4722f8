using System.Diagnostics;
using System.Text.Json;
using Magnesia.Data;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Spectre.Console;

namespace Magnesia.Cli;

/// <summary>Bad input from the user: reported as one line on stderr with exit code 2; nothing was written.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What a command needs from its surroundings: writers, environment, clock, the store and the local user.</summary>
public sealed class CliContext
{
    /// <summary>The CLI's one user: the CLI is a single-person tool over a local file.</summary>
    public const string LocalUser = "local";

    private IAnsiConsole? _console;

    internal CliContext(TextWriter output, TextWriter error, bool isTerminal, Func<string, string?> environment, TimeProvider clock, TextReader? input = null, bool inputIsTerminal = false)
    {
        Input = input ?? TextReader.Null;
        InputIsTerminal = inputIsTerminal;
        Out = new Terminal.SafeWriter(output);
        RawOut = output;
        Error = new Terminal.SafeWriter(error);
        IsTerminal = isTerminal;
        Environment = environment;
        Clock = clock;
    }

    /// <summary>Standard output, with stored text's control characters neutralised (<see cref="Terminal.SafeWriter"/>).</summary>
    public TextWriter Out { get; }

    // Spectre writes its own colour sequences: it gets the raw writer, and cells go through Terminal.Cell.
    private TextWriter RawOut { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard input (<c>import -</c>, confirmations).</summary>
    public TextReader Input { get; }

    /// <summary>Whether stdin is a terminal a person answers on.</summary>
    public bool InputIsTerminal { get; }

    /// <summary>Most characters any file or stdin read by a command may hold — 64 Mi, about as many bytes for the mostly ASCII JSON it reads (a diary of 100,000 entries is about 15 MiB).</summary>
    public const long MaxReadBytes = 64L * 1024 * 1024;

    /// <summary>Reads a text file, or stdin for <c>-</c>, refusing more than <see cref="MaxReadBytes"/>.</summary>
    public async Task<string> ReadTextAsync(string path, string what, CancellationToken ct)
    {
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        try
        {
            using var reader = path == "-" ? null : new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));
            var source = reader ?? Input;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                text.Append(buffer, 0, read);
                if (text.Length > MaxReadBytes)
                    throw new UsageException($"{what}: {(path == "-" ? "stdin" : path)} is larger than {MaxReadBytes / 1024 / 1024} MiB");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }

        return text.ToString();
    }

    /// <summary>
    /// Asks a yes/no question on a terminal (stderr, answered on stdin); without a terminal the answer is no and the
    /// caller names the flag that says yes.
    /// </summary>
    public bool Confirm(string question)
    {
        if (!InputIsTerminal)
            return false;
        Error.Write($"{question} [y/N] ");
        Error.Flush();
        return Input.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }

    /// <summary>Whether stdout is a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Reads environment variables.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>"Now", at the edge.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Today in the local time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>Console for human tables, created on first use (JSON output never loads it).</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    private IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(RawOut),
        });
        if (!IsTerminal)
            console.Profile.Width = 160; // Spectre would wrap at 80 columns when output is redirected
        return console;
    }

    /// <summary>Writes a response record as JSON on stdout.</summary>
    public int WriteJson<T>(T value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, ContractsJson.Options));
        return MagnesiaCli.Ok;
    }

    /// <summary>Reports bad input on stderr and returns exit code 2.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"magnesia: {MagnesiaCli.OneLine(message)}");
        return MagnesiaCli.BadInput;
    }

    /// <summary><c>--connection</c>, when given.</summary>
    public string? Connection { get; set; }

    /// <summary>
    /// The PostgreSQL connection string when the store is PostgreSQL: <c>--connection</c>, else
    /// <c>MAGNESIA_CONNECTION_STRING</c> with <c>MAGNESIA_DATABASE_PROVIDER=postgres</c>; null for the SQLite file.
    /// </summary>
    public string? PostgresConnection(string? db)
    {
        if (Connection is { Length: > 0 } given)
            return db is null ? given : throw new UsageException("give --db (a SQLite file) or --connection (PostgreSQL), not both");
        var provider = Environment("MAGNESIA_DATABASE_PROVIDER");
        if (db is not null || provider is null || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"MAGNESIA_DATABASE_PROVIDER must be sqlite or postgres, not '{provider}'");
        return Environment("MAGNESIA_CONNECTION_STRING") is { Length: > 0 } cs ? cs
            : throw new UsageException("MAGNESIA_DATABASE_PROVIDER is postgres but MAGNESIA_CONNECTION_STRING is not set");
    }

    /// <summary>Opens the store at <c>--db</c> (else the environment's default), provisioning it on first use with progress on stderr.</summary>
    public async Task<Store> OpenStoreAsync(string? db, CancellationToken ct)
    {
        if (PostgresConnection(db) is { } postgres)
            return await OpenPostgresAsync(postgres, ct);
        var path = SqlitePath(db);
        var progress = new ProvisioningProgress(Error, path);
        var store = await Store.OpenAsync(path, progress, new LineProgress(Error), ct);
        progress.Finish();
        return store;
    }

    /// <summary>
    /// The SQLite store's path (<c>--db</c>, else <c>MAGNESIA_DB</c>, else the default), checked before anything is
    /// opened or created: an existing file must be a Magnesia store (or an empty SQLite database); a new store is made
    /// only at the default location or in a folder that exists, so a typo never starts a second diary.
    /// </summary>
    public string SqlitePath(string? db)
    {
        if (db is not null && string.IsNullOrWhiteSpace(db))
            throw new UsageException("--db is empty: give the path of a Magnesia store, or leave --db out for the default store");
        var named = db ?? (Environment(MagnesiaStore.DatabaseVariable) is { Length: > 0 } fromEnv ? fromEnv : null);
        var path = MagnesiaStore.ResolvePath(db, Environment);
        var option = db is null && named is not null ? MagnesiaStore.DatabaseVariable : "--db";
        if (Directory.Exists(path))
            throw new UsageException($"{option}: '{path}' is a directory, not a store file");
        // A store a killed upgrade left behind is the upgrade journal's to repair on open, not a foreign file.
        if (File.Exists(path) && !File.Exists(path + ".new") && !File.Exists(path + ".pre-upgrade"))
        {
            if (StoreFile.Problem(path) is { } problem)
                throw new UsageException($"not a Magnesia store: {path}: {problem}");
        }
        else if (named is not null && Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"{option}: the folder {folder} does not exist; create it first (a new store is only made in an existing folder)");
        }

        return path;
    }

    /// <summary>Opens the local user's door to the store: the one place the CLI chooses its user.</summary>
    public async Task<DiaryStore> OpenDiaryAsync(string? db, CancellationToken ct) =>
        new(await OpenStoreAsync(db, ct), LocalUser, Clock);

    /// <summary>The profile, or bad input telling the user to create one.</summary>
    public static async Task<DiaryProfile> RequireProfileAsync(DiaryStore diary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(diary);
        return await diary.GetProfileAsync(ct)
            ?? throw new UsageException("no profile yet: run `magnesia profile set --age <years> --sex female|male` first");
    }

    /// <summary>The profile, checked to be born by <paramref name="date"/>: an entry before birth is a typing mistake.</summary>
    public static async Task<DiaryProfile> RequireProfileOnAsync(DiaryStore diary, DateOnly date, CancellationToken ct)
    {
        var profile = await RequireProfileAsync(diary, ct);
        return profile.BirthDate is { } birth && date < birth
            ? throw new UsageException($"--date: {date:yyyy-MM-dd} is before the profile's birth date {birth:yyyy-MM-dd}")
            : profile;
    }

    /// <summary>The days of a <c>--from</c>/<c>--to</c> window (checked by <see cref="Checks.Window"/>): the 30 days to today by default.</summary>
    public (DateOnly First, DateOnly Last) Window(DateOnly? from, DateOnly? to)
    {
        var last = Date(to, "--to");
        return (from is { } f ? Date(f, "--from") : DiaryWindow.Resolve(null, null, last).First, last);
    }

    /// <summary>A diary date option (default today), checked to be plausible against today.</summary>
    public DateOnly Date(DateOnly? date, string option = "--date")
    {
        var d = date ?? Today;
        return DiaryDates.Check(d, Today) is { } problem ? throw new UsageException($"{option}: {problem}") : d;
    }

    // Apart from OpenStoreAsync so that a SQLite run never loads Npgsql.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<Store> OpenPostgresAsync(string connection, CancellationToken ct)
    {
        var progress = new ProvisioningProgress(Error, "PostgreSQL");
        try
        {
            var store = await Store.OpenPostgresAsync(connection, progress, new LineProgress(Error), ct);
            progress.Finish();
            return store;
        }
        catch (Exception e) when (e is ArgumentException or Npgsql.NpgsqlException || e.InnerException is Npgsql.NpgsqlException)
        {
            // EF Core wraps a refused connection in its retry strategy's exception: say what PostgreSQL said.
            throw new UsageException($"--connection: cannot open the PostgreSQL store: {MagnesiaCli.OneLine((e.InnerException as Npgsql.NpgsqlException ?? e).Message)}");
        }
    }

    private sealed class LineProgress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine($"magnesia: {value}");
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
