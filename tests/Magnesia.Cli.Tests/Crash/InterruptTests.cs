using System.Diagnostics;
using Magnesia.Testing;

namespace Magnesia.Cli.Tests.Crash;

/// <summary>
/// Ctrl-C (SIGINT) during first use: exit 130 with one line on stderr (before: exit 1 "A task was canceled"), and the
/// next command finds a whole store (the upgrade journal rolls the half-made one back and provisions again).
/// </summary>
[Slow]
public sealed class InterruptTests
{
    [Fact]
    public async Task CtrlCDuringFirstUse_Exits130_AndTheNextRunFindsAWholeStore()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = CliRunner.MissingDatabase();
        var info = new ProcessStartInfo(CrashHarness.Cli) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "profile", "set", "--age", "30", "--sex", "female", "--db", db })
            info.ArgumentList.Add(a);
        using var cli = Process.Start(info)!;
        var stderr = new System.Text.StringBuilder();
        var started = new TaskCompletionSource();
        cli.ErrorDataReceived += (_, e) => { lock (stderr) stderr.Append(e.Data); };
        cli.BeginErrorReadLine();
        // Interrupt once provisioning is under way (its progress is on stderr).
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !cli.HasExited)
        {
            lock (stderr)
            {
                if (stderr.ToString().Contains("provisioning", StringComparison.Ordinal))
                    break;
            }

            await Task.Delay(20, ct);
        }

        using (var kill = Process.Start("kill", ["-INT", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(ct);
        await cli.WaitForExitAsync(ct);
        Assert.Equal(MagnesiaCli.Interrupted, cli.ExitCode);
        lock (stderr)
            Assert.Contains("interrupted", stderr.ToString(), StringComparison.Ordinal);

        var next = await CliRunner.RunAsync("foods", "show", "11457", "--json", "--db", db);
        Assert.Equal(0, next.Exit);
        Assert.Equal("11457", next.Json.GetProperty("ndb").GetString());
    }
}
