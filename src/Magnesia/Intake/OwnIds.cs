using System.Globalization;

namespace Magnesia.Intake;

/// <summary>A person's custom food: printed <c>c</c> and the store's row id (<c>c12</c>).</summary>
/// <param name="Value">The row id; positive.</param>
public readonly record struct CustomFoodId(long Value)
{
    /// <summary>Reads <c>c12</c> (any case, surrounding blanks ignored).</summary>
    public static bool TryParse(string? text, out CustomFoodId id)
    {
        var ok = OwnIds.TryParse('c', text, out var value);
        id = new CustomFoodId(value);
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => OwnIds.Format('c', Value);
}

/// <summary>A person's recipe: printed <c>r</c> and the store's row id (<c>r3</c>).</summary>
/// <param name="Value">The row id; positive.</param>
public readonly record struct RecipeId(long Value)
{
    /// <summary>Reads <c>r3</c> (any case, surrounding blanks ignored).</summary>
    public static bool TryParse(string? text, out RecipeId id)
    {
        var ok = OwnIds.TryParse('r', text, out var value);
        id = new RecipeId(value);
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => OwnIds.Format('r', Value);
}

/// <summary>A person's supplement product: printed <c>p</c> and the store's row id (<c>p2</c>).</summary>
/// <param name="Value">The row id; positive.</param>
public readonly record struct ProductId(long Value)
{
    /// <summary>Reads <c>p2</c> (any case, surrounding blanks ignored).</summary>
    public static bool TryParse(string? text, out ProductId id)
    {
        var ok = OwnIds.TryParse('p', text, out var value);
        id = new ProductId(value);
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => OwnIds.Format('p', Value);
}

/// <summary>The one grammar of the ids the store issues for a person's own things: a letter and a 64-bit row id.</summary>
internal static class OwnIds
{
    public static string Format(char prefix, long value) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{value}");

    public static bool TryParse(char prefix, string? text, out long value)
    {
        value = 0;
        var t = (text ?? string.Empty).Trim();
        return t.Length is >= 2 and <= 20 && char.ToLowerInvariant(t[0]) == prefix && t[1] is >= '1' and <= '9'
            && t.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0
            && long.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
