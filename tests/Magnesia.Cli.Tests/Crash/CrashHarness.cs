using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Magnesia.Cli.Tests.Crash;

/// <summary>
/// Where a crash scenario's store lives and how its state is read: a fresh copy of the starting store, the command-line
/// arguments that point the CLI at it, and a canonical text of everything a user could see. Provider-agnostic: a
/// PostgreSQL store supplies its own three functions.
/// </summary>
/// <param name="Fresh">Makes a store in the scenario's starting state and returns its location.</param>
/// <param name="Arguments">The CLI arguments naming that store (e.g. <c>--db path</c>).</param>
/// <param name="State">Reads the store's visible state, running the next command as a child process (bounded).</param>
internal sealed record CrashStore(Func<Task<string>> Fresh, Func<string, string[]> Arguments, Func<CrashHarness, string, Task<string>> State);

/// <summary>One writing command to kill, and the store it runs against.</summary>
/// <param name="Name">Label in the results table.</param>
/// <param name="Command">The CLI arguments of the writing command (without the store's).</param>
/// <param name="Store">Its store.</param>
/// <param name="AfterOnly">The starting state cannot be read without changing it (an upgrade): only "after" is accepted.</param>
internal sealed record CrashScenario(string Name, string[] Command, CrashStore Store, bool AfterOnly = false);

/// <summary>What killing one scenario many times showed.</summary>
internal sealed record CrashOutcome(string Name, int Kills, int Hangs, int HalfWrites, int SeenBefore, int SeenAfter, IReadOnlyList<string> Problems);

/// <summary>A hang of the next command: it did not finish within the bound.</summary>
internal sealed class HangException(string message) : Exception(message);

