using System.Diagnostics;
using System.Globalization;

namespace Magnesia.Data;

/// <summary>The store could not be opened because another live process is upgrading it and did not finish in time.</summary>
/// <param name="message">What is going on, naming the process.</param>
public sealed class StoreBusyException(string message) : Exception(message);

/// <summary>
/// Serialises schema upgrades and first-use provisioning across processes with an exclusive lock on a file beside the
/// database (<c>magnesia.db.lock</c>). The operating system releases it when its owner dies — SIGKILL, OOM killer,
/// power cut — unlike EF Core's SQLite migration lock, a row that a killed process leaves behind and that makes every
/// later migration wait forever. The owner's process id is written beside it (<c>.lock.owner</c>) for messages.
/// </summary>
internal sealed class UpgradeLock : IDisposable
{
    private readonly FileStream _lock;

    private UpgradeLock(FileStream held) => _lock = held;

    /// <summary>How long to wait for a live holder before giving up; <c>MAGNESIA_LOCK_TIMEOUT_SECONDS</c> overrides it.</summary>
    public static TimeSpan DefaultTimeout => TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("MAGNESIA_LOCK_TIMEOUT_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 120);

    /// <summary>
    /// Takes the lock for the database at <paramref name="databasePath"/>, waiting for a live holder up to
    /// <paramref name="timeout"/> and saying so through <paramref name="waiting"/> once a second.
    /// </summary>
    /// <exception cref="StoreBusyException">The holder did not finish in time.</exception>
    public static async Task<UpgradeLock> AcquireAsync(string databasePath, TimeSpan timeout, IProgress<string>? waiting, CancellationToken ct)
    {
        var path = databasePath + ".lock";
        var clock = Stopwatch.StartNew();
        TimeSpan? lastNotice = null;
        while (true)
        {
            try
            {
                // On Linux and macOS .NET takes an flock(LOCK_EX) for FileShare.None: advisory, released with the process.
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                await File.WriteAllTextAsync(path + ".owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
                return new UpgradeLock(held);
            }
            catch (IOException)
            {
                var owner = Owner(path);
                if (clock.Elapsed >= timeout)
                    throw new StoreBusyException($"the store is being upgraded by process {owner} and it did not finish within {timeout.TotalSeconds:0} s; try again when it has finished");
                if (lastNotice is null || clock.Elapsed - lastNotice >= TimeSpan.FromSeconds(1))
                {
                    waiting?.Report($"the store is being upgraded by process {owner}; waiting ({clock.Elapsed.TotalSeconds:0} s of at most {timeout.TotalSeconds:0} s)");
                    lastNotice = clock.Elapsed;
                }

                await Task.Delay(100, ct);
            }
        }
    }

    private static string Owner(string path)
    {
        try
        {
            return File.ReadAllText(path + ".owner").Trim();
        }
        catch (IOException)
        {
            return "(unknown)";
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
