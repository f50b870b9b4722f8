using System.Diagnostics;
using System.Globalization;
using System.Text;
using Magnesia.Foods;
using Microsoft.Data.Sqlite;

namespace Magnesia.Bench;

/// <summary>
/// Quality (top-1/top-3 on the evaluation sets) and latency (p50/p99 per query) of Magnesia's food search and of
/// SQLite FTS5 with the trigram tokenizer, on the same queries in the same run, over SR28 (8,789 foods) and over a
/// synthetic 400,000-food corpus built from the real names.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly string[] Sets = ["FoodSearchEval.tsv", "FoodSearchHoldout.tsv", "FoodSearchUnseen.tsv", "FoodSearchFresh.tsv", "FoodSearchLate.tsv", "FoodSearchLast.tsv", "FoodSearchPeople.tsv", "FoodSearchPeopleHoldout.tsv", "FoodSearchPeopleFresh.tsv", "FoodSearchPeopleFinal.tsv"];

    public static async Task<int> RunAsync(List<Food> foods, List<EvalQuery> _, string[] args)
    {
        var syntheticSize = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400_000;
        var sets = Sets.Select(f => (Name: f, Queries: SearchEvaluation.Load(SearchEvaluation.FindRepoFile($"tests/Magnesia.Tests/Foods/{f}")))).ToList();
        var allQueries = sets.SelectMany(s => s.Queries).ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Food search benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInfoText()}; queries run one at a time on one thread.");
        report.AppendLine();

        // Real SR28 corpus.
        var docs = foods.Select(f => new FoodSearchDocument(f.Id, f.Name, f.CommonNames, f.Group.Code, f.Branded, f.SurveyFood, f.Origin.Brand)).ToList();
        var buildClock = Stopwatch.StartNew();
        var index = new FoodSearchIndex(docs);
        index.Search("warm up");
        var indexBuild = buildClock.Elapsed;
        await using var fts = await Fts5Baseline.CreateAsync(docs);

        report.AppendLine("## Quality over SR28 (8,789 foods)");
        report.AppendLine();
        report.AppendLine("| query set | queries | Magnesia top-1 | Magnesia top-3 | FTS5 trigram top-1 | FTS5 trigram top-3 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, queries) in sets)
        {
            var (m1, m3) = Quality(queries, q => index.Search(q, 10).Select(h => docs[h.Document].Id).ToList());
            var (f1, f3) = Quality(queries, q => fts.Search(q, 10));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {queries.Count} | {m1:0.0}% | {m3:0.0}% | {f1:0.0}% | {f3:0.0}% |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Latency per query ({allQueries.Count} queries of all sets, repeated; milliseconds)");
        report.AppendLine();
        report.AppendLine("| corpus | engine | samples | p50 | p99 | max | index build |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        var m = Latency(allQueries, q => index.Search(q, 10), rounds: 20);
        report.AppendLine(Row("SR28 8,789", "Magnesia", m, indexBuild));
        var f = Latency(allQueries, q => fts.Search(q, 10), rounds: 5);
        report.AppendLine(Row("SR28 8,789", "FTS5 trigram", f, fts.BuildTime));
        Console.Error.WriteLine($"SR28 done: Magnesia p99 {m.P99:0.000} ms, FTS5 p99 {f.P99:0.000} ms");

        // Synthetic corpus.
        var synthetic = Synthetic(docs, syntheticSize);
        buildClock.Restart();
        var bigIndex = new FoodSearchIndex(synthetic);
        bigIndex.Search("warm up");
        var bigBuild = buildClock.Elapsed;
        var bm = Latency(allQueries, q => bigIndex.Search(q, 10), rounds: 3);
        report.AppendLine(Row($"synthetic {syntheticSize:N0}", "Magnesia", bm, bigBuild));
        var slowest = allQueries.Select(q => q.Query).Distinct()
            .Select(q => (Query: q, Ms: Enumerable.Range(0, 3).Min(_ => { var t0 = Stopwatch.GetTimestamp(); bigIndex.Search(q, 10); return Stopwatch.GetElapsedTime(t0).TotalMilliseconds; })))
            .OrderByDescending(x => x.Ms).Take(5).ToList();
        Console.Error.WriteLine("slowest on synthetic: " + string.Join("; ", slowest.Select(x => $"'{x.Query}' {x.Ms:0.00} ms")));
        Console.Error.WriteLine($"synthetic Magnesia p99 {bm.P99:0.000} ms");
        await using (var bigFts = await Fts5Baseline.CreateAsync(synthetic))
        {
            var bf = Latency(allQueries, q => bigFts.Search(q, 10), rounds: 1);
            report.AppendLine(Row($"synthetic {syntheticSize:N0}", "FTS5 trigram", bf, bigFts.BuildTime));
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Index: {index.VocabularySize:N0} distinct stems over SR28; {bigIndex.VocabularySize:N0} over the synthetic corpus.");
        var text = report.ToString();
        Console.WriteLine(text);
        var resultsDir = Path.Combine(Path.GetDirectoryName(SearchEvaluation.FindRepoFile("bench/README.md"))!, "results");
        Directory.CreateDirectory(resultsDir);
        await File.WriteAllTextAsync(Path.Combine(resultsDir, "search.md"), text);
        return 0;
    }

    private static string RuntimeInfoText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private static string Row(string corpus, string engine, LatencyStats s, TimeSpan build) =>
        string.Create(CultureInfo.InvariantCulture, $"| {corpus} | {engine} | {s.Samples:N0} | {s.P50:0.000} | {s.P99:0.000} | {s.Max:0.000} | {build.TotalSeconds:0.00} s |");

    private static (double Top1, double Top3) Quality(List<EvalQuery> queries, Func<string, IReadOnlyList<string>> search)
    {
        int top1 = 0, top3 = 0;
        foreach (var q in queries)
        {
            var rank = SearchEvaluation.FirstHit(q, search(q.Query));
            if (rank == 1)
                top1++;
            if (rank is >= 1 and <= 3)
                top3++;
        }

        return (100.0 * top1 / queries.Count, 100.0 * top3 / queries.Count);
    }

    internal readonly record struct LatencyStats(int Samples, double P50, double P99, double Max);

    private static LatencyStats Latency<T>(List<EvalQuery> queries, Func<string, T> search, int rounds)
    {
        foreach (var q in queries)
            search(q.Query); // warm-up round, not measured
        var samples = new List<double>(queries.Count * rounds);
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                search(q.Query);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        samples.Sort();
        return new LatencyStats(samples.Count, Percentile(samples, 0.50), Percentile(samples, 0.99), samples[^1]);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// A synthetic corpus the size of a large branded-food database: each item is a real SR28 name with a made-up
    /// brand word prefixed (5,000 brands from syllables) and a qualifier taken from another real name appended,
    /// so the vocabulary and posting lists grow the way they do in FoodData Central's branded foods.
    /// </summary>
    private static List<FoodSearchDocument> Synthetic(List<FoodSearchDocument> real, int size)
    {
        var rng = new Random(20261126);
        string[] syllables = ["ka", "lo", "mi", "ra", "ve", "to", "nu", "shi", "bel", "dor", "fen", "gra", "hil", "jun", "mar", "pol", "sun", "val", "wil", "zen"];
        var brands = Enumerable.Range(0, 5_000)
            .Select(_ => string.Concat(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => syllables[rng.Next(syllables.Length)])).ToUpperInvariant())
            .ToArray();
        var qualifiers = real.SelectMany(d => d.Name.Split(", ").Skip(1)).Distinct().ToArray();
        var list = new List<FoodSearchDocument>(size);
        list.AddRange(real);
        for (var i = list.Count; i < size; i++)
        {
            var d = real[rng.Next(real.Count)];
            var name = $"{brands[rng.Next(brands.Length)]} {d.Name}, {qualifiers[rng.Next(qualifiers.Length)]}";
            list.Add(d with { Id = $"S{i:D7}", Name = name, Branded = true, SurveyFood = false });
        }

        return list;
    }

    /// <summary>The baseline: SQLite FTS5 with the trigram tokenizer, OR over the trigrams of the query, bm25 order.</summary>
    private sealed class Fts5Baseline : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _query;

        private Fts5Baseline(SqliteConnection connection, TimeSpan buildTime)
        {
            _connection = connection;
            BuildTime = buildTime;
            _query = connection.CreateCommand();
            _query.CommandText = "SELECT ndb FROM foods WHERE foods MATCH $q ORDER BY bm25(foods) LIMIT $n";
            _query.Parameters.Add("$q", SqliteType.Text);
            _query.Parameters.Add("$n", SqliteType.Integer);
        }

        public TimeSpan BuildTime { get; }

        public static async Task<Fts5Baseline> CreateAsync(List<FoodSearchDocument> docs)
        {
            var clock = Stopwatch.StartNew();
            var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync();
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE VIRTUAL TABLE foods USING fts5(ndb UNINDEXED, name, tokenize='trigram')";
                await create.ExecuteNonQueryAsync();
            }

            await using (var tx = await connection.BeginTransactionAsync())
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO foods(ndb, name) VALUES ($ndb, $name)";
                var ndb = insert.Parameters.Add("$ndb", SqliteType.Text);
                var name = insert.Parameters.Add("$name", SqliteType.Text);
                foreach (var d in docs)
                {
                    ndb.Value = d.Id;
                    name.Value = d.CommonNames.Count == 0 ? d.Name : $"{d.Name} ({string.Join(", ", d.CommonNames)})";
                    await insert.ExecuteNonQueryAsync();
                }

                await tx.CommitAsync();
            }

            return new Fts5Baseline(connection, clock.Elapsed);
        }

        public List<string> Search(string query, int limit)
        {
            // Trigram FTS5 matches substrings of 3+ characters; OR-ing every trigram of every word gives it a fair
            // chance with typos ("spinch" shares "spi", "pin" with "spinach"), ranked by bm25.
            var grams = SearchText.Fold(query)
                .Split((char[])[' ', ',', '-', '\'', '%', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(w => w.Length < 3 ? [] : Enumerable.Range(0, w.Length - 2).Select(i => w.Substring(i, 3)))
                .Where(g => !g.Contains('"', StringComparison.Ordinal))
                .Distinct()
                .ToList();
            if (grams.Count == 0)
                return [];
            _query.Parameters["$q"].Value = string.Join(" OR ", grams.Select(g => $"\"{g}\""));
            _query.Parameters["$n"].Value = limit;
            var result = new List<string>(limit);
            using var reader = _query.ExecuteReader();
            while (reader.Read())
                result.Add(reader.GetString(0));
            return result;
        }

        public async ValueTask DisposeAsync()
        {
            await _query.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
