using System.Diagnostics;
using Magnesia.Data.Foods;
using Magnesia.Foods;

namespace Magnesia.Bench;

/// <summary>
/// Search at scale: SR28 plus <c>n</c> made-up branded foods (<see cref="SyntheticFdc"/>). Prints the index build time
/// and the memory it holds, then search latency percentiles over every evaluation query against SR28 alone in the same
/// run, and the evaluation sets' top-1/top-3 with the branded foods beside SR28.
/// </summary>
public static class ScaleBenchmark
{
    public static int Run(int branded)
    {
        var sr28 = Sr28Provisioner.ReadEmbedded().Select(s => s.Food).ToList();
        var evalDir = Path.GetDirectoryName(SearchEvaluation.FindRepoFile("tests/Magnesia.Tests/Foods/FoodSearchEval.tsv"))!;
        var sets = Directory.GetFiles(evalDir, "FoodSearch*.tsv").Order(StringComparer.Ordinal).ToList();
        var queries = sets.SelectMany(SearchEvaluation.Load).Select(q => q.Query).Distinct().ToList();

        var (small, smallBuild, smallBytes) = Build(sr28);
        var foods = sr28.Concat(SyntheticFdc.BrandedFoods(branded)).ToList();
        var (large, largeBuild, largeBytes) = Build(foods);
        foods = null;
        Console.WriteLine($"index build: SR28 {sr28.Count:N0} foods {smallBuild:0.00} s, {smallBytes / 1048576.0:0} MiB held | SR28 + {branded:N0} branded {largeBuild:0.00} s, {largeBytes / 1048576.0:0} MiB held (catalogue and index)");
        var a = Latencies(small, queries);
        var b = Latencies(large, queries);
        if (Environment.GetEnvironmentVariable("MAGNESIA_SHOW_SLOWEST") is not null)
        {
            foreach (var (q, ms) in queries.Select(q => (q, Time(large, q))).OrderByDescending(x => x.Item2).Take(15))
                Console.WriteLine($"    {ms:0.000} ms  {q}");
        }
        Console.WriteLine($"search latency over {queries.Count} queries × 5 rounds (ms): SR28 p50 {a.P50:0.000} p99 {a.P99:0.000} max {a.Max:0.000} | +{branded:N0} branded p50 {b.P50:0.000} p99 {b.P99:0.000} max {b.Max:0.000} (p99 ratio {b.P99 / a.P99:0.0}×)");
        foreach (var set in sets)
        {
            var rows = SearchEvaluation.Load(set);
            int top1 = 0, top3 = 0;
            foreach (var q in rows)
            {
                var rank = SearchEvaluation.FirstHit(q, [.. large.Search(q.Query, 10).Select(m => m.Food.Id)]);
                top1 += rank == 1 ? 1 : 0;
                if (rank != 1 && Environment.GetEnvironmentVariable("MAGNESIA_SHOW_MISSES") is not null)
                    Console.WriteLine($"    '{q.Query}' rank {rank}: " + string.Join(" | ", large.Search(q.Query, 3).Select(m => $"{m.Food.Id} {m.Food.Name} {m.Score:0.00}")));
                top3 += rank is >= 1 and <= 3 ? 1 : 0;
            }

            Console.WriteLine($"{Path.GetFileName(set),-30} with branded: top-1 {100.0 * top1 / rows.Count:0.0}%  top-3 {100.0 * top3 / rows.Count:0.0}%  ({rows.Count} queries)");
        }

        return 0;
    }

    private static (FoodCatalog Catalog, double Seconds, long Bytes) Build(List<Food> foods)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var catalog = new FoodCatalog(foods);
        _ = catalog.Index;
        _ = catalog.Search("warm up", 1);
        var seconds = clock.Elapsed.TotalSeconds;
        return (catalog, seconds, GC.GetTotalMemory(true) - before);
    }

    private static double Time(FoodCatalog catalog, string query)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var t = Stopwatch.GetTimestamp();
            catalog.Search(query, 10);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        return best;
    }

    private static (double P50, double P99, double Max) Latencies(FoodCatalog catalog, List<string> queries)
    {
        foreach (var q in queries)
            catalog.Search(q, 10);
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var q in queries)
            {
                var t = Stopwatch.GetTimestamp();
                catalog.Search(q, 10);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)], times[^1]);
    }
}
