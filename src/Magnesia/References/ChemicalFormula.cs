using System.Globalization;

namespace Magnesia.References;

/// <summary>
/// A chemical formula such as <c>Mg3(C6H5O7)2</c> or <c>MgCl2·6H2O</c>, parsed into element counts so that
/// molar masses are computed, not typed in. Supports element symbols, counts, nested parentheses and
/// hydrate parts after a middle dot (<c>·</c>) with a leading multiplier.
/// </summary>
public sealed class ChemicalFormula
{
    /// <summary>
    /// IUPAC conventional standard atomic weights (g/mol) for the elements in supplement salts
    /// (IUPAC CIAAW; Mg 24.305 is the conventional value).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> AtomicWeights = new Dictionary<string, double>
    {
        ["H"] = 1.008,
        ["C"] = 12.011,
        ["N"] = 14.007,
        ["O"] = 15.999,
        ["Mg"] = 24.305,
        ["S"] = 32.06,
        ["Cl"] = 35.45,
    };

    private ChemicalFormula(string text, IReadOnlyDictionary<string, int> counts)
    {
        Text = text;
        Counts = counts;
    }

    /// <summary>The formula as written.</summary>
    public string Text { get; }

    /// <summary>Atoms of each element per formula unit.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Molar mass in g/mol, the sum of atomic weights.</summary>
    public double MolarMassGramsPerMole => Counts.Sum(kv => AtomicWeights[kv.Key] * kv.Value);

    /// <summary>Atoms of <paramref name="element"/> per formula unit (0 when absent).</summary>
    public int Atoms(string element) => Counts.TryGetValue(element, out var n) ? n : 0;

    /// <summary>Parses a formula; throws <see cref="FormatException"/> for malformed text or unknown elements.</summary>
    public static ChemicalFormula Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var total = new Dictionary<string, int>();
        foreach (var part in text.Split('·'))
        {
            var pos = 0;
            var multiplier = ReadNumber(part, ref pos) ?? 1;
            var counts = ParseGroup(part, ref pos, text);
            if (pos != part.Length)
                throw new FormatException($"unexpected '{part[pos]}' in formula '{text}'");
            foreach (var (element, n) in counts)
                total[element] = total.GetValueOrDefault(element) + n * multiplier;
        }

        return new ChemicalFormula(text, total);
    }

    private static Dictionary<string, int> ParseGroup(string s, ref int pos, string text)
    {
        var counts = new Dictionary<string, int>();
        while (pos < s.Length && s[pos] != ')')
        {
            Dictionary<string, int> unit;
            if (s[pos] == '(')
            {
                pos++;
                unit = ParseGroup(s, ref pos, text);
                if (pos >= s.Length || s[pos] != ')')
                    throw new FormatException($"unclosed '(' in formula '{text}'");
                pos++;
            }
            else if (char.IsAsciiLetterUpper(s[pos]))
            {
                var start = pos++;
                while (pos < s.Length && char.IsAsciiLetterLower(s[pos]))
                    pos++;
                var symbol = s[start..pos];
                if (!AtomicWeights.ContainsKey(symbol))
                    throw new FormatException($"unknown element '{symbol}' in formula '{text}'");
                unit = new Dictionary<string, int> { [symbol] = 1 };
            }
            else
            {
                throw new FormatException($"unexpected '{s[pos]}' in formula '{text}'");
            }

            var n = ReadNumber(s, ref pos) ?? 1;
            foreach (var (element, count) in unit)
                counts[element] = counts.GetValueOrDefault(element) + count * n;
        }

        return counts;
    }

    private static int? ReadNumber(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            pos++;
        return pos == start ? null : int.Parse(s.AsSpan(start, pos - start), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
