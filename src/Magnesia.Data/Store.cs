using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Magnesia.Data;

/// <summary>What a provisioned store holds, for <c>magnesia db info</c>.</summary>
/// <param name="Path">Database file.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="Foods">Foods.</param>
/// <param name="Portions">Household portions.</param>
/// <param name="FoodGroups">Food groups.</param>
/// <param name="Datasets">Provisioned datasets.</param>
public sealed record StoreInfo(string Path, long SizeBytes, int Foods, int Portions, int FoodGroups, IReadOnlyList<DatasetInfo> Datasets);

/// <summary>One provisioned dataset.</summary>
/// <param name="Id">Stable id, e.g. <c>usda-sr28</c>.</param>
/// <param name="Description">What it is.</param>
/// <param name="FoodCount">Foods imported.</param>
/// <param name="ImportedAt">When (UTC).</param>
public sealed record DatasetInfo(string Id, string Description, int FoodCount, DateTimeOffset ImportedAt);

/// <summary>
/// An opened store that is known to be current (migrated and provisioned): where it lives, plain connections for the
/// read paths that must start fast, and EF Core contexts for everything else. Faces hold a <see cref="Store"/> and
/// reach a user's data through <see cref="Diary.DiaryStore"/>; they never touch a context themselves.
/// </summary>
public sealed class Store
{
    private Store(string path) => Path = path;

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens the store at <paramref name="path"/>: creates, migrates and provisions it on first use.</summary>
    public static async Task<Store> OpenAsync(string path, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        await using (await MagnesiaStore.OpenAsync(path, progress, ct))
        {
        }

        return new Store(System.IO.Path.GetFullPath(path));
    }

    /// <summary>A new EF Core context over the store (the caller disposes it).</summary>
    internal MagnesiaDbContext CreateContext() => new(MagnesiaStore.Options(Path));

    /// <summary>A new open plain connection (the caller disposes it).</summary>
    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(MagnesiaStore.ConnectionString(Path));
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Every food with its portions, as a searchable catalogue.</summary>
    public async Task<Magnesia.Foods.FoodCatalog> LoadCatalogAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        return await Foods.FoodQueries.LoadCatalogAsync(db, ct);
    }

    /// <summary>The best foods for a typed query, best first.</summary>
    public async Task<IReadOnlyList<Magnesia.Foods.FoodMatch>> SearchFoodsAsync(string query, int limit, CancellationToken ct = default) =>
        (await LoadCatalogAsync(ct)).Search(query, limit);

    /// <summary>Row counts and datasets.</summary>
    public async Task<StoreInfo> InfoAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        async Task<int> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        var datasets = new List<DatasetInfo>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id", "Description", "FoodCount", "ImportedAt" FROM datasets ORDER BY "Id" """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                datasets.Add(new DatasetInfo(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                    DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new StoreInfo(Path, new FileInfo(Path).Length, await Count("foods"), await Count("food_portions"), await Count("food_groups"), datasets);
    }
}
