using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.References;
using Microsoft.Data.Sqlite;

namespace Magnesia.Data.Tests;

/// <summary>Backups with SQLite's online backup API while writes go on; restores that validate first and swap in one transaction.</summary>
public sealed class StoreBackupTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static DiaryProfile Profile => new(Sex.Female, null, 40, new DateOnly(2026, 7, 1), [], [], null, []);

    private async Task<Store> StoreWithEntriesAsync(string name, int entries)
    {
        var store = await Store.OpenAsync(Path.Combine(_dir.Path, name));
        await using var diary = new DiaryStore(store, "u1", TimeProvider.System);
        await diary.SetProfileAsync(Profile);
        for (var i = 0; i < entries; i++)
            await diary.AddSymptomAsync(new DateOnly(2026, 7, 1), "fatigue", 1, null);
        return store;
    }

    private static async Task<int> CountAsync(Store store)
    {
        await using var diary = new DiaryStore(store, "u1", TimeProvider.System);
        return (await diary.CountAsync()).Entries;
    }

    [Fact]
    public async Task Backup_WhileWritesGoOn_IsAConsistentSnapshot()
    {
        var store = await StoreWithEntriesAsync("live.db", 5);
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            await using var diary = new DiaryStore(store, "u1", TimeProvider.System);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await diary.AddSymptomAsync(new DateOnly(2026, 7, 2), "nausea", 2, null);
                n++;
                started.TrySetResult();
            }

            return n;
        });
        // The backup starts while the writer is writing (on a busy machine its first write can take a while).
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var backup = Path.Combine(_dir.Path, "b.db");
        var info = await StoreBackup.BackupAsync(store, backup, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        var written = await writer;

        Assert.True(written > 0);
        Assert.False(File.Exists(backup + ".partial"));
        using var c = new SqliteConnection($"Data Source={backup};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
        cmd.CommandText = "SELECT COUNT(*) FROM diary_entries";
        Assert.Equal(info.Entries, (long)cmd.ExecuteScalar()!);
        Assert.InRange(info.Entries, 5, 5 + written);
        Assert.Equal(MagnesiaStore.LatestMigration, info.Migration);
    }

    [Fact]
    public async Task Restore_ReplacesTheContent()
    {
        var store = await StoreWithEntriesAsync("a.db", 3);
        var backup = Path.Combine(_dir.Path, "b.db");
        await StoreBackup.BackupAsync(store, backup, TestContext.Current.CancellationToken);
        await using (var diary = new DiaryStore(store, "u1", TimeProvider.System))
            await diary.AddSymptomAsync(new DateOnly(2026, 7, 3), "nausea", 2, null, TestContext.Current.CancellationToken);
        Assert.Equal(4, await CountAsync(store));

        var restored = await StoreBackup.RestoreAsync(store.Path, backup, ct: TestContext.Current.CancellationToken);
        Assert.Equal(3, restored.Entries);
        Assert.Equal(3, await CountAsync(await Store.OpenAsync(store.Path, ct: TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotAStore_ChangesNothing()
    {
        var store = await StoreWithEntriesAsync("a.db", 2);
        var junk = Path.Combine(_dir.Path, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database", TestContext.Current.CancellationToken);
        var empty = Path.Combine(_dir.Path, "empty.db");
        using (var c = new SqliteConnection($"Data Source={empty};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x)";
            cmd.ExecuteNonQuery();
        }

        foreach (var file in new[] { junk, empty, Path.Combine(_dir.Path, "missing.db") })
        {
            var e = await Assert.ThrowsAsync<InvalidBackupException>(() => StoreBackup.RestoreAsync(store.Path, file, ct: TestContext.Current.CancellationToken));
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, await CountAsync(store));
    }

    [Fact]
    public async Task Restore_OfABackupFromANewerVersion_IsRefused()
    {
        var store = await StoreWithEntriesAsync("a.db", 1);
        var backup = Path.Combine(_dir.Path, "newer.db");
        await StoreBackup.BackupAsync(store, backup, TestContext.Current.CancellationToken);
        using (var c = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29990101000000_FromTheFuture', '99.0')";
            cmd.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<InvalidBackupException>(() => StoreBackup.RestoreAsync(store.Path, backup, ct: TestContext.Current.CancellationToken));
        Assert.Contains("newer Magnesia", e.Message, StringComparison.Ordinal);
    }
}
