using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data;

/// <summary>A backup file that is not a Magnesia store this version can open; nothing was changed.</summary>
public sealed class InvalidBackupException(string message) : Exception(message);

/// <summary>What a backup or restore copied.</summary>
/// <param name="Path">The file written (backup) or the store restored into.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="Migration">The newest migration it holds.</param>
/// <param name="Entries">Diary entries in it, all users.</param>
/// <param name="Accounts">Accounts in it.</param>
public sealed record BackupInfo(string Path, long SizeBytes, string Migration, long Entries, long Accounts);

/// <summary>
/// Backups of the SQLite store through SQLite's online backup API: consistent while the app and CLI keep writing (the
/// copy is one snapshot), and a restore that replaces the store's content in one transaction, so readers see the old
/// store or the new one, never a mix. PostgreSQL deployments use <c>pg_dump</c> instead (README).
/// </summary>
public static class StoreBackup
{
    /// <summary>Copies the store into <paramref name="destination"/> (written beside it first, then renamed into place).</summary>
    public static async Task<BackupInfo> BackupAsync(Store store, string destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var full = System.IO.Path.GetFullPath(destination);
        if (string.Equals(full, store.Path, StringComparison.Ordinal))
            throw new InvalidBackupException("the backup file must not be the store itself");
        var temporary = full + ".partial";
        File.Delete(temporary);
        await using (var source = (SqliteConnection)await store.OpenConnectionAsync(ct))
        await using (var target = new SqliteConnection(MagnesiaStore.ConnectionString(temporary)))
        {
            await target.OpenAsync(ct);
            source.BackupDatabase(target); // one step: a consistent snapshot of the live store
        }

        SqliteConnection.ClearAllPools();
        // A killed backup leaves a .partial file, never a half-written backup under the name asked for.
        File.Move(temporary, full, overwrite: true);
        return await DescribeAsync(full, ct);
    }

    /// <summary>
    /// Checks that <paramref name="backup"/> is a whole Magnesia store (integrity check, migrations this version knows,
    /// the foods provisioned), then replaces the content of the store at <paramref name="databasePath"/> with it in one
    /// transaction. A store from an older version is upgraded on its next open.
    /// </summary>
    /// <exception cref="InvalidBackupException">The file is missing, not SQLite, damaged, from a newer version or without foods.</exception>
    public static async Task<BackupInfo> RestoreAsync(string databasePath, string backup, IProgress<string>? waiting = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(backup);
        var source = System.IO.Path.GetFullPath(backup);
        var info = await ValidateAsync(source, ct);
        var target = System.IO.Path.GetFullPath(databasePath);
        if (System.IO.Path.GetDirectoryName(target) is { Length: > 0 } dir)
            Directory.CreateDirectory(dir);
        // No upgrade may run meanwhile; ordinary writers wait on SQLite's own write lock for the one transaction.
        using (await UpgradeLock.AcquireAsync(target, UpgradeLock.DefaultTimeout, waiting, ct))
        {
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var to = new SqliteConnection(MagnesiaStore.ConnectionString(target));
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        SqliteConnection.ClearAllPools();
        return info with { Path = target, SizeBytes = new FileInfo(target).Length };
    }

    private static async Task<BackupInfo> ValidateAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
            throw new InvalidBackupException($"{path}: no such file");
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            if (await command.ExecuteScalarAsync(ct) is not "ok")
                throw new InvalidBackupException($"{path}: the file is damaged (SQLite integrity check failed)");
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
            var applied = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    applied.Add(reader.GetString(0));
            }

            await using (var db = new MagnesiaDbContext(MagnesiaStore.Options(path)))
            {
                var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
                if (applied.FirstOrDefault(m => !known.Contains(m)) is { } newer)
                    throw new InvalidBackupException($"{path}: made by a newer Magnesia (migration {newer}); upgrade Magnesia first");
            }

            command.CommandText = "SELECT COUNT(*) FROM datasets WHERE \"Id\" = 'usda-sr28'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
                throw new InvalidBackupException($"{path}: no foods provisioned; not a Magnesia store backup");
            SqliteConnection.ClearPool(connection);
        }
        catch (SqliteException e)
        {
            throw new InvalidBackupException($"{path}: not a Magnesia store ({e.Message.Split('\n')[0]})");
        }

        return await DescribeAsync(path, ct);
    }

    private static async Task<BackupInfo> DescribeAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        async Task<object?> Scalar(string sql)
        {
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct);
        }

        var migration = (string?)await Scalar("SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"") ?? "";
        var entries = Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM diary_entries"), CultureInfo.InvariantCulture);
        var accounts = await Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'AspNetUsers'") is long n && n > 0
            ? Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM \"AspNetUsers\""), CultureInfo.InvariantCulture) : 0;
        return new BackupInfo(path, new FileInfo(path).Length, migration, entries, accounts);
    }
}
