using Magnesia.Foods;
using Magnesia.Intake;
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
        var nutrients = (await db.FoodNutrients.AsNoTracking().ToListAsync(ct))
            .GroupBy(n => n.Ndb)
            .ToDictionary(g => g.Key, g => Nutrients.FromMilli(g.Select(n => KeyValuePair.Create(n.Nutrient, n.Amount))), StringComparer.Ordinal);
        return new FoodCatalog(rows.Select(r => ToFood(r, groups, portions, nutrients)));
    }

    private static Food ToFood(FoodRecord r, Dictionary<string, FoodGroup> groups, Dictionary<string, IReadOnlyList<FoodPortion>> portions, Dictionary<string, Nutrients> nutrients) => new(
        r.Ndb,
        r.Name,
        groups.TryGetValue(r.GroupCode, out var g) ? g : new FoodGroup(r.GroupCode, r.GroupCode),
        r.CommonNames is null ? [] : [.. r.CommonNames.Split(", ")],
        r.Manufacturer,
        nutrients.GetValueOrDefault(r.Ndb, AllMissing),
        portions.GetValueOrDefault(r.Ndb) ?? [],
        r.SurveyFood,
        Provenance(r));

    /// <summary>The provenance of a stored food.</summary>
    internal static FoodProvenance Provenance(FoodRecord r) => new(
        r.Source,
        r.SourceId ?? r.Ndb,
        r.Gtin is null ? null : Gtin.Parse(r.Gtin, out _),
        r.Source == Sr28Provisioner.DatasetId ? null : r.Manufacturer,
        r.BrandName,
        r.Release,
        r.Retired);

    private static readonly Nutrients AllMissing = Nutrients.FromMilli([]);
}
