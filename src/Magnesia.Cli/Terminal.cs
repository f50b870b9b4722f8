using System.Text;
using Magnesia.Text;
using Spectre.Console;

namespace Magnesia.Cli;

/// <summary>
/// Stored text never reaches a terminal raw: plain output goes through <see cref="SafeWriter"/>, table cells through
/// <see cref="Cell"/>. An old row or an imported name holding an escape sequence or a bidi override cannot move the
/// cursor, retitle the window or reorder a line; it shows as U+FFFD.
/// </summary>
internal static class Terminal
{
    /// <summary>A table cell of stored text: control and bidi characters replaced, markup escaped.</summary>
    public static string Cell(string? text) => Markup.Escape(TextInput.ForTerminal(text));

    /// <summary>A writer that replaces control characters (tab, CR and LF kept) and bidi overrides with U+FFFD.</summary>
    public sealed class SafeWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(Clean(value));

        public override void Write(string? value)
        {
            if (value is null)
                return;
            foreach (var c in value)
            {
                if (Clean(c) != c)
                {
                    inner.Write(string.Create(value.Length, value, static (span, s) =>
                    {
                        for (var i = 0; i < s.Length; i++)
                            span[i] = Clean(s[i]);
                    }));
                    return;
                }
            }

            inner.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value)
        {
            Write(value);
            inner.WriteLine();
        }

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync() => inner.FlushAsync();

        private static char Clean(char c) => c is '\t' or '\n' or '\r' || !TextInput.IsUnsafeForTerminal(c) ? c : '\uFFFD';
    }
}
