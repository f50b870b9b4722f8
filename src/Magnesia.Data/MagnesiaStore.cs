using Magnesia.Data.Foods;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data;

/// <summary>Opens the embedded SQLite store: path resolution, migrations and first-use provisioning.</summary>
public static class MagnesiaStore
{
    /// <summary>
    /// The last migration of this assembly. A store whose history holds it (and whose foods are provisioned) is
    /// current, which a plain query can tell without starting EF Core; a test keeps it equal to the real last one.
    /// </summary>
    public const string LatestMigration = "20261207170450_FavouriteFoods";

    /// <summary>The environment variable that names the database file.</summary>
    public const string DatabaseVariable = "MAGNESIA_DB";

    /// <summary>
    /// The database path: <paramref name="option"/> (<c>--db</c>) if given, else <c>MAGNESIA_DB</c>, else
    /// <c>$XDG_DATA_HOME/magnesia/magnesia.db</c> with <c>XDG_DATA_HOME</c> defaulting to <c>~/.local/share</c>.
    /// </summary>
    public static string ResolvePath(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(option))
            return Path.GetFullPath(option);
        if (environment(DatabaseVariable) is { Length: > 0 } fromEnv)
            return Path.GetFullPath(fromEnv);
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "magnesia", "magnesia.db");
    }

    /// <summary>The SQLite connection string for a database file.</summary>
    public static string ConnectionString(string path) => ConnectionString(path, pooled: false);

    /// <summary>
    /// The connection string, pooled or not: a short CLI process opens a connection or two and must leave no handle
    /// behind; a server reuses them (opening one reads the schema, a large share of a small request).
    /// </summary>
    public static string ConnectionString(string path, bool pooled) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooled, DefaultTimeout = 60 }.ToString();

    /// <summary>Options for a context over the SQLite file at <paramref name="path"/>.</summary>
    public static DbContextOptions<MagnesiaDbContext> Options(string path, bool pooled = false) =>
        new DbContextOptionsBuilder<MagnesiaDbContext>().UseSqlite(ConnectionString(path, pooled)).UseModel(CompiledModel.MagnesiaDbContextModel.Instance).Options;

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the folder and schema and provisioning SR28 on first use.
    /// </summary>
    /// <remarks>
    /// Upgrades run under <see cref="UpgradeLock"/>, which the operating system releases if this process dies, so a
    /// killed upgrade never leaves the store locked; each step commits or rolls back as a whole (migrations, the SR28
    /// import and the nutrient fill are transactions), so it never leaves it half-written either.
    /// </remarks>
    public static Task<MagnesiaDbContext> OpenAsync(string path, IProgress<double>? progress = null, CancellationToken ct = default) =>
        OpenAsync(path, progress, null, null, ct);

    /// <summary>
    /// Opens the store as <see cref="OpenAsync(string, IProgress{double}?, CancellationToken)"/> does, reporting through
    /// <paramref name="waiting"/> while another process holds the upgrade lock, for up to <paramref name="lockTimeout"/>.
    /// </summary>
    public static async Task<MagnesiaDbContext> OpenAsync(string path, IProgress<double>? progress, IProgress<string>? waiting, TimeSpan? lockTimeout, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(path) is { Length: > 0 } dir)
            Directory.CreateDirectory(dir);
        using var upgrade = await UpgradeLock.AcquireAsync(path, lockTimeout ?? UpgradeLock.DefaultTimeout, waiting, ct);
        UpgradeJournal.RecoverInterrupted(path);
        UpgradeJournal.MarkIfNew(path);
        var db = new MagnesiaDbContext(Options(path));
        try
        {
            await PrepareAsync(db, path, progress, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies migrations and provisions SR28 when missing; the caller holds the <see cref="UpgradeLock"/>.</summary>
    private static async Task PrepareAsync(MagnesiaDbContext db, string path, IProgress<double>? progress, CancellationToken ct)
    {
        // MigrateAsync also diffs the model against the snapshot (about a second on every start); ask the history
        // table first and migrate only when a migration of this assembly is missing.
        if (await HasPendingMigrationsAsync(db, ct))
        {
            // EF Core runs parts of some SQLite migrations outside a transaction (table rebuilds toggle foreign keys), so
            // a kill can leave a migration half-applied and unrecorded. The journal makes the whole upgrade atomic: a
            // copy of the store (or a "new store" mark) is taken first and restored by the next start if we die.
            await UpgradeJournal.BeginAsync(db, path, ct);
            await ClearStaleMigrationLockAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            // WAL is recorded in the database file, so setting it once, when the schema is created or upgraded, lasts.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            UpgradeJournal.Commit(path);
        }
        await Sr28Provisioner.EnsureAsync(db, progress, ct: ct);
        await Sr28Provisioner.EnsureNutrientsAsync(db, progress, ct);
        await Sr28Provisioner.EnsureMeasuresAsync(db, progress, ct);
    }

    /// <summary>
    /// EF Core's SQLite migration lock is a row in <c>__EFMigrationsLock</c> with no owner and no timeout: a process
    /// killed while holding it (or a version of Magnesia before the upgrade lock) leaves it behind, and every later
    /// migration then waits forever. Every migrating process holds <see cref="UpgradeLock"/> first, so while we hold
    /// it, any such row is stale and is removed.
    /// </summary>
    private static async Task ClearStaleMigrationLockAsync(MagnesiaDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return;
        await Sql.OnContextConnectionAsync(db, async (connection, tx) =>
        {
            await using var command = Sql.Command(connection, tx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'");
            if (await command.ExecuteScalarAsync(ct) is null)
                return false;
            command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            return await command.ExecuteNonQueryAsync(ct) > 0;
        }, ct);
    }

    private static async Task<bool> HasPendingMigrationsAsync(MagnesiaDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return true;
        var known = db.Database.GetMigrations().ToList();
        return await Sql.OnContextConnectionAsync(db, async (connection, tx) =>
        {
            await using var command = Sql.Command(connection, tx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'");
            if (await command.ExecuteScalarAsync(ct) is null)
                return true;
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    applied.Add(reader.GetString(0));
            }

            return known.Any(m => !applied.Contains(m));
        }, ct);
    }
}
