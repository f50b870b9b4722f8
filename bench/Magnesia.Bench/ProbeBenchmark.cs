using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Magnesia.Bench;

/// <summary>
/// A hostile and careless client over loopback HTTP (issue 20): every <c>/api</c> operation of the app's own OpenAPI
/// document, anonymously and signed in, with every path parameter odd (0, -1, the largest long, words, another
/// account's id) and every JSON body made wrong from its schema (nulls, nulls in lists, control and bidi characters,
/// 1e308, a million characters, wrong types, broken JSON); then concurrent edits and deletes of one entry and
/// concurrent price upserts. Bounded (each request once, a fixed number of rounds) and stops by itself. Prints the
/// counts: requests, 2xx, 4xx, 5xx, and every 5xx with its request.
/// </summary>
internal static class ProbeBenchmark
{
    private const string Password = "probe-pass-phrase-71";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = args.SkipWhile(a => a != "--app").Skip(1).FirstOrDefault() ?? throw new ArgumentException("--app <Magnesia.Web.dll>");
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var root = Directory.CreateTempSubdirectory("magnesia-probe-").FullName;
        var port = LoadBenchmark.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = LoadBenchmark.Start(app, port, Path.Combine(root, "probe.db"), postgres);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var counts = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        (double Real, double Unknown, double Locked) timing = default;
        try
        {
            await LoadBenchmark.WaitHealthyAsync(http, baseUrl);
            var a = await AccountAsync(http, "a");
            var b = await AccountAsync(http, "b");
            var own = await SeedAsync(http, b); // ids of b's rows: a probes them as another account's
            var doc = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
            var schemas = doc["components"]?["schemas"]?.AsObject();

            async Task Send(string label, HttpMethod method, string url, HttpContent? content, string? token)
            {
                using var request = new HttpRequestMessage(method, url) { Content = content };
                if (token is not null)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                int status;
                try
                {
                    using var response = await http.SendAsync(request);
                    status = (int)response.StatusCode;
                }
                catch (TaskCanceledException)
                {
                    status = 599; // no answer within 60 s counts as a server failure
                }
                catch (HttpRequestException)
                {
                    // The server answered (400) and closed the connection before a large body was all sent: counted
                    // apart, and the server must still answer the next request.
                    counts.AddOrUpdate("closed", 1, (_, n) => n + 1);
                    counts.AddOrUpdate("requests", 1, (_, n) => n + 1);
                    return;
                }

                counts.AddOrUpdate(status >= 500 ? "5xx" : status >= 400 ? "4xx" : status >= 200 && status < 400 ? "2xx" : "other", 1, (_, n) => n + 1);
                counts.AddOrUpdate("requests", 1, (_, n) => n + 1);
                if (status >= 500)
                    failures.Enqueue($"{status} {method} {url} [{label}]");
            }

            foreach (var (path, item) in doc["paths"]!.AsObject())
            {
                if (!path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/api/auth", StringComparison.Ordinal) || path == "/api/account/delete")
                    continue;
                foreach (var (verb, operation) in item!.AsObject())
                {
                    var method = new HttpMethod(verb.ToUpperInvariant());
                    var urls = Urls(path, own).ToList();
                    var bodies = Bodies(operation!, schemas).ToList();
                    foreach (var url in urls)
                    {
                        await Send("anonymous", method, url, bodies.Count > 0 ? bodies[0].Content() : null, null);
                        if (bodies.Count == 0)
                        {
                            await Send("signed in", method, url, null, a);
                            continue;
                        }

                        foreach (var (label, content) in bodies)
                            await Send(label, method, url, content(), a);
                    }
                }
            }

            // Concurrent edits: 3 PUT + 2 DELETE + 1 GET on one entry at once, 50 rounds; 8 price upserts at once, 20 rounds.
            for (var round = 0; round < 50; round++)
            {
                var created = await http.SendAsync(Authed(HttpMethod.Post, "/api/diary/entries", a, JsonContent.Create(new { kind = "food", ndb = "11457", grams = 30 })));
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                var put = new { kind = "food", ndb = "11457", grams = 60 };
                await Task.WhenAll(
                    Send("concurrent PUT", HttpMethod.Put, $"/api/diary/entries/{id}", JsonContent.Create(put), a),
                    Send("concurrent PUT", HttpMethod.Put, $"/api/diary/entries/{id}", JsonContent.Create(put), a),
                    Send("concurrent PUT", HttpMethod.Put, $"/api/diary/entries/{id}", JsonContent.Create(put), a),
                    Send("concurrent DELETE", HttpMethod.Delete, $"/api/diary/entries/{id}", null, a),
                    Send("concurrent DELETE", HttpMethod.Delete, $"/api/diary/entries/{id}", null, a),
                    Send("concurrent GET", HttpMethod.Get, $"/api/diary/entries/{id}", null, a));
            }

            for (var round = 0; round < 20; round++)
                await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Send("concurrent price", HttpMethod.Put, "/api/prices/12014", JsonContent.Create(new { price = 1 + i, per = "kg" }), a)));

