using System.Globalization;

namespace Magnesia.Intake;

/// <summary>One line of a batch to log: a food sentence with the day and meal it was eaten.</summary>
/// <param name="Number">1-based line number in the input, for the report.</param>
/// <param name="Date">The day from the line's prefix; null: the batch's default day.</param>
/// <param name="Meal">The meal from the line's prefix; null: the batch's default meal (or none).</param>
/// <param name="Sentence">What was eaten, in words: "2 eggs", "1 cup brown rice", "30 g 12061".</param>
public sealed record BatchLine(int Number, DateOnly? Date, Meal? Meal, string Sentence);

/// <summary>A line of a batch that cannot be read.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The line as typed.</param>
/// <param name="Message">"date '2026-13-01' is not yyyy-mm-dd".</param>
public sealed record BatchLineProblem(int Number, string Text, string Message);

/// <summary>
/// Reads a batch of food sentences, one per line, each optionally prefixed <c>date,meal,</c>
/// (<c>2026-12-01,breakfast,2 eggs</c>; either field may be empty: <c>,lunch,1 apple</c>). Blank lines and lines
/// starting with <c>#</c> are skipped. A line without the prefix is a sentence as it stands, commas and all
/// ("1 cup, chopped broccoli").
/// </summary>
public static class BatchLines
{
    /// <summary>Most lines one batch may hold: a year of a busy diary (twenty foods a day) is about 7,300.</summary>
    public const int MaxLines = 10_000;

    /// <summary>Longest sentence on a line (the search's own limit on a typed sentence).</summary>
    public const int MaxSentenceLength = 200;

    /// <summary>The lines of <paramref name="text"/> to log, and the problems of the lines that cannot be read (each names its line).</summary>
    public static (IReadOnlyList<BatchLine> Lines, IReadOnlyList<BatchLineProblem> Problems) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<BatchLine>();
        var problems = new List<BatchLineProblem>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (lines.Count + problems.Count >= MaxLines)
            {
                problems.Add(new(number, line, $"a batch may hold at most {MaxLines.ToString("N0", CultureInfo.InvariantCulture)} lines"));
                break;
            }

            var (date, meal, sentence, problem) = ReadLine(line);
            if (problem is null && sentence.Length == 0)
                problem = "no food after the date and meal";
            else if (problem is null && sentence.Length > MaxSentenceLength)
                problem = $"the sentence is longer than {MaxSentenceLength} characters";
            if (problem is not null)
                problems.Add(new(number, line, problem));
            else
                lines.Add(new(number, date, meal, sentence));
        }

        return (lines, problems);
    }

    // "date,meal,sentence" when the first two fields are a date (or nothing) and a meal (or nothing) and one is given;
    // else the whole line is the sentence.
    private static (DateOnly? Date, Meal? Meal, string Sentence, string? Problem) ReadLine(string line)
    {
        var parts = line.Split(',', 3);
        if (parts.Length < 3)
            return (null, null, line, null);
        var (first, second) = (parts[0].Trim(), parts[1].Trim());
        var looksLikeDate = first.Length > 0 && char.IsAsciiDigit(first[0]) && first.Contains('-', StringComparison.Ordinal);
        var meal = ContractNames.Parse<Meal>(second);
        if (!looksLikeDate && !(first.Length == 0 && (second.Length == 0 || meal is not null)))
            return (null, null, line, null);
        DateOnly? date = null;
        if (first.Length > 0)
        {
            if (!DateOnly.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return (null, null, "", $"date '{first}' is not a day as yyyy-mm-dd");
            date = d;
        }

        if (second.Length > 0 && meal is null)
            return (null, null, "", $"meal '{second}' must be breakfast, lunch, dinner or snack (or empty)");
        return (date, meal, parts[2].Trim(), null);
    }
}
