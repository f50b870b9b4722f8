using System.Globalization;
using Magnesia.Intake;

namespace Magnesia.Cli;

/// <summary>Parsing shared by the diary commands.</summary>
internal static class DiaryOptions
{
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Checks an optional date option's format (range checks need "today" and happen at execution).</summary>
    public static string? CheckDate(string? text, string option) =>
        text is not null && ParseDate(text) is null ? $"{option} must be a date as yyyy-mm-dd, not '{text}'" : null;

    public static Meal? ParseMeal(string? text) =>
        text is null ? null : Enum.TryParse<Meal>(text.Trim(), ignoreCase: true, out var m) && Enum.IsDefined(m) && !text.Trim().All(char.IsAsciiDigit) ? m : null;

    /// <summary>A positive finite number, or the problem.</summary>
    public static string? CheckPositive(double? value, string option, double max) =>
        value is null ? null
        : !double.IsFinite(value.Value) || value <= 0 ? $"{option} must be a positive number, not {value}"
        : value > max ? $"{option} must be at most {max:0.##}, not {value}"
        : null;

    /// <summary>A non-negative finite number, or the problem.</summary>
    public static string? CheckNonNegative(double? value, string option, double max) =>
        value is null ? null
        : !double.IsFinite(value.Value) || value < 0 ? $"{option} must be zero or more, not {value}"
        : value > max ? $"{option} must be at most {max:0.##}, not {value}"
        : null;

    public static string Mg(double mg) => mg.ToString("0.#", CultureInfo.InvariantCulture);
}
