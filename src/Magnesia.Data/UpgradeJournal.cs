using Microsoft.Data.Sqlite;

namespace Magnesia.Data;

/// <summary>
/// Makes a schema upgrade all-or-nothing across a crash. Before migrating, under <see cref="UpgradeLock"/>, it keeps a
/// complete copy of the store (<c>magnesia.db.pre-upgrade</c>, written whole then renamed into place) or, for a store
/// being created, a mark (<c>magnesia.db.new</c>). A finished upgrade removes them; a start that finds one knows the
/// last upgrade died part-way and first puts the store back as it was (the copy restored, or the half-created file
/// removed), then upgrades again.
/// </summary>
internal static class UpgradeJournal
{
    private static string Backup(string path) => path + ".pre-upgrade";

    private static string NewMark(string path) => path + ".new";

    /// <summary>Whether an upgrade was begun and not finished: the store must be recovered before it is used.</summary>
    public static bool IsPending(string path) => File.Exists(Backup(path)) || File.Exists(NewMark(path));

    /// <summary>Undoes an upgrade that a dead process left half-done. The caller holds the upgrade lock.</summary>
    public static void RecoverInterrupted(string path)
    {
        SqliteConnection.ClearAllPools();
        if (File.Exists(Backup(path)))
        {
            // The half-upgraded file's write-ahead log must not be replayed over the restored copy.
            DeleteStore(path);
            File.Copy(Backup(path), path + ".restoring", overwrite: true);
            File.Move(path + ".restoring", path, overwrite: true);
            File.Delete(Backup(path));
        }
        else if (File.Exists(NewMark(path)))
        {
            DeleteStore(path);
            File.Delete(NewMark(path));
        }
    }

    /// <summary>
    /// Marks a store about to be created, before anything opens it: the first connection creates an empty file, and a
    /// kill between that and <see cref="BeginAsync"/> left an empty file with no mark, which the next start refused as
    /// "the file is empty" (CrashTests.KilledFirstUse). The caller holds the upgrade lock.
    /// </summary>
    public static void MarkIfNew(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
            File.WriteAllText(NewMark(path), "");
    }

    /// <summary>Records how to undo the upgrade about to run: a copy of an existing store, or a mark for a new one.</summary>
    public static async Task BeginAsync(MagnesiaDbContext db, string path, CancellationToken ct)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            await File.WriteAllTextAsync(NewMark(path), "", ct);
            return;
        }

        // VACUUM INTO writes a consistent, complete copy (WAL content included); it goes to a temporary name and is
        // renamed only when whole, so a copy that exists is always a good one.
        var temporary = Backup(path) + ".tmp";
        File.Delete(temporary);
        await Sql.OnContextConnectionAsync(db, async (connection, tx) =>
        {
            await using var command = Sql.Command(connection, tx, "VACUUM INTO @file", ("@file", temporary));
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

        File.Move(temporary, Backup(path), overwrite: true);
    }

    /// <summary>The upgrade finished: nothing to undo any more.</summary>
    public static void Commit(string path)
    {
        File.Delete(Backup(path));
        File.Delete(NewMark(path));
    }

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path + "-wal", path + "-shm", path })
            File.Delete(file);
    }
}
