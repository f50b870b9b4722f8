namespace Magnesia.Foods;

/// <summary>
/// Curated synonyms: names people type (British, regional or everyday) mapped to the stems SR28 uses.
/// Keys and values are stems as produced by <see cref="SearchText.Words"/>.
/// </summary>
public static class FoodSynonyms
{
    private static readonly Dictionary<string, string[]> Map = Build(
        ("garbanzo", ["chickpea"]),
        ("chickpea", ["garbanzo"]),
        ("courgette", ["zucchini"]),
        ("aubergine", ["eggplant"]),
        ("rocket", ["arugula"]),
        ("coriander", ["cilantro"]),
        ("cilantro", ["coriander"]),
        ("yoghurt", ["yogurt"]),
        ("yoghourt", ["yogurt"]),
        ("prawn", ["shrimp"]),
        ("mince", ["ground"]),
        ("minced", ["ground"]),
        ("soya", ["soy", "soybean"]),
        ("soy", ["soybean"]),
        ("ketchup", ["catsup"]),
        ("skim", ["nonfat"]),
        ("skimmed", ["nonfat"]),
        ("wholemeal", ["whole"]),
        ("porridge", ["oat"]),
        ("oatmeal", ["oat"]),
        ("fries", ["fried"]),
        ("fry", ["fried"]),
        ("sweetcorn", ["corn"]),
        ("maize", ["corn"]),
        ("beetroot", ["beet"]),
        ("swede", ["rutabaga"]),
        ("mangetout", ["snow"]),
        ("spud", ["potato"]),
        ("coke", ["cola"]),
        ("soda", ["carbonated"]),
        ("hotdog", ["frankfurter"]),
        ("groundnut", ["peanut"]),
        ("filbert", ["hazelnut"]),
        ("hazelnut", ["filbert"]),
        ("tinned", ["canned"]),
        ("tin", ["canned"]),
        ("wholewheat", ["whole"]),
        ("chilli", ["chili"]),
        ("chile", ["chili"]),
        ("omelette", ["omelet"]),
        ("donut", ["doughnut"]),
        ("jello", ["gelatin"]),
        ("bell", ["sweet"]),
        ("capsicum", ["sweet"]),
        ("roast", ["roasted"]),
        ("baked", ["dry", "roasted"]),
        ("bake", ["baked", "dry"]),
        ("steamed", ["cooked", "boiled"]),
        ("steam", ["cooked", "boiled"]),
        ("boil", ["boiled"]),
        ("salted", ["salt"]),
        ("crisp", ["chip"]),
        ("grilled", ["dry", "broiled", "grilled"]),
        ("grill", ["dry", "broiled"]),
        ("broiled", ["dry", "broiled"]),
        ("seitan", ["gluten"]),
        ("ghee", ["anhydrous"]),
        ("poached", ["moist", "poached"]),
        ("poach", ["moist"]),
        ("toasted", ["roasted", "toasted"]),
        ("string", ["snap"]),
        ("runner", ["snap"]),
        ("icing", ["powdered"]),
        ("caster", ["granulated"]),
        ("double", ["heavy"]),
        ("single", ["light"]),
        ("mac", ["macaroni"]),
        ("wholegrain", ["whole", "brown"]),
        ("pb", ["peanut"]));

    private static Dictionary<string, string[]> Build(params (string Word, string[] Stems)[] pairs) =>
        pairs.Where(p => p.Stems.Any(s => s != p.Word))
             .ToDictionary(p => p.Word, p => p.Stems.Where(s => s != p.Word).ToArray(), StringComparer.Ordinal);

    /// <summary>The SR28 stems a typed stem may stand for; empty when none.</summary>
    public static IReadOnlyList<string> For(string stem) => Map.TryGetValue(stem, out var s) ? s : [];
}
