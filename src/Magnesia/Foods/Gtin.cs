namespace Magnesia.Foods;

/// <summary>
/// A Global Trade Item Number as printed under a barcode (UPC-A 12 digits, EAN-13, EAN-8 or GTIN-14), kept as its
/// 14-digit form with leading zeros, so one product has one key whichever barcode was scanned. The last digit is the
/// GS1 check digit: from the right, digits weighted 3, 1, 3, 1…; the check digit makes the sum a multiple of 10
/// (GS1 General Specifications, section 7.9, "Check digit calculation").
/// </summary>
public readonly record struct Gtin
{
    private Gtin(string digits14) => Digits = digits14;

    /// <summary>The 14 digits, leading zeros included, e.g. <c>00036000291452</c>.</summary>
    public string Digits { get; }

    /// <summary>Parses 8, 12, 13 or 14 digits (spaces and hyphens ignored) with a valid check digit.</summary>
    /// <returns>The GTIN, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static Gtin? Parse(string? text, out string? problem)
    {
        var digits = new string((text ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length == 0)
        {
            problem = "is empty";
            return null;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            problem = $"'{text}' is not all digits";
            return null;
        }

        if (digits.Length is not (8 or 12 or 13 or 14))
        {
            problem = $"'{text}' has {digits.Length} digits; a GTIN has 8, 12, 13 or 14";
            return null;
        }

        var expected = CheckDigit(digits.AsSpan(0, digits.Length - 1));
        if (digits[^1] - '0' != expected)
        {
            problem = $"'{text}' has check digit {digits[^1]}, expected {expected}";
            return null;
        }

        problem = null;
        return new Gtin(digits.PadLeft(14, '0'));
    }

    /// <summary>The GS1 check digit of the digits before it.</summary>
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = body[body.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>The code as usually printed: 13 digits (EAN-13; a UPC-A with a leading zero), or all 14 when the first is not zero.</summary>
    public override string ToString() => Digits is null ? string.Empty : Digits[0] == '0' ? Digits[1..] : Digits;
}
