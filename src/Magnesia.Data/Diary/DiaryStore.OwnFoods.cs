using System.Data.Common;
using Magnesia.Data.Foods;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.Screening;
using Magnesia.References;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magnesia.Data.Diary;

public sealed partial class DiaryStore
{
    /// <summary>Adds a custom food; returns its id (<c>c1</c>…).</summary>
    public async Task<string> AddCustomFoodAsync(string name, Nutrients per100g, double? servingGrams, CancellationToken ct = default)
    {
        var r = new CustomFoodRecord
        {
            UserId = _userId, Name = name, ServingGrams = servingGrams, Nutrients = CustomFoodNutrients.Rows(per100g),
        };
        Db.CustomFoods.Add(r);
        await SaveCreatedAsync(() => new CustomFoodId(r.Id).ToString(), ct);
        return new CustomFoodId(r.Id).ToString();
    }

    /// <summary>Adds a recipe (the caller has checked every ingredient); returns its id (<c>r1</c>…).</summary>
    public async Task<string> AddRecipeAsync(string name, double servings, IReadOnlyList<RecipeIngredient> ingredients, CancellationToken ct = default)
    {
        var r = new RecipeRecord
        {
            UserId = _userId, Name = name, Servings = servings,
            Ingredients = [.. ingredients.Select((x, i) => new RecipeIngredientRecord { FoodRef = x.Food.Id, Grams = x.Grams, Sequence = i + 1 })],
        };
        Db.Recipes.Add(r);
        await SaveCreatedAsync(() => new RecipeId(r.Id).ToString(), ct);
        return new RecipeId(r.Id).ToString();
    }

    /// <summary>The recipe and the resolved nutrients of each ingredient and of one serving; null when unknown.</summary>
    public async Task<(Recipe Recipe, IReadOnlyList<(RecipeIngredient Ingredient, string Name, Nutrients Nutrients)> Lines, Nutrients PerServing)?> GetRecipeAsync(string id, CancellationToken ct = default)
    {
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, [id], ct, loaded: _store?.Catalog), ct);
        if (!resolver.Recipes.TryGetValue(id, out var recipe))
            return null;
        var lines = recipe.Ingredients.Select(i => (i, resolver.Find(i.Food)?.Name ?? i.Food.Id, resolver.NutrientsOf(i.Food, i.Grams))).ToList();
        var total = lines.Aggregate(Nutrients.Zero, (sum, l) => sum + l.Item3);
        return (recipe, lines, total.Scale(1 / recipe.Servings));
    }

    /// <summary>The user's custom foods and recipes, without loading the diary.</summary>
    public async Task<(IReadOnlyList<OwnFood> CustomFoods, IReadOnlyList<OwnFood> Recipes)> OwnFoodsAsync(CancellationToken ct = default)
    {
        var customs = await Db.CustomFoods.AsNoTracking().Where(c => c.UserId == _userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, MagnesiumUgPer100g = c.Nutrients.Where(n => n.Nutrient == Nutrient.Magnesium).Select(n => n.Amount).FirstOrDefault(), c.ServingGrams }).ToListAsync(ct);
        var recipes = await Db.Recipes.AsNoTracking().Where(r => r.UserId == _userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Servings, Ingredients = r.Ingredients.Count }).ToListAsync(ct);
        return (
            [.. customs.Select(c => new OwnFood(new CustomFoodId(c.Id).ToString(), c.Name, c.MagnesiumUgPer100g / 1_000.0, c.ServingGrams, null, null))],
            [.. recipes.Select(r => new OwnFood(new RecipeId(r.Id).ToString(), r.Name, null, null, r.Servings, r.Ingredients))]);
    }
}
