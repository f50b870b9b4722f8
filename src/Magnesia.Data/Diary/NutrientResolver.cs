using System.Data.Common;
using Magnesia.Foods;
using Magnesia.Intake;
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
        if (ndbs.Count > 200 || (ndbs.Count > 0 && Sr28Nutrients.IsLoaded(db)))
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
        else if (ndbs.Count > 0)
        {
            // A day's few foods: plain parameterised queries, cheaper than EF's IN-list translation on every call.
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
                await db.Database.OpenConnectionAsync(ct);
            try
            {
                foreach (var info in await ReadFoodsAsync(connection, ndbs, ct))
                    resolver._foods[info.Ref.Id] = info;
            }
            finally
            {
                if (opened)
                    await db.Database.CloseConnectionAsync();
            }
        }

        if (withPortions && ndbs.Count > 0)
        {
            // Logging needs the household portions; reports do not.
            var portions = (await db.Portions.AsNoTracking().Where(p => ndbs.Contains(p.Ndb)).OrderBy(p => p.Sequence).ToListAsync(ct)).ToLookup(p => p.Ndb);
            foreach (var ndb in ndbs)
            {
                if (resolver._foods.TryGetValue(ndb, out var info))
                    resolver._foods[ndb] = info with { Portions = [.. portions[ndb].Select(p => new FoodPortion(p.Description, p.Grams))] };
            }
        }

        var customIds = all.Where(r => r.Source == FoodSource.Custom).Select(r => long.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (customIds.Count > 0)
        {
            foreach (var c in await db.CustomFoods.AsNoTracking().Include(c => c.Nutrients).Where(c => c.UserId == userId && customIds.Contains(c.Id)).ToListAsync(ct))
            {
                var id = $"c{c.Id}";
                resolver._foods[id] = new EdibleInfo(new FoodRef(FoodSource.Custom, id), c.Name,
                    c.ServingGrams is { } s ? [new FoodPortion(DiaryStore.Serving, s)] : [], CustomFoodNutrients.Read(c));
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

    /// <summary>Names and per-100 g nutrients of SR28 foods (all of them when <paramref name="ndbs"/> is null).</summary>
    private static async Task<List<EdibleInfo>> ReadFoodsAsync(DbConnection connection, IReadOnlyList<string>? ndbs, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var amounts = new Dictionary<string, List<KeyValuePair<Nutrient, long>>>(StringComparer.Ordinal);
        await using (var command = Command(connection, """SELECT "Ndb", "Name" FROM foods""", ndbs))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read()) // Microsoft.Data.Sqlite reads synchronously; ReadAsync only adds a task per row
                names[reader.GetString(0)] = reader.GetString(1);
        }

        await using (var command = Command(connection, """SELECT "Ndb", "Nutrient", "Amount" FROM food_nutrients""", ndbs))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                var ndb = reader.GetString(0);
                if (!amounts.TryGetValue(ndb, out var list))
                    amounts[ndb] = list = new List<KeyValuePair<Nutrient, long>>(12);
                if (NutrientIds.TryGetValue(reader.GetString(1), out var nutrient))
                    list.Add(KeyValuePair.Create(nutrient, reader.GetInt64(2)));
            }
        }

        return [.. names.Select(n => new EdibleInfo(new FoodRef(FoodSource.Sr28, n.Key), n.Value, [], Nutrients.FromMilli(amounts.GetValueOrDefault(n.Key) ?? [])))];
    }

    private static readonly Dictionary<string, Nutrient> NutrientIds =
        NutrientTable.All.ToDictionary(n => ContractNames.Name(n.Nutrient), n => n.Nutrient, StringComparer.Ordinal);

    private static DbCommand Command(DbConnection connection, string sql, IReadOnlyList<string>? ndbs)
    {
        var command = connection.CreateCommand();
        if (ndbs is null)
        {
            command.CommandText = sql;
            return command;
        }

        var names = new List<string>(ndbs.Count);
        for (var i = 0; i < ndbs.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@n{i}";
            p.Value = ndbs[i];
            command.Parameters.Add(p);
            names.Add(p.ParameterName);
        }

        command.CommandText = $"""{sql} WHERE "Ndb" IN ({string.Join(", ", names)})""";
        return command;
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
            var lazy = ByStore.GetOrAdd(key, k => new Lazy<Task<Dictionary<string, EdibleInfo>>>(() => LoadAsync(k, ct)));
            return lazy.Value;
        }

        private static async Task<Dictionary<string, EdibleInfo>> LoadAsync(string connectionString, CancellationToken ct)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            return (await ReadFoodsAsync(connection, null, ct)).ToDictionary(f => f.Ref.Id, StringComparer.Ordinal);
        }
    }

    public EdibleInfo? Find(FoodRef food) => _foods.GetValueOrDefault(food.Id);

    /// <summary>Nutrients in <paramref name="grams"/> of a food; zero (marked missing) when the food no longer exists.</summary>
    public Nutrients NutrientsOf(FoodRef food, double grams) =>
        _recipeTotals.TryGetValue(food.Id, out var total) && Recipes[food.Id].TotalGrams > 0 ? total.Scale(grams / Recipes[food.Id].TotalGrams)
        : _foods.TryGetValue(food.Id, out var info) ? info.Per100g.Scale(grams / 100.0)
        : Nutrients.Zero.WithMagnesiumMissing();
}

/// <summary>Custom food nutrients as rows and back.</summary>
internal static class CustomFoodNutrients
{
    /// <summary>Rows for the nutrients a label gave (magnesium, calcium, potassium and energy are always written).</summary>
    public static List<CustomFoodNutrientRecord> Rows(Nutrients per100g) =>
        [.. NutrientTable.All.Where(n => !per100g.IsMissing(n.Nutrient))
            .Select(n => new CustomFoodNutrientRecord { Nutrient = n.Nutrient, Amount = per100g.Milli(n.Nutrient) })];

    /// <summary>The nutrients of a custom food read with its rows.</summary>
    public static Nutrients Read(CustomFoodRecord c) =>
        Nutrients.FromMilli(c.Nutrients.Select(n => KeyValuePair.Create(n.Nutrient, n.Amount)));
}
