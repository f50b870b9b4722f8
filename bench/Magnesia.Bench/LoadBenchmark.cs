using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magnesia.Bench;

/// <summary>
/// The load and fault check over loopback HTTP: <c>clients</c> concurrent clients (each its own account) × <c>writes</c>
/// diary entries each, every POST carrying an <c>Idempotency-Key</c> and retried with it on any failure; afterwards every
/// entry must be there exactly once. Throughput and latency are compared with a bare minimal-API endpoint run the same
/// way. With <c>--kill</c> the app is killed with SIGKILL when 40 % of the writes are done and started again on the same store.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var app = Arg("--app", "");
        var baseline = Arg("--baseline", "");
        var clients = int.Parse(Arg("--clients", "32"), System.Globalization.CultureInfo.InvariantCulture);
        var writes = int.Parse(Arg("--writes", "1000"), System.Globalization.CultureInfo.InvariantCulture);
        var kill = args.Contains("--kill");
        var postgres = Arg("--postgres", "");
        var root = Directory.CreateTempSubdirectory("magnesia-load-").FullName;

        var what = postgres.Length > 0
            ? $"two app instances on one PostgreSQL database, clients spread over both{(kill ? "; instance 1 killed with SIGKILL at 40 %, its clients fail over to instance 2" : "")}"
            : $"one app on SQLite{(kill ? ", killed with SIGKILL at 40 % and restarted" : "")}";
        Console.WriteLine($"{clients} clients × {writes} writes over loopback HTTP, {Environment.ProcessorCount} cores, {what}");
        var bare = await MeasureAsync("bare minimal API (baseline)", baseline, root, clients, writes, kill: false, accounts: false, postgres: null);
        var real = await MeasureAsync(postgres.Length > 0 ? "magnesia POST /api/diary/entries (PostgreSQL, 2 instances)" : "magnesia POST /api/diary/entries (SQLite, WAL)",
            app, root, clients, writes, kill, accounts: true, postgres: postgres.Length > 0 ? postgres : null);
        Console.WriteLine();
        Console.WriteLine("| run | writes/s | p50 ms | p99 ms | server CPU ms/write | retries | lost | duplicated |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { bare, real })
            Console.WriteLine($"| {r.Name} | {r.PerSecond:0} | {r.P50:0.00} | {r.P99:0.00} | {(double.IsNaN(r.CpuMs) ? "–" : r.CpuMs.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))} | {r.Retries} | {r.Lost} | {r.Duplicated} |");
        Console.WriteLine($"| ratio to baseline | {real.PerSecond / bare.PerSecond:0.00}× | {real.P50 / bare.P50:0.00}× | {real.P99 / bare.P99:0.00}× | {(double.IsNaN(real.CpuMs) ? "" : $"{real.CpuMs / bare.CpuMs:0.0}×")} | | | |");
        return real.Lost == 0 && real.Duplicated == 0 ? 0 : 1;
    }

    private sealed record Result(string Name, double PerSecond, double P50, double P99, double CpuMs, int Retries, int Lost, int Duplicated);

    private static async Task<Result> MeasureAsync(string name, string dll, string root, int clients, int writes, bool kill, bool accounts, string? postgres)
    {
        var port = FreePort();
        var db = Path.Combine(root, $"{port}.db");
        var server = Start(dll, port, db, postgres);
        // On PostgreSQL a second instance shares the database: clients alternate between them, as behind a balancer.
        Process? second = null;
        var secondPort = 0;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            await WaitHealthyAsync(http, $"http://127.0.0.1:{port}");
            if (postgres is not null)
            {
                secondPort = FreePort();
                second = Start(dll, secondPort, db, postgres);
                await WaitHealthyAsync(http, $"http://127.0.0.1:{secondPort}");
            }

            // Client c starts on instance c % 2 and alternates on each retry.
            string BaseOf(int client, int attempt) =>
                second is not null && (client + attempt) % 2 == 1 ? $"http://127.0.0.1:{secondPort}" : $"http://127.0.0.1:{port}";
            var tokens = new string?[clients];
            if (accounts)
            {
                for (var c = 0; c < clients; c++)
                    tokens[c] = await AccountAsync(http, c);
            }

            var latencies = new double[clients * writes];
            var retries = 0;
            var done = 0;
            var killAt = (int)(clients * writes * 0.4);
            var killed = 0;
            var restart = new SemaphoreSlim(1, 1);
            var cpuBefore = server.TotalProcessorTime + (second?.TotalProcessorTime ?? TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                for (var i = 0; i < writes; i++)
                {
                    var body = new { kind = "food", ndb = "12014", grams = 1 + (i % 50), date = "2026-07-01" };
                    var attempt = Stopwatch.StartNew();
                    for (var tries = 0; ; tries++)
                    {
                        // A failed attempt goes to the other instance next (a balancer's retry).
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseOf(c, tries)}/api/diary/entries") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", $"c{c}-w{i}");
                        if (tokens[c] is { } token)
                            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        try
                        {
                            using var response = await http.SendAsync(request);
                            if (response.StatusCode == HttpStatusCode.Created)
                                break;
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                        }

                        Interlocked.Increment(ref retries);
                        await Task.Delay(50);
                    }

                    latencies[c * writes + i] = attempt.Elapsed.TotalMilliseconds;
                    if (Interlocked.Increment(ref done) == killAt && kill && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        // SIGKILL mid-run, then the same app on the same store: clients retry with their keys meanwhile
                        // (on PostgreSQL the other instance takes their retries while this one restarts).
                        await restart.WaitAsync();
                        server.Kill(entireProcessTree: true);
                        await server.WaitForExitAsync();
                        server.Dispose();
                        server = Start(dll, port, db, postgres);
                        restart.Release();
                    }
                }
            })));
            var seconds = clock.Elapsed.TotalSeconds;
            // The server's own CPU time per write (user + system, both instances); not meaningful across a kill.
            var cpuMs = kill ? double.NaN : (server.TotalProcessorTime + (second?.TotalProcessorTime ?? TimeSpan.Zero) - cpuBefore).TotalMilliseconds / (clients * writes);
            Array.Sort(latencies);
            int lost = 0, duplicated = 0;
            if (accounts)
            {
                for (var c = 0; c < clients; c++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/diary/entries?from=2026-07-01&to=2026-07-01");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[c]);
                    using var response = await http.SendAsync(request);
                    var count = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();
                    lost += Math.Max(0, writes - count);
                    duplicated += Math.Max(0, count - writes);
                }
            }

            return new Result(name, clients * writes / seconds, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], cpuMs, retries, lost, duplicated);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.Dispose();
            second?.Kill(entireProcessTree: true);
            second?.Dispose();
        }
    }

    private static async Task<string> AccountAsync(HttpClient http, int c)
    {
        var email = $"load{c}@example.org";
        (await http.PostAsJsonAsync("/api/auth/register", new { email, password = "load-test-password-1" })).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "load-test-password-1" });
        var token = (await login.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        using var profile = new HttpRequestMessage(HttpMethod.Put, "/api/profile") { Content = JsonContent.Create(new { sex = "female", ageYears = 40 }) };
        profile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(profile)).EnsureSuccessStatusCode();
        return token;
    }

    internal static Process Start(string dll, int port, string db, string? postgres)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["MAGNESIA_DB"] = db;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Magnesia__RateLimits__AuthPerMinute"] = "100000";
        if (postgres is not null)
        {
            info.Environment["Database__Provider"] = "Postgres";
            info.Environment["ConnectionStrings__Magnesia"] = postgres;
        }
        var p = Process.Start(info)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    internal static async Task WaitHealthyAsync(HttpClient http, string baseUrl)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the app did not become healthy in 120 s");
    }

    internal static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
