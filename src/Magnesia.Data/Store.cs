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
public sealed record DatasetInfo(string Id, string Description, int FoodCount, DateTimeOffset ImportedAt, string? Release = null);

/// <summary>
/// An opened store that is known to be current (migrated and provisioned): where it lives, plain connections for the
/// read paths that must start fast, and EF Core contexts for everything else. Faces hold a <see cref="Store"/> and
/// reach a user's data through <see cref="Diary.DiaryStore"/>; they never touch a context themselves.
/// </summary>
public sealed class Store
{
    private readonly bool _pooled;
    private readonly string? _postgres; // the connection string when the store is PostgreSQL

    private Store(string path, bool pooled = false, string? postgres = null)
    {
        Path = path;
        _pooled = pooled;
        _postgres = postgres;
    }

    /// <summary>The same store with pooled connections, for a long-running server.</summary>
    public Store Pooled() => new(Path, pooled: true, _postgres);

    /// <summary>Whether this is the PostgreSQL store (else the SQLite file at <see cref="Path"/>).</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>
    /// Opens the PostgreSQL store: migrates and provisions under a PostgreSQL advisory lock, so that of several app
    /// instances starting together one upgrades and the others wait, then find the store current.
    /// </summary>
    public static Task<Store> OpenPostgresAsync(string connectionString, IProgress<double>? progress = null, IProgress<string>? waiting = null, CancellationToken ct = default) =>
        PostgresStore.OpenAsync(connectionString, progress, waiting, ct);

