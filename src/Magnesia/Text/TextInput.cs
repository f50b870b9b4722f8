namespace Magnesia.Text;

/// <summary>What a text field refused, when it was refused.</summary>
public enum TextProblem
{
    /// <summary>A control character (C0 other than tab and line breaks, DEL, or C1).</summary>
    ControlCharacter,

    /// <summary>A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which can make text read as other text.</summary>
    BidiControl,

    /// <summary>A tab or line break in a one-line field (a name).</summary>
    LineBreak,

    /// <summary>Nothing visible: empty, white space or zero-width characters only.</summary>
    Blank,
}

/// <summary>
/// The rules for text a person types into Magnesia, the same in every door (API, pages, CLI, import documents): no
/// control characters (tab and line breaks only where a note allows them), no bidirectional overrides, and names that
/// show something. Text that passes is safe to store and to show; terminals still get <see cref="ForTerminal"/>.
/// </summary>
public static class TextInput
{
    /// <summary>
    /// The problem with <paramref name="text"/>, or null when it may be stored. <paramref name="multiline"/> allows tab,
    /// CR and LF (notes, comments); a one-line field refuses them. Blankness is <see cref="IsBlank"/>'s question.
    /// </summary>
    public static TextProblem? Check(string? text, bool multiline)
    {
        if (text is null)
            return null;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r')
            {
                if (!multiline)
                    return TextProblem.LineBreak;
            }
            else if (char.IsControl(c))
            {
                return TextProblem.ControlCharacter;
            }
            else if (IsBidiControl(c))
            {
                return TextProblem.BidiControl;
            }
        }

        return null;
    }

    /// <summary>The problem with a name: as <see cref="Check"/> for one line, and <see cref="TextProblem.Blank"/> when nothing in it is visible.</summary>
    public static TextProblem? CheckName(string? name) =>
        Check(name, multiline: false) ?? (IsBlank(name) ? TextProblem.Blank : null);

    /// <summary>Whether <paramref name="text"/> shows nothing: null, empty, white space or zero-width characters only.</summary>
    public static bool IsBlank(string? text)
    {
        if (text is null)
            return true;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
                return false;
        }

        return true;
    }

    /// <summary>A sentence for a problem, naming the field: "name must not contain control characters".</summary>
    public static string Describe(TextProblem problem, string field) => problem switch
    {
        TextProblem.ControlCharacter => $"{field} must not contain control characters",
        TextProblem.BidiControl => $"{field} must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)",
        TextProblem.LineBreak => $"{field} must be one line (no tabs or line breaks)",
        _ => $"{field} must not be blank",
    };

    /// <summary>
    /// Text as a terminal may print it: control characters, bidirectional controls and escape sequences become
    /// <c>U+FFFD</c>, so stored text can never move the cursor, change colours or reorder a line. Line breaks stay.
    /// </summary>
    public static string ForTerminal(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? string.Empty;
        if (!text.Any(c => c != '\n' && IsUnsafeForTerminal(c)))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] != '\n' && IsUnsafeForTerminal(source[i]) ? '\uFFFD' : source[i];
        });
    }

    /// <summary>
    /// Whether a terminal must not receive <paramref name="c"/> raw: a control character (line breaks and tab included;
    /// a writer keeps those it needs) or a bidirectional control.
    /// </summary>
    public static bool IsUnsafeForTerminal(char c) => char.IsControl(c) || IsBidiControl(c);


    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // Zero-width space/joiners, word joiner, BOM, soft hyphen, and the LRM/RLM/ALM marks: they show nothing on their own.
    private static bool IsInvisible(char c) => c is >= '\u200B' and <= '\u200F' or '\u2060' or '\uFEFF' or '\u00AD' or '\u061C';
}