/// <summary>
/// Crash injection after SQLite's own crash tests: run a writing command as a child process, kill it with SIGKILL at a
/// seeded random moment, then check that the next command (a) finishes within a bound and (b) sees the store exactly
/// as before the killed command or exactly as after it (as an uninterrupted run leaves it).
/// </summary>
internal sealed class CrashHarness(TimeSpan bound)
{
    /// <summary>The CLI executable built beside the tests.</summary>
    public static string Cli { get; } = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "magnesia.exe" : "magnesia");

    /// <summary>How long the next command may take before it counts as a hang.</summary>
    public TimeSpan Bound { get; } = bound;

    /// <summary>Runs the CLI to completion within <see cref="Bound"/>; a run that does not finish is killed and reported as a hang.</summary>
    public async Task<(int Exit, string Out, string Err)> RunAsync(string[] args, CancellationToken ct)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new HangException($"`magnesia {string.Join(' ', args)}` did not finish within {Bound.TotalSeconds:0} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Kills <paramref name="scenario"/>'s command <paramref name="kills"/> times at seeded random moments and checks each aftermath.</summary>
    public async Task<CrashOutcome> RunAsync(CrashScenario scenario, int kills, int seed, int workers, CancellationToken ct)
    {
        // Before: the starting state. After: what an uninterrupted run leaves (and how long it takes).
        var before = scenario.AfterOnly ? "(not readable)" : await scenario.Store.State(this, await scenario.Store.Fresh());
        var afterStore = await scenario.Store.Fresh();
        var clock = Stopwatch.StartNew();
        var run = await RunAsync([.. scenario.Command, .. scenario.Store.Arguments(afterStore)], ct);
        var duration = clock.Elapsed;
        if (run.Exit != 0)
            throw new InvalidOperationException($"{scenario.Name}: the uninterrupted command failed ({run.Exit}): {run.Err}");
        var after = await scenario.Store.State(this, afterStore);
        if (after == before && !scenario.AfterOnly)
            throw new InvalidOperationException($"{scenario.Name}: the command changes nothing visible, so a kill could not be told apart");

        int hangs = 0, halfWrites = 0, seenBefore = 0, seenAfter = 0;
        var problems = new List<string>();
        var gate = new object();
        var next = 0;
        async Task Worker()
        {
            while (true)
            {
                int k;
                lock (gate)
                    k = next++;
                if (k >= kills)
                    return;
                // Moments from the very start to a little past the uninterrupted run's end, seeded per kill.
                var delay = TimeSpan.FromTicks((long)(new Random(HashCode.Combine(seed, k)).NextDouble() * duration.Ticks * 1.2));
                var outcome = await KillOnceAsync(scenario, delay, before, after, ct);
                lock (gate)
                {
                    switch (outcome.Seen)
                    {
                        case Seen.Before: seenBefore++; break;
                        case Seen.After: seenAfter++; break;
                        case Seen.Hang: hangs++; problems.Add($"kill at {delay.TotalMilliseconds:0} ms: {outcome.Detail}"); break;
                        default: halfWrites++; problems.Add($"kill at {delay.TotalMilliseconds:0} ms: {outcome.Detail}"); break;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker, ct)));
        return new CrashOutcome(scenario.Name, kills, hangs, halfWrites, seenBefore, seenAfter, problems);
    }

    private enum Seen
    {
        Before,
        After,
        Hang,
        Other,
    }

    private async Task<(Seen Seen, string Detail)> KillOnceAsync(CrashScenario scenario, TimeSpan delay, string before, string after, CancellationToken ct)
    {
        var store = await scenario.Store.Fresh();
        using (var victim = Start([.. scenario.Command, .. scenario.Store.Arguments(store)]))
        {
            // Drain the pipes so that a chatty child never blocks on a full pipe before it is killed.
            _ = victim.StandardOutput.ReadToEndAsync(ct);
            _ = victim.StandardError.ReadToEndAsync(ct);
            try
            {
                await victim.WaitForExitAsync(ct).WaitAsync(delay, ct);
            }
            catch (TimeoutException)
            {
                victim.Kill(entireProcessTree: true); // SIGKILL on Linux: no handler, no cleanup, as the OOM killer does
                await victim.WaitForExitAsync(ct);
            }
        }

        string state;
        try
        {
            state = await scenario.Store.State(this, store);
        }
        catch (HangException e)
        {
            return (Seen.Hang, e.Message);
        }
        finally
        {
            Discard(store);
        }

        return state == before ? (Seen.Before, "")
            : state == after ? (Seen.After, "")
            : (Seen.Other, $"neither before nor after: {FirstDifference(state, after)}");
    }

    // Each kill works on its own copy (about 10 MB); a long run would otherwise fill the disk.
    private static void Discard(string store)
    {
        if (Path.GetDirectoryName(store) is not { } dir || !dir.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            return;
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a dying child: the temp folder is cleaned by the system
        }
    }

    private static string FirstDifference(string state, string after)
    {
        var i = 0;
        while (i < state.Length && i < after.Length && state[i] == after[i])
            i++;
        return $"at {i}: «{Excerpt(state, i)}» vs «{Excerpt(after, i)}»";

        static string Excerpt(string s, int at) => s.Substring(Math.Max(0, at - 40), Math.Min(120, s.Length - Math.Max(0, at - 40))).ReplaceLineEndings(" ");
    }

    private static Process Start(string[] args)
    {
        var info = new ProcessStartInfo(Cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["MAGNESIA_LOCK_TIMEOUT_SECONDS"] = "20";
        info.Environment["DOTNET_TieredPGO"] = "0";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>The results as a Markdown table.</summary>
    public static string Table(IEnumerable<CrashOutcome> outcomes)
    {
        var sb = new StringBuilder("| command | kills | hangs | half-writes | seen as before | seen as after |\n|---|---:|---:|---:|---:|---:|\n");
        var list = outcomes.ToList();
        foreach (var o in list)
            sb.Append(CultureInfo.InvariantCulture, $"| `{o.Name}` | {o.Kills} | {o.Hangs} | {o.HalfWrites} | {o.SeenBefore} | {o.SeenAfter} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| **all** | **{list.Sum(o => o.Kills)}** | **{list.Sum(o => o.Hangs)}** | **{list.Sum(o => o.HalfWrites)}** | {list.Sum(o => o.SeenBefore)} | {list.Sum(o => o.SeenAfter)} |\n");
        return sb.ToString();
    }
}