    /// <summary>A store over PostgreSQL that <see cref="PostgresStore"/> has brought up to date.</summary>
    internal static Store ForPostgres(string connectionString) =>
        new(PostgresStore.Describe(connectionString), pooled: true, connectionString);

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>: creates, migrates and provisions it on first use. A store that is
    /// already current is recognised by three plain queries, so the common case never starts EF Core.
    /// </summary>
    public static async Task<Store> OpenAsync(string path, IProgress<double>? progress = null, IProgress<string>? waiting = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full) || !await IsCurrentAsync(full, ct))
            await MigrateAndProvisionAsync(full, progress, waiting, ct);
        return new Store(full);
    }

    // Apart from OpenAsync so that a current store's path never loads EF Core (a method's types load with it).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task MigrateAndProvisionAsync(string path, IProgress<double>? progress, IProgress<string>? waiting, CancellationToken ct)
    {
        await using (await MagnesiaStore.OpenAsync(path, progress, waiting, null, ct))
        {
        }
    }

    /// <summary>
    /// Loads and initialises the SQLite driver (native library, connection-string parser) on a background thread, so a
    /// short process that will open the store overlaps that one-time cost (about 15 ms) with parsing its arguments.
    /// </summary>
    public static void WarmUpInBackground() =>
        new Thread(static () =>
        {
            using var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
            connection.Open();
        }) { IsBackground = true, Name = "sqlite-warm-up" }.Start();

    /// <summary>
    /// Whether the file holds the latest migration, the SR28 foods and their nutrients, and no upgrade was left
    /// half-done (its journal would be undone first, before anything is written to the store).
    /// </summary>
    internal static async Task<bool> IsCurrentAsync(string path, CancellationToken ct)
    {
        if (UpgradeJournal.IsPending(path))
            return false;
        try
        {
            await using var connection = new SqliteConnection(MagnesiaStore.ConnectionString(path));
            await connection.OpenAsync(ct);
            await using var command = Sql.Command(connection, null, """
                SELECT (SELECT COUNT(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" = @latest)
                     + (SELECT COUNT(*) FROM datasets WHERE "Id" = 'usda-sr28')
                     + (SELECT EXISTS (SELECT 1 FROM food_nutrients))
                """, ("@latest", MagnesiaStore.LatestMigration));
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 3;
        }
        catch (SqliteException)
        {
            return false; // no such table yet, or not a database: the full path decides
        }
    }

    /// <summary>Whether the store at <paramref name="path"/> is already current (for <c>db migrate</c>'s report).</summary>
    public static Task<bool> IsCurrentForOperatorsAsync(string path, CancellationToken ct = default) => IsCurrentAsync(System.IO.Path.GetFullPath(path), ct);

    /// <summary>A new EF Core context over the store (the caller disposes it).</summary>
    internal MagnesiaDbContext CreateContext() => _postgres is not null
        ? PostgresStore.CreateContext(_postgres)
        : new MagnesiaDbContext(_pooled ? MagnesiaStore.Options(Path, pooled: true) : MagnesiaStore.Options(Path));

    // One writer at a time per SQLite file in this process: SQLite allows one anyway, and a second writer that finds the
    // file locked is retried by Microsoft.Data.Sqlite with a 150 ms sleep, which under load costs more than the queue.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    /// <summary>Waits for this store's write turn (SQLite; nothing to wait for on PostgreSQL); dispose to give it back.</summary>
    internal async Task<IDisposable> WriteGateAsync(CancellationToken ct)
    {
        if (_postgres is not null)
            return NoGate.Instance;
        var gate = WriteGates.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    /// <summary>Begins a write transaction: on SQLite <c>BEGIN IMMEDIATE</c>, so the write lock is taken at once, not mid-transaction.</summary>
    internal static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) => connection is SqliteConnection sqlite
        ? sqlite.BeginTransaction(deferred: false)
        : await connection.BeginTransactionAsync(ct);

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }

    private string? _connectionString;

    /// <summary>A new open plain connection (the caller disposes it).</summary>
    internal async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        if (_postgres is not null)
            return await PostgresStore.OpenConnectionAsync(_postgres, ct);
        var connection = new SqliteConnection(_connectionString ??= MagnesiaStore.ConnectionString(Path, _pooled));
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// The account's current security stamp, or null when there is no such account: one indexed read on a plain
    /// connection, for the check every signed-in request makes (Identity's user manager would build a context per request).
    /// </summary>
    public async Task<string?> SecurityStampAsync(string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, """SELECT "SecurityStamp" FROM "AspNetUsers" WHERE "Id" = @id""", ("@id", userId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        // An account without a stamp (never the case for accounts Identity created) matches only a session without one.
        return await reader.ReadAsync(ct) ? (reader.IsDBNull(0) ? "" : reader.GetString(0)) : null;
    }

    /// <summary>Every food with its portions, as a searchable catalogue.</summary>
    public async Task<Magnesia.Foods.FoodCatalog> LoadCatalogAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return Catalog = await Foods.FoodQueries.LoadCatalogAsync(connection, ct);
    }

    /// <summary>
    /// The catalogue this store last loaded (<see cref="LoadCatalogAsync"/>; the web app holds it for the process), or
    /// null: the diary's food lookups take names, nutrients and portions from it instead of querying for them.
    /// </summary>
    public Magnesia.Foods.FoodCatalog? Catalog { get; private set; }

    /// <summary>
    /// The best foods for a typed query, best first, from the search snapshot stored in the database (built and stored
    /// on the first search after the foods change).
    /// </summary>
    public async Task<IReadOnlyList<Foods.FoodHit>> SearchFoodsAsync(string query, int limit, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var searcher = await SearcherAsync(connection, ct);
        return await searcher.SearchAsync(connection, query, limit, ct);
    }

    /// <summary>
    /// Reads a sentence such as "2 slices white bread": the best food for its food words (with <paramref name="alternatives"/>
    /// more) and the weight its amount gives for that food (<see cref="Magnesia.Foods.FoodSentence"/>).
    /// </summary>
    public async Task<Magnesia.Foods.FoodSentence> ReadSentenceAsync(string text, int alternatives = 4, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (await ReadSentencesAsync([text], alternatives, ct))[0];
    }

    /// <summary>Reads many sentences over one connection (a batch, an import): as <see cref="ReadSentenceAsync"/> for each, in order.</summary>
    public async Task<IReadOnlyList<Magnesia.Foods.FoodSentence>> ReadSentencesAsync(IReadOnlyList<string> texts, int alternatives = 4, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        await using var connection = await OpenConnectionAsync(ct);
        var searcher = await SearcherAsync(connection, ct);
        var sentences = new List<Magnesia.Foods.FoodSentence>(texts.Count);
        foreach (var text in texts)
        {
            var hits = await searcher.SearchAsync(connection, text, alternatives + 1, ct);
            var portions = hits.Count == 0 ? [] : await PortionsAsync(connection, hits[0].FoodId, ct);
            sentences.Add(Magnesia.Foods.FoodSentence.Read(Magnesia.Foods.FoodQuery.Read(text), [.. hits.Select(h => new Magnesia.Foods.NamedFood(h.FoodId, h.Name, h.Weak))], portions));
        }

        return sentences;
    }

    /// <summary>One catalogue food's nutrients per 100 g; null when the store has no such food.</summary>
    public async Task<Magnesia.Intake.Nutrients?> NutrientsPer100gAsync(string foodId, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var resolver = await Diary.NutrientResolver.LoadAsync(connection, null, "", [foodId], ct, withPortions: false);
        return resolver.Find(new Magnesia.Intake.FoodRef(Magnesia.Intake.FoodSource.Catalog, foodId))?.Per100g;
    }

    /// <summary>The household portions of one SR28 food, in SR28's order.</summary>
    public async Task<IReadOnlyList<Magnesia.Foods.FoodPortion>> PortionsAsync(string ndb, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        return await PortionsAsync(connection, ndb, ct);
    }

    private static async Task<IReadOnlyList<Magnesia.Foods.FoodPortion>> PortionsAsync(DbConnection connection, string ndb, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, null, """SELECT "Description", "Grams" FROM food_portions WHERE "Ndb" = @ndb ORDER BY "Sequence" """, ("@ndb", ndb));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var portions = new List<Magnesia.Foods.FoodPortion>();
        while (await reader.ReadAsync(ct))
            portions.Add(new Magnesia.Foods.FoodPortion(reader.GetString(0), reader.GetDouble(1)));
        return portions;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Foods.FoodSearcher> Searchers = new(StringComparer.Ordinal);

    private async Task<Foods.FoodSearcher> SearcherAsync(DbConnection connection, CancellationToken ct)
    {
        var key = Foods.FoodSearcher.Key;
        if (Searchers.TryGetValue($"{Path}|{key}", out var cached))
            return cached;
        Foods.FoodSearcher? searcher = null;
        // The snapshot is read once, front to back: a small page cache keeps it from staying in memory twice.
        if (_postgres is null)
        {
            await using var pragma = Sql.Command(connection, null, "PRAGMA cache_size = -256");
            await pragma.ExecuteNonQueryAsync(ct);
        }

        // On SQLite only the rowid is selected and the blob opened by it (incremental blob I/O): selecting the column would
        // make SQLite read the whole snapshot off its pages before the first byte is used, even when the file copy serves.
        await using (var command = Sql.Command(connection, null, _postgres is null
            ? """SELECT rowid, NULL FROM search_snapshots WHERE "Key" = @key"""
            : """SELECT 0, "Data" FROM search_snapshots WHERE "Key" = @key""", ("@key", key)))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (reader.Read())
            {
                try
                {
                    await using var blob = _postgres is null
                        ? new SqliteBlob((SqliteConnection)connection, "search_snapshots", "Data", reader.GetInt64(0), readOnly: true)
                        : reader.GetStream(1);
                    searcher = ReadSnapshot(blob);
                }
                catch (InvalidDataException)
                {
                    searcher = null; // unreadable: rebuilt below
                }
            }
        }

        if (searcher is null)
            searcher = await BuildSnapshotAsync(connection, key, ct);
        return Searchers.GetOrAdd($"{Path}|{key}", searcher);
    }

    /// <summary>
    /// Where a SQLite store keeps a copy of its search snapshot (<c>magnesia.db.search</c>): a plain file reads several
    /// times faster than a blob spread over database pages, which matters at start-up with hundreds of thousands of foods.
    /// The copy is used only when its build token matches the snapshot in the database; the database stays the truth.
    /// </summary>
    private string? SnapshotCachePath => _postgres is null ? Path + ".search" : null;

    private Foods.FoodSearcher ReadSnapshot(Stream blob)
    {
        var header = Foods.FoodSearcher.ReadHeader(blob) ?? throw new InvalidDataException("not a food search snapshot");
        if (SnapshotCachePath is { } cache)
        {
            try
            {
                using var file = new FileStream(cache, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                if (Foods.FoodSearcher.ReadHeader(file) is { } cached && cached.AsSpan().SequenceEqual(header))
                    return Foods.FoodSearcher.ReadAfterHeader(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // no usable copy: read the database's and refresh the copy
            }

            using var bytes = new MemoryStream();
            bytes.Write(header);
            blob.CopyTo(bytes);
            WriteSnapshotCache(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            bytes.Position = header.Length;
            return Foods.FoodSearcher.ReadAfterHeader(bytes);
        }

        using var buffered = new BufferedStream(blob, 1 << 16);
        return Foods.FoodSearcher.ReadAfterHeader(buffered);
    }

    // Written aside and renamed, so that a reader sees the old copy or the new one, never half of one.
    private void WriteSnapshotCache(ReadOnlySpan<byte> snapshot)
    {
        if (SnapshotCachePath is not { } cache)
            return;
        var temporary = $"{cache}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                file.Write(snapshot);
            File.Move(temporary, cache, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a read-only folder or a full disk: searches read the database's snapshot instead
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    // Apart from SearcherAsync: building reads every food and builds the index, which reading a snapshot never needs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private async Task<Foods.FoodSearcher> BuildSnapshotAsync(DbConnection connection, string key, CancellationToken ct)
    {
        var (built, snapshot) = Foods.FoodSearcher.Build(await Foods.FoodQueries.LoadSearchDocumentsAsync(connection, ct));
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var delete = Sql.Command(connection, tx, "DELETE FROM search_snapshots"))
            await delete.ExecuteNonQueryAsync(ct);
        await using (var insert = Sql.Command(connection, tx, """INSERT INTO search_snapshots ("Key", "Data", "CreatedAt") VALUES (@key, @data, @at)""",
            ("@key", key), ("@data", snapshot), ("@at", DateTimeOffset.UtcNow)))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        WriteSnapshotCache(snapshot);
        return built;
    }

    /// <summary>Drops this process's searcher over the store (its foods changed): the next search reads or builds the snapshot again.</summary>
    internal void ForgetSearcher() => Searchers.TryRemove($"{Path}|{Foods.FoodSearcher.Key}", out _);

    /// <summary>Builds the search snapshot over the current foods now and stores it (after an import, so that the next search starts fast).</summary>
    public async Task RefreshSearchSnapshotAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        var built = await BuildSnapshotAsync(connection, Foods.FoodSearcher.Key, ct);
        Searchers[$"{Path}|{Foods.FoodSearcher.Key}"] = built;
    }

    /// <summary>The key of the current food with this barcode (a retired one when no current food has it); null when none has it.</summary>
    public async Task<string?> FindByGtinAsync(Magnesia.Foods.Gtin gtin, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Sql.Command(connection, null, """SELECT "Ndb" FROM foods WHERE "Gtin" = @gtin ORDER BY "Retired", "Ndb" DESC LIMIT 1""", ("@gtin", gtin.Digits));
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The food datasets the store holds and its import log, newest first.</summary>
    public async Task<(IReadOnlyList<DatasetInfo> Datasets, IReadOnlyList<FoodImportRecord> Imports)> FoodSourcesAsync(CancellationToken ct = default)
    {
        IReadOnlyList<DatasetInfo> datasets;
        await using (var connection = await OpenConnectionAsync(ct))
            datasets = await DatasetsAsync(connection, ct);
        await using var db = CreateContext();
        var imports = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.FoodImports), ct);
        return (datasets, [.. imports.OrderByDescending(i => i.Id)]);
    }

    // The datasets rows, for db info and the food sources (which need no row counts: those scan whole tables).
    private static async Task<List<DatasetInfo>> DatasetsAsync(DbConnection connection, CancellationToken ct)
    {
        var datasets = new List<DatasetInfo>();
        await using var command = Sql.Command(connection, null, """SELECT "Id", "Description", "FoodCount", "ImportedAt", "Release" FROM datasets ORDER BY "Id" """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            datasets.Add(new DatasetInfo(reader.GetString(0), reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldType(3) == typeof(string)
                    ? DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)
                    : new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return datasets;
    }

    /// <summary>Row counts and datasets.</summary>
    public async Task<StoreInfo> InfoAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        async Task<int> Count(string table)
        {
            await using var command = Sql.Command(connection, null, $"SELECT COUNT(*) FROM {table}");
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        var datasets = await DatasetsAsync(connection, ct);

        long size;
        if (_postgres is null)
        {
            size = new FileInfo(Path).Length;
        }
        else
        {
            await using var command = Sql.Command(connection, null, "SELECT pg_database_size(current_database())");
            size = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new StoreInfo(Path, size, await Count("foods"), await Count("food_portions"), await Count("food_groups"), datasets);
    }
}
