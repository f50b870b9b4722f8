namespace Magnesia.Foods;

/// <summary>
/// A catalogue food's id, in its one normal form: an NDB number of five digits (SR28 and FDC SR Legacy keep leading
/// zeros, <c>09040</c>), <c>fdc:</c> and a FoodData Central id (<c>fdc:2346403</c>), or <c>ifct:</c> and an IFCT 2017
/// code (<c>ifct:A001</c>).
/// </summary>
/// <remarks>Formerly called "NDB number" throughout; the JSON field <c>ndb</c> is kept for one release as an alias of
/// <c>foodId</c>.</remarks>
public readonly record struct FoodId
{
    private readonly string? _value;

    private FoodId(string value) => _value = value;

    /// <summary>The id as stored and printed (<c>09040</c>, <c>fdc:2346403</c>, <c>ifct:A001</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for an NDB number (a USDA SR28 or SR Legacy food).</summary>
    public bool IsNdb => Value.Length == 5 && Value.All(char.IsAsciiDigit);

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Forms = "an NDB number (up to 5 digits), fdc:<FDC id> or ifct:<code>";

    /// <summary>
    /// Reads a typed food id: an NDB number of 1–5 digits, padded with leading zeros to SR28's five (<c>9040</c> →
    /// <c>09040</c>); <c>fdc:</c> and an FDC id of up to 9 digits (<c>FDC:2346403</c> → <c>fdc:2346403</c>); <c>ifct:</c>
    /// and an IFCT code, a letter and three digits (<c>ifct:a001</c> → <c>ifct:A001</c>). False when it is none of these.
    /// </summary>
    public static bool TryParse(string? text, out FoodId id)
    {
        id = default;
        var v = (text ?? string.Empty).Trim();
        if (v.Length is >= 1 and <= 5 && v.All(char.IsAsciiDigit))
            id = new FoodId(v.PadLeft(5, '0'));
        else if (v.StartsWith("fdc:", StringComparison.OrdinalIgnoreCase) && v.Length is >= 5 and <= 13 && v[4..].All(char.IsAsciiDigit) && v[4] != '0')
            id = new FoodId("fdc:" + v[4..]);
        else if (v.StartsWith("ifct:", StringComparison.OrdinalIgnoreCase) && v.Length == 9 && char.IsAsciiLetter(v[5]) && v[6..].All(char.IsAsciiDigit))
            id = new FoodId("ifct:" + v[5..].ToUpperInvariant());
        return id._value is not null;
    }

    /// <summary>The food id <paramref name="text"/> names; null when it is not one (<see cref="Forms"/>).</summary>
    public static FoodId? From(string? text) => TryParse(text, out var id) ? id : null;

    /// <summary>The food id <paramref name="text"/> names.</summary>
    /// <exception cref="FormatException">It is not one of the <see cref="Forms"/>.</exception>
    public static FoodId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a food id: give {Forms}.");

    /// <summary>The id as a person reads it: "NDB 11457", "FDC 2346403", "IFCT A001".</summary>
    public string Label => Value switch
    {
        var v when v.StartsWith("fdc:", StringComparison.Ordinal) => "FDC " + v[4..],
        var v when v.StartsWith("ifct:", StringComparison.Ordinal) => "IFCT " + v[5..],
        var v => "NDB " + v,
    };

    /// <summary>The words for a food id no food has: "no food with NDB number 99999", "no food with id fdc:1".</summary>
    public string NotFound() => IsNdb ? $"no food with NDB number {Value}" : $"no food with id {Value}";

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>The id's text, for keys and storage.</summary>
    public static implicit operator string(FoodId id) => id.Value;
}
