using Magnesia.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli;

/// <summary>The `magnesia` command line: wiring, exit codes and error reporting.</summary>
public static class MagnesiaCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input: nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the CLI with the given writers; returns the exit code. Never throws.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal = false, Func<string, string?>? environment = null, TimeProvider? clock = null, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, isTerminal, environment ?? Environment.GetEnvironmentVariable, clock ?? TimeProvider.System);
        var app = new CommandApp(new SingletonRegistrar(context));
        app.Configure(config =>
        {
            config.SetApplicationName("magnesia");
            config.ConfigureConsole(context.Console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<DriCommand>("dri")
                .WithDescription("Magnesium EAR, RDA, AI and supplemental UL for a life stage (IOM 1997).")
                .WithExample("dri", "--age", "35", "--sex", "female", "--pregnant");
            config.AddCommand<FormsCommand>("forms")
                .WithDescription("Supplement salt forms with elemental magnesium % computed from molar masses.");
            config.AddBranch("foods", foods =>
            {
                foods.SetDescription("USDA SR28 foods: search, show, rank by magnesium.");
                foods.AddCommand<FoodsSearchCommand>("search")
                    .WithDescription("Typo-tolerant ranked search over descriptions and common names.")
                    .WithExample("foods", "search", "raw", "spinach");
                foods.AddCommand<FoodsShowCommand>("show")
                    .WithDescription("One food with its per-100 g values and household portions.")
                    .WithExample("foods", "show", "11457");
                foods.AddCommand<FoodsAddCommand>("add")
                    .WithDescription("A custom food from a label: values per 100 g, or per serving with --serving-grams.")
                    .WithExample("foods", "add", "--name", "Oat drink", "--serving-grams", "250", "--magnesium-mg", "30");
                foods.AddCommand<FoodsTopCommand>("top")
                    .WithDescription("Richest magnesium sources per 100 g, per 100 kcal or per portion.")
                    .WithExample("foods", "top", "--per", "100kcal", "--group", "vegetables");
            });
            config.AddBranch("profile", profile =>
            {
                profile.SetDescription("The diary's person: age or birth date, sex, pregnancy and lactation dates.");
                profile.AddCommand<ProfileSetCommand>("set").WithExample("profile", "set", "--age", "34", "--sex", "female");
                profile.AddCommand<ProfileShowCommand>("show");
            });
            config.AddBranch("log", log =>
            {
                log.SetDescription("Log a food, a supplement or a symptom.");
                log.AddCommand<LogFoodCommand>("food").WithExample("log", "food", "11457", "--portion", "1 cup", "--quantity", "2", "--meal", "lunch");
                log.AddCommand<LogSupplementCommand>("supplement").WithExample("log", "supplement", "citrate", "--elemental-mg", "200");
                log.AddCommand<LogSymptomCommand>("symptom").WithExample("log", "symptom", "muscle-cramps", "--severity", "3");
            });
            config.AddBranch("entries", entries =>
            {
                entries.SetDescription("List or delete diary entries.");
                entries.AddCommand<EntriesListCommand>("list");
                entries.AddCommand<EntriesDeleteCommand>("delete");
            });
            config.AddBranch("recipes", recipes =>
            {
                recipes.SetDescription("Recipes: ingredients with amounts and a number of servings.");
                recipes.AddCommand<RecipesAddCommand>("add").WithExample("recipes", "add", "--name", "Spinach salad", "--servings", "2", "--ingredient", "11457=120", "--ingredient", "12014=30");
                recipes.AddCommand<RecipesShowCommand>("show");
                recipes.AddCommand<RecipesListCommand>("list");
            });
            config.AddCommand<DayCommand>("day").WithDescription("One day's magnesium against the day's EAR, RDA and supplemental UL.");
            config.AddCommand<ReportCommand>("report").WithDescription("A period: per-day series, means, days below EAR, top foods, symptoms.");
            config.AddCommand<ExportCommand>("export").WithDescription("The whole diary as one JSON document on stdout.");
            config.AddCommand<ImportCommand>("import").WithDescription("Replace the diary with a JSON document (validated first).");
            config.AddCommand<ScreenCommand>("screen").WithDescription("Deficiency-risk screening: signs, situations, medications, conditions (a screening aid, not a diagnosis).");
            config.AddCommand<EgfrCommand>("egfr").WithDescription("eGFR by the CKD-EPI 2021 race-free creatinine equation.");
            config.AddCommand<MdsCommand>("mds").WithDescription("Magnesium Depletion Score (Fan et al. 2021).");
            config.AddCommand<MetabolicCommand>("metabolic").WithDescription("HOMA-IR, QUICKI, TyG and the harmonized metabolic syndrome.");
            config.AddCommand<SerumCommand>("serum").WithDescription("Serum magnesium: unit conversion and interpretation.");
            config.AddCommand<EvidenceCommand>("evidence").WithDescription("Your usual intake next to the VITAL cohort and type 2 diabetes meta-analyses.");
            config.AddBranch("labs", labs =>
            {
                labs.SetDescription("Dated lab results keyed by LOINC code.");
                labs.AddCommand<LabsAddCommand>("add").WithExample("labs", "add", "serum-magnesium", "0.78", "--unit", "mmol/L");
                labs.AddCommand<LabsListCommand>("list");
            });
            config.AddCommand<AssessCommand>("assess").WithDescription("One combined assessment from the profile, diary, labs and screening.");
            config.AddBranch("db", db =>
            {
                db.SetDescription("The local database.");
                db.AddCommand<DbInfoCommand>("info").WithDescription("Path and row counts.");
            });
        });

        try
        {
            return await app.RunAsync(MoveLeadingGlobalOptions(args));
        }
        catch (UsageException e)
        {
            return context.Fail(e.Message);
        }
        catch (CommandAppException e)
        {
            return context.Fail(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"magnesia: unexpected error: {OneLine(e.Message)} ({e.GetType().Name})");
            if (context.Environment("MAGNESIA_DEBUG") is { Length: > 0 })
                await error.WriteLineAsync(e.ToString());
            return Failure;
        }
    }

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>`magnesia --db x foods show 1` → `magnesia foods show 1 --db x`: --db is global.</summary>
    private static string[] MoveLeadingGlobalOptions(string[] args)
    {
        var leading = new List<string>();
        var i = 0;
        while (i < args.Length)
        {
            if (args[i] == "--db" && i + 1 < args.Length)
            {
                leading.AddRange(args[i..(i + 2)]);
                i += 2;
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal) || args[i] == "--json")
            {
                leading.Add(args[i]);
                i++;
            }
            else
            {
                break;
            }
        }

        return i == 0 || i == args.Length ? args : [.. args[i..], .. leading];
    }

    /// <summary>A minimal container for Spectre: our one context instance plus whatever Spectre registers.</summary>
    private sealed class SingletonRegistrar(CliContext context) : ITypeRegistrar, ITypeResolver
    {
        private readonly Dictionary<Type, List<Func<object>>> _factories = new() { [typeof(CliContext)] = [() => context] };

        public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));

        public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);

        public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);

        public ITypeResolver Build() => this;

        public object? Resolve(Type? type)
        {
            if (type is null)
                return null;
            if (_factories.TryGetValue(type, out var factories))
                return factories[^1]();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                var element = type.GetGenericArguments()[0];
                var all = _factories.GetValueOrDefault(element) ?? [];
                var array = Array.CreateInstance(element, all.Count);
                for (var i = 0; i < all.Count; i++)
                    array.SetValue(all[i](), i);
                return array;
            }

            return type.IsAbstract || type.IsInterface ? null : Create(type);
        }

        private void Add(Type service, Func<object> factory)
        {
            if (!_factories.TryGetValue(service, out var list))
                _factories[service] = list = [];
            list.Add(factory);
        }

        private object Create(Type type)
        {
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return ctor.Invoke([.. ctor.GetParameters().Select(p => Resolve(p.ParameterType))]);
        }
    }
}

/// <summary>Bad input from the user: reported as one line on stderr with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
