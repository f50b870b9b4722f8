using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Magnesia.Intake;
using Magnesia.References;

namespace Magnesia.Cli;

/// <summary>The options every command takes.</summary>
/// <param name="Db">Database file.</param>
/// <param name="Json">Print only JSON.</param>
/// <param name="Connection">A PostgreSQL connection string (instead of a file).</param>
internal sealed record GlobalOptions(Option<string?> Db, Option<bool> Json, Option<string?> Connection)
{
    public static GlobalOptions Create() => new(
        new Option<string?>("--db") { Description = "Database file (default: $MAGNESIA_DB, else $XDG_DATA_HOME/magnesia/magnesia.db).", HelpName = "PATH", Recursive = true },
        new Option<bool>("--json") { Description = "Print only JSON on stdout.", Recursive = true },
        new Option<string?>("--connection")
        {
            Description = "A PostgreSQL connection string: the shared-server store (default: $MAGNESIA_CONNECTION_STRING when $MAGNESIA_DATABASE_PROVIDER is postgres).",
            HelpName = "CONNECTION",
            Recursive = true,
        });
}

/// <summary>A yes/no answer given as a word.</summary>
internal enum Answer
{
    No,
    Yes,
}

/// <summary>
/// Typed options, parsed once: each parser turns the text into the option's type or reports one clear line naming the
/// option, so a command's action only ever sees valid, typed values.
/// </summary>
internal static class CliOptions
{
    public static Option<DateOnly?> Date(string name, string description = "yyyy-mm-dd.") =>
        new(name) { Description = description, HelpName = "DATE", CustomParser = r => Parse(r, name, "a date as yyyy-mm-dd", ParseDate) };

    public static Option<double?> Number(string name, string description, string help = "N") =>
        new(name) { Description = description, HelpName = help, CustomParser = r => Parse(r, name, "a number", ParseNumber) };

    public static Option<int?> Whole(string name, string description, string help = "N") =>
        new(name) { Description = description, HelpName = help, CustomParser = r => Parse(r, name, "a whole number", ParseWhole) };

    public static Option<Sex?> Sex(string name = "--sex") =>
        new(name) { Description = "female or male.", HelpName = "SEX", CustomParser = r => Parse(r, name, "female or male", LifeStage.ParseSex) };

    public static Option<Meal?> Meal(string name = "--meal") =>
        new(name) { Description = "breakfast, lunch, dinner or snack.", HelpName = "MEAL", CustomParser = r => Parse(r, name, "breakfast, lunch, dinner or snack", ParseMeal) };

