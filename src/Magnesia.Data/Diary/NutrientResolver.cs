using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Diary;

/// <summary>
/// Resolves food references to nutrients from the store's current values: SR28 foods by NDB number, the user's custom
/// foods and recipes (a recipe's nutrients are the sum of its ingredients; an amount of it is that sum scaled by
/// grams over the recipe's total weight).
/// </summary>
internal sealed class NutrientResolver
{
    private readonly Dictionary<string, EdibleInfo> _foods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Nutrients> _recipeTotals = new(StringComparer.Ordinal);

    public Dictionary<string, Recipe> Recipes { get; } = new(StringComparer.Ordinal);

    public static async Task<NutrientResolver> LoadAsync(MagnesiaDbContext db, string userId, IReadOnlyCollection<string> refs, CancellationToken ct, bool withPortions = true)
    {
        var resolver = new NutrientResolver();
        var parsed = refs.Select(FoodRef.Parse).Where(r => r is not null).Select(r => r!.Value).ToList();
        var recipeIds = parsed.Where(r => r.Source == FoodSource.Recipe).Select(r => long.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var recipes = recipeIds.Count == 0 ? [] : await db.Recipes.AsNoTracking().Include(r => r.Ingredients)
            .Where(r => r.UserId == userId && recipeIds.Contains(r.Id)).ToListAsync(ct);
        foreach (var r in recipes)
        {
            resolver.Recipes[$"r{r.Id}"] = new Recipe($"r{r.Id}", r.Name, r.Servings,
                [.. r.Ingredients.OrderBy(i => i.Sequence).Select(i => new RecipeIngredient(FoodRef.Parse(i.FoodRef)!.Value, i.Grams))]);
        }

        var all = parsed.Concat(resolver.Recipes.Values.SelectMany(r => r.Ingredients.Select(i => i.Food))).Distinct().ToList();
        var ndbs = all.Where(r => r.Source == FoodSource.Sr28).Select(r => r.Id).ToList();
        if (ndbs.Count > 0 && !withPortions && (ndbs.Count > 200 || Sr28Nutrients.IsLoaded(db)))
        {
            // Long reports (or a warm process): SR28 values never change once provisioned, so they are read once
            // per store and process rather than through a huge IN list.
            var table = await Sr28Nutrients.GetAsync(db, ct);
            foreach (var ndb in ndbs)
            {
                if (table.TryGetValue(ndb, out var info))
                    resolver._foods[ndb] = info;
            }
        }
        else if (ndbs.Count > 0 && !withPortions)
        {
            // A day's few foods: one plain parameterised query, cheaper than EF's IN-list translation on every call.
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = connection.CreateCommand();
                var names = new List<string>();
                for (var i = 0; i < ndbs.Count; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"@n{i}";
                    p.Value = ndbs[i];
                    command.Parameters.Add(p);
                    names.Add(p.ParameterName);
                }

                command.CommandText = $"""
                    SELECT "Ndb", "Name", "MagnesiumUgPer100g", "CalciumUgPer100g", "PotassiumUgPer100g", "EnergyKcalPer100g"
                    FROM foods WHERE "Ndb" IN ({string.Join(", ", names)})
                    """;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (reader.Read())
                {
                    var ndb = reader.GetString(0);
                    long? Ug(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
                    resolver._foods[ndb] = new EdibleInfo(new FoodRef(FoodSource.Sr28, ndb), reader.GetString(1), [],
                        Sr28Per100g(Ug(2), Ug(3), Ug(4), reader.IsDBNull(5) ? null : reader.GetDouble(5)));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else if (ndbs.Count > 0)
        {
            // Many distinct foods (a long report): reading every food's few columns is cheaper than a huge IN list.
            var query = db.Foods.AsNoTracking();
            if (ndbs.Count <= 200)
                query = query.Where(f => ndbs.Contains(f.Ndb));
            var wanted = ndbs.ToHashSet(StringComparer.Ordinal);
            var foods = (await query
                .Select(f => new { f.Ndb, f.Name, f.MagnesiumUgPer100g, f.CalciumUgPer100g, f.PotassiumUgPer100g, f.EnergyKcalPer100g })
                .ToListAsync(ct)).Where(f => wanted.Contains(f.Ndb)).ToList();
            // Reports need no portions; logging does.
            var portions = (withPortions ? await db.Portions.AsNoTracking().Where(p => ndbs.Contains(p.Ndb)).OrderBy(p => p.Sequence).ToListAsync(ct) : [])
                .ToLookup(p => p.Ndb);
            foreach (var f in foods)
            {
                resolver._foods[f.Ndb] = new EdibleInfo(new FoodRef(FoodSource.Sr28, f.Ndb), f.Name, [.. portions[f.Ndb].Select(p => new FoodPortion(p.Description, p.Grams))],
                    Sr28Per100g(f.MagnesiumUgPer100g, f.CalciumUgPer100g, f.PotassiumUgPer100g, f.EnergyKcalPer100g));
            }
        }

        var customIds = all.Where(r => r.Source == FoodSource.Custom).Select(r => long.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (customIds.Count > 0)
        {
            foreach (var c in await db.CustomFoods.AsNoTracking().Where(c => c.UserId == userId && customIds.Contains(c.Id)).ToListAsync(ct))
            {
                var per100g = new Nutrients(Mass.FromMicrograms(c.MagnesiumUgPer100g), Mass.FromMicrograms(c.CalciumUgPer100g), Mass.FromMicrograms(c.PotassiumUgPer100g), c.EnergyKcalPer100g);
                var id = $"c{c.Id}";
                resolver._foods[id] = new EdibleInfo(new FoodRef(FoodSource.Custom, id), c.Name,
                    c.ServingGrams is { } s ? [new FoodPortion(DiaryStore.Serving, s)] : [], per100g);
            }
        }

        foreach (var recipe in resolver.Recipes.Values)
        {
            var total = recipe.Ingredients.Aggregate(Nutrients.Zero, (sum, i) => sum + resolver.NutrientsOf(i.Food, i.Grams));
            resolver._recipeTotals[recipe.Id] = total;
            var per100g = recipe.TotalGrams > 0 ? total.Scale(100 / recipe.TotalGrams) : Nutrients.Zero;
            resolver._foods[recipe.Id] = new EdibleInfo(new FoodRef(FoodSource.Recipe, recipe.Id), recipe.Name, [new FoodPortion(DiaryStore.Serving, recipe.ServingGrams)], per100g);
        }

        return resolver;
    }

    /// <summary>Per-process cache of SR28 names and per-100 g nutrients, keyed by database.</summary>
    private static class Sr28Nutrients
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Dictionary<string, EdibleInfo>>>> ByStore = new(StringComparer.Ordinal);

        public static bool IsLoaded(MagnesiaDbContext db) =>
            ByStore.TryGetValue(db.Database.GetConnectionString() ?? "", out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully;

        public static Task<Dictionary<string, EdibleInfo>> GetAsync(MagnesiaDbContext db, CancellationToken ct)
        {
            var key = db.Database.GetConnectionString() ?? "";
            var lazy = ByStore.GetOrAdd(key, k => new Lazy<Task<Dictionary<string, EdibleInfo>>>(() => LoadAsync(db, ct)));
            return lazy.Value;
        }

        private static async Task<Dictionary<string, EdibleInfo>> LoadAsync(MagnesiaDbContext db, CancellationToken ct) =>
            (await db.Foods.AsNoTracking()
                .Select(f => new { f.Ndb, f.Name, f.MagnesiumUgPer100g, f.CalciumUgPer100g, f.PotassiumUgPer100g, f.EnergyKcalPer100g })
                .ToListAsync(ct))
            .ToDictionary(f => f.Ndb, f => new EdibleInfo(new FoodRef(FoodSource.Sr28, f.Ndb), f.Name, [],
                Sr28Per100g(f.MagnesiumUgPer100g, f.CalciumUgPer100g, f.PotassiumUgPer100g, f.EnergyKcalPer100g)), StringComparer.Ordinal);
    }

    /// <summary>SR28 per-100 g values from the store's columns; a missing value counts as 0, a missing magnesium is flagged.</summary>
    private static Nutrients Sr28Per100g(long? magnesiumUg, long? calciumUg, long? potassiumUg, double? energyKcal) => new(
        Mass.FromMicrograms(magnesiumUg ?? 0), Mass.FromMicrograms(calciumUg ?? 0), Mass.FromMicrograms(potassiumUg ?? 0),
        energyKcal ?? 0, magnesiumUg is null);

    public EdibleInfo? Find(FoodRef food) => _foods.GetValueOrDefault(food.Id);

    /// <summary>Nutrients in <paramref name="grams"/> of a food; zero (marked missing) when the food no longer exists.</summary>
    public Nutrients NutrientsOf(FoodRef food, double grams) =>
        _recipeTotals.TryGetValue(food.Id, out var total) && Recipes[food.Id].TotalGrams > 0 ? total.Scale(grams / Recipes[food.Id].TotalGrams)
        : _foods.TryGetValue(food.Id, out var info) ? info.Per100g.Scale(grams / 100.0)
        : Nutrients.Zero with { MagnesiumMissing = true };
}
