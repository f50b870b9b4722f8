using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

/// <summary>
/// The form people eat (issue 22; word-classes.tsv, "The form people eat"), over the SR28 families the rule covers:
/// grains and pasta (2000), legumes (1600), poultry (0500), pork (1000), beef (1300), fish (1500), lamb, veal and game
/// (1700), eggs (0100 "Egg…") and hot cereals (0800 "Cereals…"). USDA's survey database codes these foods as eaten
/// (FNDDS: an unspecified "rice" is cooked rice), so a query that does not say raw, dry or uncooked must not rank a raw
/// or dry form first where SR28 has a cooked one of the same food.
/// </summary>
public sealed class PreparedFormTests
{
    private static readonly string[] Families = ["2000", "1600", "0500", "1000", "1300", "1500", "1700", "0100:egg", "0800:cereal"];
    private static readonly string[] RawWords = ["raw", "dry", "uncooked", "unprepared"];
    private static readonly string[] CookedWords = ["cooked", "boiled", "roasted", "baked", "braised", "broiled", "grilled", "steamed", "stewed", "simmered", "prepared", "fried"];

    private static bool InFamily(Food f) => Families.Any(x => x.Contains(':', StringComparison.Ordinal)
        ? f.Group.Code == x[..4] && f.Name.StartsWith(x[5..], StringComparison.OrdinalIgnoreCase)
        : f.Group.Code == x);

    private static string[] Words(Food f) => f.Name.ToLowerInvariant().Split([',', ' ', '(', ')', '-', '/', ';'], StringSplitOptions.RemoveEmptyEntries);

    // "Cooked, dry heat" is cooked: "dry" followed by "heat" names a way of cooking.
    private static bool IsRaw(Food f)
    {
        var words = Words(f);
        return words.Where((w, i) => RawWords.Contains(w, StringComparer.Ordinal) && !(w == "dry" && i + 1 < words.Length && words[i + 1] == "heat")).Any();
    }

    private static bool IsCooked(Food f) => Words(f).Any(w => CookedWords.Contains(w, StringComparer.OrdinalIgnoreCase));

    // A food's "stem": its first two comma-separated parts ("Rice, brown", "Beans, black"), the words a person types.
    private static string Stem(Food f) => string.Join(' ', f.Name.Split(',').Take(2).Select(p => p.Trim())).ToLowerInvariant();

    /// <summary>Every stem of the families that SR28 lists both raw (or dry) and cooked.</summary>
    public static TheoryData<string> StemsWithBothForms()
    {
        var data = new TheoryData<string>();
        foreach (var g in Sr28.Catalog.Foods.Where(InFamily).GroupBy(Stem).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (g.Any(IsRaw) && g.Any(f => IsCooked(f) && !IsRaw(f)) && !RawWords.Any(w => g.Key.Contains(w, StringComparison.Ordinal)))
                data.Add(g.Key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StemsWithBothForms))]
    public void AStemOfAPreparedFamily_RanksACookedFormFirst(string stem)
    {
        var top = Sr28.Catalog.Search(stem, 1)[0].Food;
        Assert.False(IsRaw(top) && InFamily(top), $"'{stem}' → {top.Id} {top.Name}");
    }

    // Whole foods before branded and restaurant items: a stem of a whole-food group (dairy and eggs, fruits, vegetables,
    // nuts and seeds, and the families above) never ranks a baby food (0300), fast food (2100), meal (2200), snack (2500),
    // restaurant food (3600) or a manufacturer's product first.
    private static readonly string[] WholeFoodGroups = ["0100", "0900", "1100", "1200", "1600", "2000", "0500", "1000", "1300", "1500", "1700"];
    private static readonly string[] ProcessedGroups = ["0300", "2100", "2200", "2500", "3600"];

    /// <summary>Every stem of the whole-food groups.</summary>
    public static TheoryData<string> WholeFoodStems()
    {
        var data = new TheoryData<string>();
        foreach (var stem in Sr28.Catalog.Foods.Where(f => WholeFoodGroups.Contains(f.Group.Code) && !f.Branded).Select(Stem).Distinct().Order(StringComparer.Ordinal))
            data.Add(stem);
        return data;
    }

    [Theory]
    [MemberData(nameof(WholeFoodStems))]
    public void AStemOfAWholeFoodGroup_RanksAWholeFoodFirst(string stem)
    {
        var top = Sr28.Catalog.Search(stem, 1)[0].Food;
        Assert.False(ProcessedGroups.Contains(top.Group.Code) || top.Branded, $"'{stem}' → {top.Id} {top.Name} ({top.Group.Code})");
    }

    // Plain before sweetened or flavoured: where SR28 lists a food both plain and sweetened ("Yogurt, plain" and
    // "Yogurt, fruit"; "Applesauce, canned, unsweetened" and "…, sweetened"), a query that names neither ranks a plain
    // form first. Baked products (1800) and sweets (1900) are sweet by nature and left out.
    private static readonly string[] SweetWords = ["sweetened", "flavored", "chocolate", "sugar", "syrup", "honey", "fruit", "vanilla", "strawberry"];
    private static readonly string[] PlainWords = ["plain", "unsweetened", "unflavored", "water", "juice"];

    private static bool IsSweet(Food f) => Words(f).Skip(1).Any(w => SweetWords.Contains(w, StringComparer.Ordinal)) && !Words(f).Contains("unsweetened") && !Words(f).Contains("original");

    /// <summary>Every first word of a food SR28 lists both plain and sweetened.</summary>
    public static TheoryData<string> StemsWithPlainAndSweetForms()
    {
        var data = new TheoryData<string>();
        foreach (var g in Sr28.Catalog.Foods.Where(f => !ProcessedGroups.Contains(f.Group.Code) && f.Group.Code is not ("1800" or "1900")).GroupBy(f => Words(f)[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (g.Any(IsSweet) && g.Any(f => !IsSweet(f) && Words(f).Any(w => PlainWords.Contains(w, StringComparer.Ordinal))) && !SweetWords.Contains(g.Key))
                data.Add(g.Key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StemsWithPlainAndSweetForms))]
    public void AFoodListedPlainAndSweetened_RanksAPlainFormFirst(string stem)
    {
        var top = Sr28.Catalog.Search(stem, 1)[0].Food;
        Assert.False(IsSweet(top), $"'{stem}' → {top.Id} {top.Name}");
    }
}
