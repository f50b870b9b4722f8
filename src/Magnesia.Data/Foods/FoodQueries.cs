using Magnesia.Foods;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Foods;

/// <summary>Reads foods from the store into domain types.</summary>
public static class FoodQueries
{
    /// <summary>Loads every food with its portions into a catalogue.</summary>
    public static async Task<FoodCatalog> LoadCatalogAsync(MagnesiaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var groups = await db.FoodGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => new FoodGroup(g.Code, g.Name), ct);
        var portions = (await db.Portions.AsNoTracking().OrderBy(p => p.Ndb).ThenBy(p => p.Sequence).ToListAsync(ct))
            .GroupBy(p => p.Ndb)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FoodPortion>)[.. g.Select(p => new FoodPortion(p.Description, p.Grams))], StringComparer.Ordinal);
        var rows = await db.Foods.AsNoTracking().OrderBy(f => f.Ndb).ToListAsync(ct);
        return new FoodCatalog(rows.Select(r => ToFood(r, groups, portions)));
    }

    private static Food ToFood(FoodRecord r, Dictionary<string, FoodGroup> groups, Dictionary<string, IReadOnlyList<FoodPortion>> portions) => new(
        r.Ndb,
        r.Name,
        groups.TryGetValue(r.GroupCode, out var g) ? g : new FoodGroup(r.GroupCode, r.GroupCode),
        r.CommonNames is null ? [] : [.. r.CommonNames.Split(", ")],
        r.Manufacturer,
        Micrograms(r.MagnesiumUgPer100g),
        Micrograms(r.CalciumUgPer100g),
        Micrograms(r.PotassiumUgPer100g),
        r.EnergyKcalPer100g,
        portions.GetValueOrDefault(r.Ndb) ?? [],
        r.SurveyFood);

    private static Mass? Micrograms(long? ug) => ug is { } v ? Mass.FromMicrograms(v) : null;
}
