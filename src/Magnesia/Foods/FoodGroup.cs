namespace Magnesia.Foods;

/// <summary>A food group of USDA SR28 (<c>FD_GROUP</c>).</summary>
/// <param name="Code">Four-digit code, e.g. <c>1100</c>.</param>
/// <param name="Name">Description, e.g. <c>Vegetables and Vegetable Products</c>.</param>
public sealed record FoodGroup(string Code, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The 25 food groups of the USDA National Nutrient Database for Standard Reference, Release 28
/// (file <c>FD_GROUP.txt</c>, documented in the SR28 documentation, Table 6 "Food Group Description File").
/// </summary>
public static class FoodGroups
{
    /// <summary>All groups in code order.</summary>
    public static IReadOnlyList<FoodGroup> All { get; } =
    [
        new("0100", "Dairy and Egg Products"),
        new("0200", "Spices and Herbs"),
        new("0300", "Baby Foods"),
        new("0400", "Fats and Oils"),
        new("0500", "Poultry Products"),
        new("0600", "Soups, Sauces, and Gravies"),
        new("0700", "Sausages and Luncheon Meats"),
        new("0800", "Breakfast Cereals"),
        new("0900", "Fruits and Fruit Juices"),
        new("1000", "Pork Products"),
        new("1100", "Vegetables and Vegetable Products"),
        new("1200", "Nut and Seed Products"),
        new("1300", "Beef Products"),
        new("1400", "Beverages"),
        new("1500", "Finfish and Shellfish Products"),
        new("1600", "Legumes and Legume Products"),
        new("1700", "Lamb, Veal, and Game Products"),
        new("1800", "Baked Products"),
        new("1900", "Sweets"),
        new("2000", "Cereal Grains and Pasta"),
        new("2100", "Fast Foods"),
        new("2200", "Meals, Entrees, and Side Dishes"),
        new("2500", "Snacks"),
        new("3500", "American Indian/Alaska Native Foods"),
        new("3600", "Restaurant Foods"),
    ];

    private static readonly Dictionary<string, FoodGroup> ByCode = All.ToDictionary(g => g.Code, StringComparer.Ordinal);

    /// <summary>The group with this code; null when unknown.</summary>
    public static FoodGroup? FindByCode(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>
    /// Resolves a user's group argument: a code (<c>1200</c> or <c>12</c>), an exact name, or an unambiguous
    /// case-insensitive part of a name (<c>nut</c> → Nut and Seed Products). Null when none or several match.
    /// </summary>
    public static FoodGroup? Resolve(string text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
            return null;
        if (t.All(char.IsAsciiDigit) && t.Length <= 4)
            return FindByCode(t.Length <= 2 ? t.PadLeft(2, '0') + "00" : t.PadLeft(4, '0'));
        var exact = All.FirstOrDefault(g => string.Equals(g.Name, t, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
            return exact;
        var partial = All.Where(g => g.Name.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }
}
