using System.Data.Common;
using Magnesia.Data.Foods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Magnesia.Data;

/// <summary>
/// The PostgreSQL side of <see cref="Store"/>: contexts and connections, and bringing the database up to date. Upgrades
/// run under a session-level advisory lock, so several app instances can start together: one migrates and provisions,
/// the others wait on the lock and then find nothing to do. A killed upgrader's session ends and PostgreSQL releases the
/// lock; every migration and the SR28 import are transactions, so nothing is left half-done.
/// </summary>
internal static class PostgresStore
{
    // Any fixed 64-bit number names the lock; this one spells "MgUp".
    private const long UpgradeLockKey = 0x4D675570;

    public static async Task<Store> OpenAsync(string connectionString, IProgress<double>? progress, IProgress<string>? waiting, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using (var db = CreateContext(connectionString))
        {
            // The database itself may not exist yet; creating it is idempotent and needs no lock.
            await db.Database.EnsureCreatedAsyncIfMissingAsync(ct);
        }

        await using var session = await OpenConnectionAsync(connectionString, ct);
        if (!await TryLockAsync(session, ct))
        {
            waiting?.Report("another instance is upgrading the PostgreSQL store; waiting for it");
            await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({UpgradeLockKey})", (NpgsqlConnection)session) { CommandTimeout = 0 };
            await wait.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await using var db = CreateContext(connectionString);
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                await db.Database.MigrateAsync(ct);
            await PostgresProvisioner.EnsureAsync(db, progress, ct);
            await Sr28Provisioner.EnsureMeasuresAsync(db, progress, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({UpgradeLockKey})", (NpgsqlConnection)session);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }

        return Store.ForPostgres(connectionString);
    }

    private static async Task<bool> TryLockAsync(DbConnection session, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({UpgradeLockKey})", (NpgsqlConnection)session);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public static PostgresMagnesiaDbContext CreateContext(string connectionString) => new(Options(connectionString));

    public static DbContextOptions<PostgresMagnesiaDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresMagnesiaDbContext>()
            .UseNpgsql(connectionString)
            .UseModel(Postgres.CompiledModel.PostgresMagnesiaDbContextModel.Instance)
            .Options;

    public static async Task<DbConnection> OpenConnectionAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>What to show as the store's location: host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{b.Host}:{b.Port}/{b.Database}";
    }

    // EF Core's MigrateAsync creates a missing database too, but only after taking its own lock inside it; create it first.
    private static async Task EnsureCreatedAsyncIfMissingAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, CancellationToken ct)
    {
        var creator = (Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator)((IInfrastructure<IServiceProvider>)database).Instance.GetService(typeof(Microsoft.EntityFrameworkCore.Storage.IDatabaseCreator))!;
        if (await creator.ExistsAsync(ct))
            return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it first.
        }
    }
}
