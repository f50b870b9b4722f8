using System.CommandLine;
using Magnesia.Cli.Features.Check;
using Magnesia.Cli.Features.Diary;
using Magnesia.Cli.Features.Foods;
using Magnesia.Cli.Features.Plan;
using Magnesia.Cli.Features.Reference;
using Magnesia.Cli.Features.Store;

namespace Magnesia.Cli;

/// <summary>The `magnesia` command line: the command tree, exit codes and error reporting.</summary>
public static class MagnesiaCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input: nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a run interrupted by Ctrl-C (128 + SIGINT): nothing was half-written.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the CLI with the given writers; returns the exit code. Never throws.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal = false, Func<string, string?>? environment = null, TimeProvider? clock = null) =>
        RunAsync(args, output, error, null, false, isTerminal, environment, clock);

    /// <summary>Runs the CLI with stdin too (<c>import -</c>, confirmations); returns the exit code. Never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input, bool inputIsTerminal, bool isTerminal = false, Func<string, string?>? environment = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
            args = ["--help"]; // a bare `magnesia` shows what it can do
        var cli = new CliContext(output, error, isTerminal, environment ?? Environment.GetEnvironmentVariable, clock ?? TimeProvider.System, input, inputIsTerminal);
        var global = GlobalOptions.Create();
        var root = Build(cli, global, args);
        try
        {
            var parsed = root.Parse(args);
            cli.Connection = parsed.GetValue(global.Connection);
            if (parsed.Errors.Count > 0)
            {
                // An unknown word explains a missing command better than "Required command was not provided".
                var first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
                return cli.Fail(Plain(first.Message));
            }
            // Signals are Program's (it says "interrupted" and ends by the signal): System.CommandLine's own handler
            // would wait 2 s and then exit without a word.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (UsageException e)
        {
            return cli.Fail(e.Message);
        }
        catch (Data.Planning.DiaryInputException e)
        {
            return cli.Fail(e.Message);
        }
        catch (Data.Importers.DataFormatException e)
        {
            return cli.Fail($"{e.Message} (nothing was imported)");
        }
        catch (Data.StoreBusyException e)
        {
            await error.WriteLineAsync($"magnesia: {e.Message}");
            return Failure;
        }
        catch (Exception e) when (Data.StoreFile.IsUnreadable(e))
        {
            return cli.Fail($"not a Magnesia store: the database cannot be read ({OneLine(e.InnerException?.Message ?? e.Message)})");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"magnesia: unexpected error: {OneLine(e.Message)} ({e.GetType().Name})");
            if (cli.Environment("MAGNESIA_DEBUG") is { Length: > 0 })
                await error.WriteLineAsync(e.ToString());
            return Failure;
        }
    }

    /// <summary>
    /// Starts the one-time set-up this run will need on other cores: the JSON serializer when it prints JSON, the
    /// SQLite driver when it opens the store. Both overlap with parsing the arguments.
    /// </summary>
    public static void WarmUp(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--json"))
        {
            // The shapes the short commands people and scripts run most print.
            var shape = args switch
            {
                ["dri", ..] => typeof(Data.Contracts.DriResponse),
                ["foods", "search", ..] => typeof(List<Data.Contracts.FoodHitResponse>),
                ["day", ..] => typeof(Data.Contracts.DayResponse),
                _ => null,
            };
            Data.Contracts.ContractsJson.WarmUpInBackground(shape);
        }
        if (NamedCommand(args) is { OpensStore: true })
            Data.Store.WarmUpInBackground();
    }

    // The top-level commands by name, and whether they open the store (the calculators compute from their options
    // alone). Building every command's options costs start-up time on each run, so a run builds only the command it
    // names (and the whole tree for help, or when the first word names no command).
    private static readonly (string Name, bool OpensStore, Func<CliContext, GlobalOptions, Command> Create)[] Commands =
    [
        ("dri", false, DriCommand.Create),
        ("forms", false, FormsCommand.Create),
        ("foods", true, (cli, g) => Branch("foods", "Foods (USDA SR28 built in; FoodData Central and IFCT 2017 by import): search, show, barcodes, rank by magnesium; custom foods.",
            FoodsSearchCommand.Create(cli, g), FoodsParseCommand.Create(cli, g), FoodsShowCommand.Create(cli, g), FoodsTopCommand.Create(cli, g), FoodsAddCommand.Create(cli, g),
            FoodsImportCommand.Create(cli, g), FoodsSourcesCommand.Create(cli, g), FoodsBarcodeCommand.Create(cli, g))),
        ("profile", true, (cli, g) => Branch("profile", "The diary's person: age or birth date, sex, pregnancy and lactation dates.",
            ProfileSetCommand.Create(cli, g), ProfileShowCommand.Create(cli, g))),
        ("log", true, (cli, g) => Branch("log", "Log a food (or a batch of them), a supplement or a symptom.",
            LogFoodCommand.Create(cli, g), LogBatchCommand.Create(cli, g), LogSupplementCommand.Create(cli, g), LogSymptomCommand.Create(cli, g))),
        ("favourites", true, FavouritesCommands.Create),
        ("entries", true, (cli, g) => Branch("entries", "List or delete diary entries.", EntriesListCommand.Create(cli, g), EntriesDeleteCommand.Create(cli, g))),
        ("recipes", true, (cli, g) => Branch("recipes", "Recipes: ingredients with amounts and a number of servings.",
            RecipesAddCommand.Create(cli, g), RecipesShowCommand.Create(cli, g), RecipesListCommand.Create(cli, g))),
        ("day", true, DayCommand.Create),
        ("report", true, ReportCommand.Create),
        ("export", true, ExportCommand.Create),
        ("import", true, ImportCommand.Create),
        ("screen", false, ScreenCommand.Create),
        ("egfr", false, EgfrCommand.Create),
        ("mds", false, MdsCommand.Create),
        ("metabolic", false, MetabolicCommand.Create),
        ("serum", false, SerumCommand.Create),
        ("evidence", true, EvidenceCommand.Create),
        ("labs", true, (cli, g) => Branch("labs", "Dated lab results keyed by LOINC code.", LabsAddCommand.Create(cli, g), LabsListCommand.Create(cli, g))),
        ("assess", true, AssessCommand.Create),
        ("plan", true, (cli, g) => Branch("plan", "What to change: the foods that close the gap, and a supplement for what food leaves.", PlanFoodsCommand.Create(cli, g), PlanSupplementCommand.Create(cli, g))),
        ("products", true, (cli, g) => Branch("products", "Supplement products: add, list, compare cost per 100 mg and per month.",
            ProductsAddCommand.Create(cli, g), ProductsListCommand.Create(cli, g), ProductsCompareCommand.Create(cli, g))),
        ("prices", true, (cli, g) => Branch("prices", "Food prices for cost-minimising food plans.", PricesSetCommand.Create(cli, g), PricesListCommand.Create(cli, g))),
        ("medications", false, (cli, g) => Branch("medications", "Medicines and how they interact with magnesium.", MedicationsListCommand.Create(cli, g))),
        ("db", true, (cli, g) => Branch("db", "The local database: info, migrate, backup, restore.",
            DbInfoCommand.Create(cli, g), DbMigrateCommand.Create(cli, g), DbBackupCommand.Create(cli, g), DbRestoreCommand.Create(cli, g))),
    ];

    private static RootCommand Build(CliContext cli, GlobalOptions g, string[] args)
    {
        var root = new RootCommand("Magnesium intake and insulin resistance: DRIs, supplement forms, USDA SR28 foods, an intake diary and assessment.")
        {
            g.Db,
            g.Json,
            g.Connection,
        };
        if (NamedCommand(args) is { } named)
        {
            root.Subcommands.Add(named.Create(cli, g));
            return root;
        }

        foreach (var command in Commands)
            root.Subcommands.Add(command.Create(cli, g));
        return root;
    }

    /// <summary>The top-level command the arguments name, if any (a plain loop: this runs at every start).</summary>
    private static (string Name, bool OpensStore, Func<CliContext, GlobalOptions, Command> Create)? NamedCommand(string[] args)
    {
        var word = FirstCommandWord(args);
        foreach (var command in Commands)
        {
            if (command.Name == word)
                return command;
        }

        return null;
    }

    /// <summary>The first word that is not a global option or its value: the command the user names, if any.</summary>
    private static string? FirstCommandWord(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db")
                i++;
            else if (args[i] != "--json" && !args[i].StartsWith("--db=", StringComparison.Ordinal))
                return args[i];
        }

        return null;
    }

    private static Command Branch(string name, string description, params Command[] subcommands)
    {
        var branch = new Command(name, description);
        foreach (var c in subcommands)
            branch.Subcommands.Add(c);
        return branch;
    }

    // System.CommandLine names .NET types ("as expected type 'System.Double'"): say what to type instead.
    private static string Plain(string message) => System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '([^']+)'", m => "as " + (m.Groups[1].Value switch
    {
        "System.Double" or "System.Single" or "System.Decimal" or "System.Nullable`1[System.Double]" => "a number",
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
        "System.DateOnly" or "System.Nullable`1[System.DateOnly]" => "a date (yyyy-mm-dd)",
        "System.TimeOnly" or "System.Nullable`1[System.TimeOnly]" => "a time (hh:mm)",
        "System.Boolean" => "true or false",
        _ => "a value of the right kind",
    }));

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
