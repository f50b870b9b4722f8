using Magnesia.Units;

namespace Magnesia.Foods;

/// <summary>The basis on which magnesium content is compared.</summary>
public enum NutrientBasis
{
    /// <summary>Per 100 g of edible portion.</summary>
    Per100Grams,

    /// <summary>Per 100 kcal (nutrient density); foods without energy are left out.</summary>
    Per100Kcal,

    /// <summary>Per standard portion: a suggestable food's (<see cref="Planning.SuggestableFoods"/>); with every food, the food's first household portion (SR28 <c>GmWt_1</c>).</summary>
    PerPortion,
}

/// <summary>Names of <see cref="NutrientBasis"/> values as the CLI and API write them.</summary>
public static class NutrientBases
{
    /// <summary>Parses <c>100g</c>, <c>100kcal</c> or <c>portion</c> (any case); null otherwise.</summary>
    public static NutrientBasis? Parse(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "100g" => NutrientBasis.Per100Grams,
        "100kcal" => NutrientBasis.Per100Kcal,
        "portion" => NutrientBasis.PerPortion,
        _ => null,
    };

    /// <summary>The name of a basis: <c>100g</c>, <c>100kcal</c> or <c>portion</c>.</summary>
    public static string Name(this NutrientBasis basis) => basis switch
    {
        NutrientBasis.Per100Grams => "100g",
        NutrientBasis.Per100Kcal => "100kcal",
        _ => "portion",
    };
}

/// <summary>A food found by search, with its relevance score (higher is better).</summary>
/// <param name="Food">The food.</param>
/// <param name="Score">Relevance; comparable only within one query.</param>
/// <param name="Weak">True when the food was found only by shared letters, as a guess (see <see cref="FoodSearchHit.Weak"/>).</param>
public sealed record FoodMatch(Food Food, double Score, bool Weak = false)
{
    /// <summary>The same food from other datasets or releases, folded under this one (<see cref="NearDuplicates"/>).</summary>
    public IReadOnlyList<Food> Duplicates { get; init; } = [];
}

/// <summary>A food ranked by magnesium on a basis.</summary>
/// <param name="Food">The food.</param>
/// <param name="Magnesium">Magnesium on the chosen basis.</param>
/// <param name="Portion">The portion used, for <see cref="NutrientBasis.PerPortion"/>.</param>
public sealed record RankedFood(Food Food, Mass Magnesium, FoodPortion? Portion);

/// <summary>An in-memory catalogue of foods: lookup by NDB number, ranked search and magnesium rankings.</summary>
public sealed class FoodCatalog
{
    private readonly Food[] _foods;
    private readonly Dictionary<FoodId, Food> _byId;
    private readonly Lazy<FoodSearchIndex> _index;
    private readonly Lazy<Dictionary<string, Food>> _byGtin;

    /// <summary>
    /// Builds the catalogue; the search index is built on first search. Retired foods (replaced by a newer release of
    /// their dataset) are found by id, for the diary entries that point at them, but neither searched nor ranked.
    /// </summary>
    public FoodCatalog(IEnumerable<Food> foods)
    {
        ArgumentNullException.ThrowIfNull(foods);
        var all = foods.ToList();
        _foods = [.. all.Where(f => !f.Origin.Retired)];
        _byId = all.ToDictionary(f => f.Id);
        _byGtin = new Lazy<Dictionary<string, Food>>(() =>
        {
            var byGtin = new Dictionary<string, Food>(StringComparer.Ordinal);
            foreach (var f in _foods)
            {
                if (f.Origin.Gtin is { } g)
                    byGtin[g.Digits] = f;
            }

            return byGtin;
        });
        _index = new Lazy<FoodSearchIndex>(() => new FoodSearchIndex(
            [.. _foods.Select(FoodSearchDocument.From)]));
    }

    /// <summary>The search index over <see cref="Foods"/> (hits refer to positions in that list); built on first use.</summary>
    public FoodSearchIndex Index => _index.Value;

    /// <summary>All current foods (retired ones aside).</summary>
    public IReadOnlyList<Food> Foods => _foods;

    /// <summary>Finds a food by id; null when absent.</summary>
    public Food? Find(FoodId id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds a food by a typed id in any of <see cref="FoodId.Forms"/> (<c>9040</c> finds <c>09040</c>); null when it is not an id or no food has it.</summary>
    public Food? Find(string id) => FoodId.TryParse(id, out var parsed) ? Find(parsed) : null;

    /// <summary>The best matches for a typed query, best first, near-duplicates folded into the best of them (<see cref="NearDuplicates"/>).</summary>
    public IReadOnlyList<FoodMatch> Search(string query, int limit = 10) =>
        [.. NearDuplicates.Group(_index.Value.Search(query, NearDuplicates.RankLimit(limit)), DuplicateKey, limit)
            .Select(g => new FoodMatch(_foods[g.Best.Document], g.Best.Score, g.Best.Weak) { Duplicates = [.. g.Duplicates.Select(d => _foods[d])] })];

    private string DuplicateKey(int document) => NearDuplicates.Key(_foods[document].Name, _foods[document].Origin.Brand ?? _foods[document].Manufacturer);

    /// <summary>Finds a current food by its barcode (the one listed last when several share it); null when none has it.</summary>
    public Food? FindByGtin(Gtin gtin) => _byGtin.Value.GetValueOrDefault(gtin.Digits);

    /// <summary>
    /// Reads a sentence such as "2 slices white bread": the best food for its food words, <paramref name="alternatives"/>
    /// more, and the weight its amount gives for that food (see <see cref="FoodSentence.Weigh"/>).
    /// </summary>
    public FoodSentence ReadSentence(string text, int alternatives = 4)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(alternatives);
        var ranked = Search(text, alternatives + 1);
        return FoodSentence.Read(FoodQuery.Read(text), [.. ranked.Select(m => new NamedFood(m.Food.Id, m.Food.Name, m.Weak))], ranked.Count > 0 ? ranked[0].Food.Portions : []);
    }

    /// <summary>
    /// The richest magnesium sources on a basis, optionally within one group, richest first: by default among the
    /// suggestable foods (common foods a dietitian names, in their standard portions: audit 3.10 found crude rice bran, a
    /// cup of molasses and raw moth beans by the cup leading the whole catalogue); <paramref name="allFoods"/> ranks every food.
    /// </summary>
    public IReadOnlyList<RankedFood> Top(NutrientBasis basis, FoodGroup? group = null, int limit = 20, bool allFoods = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ranked = new List<RankedFood>();
        foreach (var food in _foods)
        {
            if (food.MagnesiumPer100g is not { } per100g || (group is not null && food.Group.Code != group.Code))
                continue;
            var suggestable = Planning.SuggestableFoods.Find(food.Id);
            if (!allFoods && suggestable is null)
                continue;
            switch (basis)
            {
                case NutrientBasis.Per100Grams:
                    ranked.Add(new RankedFood(food, per100g, null));
                    break;
                case NutrientBasis.Per100Kcal when food.MagnesiumPer100Kcal is { } perKcal:
                    ranked.Add(new RankedFood(food, perKcal, null));
                    break;
                case NutrientBasis.PerPortion when food.Portions.Count > 0:
                    var portion = (allFoods ? null : suggestable?.PortionOf(food)) ?? food.Portions[0];
                    ranked.Add(new RankedFood(food, per100g.Scale(portion.Grams / 100.0), portion));
                    break;
            }
        }

        return [.. ranked.OrderByDescending(r => r.Magnesium).ThenBy(r => r.Food.Id.Value, StringComparer.Ordinal).Take(limit)];
    }
}
