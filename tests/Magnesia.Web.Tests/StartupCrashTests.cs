using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Magnesia.Testing;

namespace Magnesia.Web.Tests;

/// <summary>
/// The web app comes back after SIGKILL during start-up (first use: migrations and the SR28 import): killed at seeded
/// moments, the next start must serve /health with all 8,789 foods within a bound, never hang on a lock.
/// </summary>
[Slow]
public sealed class StartupCrashTests
{
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Magnesia.Web.exe" : "Magnesia.Web");

    [Fact]
    public async Task KilledDuringFirstUse_ComesBackWithAllFoods()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "magnesia-web-crash-" + Guid.NewGuid().ToString("N"));
        // How long an uninterrupted first start takes to serve /health.
        var clock = Stopwatch.StartNew();
        var first = Path.Combine(root, "first", "m.db");
        using (var app = Start(first, out var port))
        {
            await WaitHealthyAsync(port, TimeSpan.FromSeconds(90), ct);
            app.Kill(entireProcessTree: true);
        }

        var duration = clock.Elapsed;
        for (var k = 0; k < 6; k++)
        {
            var db = Path.Combine(root, $"kill-{k}", "m.db");
            var delay = TimeSpan.FromTicks((long)(new Random(HashCode.Combine(14, k)).NextDouble() * duration.Ticks));
            using (var victim = Start(db, out _))
            {
                try
                {
                    await victim.WaitForExitAsync(ct).WaitAsync(delay, ct);
                }
                catch (TimeoutException)
                {
                    victim.Kill(entireProcessTree: true);
                    await victim.WaitForExitAsync(ct);
                }
            }

            using var again = Start(db, out var againPort);
            try
            {
                var health = await WaitHealthyAsync(againPort, TimeSpan.FromSeconds(90), ct);
                Assert.Contains("\"foods\":8789", health, StringComparison.Ordinal);
            }
            finally
            {
                again.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(string db, out int port)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo(App) { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["Magnesia__Db"] = db;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["MAGNESIA_LOCK_TIMEOUT_SECONDS"] = "30";
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<string> WaitHealthyAsync(int port, TimeSpan bound, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            try
            {
                var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return await response.Content.ReadAsStringAsync(ct);
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // the request timed out while the app provisions
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"the web app did not serve /health within {bound.TotalSeconds:0} s (hang)");
    }
}
