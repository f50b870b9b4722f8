using System.Data.Common;
using Magnesia.Foods;
using Magnesia.Intake;

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

    /// <summary>
    /// Reads what <paramref name="refs"/> need: catalogue foods from <paramref name="loaded"/> when the process holds the
    /// catalogue (the web app), else from the store; custom foods and recipes always from the store.
    /// </summary>
    public static async Task<NutrientResolver> LoadAsync(DbConnection connection, DbTransaction? transaction, string userId, IReadOnlyCollection<string> refs, CancellationToken ct, bool withPortions = true, FoodCatalog? loaded = null)
    {
        var resolver = new NutrientResolver();
        var parsed = refs.Select(FoodRef.Parse).Where(r => r is not null).Select(r => r!.Value).ToList();
        var recipeIds = parsed.Where(r => r.Source == FoodSource.Recipe).Select(r => r.RowId).Distinct().ToList();
        if (recipeIds.Count > 0)
        {
            var heads = new List<(long Id, string Name, double Servings)>();
            await using (var command = Sql.In(connection, transaction, """SELECT "Id", "Name", "Servings" FROM recipes WHERE "UserId" = @user""", "\"Id\"", recipeIds, null, ("@user", userId)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (reader.Read())
                    heads.Add((reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }

            var ingredients = new List<(long RecipeId, string Food, double Grams)>();
            await using (var command = Sql.In(connection, transaction, """SELECT "RecipeId", "FoodRef", "Grams" FROM recipe_ingredients""", "\"RecipeId\"", recipeIds, "\"RecipeId\", \"Sequence\""))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (reader.Read())
                    ingredients.Add((reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }

            foreach (var (id, name, servings) in heads)
            {
                resolver.Recipes[new RecipeId(id).ToString()] = new Recipe(new RecipeId(id).ToString(), name, servings,
                    [.. ingredients.Where(i => i.RecipeId == id).Select(i => new RecipeIngredient(FoodRef.Parse(i.Food)!.Value, i.Grams))]);
            }
        }

        var all = parsed.Concat(resolver.Recipes.Values.SelectMany(r => r.Ingredients.Select(i => i.Food))).Distinct().ToList();
        var ndbs = all.Where(r => r.Source == FoodSource.Catalog).Select(r => r.Id).ToList();
        var unread = new List<string>(ndbs.Count);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ndb in ndbs)
        {
            // The process's catalogue already holds names, nutrients and portions: no query for them.
            if (loaded is not null && FoodId.TryParse(ndb, out var id) && loaded.Find(id) is { } food)
            {
                resolver._foods[ndb] = new EdibleInfo(new FoodRef(FoodSource.Catalog, ndb), food.Name, withPortions ? food.Portions : [], food.Per100g);
                held.Add(ndb);
            }
            else
                unread.Add(ndb);
        }

        if (unread.Count > 200 || (unread.Count > 0 && Sr28Nutrients.IsLoaded(connection)))
        {
            // Long reports (or a warm process): SR28 values never change once provisioned, so they are read once
            // per store and process rather than through a huge IN list.
            var table = await Sr28Nutrients.GetAsync(connection, transaction, ct);
            foreach (var ndb in unread)
            {
                if (table.TryGetValue(ndb, out var info))
                    resolver._foods[ndb] = info;
            }

            // Foods imported after the table was read are read from the store.
            unread.RemoveAll(resolver._foods.ContainsKey);
        }

        if (unread.Count > 0)
        {
            foreach (var info in await ReadFoodsAsync(connection, transaction, unread, ct))
                resolver._foods[info.Ref.Id] = info;
        }

        var withoutPortions = withPortions ? ndbs.Except(held).ToList() : [];
        if (withoutPortions.Count > 0)
        {
            // Logging needs the household portions; reports do not.
            var portions = new List<(string Ndb, FoodPortion Portion)>();
            await using (var command = Sql.In(connection, transaction, """SELECT "Ndb", "Description", "Grams" FROM food_portions""", "\"Ndb\"", withoutPortions, "\"Ndb\", \"Sequence\""))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (reader.Read())
                    portions.Add((reader.GetString(0), new FoodPortion(reader.GetString(1), reader.GetDouble(2))));
            }

            foreach (var group in portions.GroupBy(p => p.Ndb))
            {
                if (resolver._foods.TryGetValue(group.Key, out var info))
                    resolver._foods[group.Key] = info with { Portions = [.. group.Select(p => p.Portion)] };
            }
        }

        var customIds = all.Where(r => r.Source == FoodSource.Custom).Select(r => r.RowId).ToList();
        if (customIds.Count > 0)
        {
            var customs = new List<(long Id, string Name, double? ServingGrams)>();
            await using (var command = Sql.In(connection, transaction, """SELECT "Id", "Name", "ServingGrams" FROM custom_foods WHERE "UserId" = @user""", "\"Id\"", customIds, null, ("@user", userId)))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (reader.Read())
                    customs.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
            }

            var amounts = new List<(long Id, Nutrient Nutrient, long Amount)>();
            await using (var command = Sql.In(connection, transaction, """SELECT "CustomFoodId", "Nutrient", "Amount" FROM custom_food_nutrients""", "\"CustomFoodId\"", customIds))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (reader.Read())
                {
                    if (NutrientIds.TryGetValue(reader.GetString(1), out var nutrient))
                        amounts.Add((reader.GetInt64(0), nutrient, reader.GetInt64(2)));
                }
            }

            foreach (var (id, name, serving) in customs)
            {
                var key = new CustomFoodId(id).ToString();
                resolver._foods[key] = new EdibleInfo(new FoodRef(FoodSource.Custom, key), name,
                    serving is { } s ? [new FoodPortion(DiaryStore.Serving, s)] : [],
                    Nutrients.FromMilli(amounts.Where(a => a.Id == id).Select(a => KeyValuePair.Create(a.Nutrient, a.Amount))));
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
    private static async Task<List<EdibleInfo>> ReadFoodsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string>? ndbs, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var amounts = new Dictionary<string, List<KeyValuePair<Nutrient, long>>>(StringComparer.Ordinal);
        await using (var command = ndbs is null ? Sql.Command(connection, transaction, """SELECT "Ndb", "Name" FROM foods""") : Sql.In(connection, transaction, """SELECT "Ndb", "Name" FROM foods""", "\"Ndb\"", ndbs))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read()) // Microsoft.Data.Sqlite reads synchronously; ReadAsync only adds a task per row
                names[reader.GetString(0)] = reader.GetString(1);
        }

        await using (var command = ndbs is null ? Sql.Command(connection, transaction, """SELECT "Ndb", "Nutrient", "Amount" FROM food_nutrients""") : Sql.In(connection, transaction, """SELECT "Ndb", "Nutrient", "Amount" FROM food_nutrients""", "\"Ndb\"", ndbs))
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

        return [.. names.Select(n => new EdibleInfo(new FoodRef(FoodSource.Catalog, n.Key), n.Value, [], Nutrients.FromMilli(amounts.GetValueOrDefault(n.Key) ?? [])))];
    }

    private static readonly Dictionary<string, Nutrient> NutrientIds =
        NutrientTable.All.ToDictionary(n => ContractNames.Name(n.Nutrient), n => n.Nutrient, StringComparer.Ordinal);

    /// <summary>Per-process cache of SR28 names and per-100 g nutrients, keyed by database.</summary>
    private static class Sr28Nutrients
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Dictionary<string, EdibleInfo>>>> ByStore = new(StringComparer.Ordinal);

        public static bool IsLoaded(DbConnection connection) =>
            ByStore.TryGetValue(Key(connection), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully;

        public static Task<Dictionary<string, EdibleInfo>> GetAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct) =>
            ByStore.GetOrAdd(Key(connection), _ => new Lazy<Task<Dictionary<string, EdibleInfo>>>(async () =>
                (await ReadFoodsAsync(connection, transaction, null, ct)).ToDictionary(f => f.Ref.Id, StringComparer.Ordinal))).Value;

        // Keyed by database file: SR28 rows are written once, at provisioning.
        private static string Key(DbConnection connection) => connection.DataSource;
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