            // Sign-in timing: a wrong password for a real account, an unknown address, a locked account (medians of 15).
            await AccountAsync(http, "locked");
            for (var i = 0; i < 6; i++)
                await http.PostAsJsonAsync("/api/auth/login", new { email = "probe-locked@example.org", password = "wrong-pass-phrase-1" });
            // A real account is tried once each (15 accounts), so lockout never starts during the measurement.
            for (var i = 0; i < 15; i++)
                await AccountAsync(http, $"t{i}");
            async Task<double> MedianAsync(Func<int, string> email)
            {
                var times = new List<double>();
                for (var i = 0; i < 15; i++)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await http.PostAsJsonAsync("/api/auth/login", new { email = email(i), password = "wrong-pass-phrase-1" });
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                return times[times.Count / 2];
            }

            timing = (await MedianAsync(i => $"probe-t{i}@example.org"), await MedianAsync(i => $"nobody-{i}@example.org"), await MedianAsync(_ => "probe-locked@example.org"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Console.WriteLine($"| requests | 2xx | 4xx | 5xx | closed mid-upload |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {counts.GetValueOrDefault("requests")} | {counts.GetValueOrDefault("2xx")} | {counts.GetValueOrDefault("4xx")} | {counts.GetValueOrDefault("5xx")} | {counts.GetValueOrDefault("closed")} |");
        foreach (var f in failures.Take(50))
            Console.WriteLine($"- {f}");
        Console.WriteLine();
        Console.WriteLine("| failed sign-in (median of 15) | ms | ratio to a real account's wrong password |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (what, ms) in new[] { ("real account, wrong password", timing.Real), ("unknown address", timing.Unknown), ("locked account", timing.Locked) })
            Console.WriteLine($"| {what} | {ms:0.0} | {ms / timing.Real:0.00}× |");
        return counts.GetValueOrDefault("5xx") == 0 ? 0 : 1;
    }

    private static HttpRequestMessage Authed(HttpMethod method, string url, string token, HttpContent? content)
    {
        var r = new HttpRequestMessage(method, url) { Content = content };
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return r;
    }

    private static async Task<string> AccountAsync(HttpClient http, string name)
    {
        var email = $"probe-{name}@example.org";
        (await http.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var token = login.GetProperty("accessToken").GetString()!;
        (await http.SendAsync(Authed(HttpMethod.Put, "/api/profile", token, JsonContent.Create(new { sex = "female", ageYears = 40 })))).EnsureSuccessStatusCode();
        // Older builds (before issue 20) have no display names: the probe runs against them too, for a "before" count.
        await http.SendAsync(Authed(HttpMethod.Put, "/api/account/display-name", token, JsonContent.Create(new { displayName = $"Probe {name}" })));
        return token;
    }

    // Another account's rows, so that every {id} is also tried with an id that exists but is not the caller's.
    private static async Task<Dictionary<string, string>> SeedAsync(HttpClient http, string token)
    {
        async Task<JsonElement> Post(string url, object body) =>
            await (await http.SendAsync(Authed(HttpMethod.Post, url, token, JsonContent.Create(body)))).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var entry = await Post("/api/diary/entries", new { kind = "food", ndb = "11457", grams = 30 });
        var custom = await Post("/api/foods/custom", new { name = "Probe bar", magnesiumMg = 50 });
        var recipe = await Post("/api/recipes", new { name = "Probe bowl", servings = 1, ingredients = new[] { new { food = "11457", grams = 30 } } });
        var lab = await Post("/api/labs", new { kind = "serum-magnesium", value = 0.8, unit = "mmol/L" });
        var comment = await Post("/api/learn/dri/comments", new { text = "A probe's comment." });
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["entry"] = entry.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["custom"] = custom.GetProperty("id").GetString()!,
            ["recipe"] = recipe.GetProperty("id").GetString()!,
            ["lab"] = lab.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["comment"] = comment.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static readonly string[] OddValues = ["0", "-1", "9223372036854775807", "99999999999999999999", "abc", "%00", "%E2%80%AE", "c9223372036854775807", "r1", "p1", "fdc:1", "ifct:A001", "2026-02-30", "1e308"];

    private static IEnumerable<string> Urls(string path, Dictionary<string, string> own)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            yield return path;
            yield return path + "?from=2026-01-01&to=1900-01-01&limit=-5&q=%00&date=x";
            yield break;
        }

        var start = path.IndexOf('{', StringComparison.Ordinal);
        var end = path.IndexOf('}', start);
        string Fill(string value) => path[..start] + value + path[(end + 1)..] is var p && p.Contains('{', StringComparison.Ordinal) ? p[..p.IndexOf('{', StringComparison.Ordinal)] + value + p[(p.IndexOf('}', StringComparison.Ordinal) + 1)..] : p;
        foreach (var v in OddValues.Concat(own.Values).Append("11457").Append("dri").Append("2026-07-01").Append("0123456789012"))
            yield return Fill(v);
    }

    private static IEnumerable<(string Label, Func<HttpContent> Content)> Bodies(JsonNode operation, JsonObject? schemas)
    {
        if (operation["requestBody"]?["content"] is not JsonObject content)
            yield break;
        if (content["application/json"]?["schema"] is not { } schema)
        {
            foreach (var (label, text) in new[] { ("empty text", ""), ("NUL text", "Day,Food Name,Amount\n2026-07-01,a\0b,1 g\n"), ("million newlines", new string('\n', 1_000_000)), ("long field", "Day,Food Name,Amount\n2026-07-01," + new string('x', 100_000) + ",1 g\n") })
                yield return (label, () => new StringContent(text, Encoding.UTF8, "text/csv"));
            yield break;
        }

        var properties = Resolve(schema, schemas)?["properties"]?.AsObject();
        yield return ("empty object", () => Json("{}"));
        yield return ("null body", () => Json("null"));
        yield return ("broken JSON", () => Json("{\"a\":"));
        yield return ("array body", () => Json("[1,2]"));
        if (properties is null)
            yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var resolved = Resolve(propertySchema!, schemas);
            var type = Type(resolved);
            var variants = new List<(string, string)> { ("null", "null"), ("wrong type", type == "string" ? "12" : "\"x\""), ("object", "{\"a\":1}") };
            if (type is "array")
                variants.AddRange([("[null]", "[null]"), ("[null, null]", "[null,null]"), ("[\"\\u001b[2J\"]", "[\"\\u001b[2J\"]"), ("[1e308]", "[1e308]"), ("[{}]", "[{}]")]);
            else if (type is "number" or "integer")
                variants.AddRange([("1e308", "1e308"), ("-1e308", "-1e308"), ("0", "0"), ("-1", "-1"), ("huge integer", "99999999999999999999999")]);
            else
                variants.AddRange([("ESC", "\"\\u001b]0;pwned\\u0007\""), ("RLO", "\"abc\\u202Edef\""), ("NUL", "\"a\\u0000b\""), ("zero-width", "\"\\u200B\\u200B\""), ("million chars", "\"" + new string('x', 1_000_000) + "\""), ("empty", "\"\"")]);
            foreach (var (label, value) in variants)
                yield return ($"{name}: {label}", () => Json($"{{\"{name}\":{value}}}"));
        }
    }

    private static StringContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static JsonNode? Resolve(JsonNode schema, JsonObject? schemas)
    {
        for (var i = 0; i < 5 && schema["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = schemas?[reference.Split('/')[^1]] ?? schema;
        return schema;
    }

    private static string Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(x => x!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "string",
        _ => schema?["items"] is not null ? "array" : "string",
    };
}
