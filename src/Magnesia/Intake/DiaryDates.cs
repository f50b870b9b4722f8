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
