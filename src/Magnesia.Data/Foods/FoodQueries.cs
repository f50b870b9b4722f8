using System.Data.Common;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Data.Foods;

/// <summary>Reads foods from the store into domain types.</summary>
public static class FoodQueries
{
    /// <summary>Loads every food with its portions into a catalogue.</summary>
    public static async Task<FoodCatalog> LoadCatalogAsync(MagnesiaDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        return await LoadCatalogAsync(connection, ct);
    }

    /// <summary>
    /// Loads every food with its nutrients and portions into a catalogue, table by table with plain SQL: with hundreds of
    /// thousands of imported foods, only the foods themselves stay in memory (a nutrient row is read, filed under its
    /// food and dropped), which EF Core's tracking-free queries would still hold as millions of row objects.
    /// </summary>
    public static async Task<FoodCatalog> LoadCatalogAsync(DbConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var groups = new Dictionary<string, FoodGroup>(StringComparer.Ordinal);
        await using (var command = Sql.Command(connection, null, """SELECT "Code", "Name" FROM food_groups"""))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                groups[reader.GetString(0)] = new FoodGroup(reader.GetString(0), reader.GetString(1));
        }

        var rows = new List<FoodRecord>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = Sql.Command(connection, null, """
            SELECT "Ndb", "Name", "GroupCode", "CommonNames", "Manufacturer", "SurveyFood", "Source", "SourceId", "Gtin", "BrandName", "Release", "Retired"
            FROM foods ORDER BY "Ndb"
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var ndb = reader.GetString(0);
                at[ndb] = rows.Count;
                rows.Add(new FoodRecord
                {
                    Ndb = ndb,
                    Name = reader.GetString(1),
                    GroupCode = reader.GetString(2),
                    CommonNames = Text(reader, 3),
                    Manufacturer = Text(reader, 4),
                    SurveyFood = reader.GetBoolean(5),
                    Source = reader.GetString(6),
                    SourceId = Text(reader, 7),
                    Gtin = Text(reader, 8),
                    BrandName = Text(reader, 9),
                    Release = Text(reader, 10),
                    Retired = reader.GetBoolean(11),
                });
            }
        }

        var milli = new long[rows.Count * NutrientTable.All.Count];
        var present = new int[rows.Count];
        await using (var command = Sql.Command(connection, null, """SELECT "Ndb", "Nutrient", "Amount" FROM food_nutrients"""))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (!at.TryGetValue(reader.GetString(0), out var food) || ContractNames.Parse<Nutrient>(reader.GetString(1)) is not { } nutrient)
                    continue;
                milli[food * NutrientTable.All.Count + (int)nutrient] = reader.GetInt64(2);
                present[food] |= 1 << (int)nutrient;
            }
        }

        var portions = new List<FoodPortion>?[rows.Count];
        await using (var command = Sql.Command(connection, null, """SELECT "Ndb", "Description", "Grams" FROM food_portions ORDER BY "Ndb", "Sequence" """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (at.TryGetValue(reader.GetString(0), out var food))
                    (portions[food] ??= []).Add(new FoodPortion(reader.GetString(1), reader.GetDouble(2)));
            }
        }

        var foods = new Food[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var values = new List<KeyValuePair<Nutrient, long>>(NutrientTable.All.Count);
            for (var n = 0; n < NutrientTable.All.Count; n++)
            {
                if ((present[i] & (1 << n)) != 0)
                    values.Add(KeyValuePair.Create((Nutrient)n, milli[i * NutrientTable.All.Count + n]));
            }

            foods[i] = new Food(
                FoodId.Parse(r.Ndb),
                r.Name,
                groups.TryGetValue(r.GroupCode, out var g) ? g : new FoodGroup(r.GroupCode, r.GroupCode),
                r.CommonNames is null ? [] : [.. r.CommonNames.Split(", ")],
                r.Manufacturer,
                Nutrients.FromMilli(values),
                portions[i] is { } p ? p : [],
                r.SurveyFood,
                Provenance(r));
            rows[i] = null!; // the record is no longer needed once its food is built
        }

        return new FoodCatalog(foods);
    }

    /// <summary>
    /// What the search index needs of every current food, and nothing else (no nutrients, no portions): the search
    /// snapshot is built from this, so that building it for hundreds of thousands of foods holds only their names.
    /// </summary>
    public static async Task<List<FoodSearchDocument>> LoadSearchDocumentsAsync(DbConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var documents = new List<FoodSearchDocument>();
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = Sql.Command(connection, null, """
            SELECT "Ndb", "Name", "CommonNames", "GroupCode", "Manufacturer", "SurveyFood", "Source", "BrandName"
            FROM foods WHERE "Retired" = @retired ORDER BY "Ndb"
            """, ("@retired", false));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            documents.Add(FoodSearchDocument.Of(
                reader.GetString(0),
                reader.GetString(1),
                Text(reader, 2) is { } common ? [.. common.Split(", ")] : [],
                Share(reader.GetString(3))!,
                reader.GetString(6),
                Share(Text(reader, 4)),
                Share(Text(reader, 7)),
                reader.GetBoolean(5)));
        }

        return documents;

        // Brand owners and group codes repeat across thousands of products: one string each.
        string? Share(string? text) => text is null ? null : shared.TryGetValue(text, out var same) ? same : shared[text] = text;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>The provenance of a stored food.</summary>
    internal static FoodProvenance Provenance(FoodRecord r) => new(
        r.Source,
        r.SourceId ?? r.Ndb,
        r.Gtin is null ? null : Gtin.Parse(r.Gtin, out _),
        r.Source == Sr28Provisioner.DatasetId ? null : r.Manufacturer,
        r.BrandName,
        r.Release,
        r.Retired);
}
