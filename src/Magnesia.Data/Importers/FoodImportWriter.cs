using System.Data.Common;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Data.Importers;

/// <summary>
/// Writes one dataset release into the store inside one transaction, so that the release appears whole or not at all
/// (a killed import leaves the store as it was). The dataset's previous foods are removed, except those that diary
/// entries, recipes or prices point at: they stay, marked retired, so an old entry keeps its food and its values.
/// Plain prepared commands (the same SQL on SQLite and PostgreSQL): a release is millions of rows.
/// </summary>
internal sealed class FoodImportWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _tx;
    private readonly HashSet<string> _kept;
    private readonly DbCommand _food, _nutrient, _portion, _clearNutrients, _clearPortions;

    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal); // dataset → foods, portions
    private readonly Dictionary<string, long> _nutrientCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _keptCounts;

    private FoodImportWriter(DbConnection connection, DbTransaction tx, HashSet<string> kept, Dictionary<string, int> keptCounts)
    {
        _connection = connection;
        _tx = tx;
        _kept = kept;
        _keptCounts = keptCounts;
        _food = Prepare("""
            INSERT INTO foods ("Ndb", "Name", "ShortName", "GroupCode", "CommonNames", "Manufacturer", "ScientificName", "SurveyFood", "Source", "SourceId", "Gtin", "BrandName", "Release", "Retired")
            VALUES (@key, @name, NULL, @group, @common, @owner, @scientific, @survey, @source, @sourceId, @gtin, @brand, @release, @retired)
            ON CONFLICT ("Ndb") DO UPDATE SET "Name" = excluded."Name", "GroupCode" = excluded."GroupCode", "CommonNames" = excluded."CommonNames",
              "Manufacturer" = excluded."Manufacturer", "ScientificName" = excluded."ScientificName", "SurveyFood" = excluded."SurveyFood",
              "Source" = excluded."Source", "SourceId" = excluded."SourceId", "Gtin" = excluded."Gtin", "BrandName" = excluded."BrandName",
              "Release" = excluded."Release", "Retired" = excluded."Retired"
            """, "@key", "@name", "@group", "@common", "@owner", "@scientific", "@survey", "@source", "@sourceId", "@gtin", "@brand", "@release", "@retired");
        _nutrient = Prepare("""INSERT INTO food_nutrients ("Ndb", "Nutrient", "Amount") VALUES (@key, @nutrient, @amount)""", "@key", "@nutrient", "@amount");
        _portion = Prepare("""INSERT INTO food_portions ("Ndb", "Sequence", "Description", "Grams") VALUES (@key, @sequence, @description, @grams)""", "@key", "@sequence", "@description", "@grams");
        _clearNutrients = Prepare("""DELETE FROM food_nutrients WHERE "Ndb" = @key""", "@key");
        _clearPortions = Prepare("""DELETE FROM food_portions WHERE "Ndb" = @key""", "@key");
    }

    /// <summary>Foods written to a dataset.</summary>
    public int Foods(string dataset) => _counts.GetValueOrDefault(dataset)?[0] ?? 0;

    /// <summary>Nutrient values written to a dataset.</summary>
    public long Nutrients(string dataset) => _nutrientCounts.GetValueOrDefault(dataset);

    /// <summary>Portions written to a dataset.</summary>
    public int Portions(string dataset) => _counts.GetValueOrDefault(dataset)?[1] ?? 0;

    /// <summary>Foods of a dataset's previous release that stay, retired, because something points at them (and the new release does not replace them).</summary>
    public int Retired(string dataset) => _keptCounts.GetValueOrDefault(dataset);

    // Something of a user's points at the food: a diary entry, a recipe ingredient or a price.
    private const string Referenced = """
        (EXISTS (SELECT 1 FROM diary_entries e WHERE e."FoodRef" = foods."Ndb")
         OR EXISTS (SELECT 1 FROM recipe_ingredients r WHERE r."FoodRef" = foods."Ndb")
         OR EXISTS (SELECT 1 FROM food_prices p WHERE p."Ndb" = foods."Ndb"))
        """;

    /// <summary>Whether the dataset's latest import was the release with this fingerprint: importing it again changes nothing.</summary>
    public static async Task<bool> IsCurrentAsync(Store store, string dataset, string fingerprint, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, """
            SELECT COUNT(*) FROM food_imports i WHERE i."Dataset" = @d AND i."Fingerprint" = @f
              AND i."Id" = (SELECT MAX(j."Id") FROM food_imports j WHERE j."Dataset" = @d)
            """, ("@d", dataset), ("@f", fingerprint));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Begins the transaction and clears the datasets' previous releases (kept foods aside).</summary>
    public static async Task<FoodImportWriter> BeginAsync(Store store, IReadOnlyList<string> datasets, IEnumerable<FoodGroup> groups, CancellationToken ct)
    {
        var connection = await store.OpenConnectionAsync(ct);
        if (!store.IsPostgres)
        {
            // A larger page cache (64 MiB) keeps the growing indexes in memory for the length of the one transaction, and no
            // foreign-key lookup per row: the writer adds a food's nutrients and portions only after the food itself, and
            // its groups first (SQLite applies the pragma outside a transaction only; DisposeAsync turns the checks back on).
            await using var pragma = Sql.Command(connection, null, "PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF");
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var tx = await connection.BeginTransactionAsync(ct);
        foreach (var g in groups)
        {
            await using var group = Sql.Command(connection, tx, """INSERT INTO food_groups ("Code", "Name") VALUES (@code, @name) ON CONFLICT ("Code") DO NOTHING""", ("@code", g.Code), ("@name", g.Name));
            await group.ExecuteNonQueryAsync(ct);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        var keptCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            await using (var select = Sql.Command(connection, tx, $"""SELECT "Ndb" FROM foods WHERE "Source" = @source AND {Referenced}""", ("@source", dataset)))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    kept.Add(reader.GetString(0));
                    keptCounts[dataset] = keptCounts.GetValueOrDefault(dataset) + 1;
                }
            }

            await ClearAsync(connection, tx, dataset, ct);
        }

        return new FoodImportWriter(connection, tx, kept, keptCounts) { _sqlite = !store.IsPostgres, _store = store };
    }

    private bool _sqlite;

    private Store? _store;

    private static async Task ClearAsync(DbConnection connection, DbTransaction tx, string dataset, CancellationToken ct)
    {
        foreach (var sql in new[]
        {
            $"""DELETE FROM food_nutrients WHERE "Ndb" IN (SELECT "Ndb" FROM foods WHERE "Source" = @source AND NOT {Referenced})""",
            $"""DELETE FROM food_portions WHERE "Ndb" IN (SELECT "Ndb" FROM foods WHERE "Source" = @source AND NOT {Referenced})""",
            $"""DELETE FROM foods WHERE "Source" = @source AND NOT {Referenced}""",
            """UPDATE foods SET "Retired" = @retired WHERE "Source" = @source""",
            "DELETE FROM search_snapshots",
        })
        {
            await using var command = Sql.Command(connection, tx, sql, ("@source", dataset), ("@retired", true));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// An amount per 100 g as stored: a value just above what 100 g can hold (an oil's fat given as 100.01 g, rounding in
    /// the source) is capped at the maximum; anything further above is left for the caller to reject.
    /// </summary>
    public static double Plausible(double amount, Nutrient nutrient)
    {
        var max = nutrient.Info().MaxPer100g;
        return amount > max && amount <= max * 1.01 ? max : amount;
    }

    /// <summary>Writes a food (replacing a kept food with the same key, and its values).</summary>
    public void AddFood(string dataset, string key, string name, string group, string? commonNames, string? brandOwner, string? scientificName, bool survey, string sourceId, string? gtin, string? brandName, string? release)
    {
        if (_kept.Remove(key))
        {
            Run(_clearNutrients, key);
            Run(_clearPortions, key);
            _keptCounts[dataset]--;
        }

        Run(_food, key, name, group, commonNames, brandOwner, scientificName, survey, dataset, sourceId, gtin, brandName, release, false);
        Count(dataset)[0]++;
    }

    /// <summary>Writes one nutrient value per 100 g, in thousandths of its unit.</summary>
    public void AddNutrient(string dataset, string key, Nutrient nutrient, long milli)
    {
        // The hot path (millions of rows): parameters set in place, nothing boxed but the amount.
        var p = _nutrient.Parameters;
        p[0].Value = key;
        p[1].Value = NutrientNames[(int)nutrient];
        p[2].Value = milli;
        _nutrient.ExecuteNonQuery();
        if (!ReferenceEquals(dataset, _lastDataset))
            (_lastDataset, _lastCount) = (dataset, _nutrientCounts.TryGetValue(dataset, out var c) ? c : 0);
        _nutrientCounts[dataset] = ++_lastCount;
    }

    private static readonly string[] NutrientNames = [.. Enum.GetValues<Nutrient>().Select(n => ContractNames.Name(n))];
    private string? _lastDataset;
    private long _lastCount;

    private int[] Count(string dataset) => _counts.TryGetValue(dataset, out var c) ? c : _counts[dataset] = new int[2];

    /// <summary>Writes a household portion.</summary>
    public void AddPortion(string dataset, string key, int sequence, string description, double grams)
    {
        Run(_portion, key, sequence, description, grams);
        Count(dataset)[1]++;
    }

    /// <summary>Records a dataset and its import log row (call once per dataset, then <see cref="CommitAsync"/>).</summary>
    public async Task RecordAsync(FoodDataset dataset, string? release, FoodImportRecord log, CancellationToken ct)
    {
        var (foods, portions, nutrients, retired) = (Foods(dataset.Id), Portions(dataset.Id), Nutrients(dataset.Id), Retired(dataset.Id));
        await using (var upsert = Sql.Command(_connection, _tx, """
            INSERT INTO datasets ("Id", "Description", "FoodCount", "ImportedAt", "Release") VALUES (@id, @description, @count, @at, @release)
            ON CONFLICT ("Id") DO UPDATE SET "Description" = excluded."Description", "FoodCount" = excluded."FoodCount", "ImportedAt" = excluded."ImportedAt", "Release" = excluded."Release"
            """, ("@id", dataset.Id), ("@description", dataset.Name + (release is null ? string.Empty : $", release {release}")), ("@count", foods), ("@at", log.ImportedAt), ("@release", (object?)release ?? DBNull.Value)))
        {
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await using (var insert = Sql.Command(_connection, _tx, """
            INSERT INTO food_imports ("Dataset", "Release", "Origin", "Fingerprint", "Foods", "Nutrients", "Portions", "Retired", "RowsRead", "EnergyBasis", "Seconds", "ImportedAt")
            VALUES (@dataset, @release, @origin, @fingerprint, @foods, @nutrients, @portions, @retired, @rows, @energy, @seconds, @at)
            """, ("@dataset", log.Dataset), ("@release", (object?)log.Release ?? DBNull.Value), ("@origin", log.Origin), ("@fingerprint", log.Fingerprint),
            ("@foods", foods), ("@nutrients", nutrients), ("@portions", portions), ("@retired", retired), ("@rows", log.RowsRead),
            ("@energy", (object?)log.EnergyBasis ?? DBNull.Value), ("@seconds", log.Seconds), ("@at", log.ImportedAt)))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Commits: every dataset of the import becomes visible at once.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await _tx.CommitAsync(ct);
        _store?.ForgetSearcher(); // this process's searcher still holds the foods before the import
    }

    private DbCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { _food, _nutrient, _portion, _clearNutrients, _clearPortions })
            await c.DisposeAsync();
        await _tx.DisposeAsync();
        if (_sqlite)
        {
            // A pooled connection goes back to the pool: with its checks on, as every other user of the store expects.
            await using var pragma = Sql.Command(_connection, null, "PRAGMA foreign_keys = ON");
            await pragma.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