    /// <summary>An enum option whose values are the members' kebab-case names (<c>--mode add|swap</c>), as on the web.</summary>
    public static Option<TEnum?> Choice<TEnum>(string name, string description, params TEnum[] except) where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Where(v => !except.Contains(v)).Select(v => (Name: Magnesia.Data.Contracts.InputJson.EnumName(v), Value: v)).ToArray();
        var words = names.Length == 2 ? $"{names[0].Name} or {names[1].Name}" : string.Join(", ", names[..^1].Select(n => n.Name)) + " or " + names[^1].Name;
        return new(name)
        {
            Description = description,
            HelpName = string.Join('|', names.Select(n => n.Name)),
            CustomParser = r => Parse(r, name, words, t => names.FirstOrDefault(n => string.Equals(n.Name, t.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit ? hit.Value : (TEnum?)null),
        };
    }

    // A bool option is a flag to the parser; a two-valued enum takes its value as a word.
    public static Option<Answer?> YesNo(string name, string description) =>
        new(name) { Description = description, HelpName = "YESNO", CustomParser = r => Parse(r, name, "yes or no", t => ParseYesNo(t) is { } b ? (b ? Answer.Yes : Answer.No) : (Answer?)null) };

    /// <summary>Comma-separated ids, trimmed; empty when absent.</summary>
    public static Option<string[]> Ids(string name, string description) =>
        new(name) { Description = description, HelpName = "IDS", CustomParser = r => r.Tokens.Count == 0 ? [] : r.Tokens[^1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static int? ParseWhole(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static Intake.Meal? ParseMeal(string text) =>
        Enum.TryParse<Intake.Meal>(text.Trim(), ignoreCase: true, out var m) && Enum.IsDefined(m) && !text.Trim().All(char.IsAsciiDigit) ? m : null;

    public static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" => true,
        "no" or "n" or "false" => false,
        _ => null,
    };

    private static T? Parse<T>(ArgumentResult result, string option, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[^1].Value;
        if (parse(text) is { } value)
            return value;
        result.AddError($"{option} must be {expected}, not '{text}'");
        return null;
    }
}

/// <summary>Range checks that return the problem as one line, or null.</summary>
internal static class Checks
{
    /// <summary>The CLI's one-line field map for the domain's problems: a field enum member is the option of the same
    /// name in kebab-case (<c>WaistCm</c> → <c>--waist-cm</c>).</summary>
    public static string OptionName<TField>(TField field) where TField : struct, Enum =>
        "--" + Magnesia.Data.Contracts.InputJson.EnumName(field);

    /// <summary>The first of the domain's problems as the CLI says it (<see cref="OptionName"/> unless
    /// <paramref name="name"/> maps a field to an argument), or null.</summary>
    public static string? First<TField>(IEnumerable<Magnesia.Inputs.InputProblem<TField>> problems, Func<TField, string>? name = null)
        where TField : struct, Enum =>
        problems.FirstOrDefault()?.Render(name ?? OptionName);

    /// <summary>A name's problem (one line, something visible, no control or bidi characters), or null.</summary>
    public static string? Name(string? value, string option) =>
        Magnesia.Text.TextInput.CheckName(value) is { } p ? Magnesia.Text.TextInput.Describe(p, option) : null;

    /// <summary>A note's problem (no control or bidi characters; line breaks allowed), or null.</summary>
    public static string? Note(string? value, string option) =>
        Magnesia.Text.TextInput.Check(value, multiline: true) is { } p ? Magnesia.Text.TextInput.Describe(p, option) : null;

    /// <summary>A given value outside the domain's range: <c>--grams must be between 0.1 and 5000 g, not 0</c>; else null.</summary>
    public static string? In(double? value, string option, Magnesia.Inputs.NumberRange range) =>
        value is { } v && range.Check(v) is { } problem ? $"{option} {problem}" : null;

    /// <summary>A positive finite number up to <paramref name="max"/>.</summary>
    public static string? Positive(double? value, string option, double max) =>
        value is null ? null
        : !double.IsFinite(value.Value) || value <= 0 ? $"{option} must be a positive number, not {value}"
        : value > max ? $"{option} must be at most {max:0.##}, not {value}"
        : null;

    /// <summary>A finite number from 0 to <paramref name="max"/>.</summary>
    public static string? NonNegative(double? value, string option, double max) =>
        value is null ? null
        : !double.IsFinite(value.Value) || value < 0 ? $"{option} must be zero or more, not {value}"
        : value > max ? $"{option} must be at most {max:0.##}, not {value}"
        : null;

    /// <summary>
    /// A window of days given as <c>--from</c>/<c>--to</c>: both or neither (then the last 30 days), in order, and no
    /// longer than a period report may span.
    /// </summary>
    public static string? Window(DateOnly? from, DateOnly? to) => Intake.DiaryWindow.Check(from, to) switch
    {
        Intake.WindowProblem.OneEndOnly => $"give both --from and --to, or neither (last {Intake.DiaryWindow.DefaultDays} days)",
        Intake.WindowProblem.EndBeforeStart => "--to is before --from",
        Intake.WindowProblem.TooLong => $"a window may span at most {Intake.PeriodReport.MaxDays} days",
        _ => null,
    };

    /// <summary>Adds the first problem, if any, as the command's error.</summary>
    public static void Report(CommandResult result, string? problem)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (problem is not null)
            result.AddError(problem);
    }

    /// <summary>Adds a check that reports through <see cref="Report"/>; skipped when an option did not parse.</summary>
    public static void Guarded(this Command command, Action<CommandResult> check)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Validators.Add(r =>
        {
            try
            {
                check(r);
            }
            catch (InvalidOperationException)
            {
                // An option that did not parse has reported its own error.
            }
        });
    }

    /// <summary>
    /// Adds a cross-option check to a command. It runs only when every option parsed: a value that did not parse has
    /// already been reported by its option, and reading it again would throw.
    /// </summary>
    public static void Validate(this Command command, Func<CommandResult, string?> check)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Validators.Add(r =>
        {
            string? problem;
            try
            {
                problem = check(r);
            }
            catch (InvalidOperationException)
            {
                return;
            }

            Report(r, problem);
        });
    }

    /// <summary>Milligrams as printed: at most one decimal.</summary>
    public static string Mg(double mg) => mg.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An optional mg value: "–" when missing.</summary>
    public static string Mg(double? mg) => mg is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";
}
