namespace Magnesia.Intake;

/// <summary>Checks diary dates.</summary>
public static class DiaryDates
{
    /// <summary>The earliest date accepted.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>A diary date must be on or after 1900-01-01 and not after tomorrow (time zones); returns the problem or null.</summary>
    public static string? Check(DateOnly date, DateOnly today) =>
        date < Earliest ? $"{date:yyyy-MM-dd} is before {Earliest:yyyy-MM-dd}"
        : date > today.AddDays(1) ? $"{date:yyyy-MM-dd} is in the future"
        : null;
}

/// <summary>What is wrong with a from/to window.</summary>
public enum WindowProblem
{
    /// <summary>Only one end was given (both or neither).</summary>
    OneEndOnly,

    /// <summary>The end is before the start.</summary>
    EndBeforeStart,

    /// <summary>Longer than <see cref="PeriodReport.MaxDays"/> days.</summary>
    TooLong,
}

/// <summary>
/// The from/to window every "usual intake" use case reads (assessment, plans, reports, trends): both ends or neither,
/// in order, at most <see cref="PeriodReport.MaxDays"/> days; by default the 30 days to today.
/// </summary>
public static class DiaryWindow
{
    /// <summary>Days in the default window.</summary>
    public const int DefaultDays = 30;

    /// <summary>The problem with the window, or null.</summary>
    public static WindowProblem? Check(DateOnly? from, DateOnly? to) =>
        from is null != to is null ? WindowProblem.OneEndOnly
        : to < from ? WindowProblem.EndBeforeStart
        : to is { } t && from is { } f && t.DayNumber - f.DayNumber >= PeriodReport.MaxDays ? WindowProblem.TooLong
        : null;

    /// <summary>The days of a checked window: as given, or the <see cref="DefaultDays"/> days to <paramref name="today"/>.</summary>
    public static (DateOnly First, DateOnly Last) Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var last = to ?? today;
        return (from ?? last.AddDays(1 - DefaultDays), last);
    }
}
