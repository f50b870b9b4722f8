using Magnesia.Bench;
using Magnesia.Data.Foods;
using Magnesia.Foods;

var mode = args.FirstOrDefault() ?? "search";
if (mode == "probe")
{
    using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={args[1]};Pooling=false");
    c.Open();
    foreach (var sql in new[] { "SELECT \"Id\" FROM diary_entries WHERE \"UserId\"='local' ORDER BY \"Date\", \"Id\"", "SELECT \"Id\", \"Date\", \"Kind\", \"FoodRef\", \"Grams\" FROM diary_entries WHERE \"UserId\"='local' ORDER BY \"Date\", \"Id\"", "SELECT * FROM diary_entries" })
    {
        for (var k = 0; k < 3; k++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var n = 0;
            while (r.Read()) { for (var i = 0; i < r.FieldCount; i++) _ = r.GetValue(i); n++; }
            Console.WriteLine($"{sw.Elapsed.TotalMilliseconds:0.0} ms {n} rows: {sql[..40]}");
        }
    }
    return 0;
}

if (mode == "diary")
    return await DiaryBenchmark.RunAsync();

if (mode == "fdc-generate")
{
    var folder = args[1];
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500_000;
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var rows = SyntheticFdc.WriteRelease(folder, count);
    Console.WriteLine($"wrote {count:N0} foods, {rows:N0} rows to {folder} in {clock.Elapsed.TotalSeconds:0.0} s");
    return 0;
}

if (mode == "csv-read")
{
    // How fast the importer's CSV reader alone goes over a file (no checks, no writes).
    var clock = System.Diagnostics.Stopwatch.StartNew();
    using var csv = new Magnesia.Data.Importers.CsvRecords(new StreamReader(args[1], System.Text.Encoding.UTF8, true, 1 << 16), Path.GetFileName(args[1]));
    long rows = 0, fields = 0;
    while (csv.Next())
    {
        rows++;
        fields += csv.Count;
    }

    Console.WriteLine($"{rows:N0} rows, {fields:N0} fields in {clock.Elapsed.TotalSeconds:0.00} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s)");
    return 0;
}

if (mode == "scale")
    return ScaleBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500_000);

if (mode == "load")
    return await LoadBenchmark.RunAsync(args);

if (mode == "api-probe")
    return await Magnesia.Bench.ProbeBenchmark.RunAsync(args);

var foods = Sr28Provisioner.ReadEmbedded().Select(s => s.Food).ToList();
var evalPath = SearchEvaluation.FindRepoFile("tests/Magnesia.Tests/Foods/FoodSearchEval.tsv");
var queries = SearchEvaluation.Load(evalPath);

if (mode == "preview")
{
    // The Today page's preview: what GET /api/foods/parse does for each keystroke of the sentences people type
    // (every prefix of FoodLogSentences.tsv of at least two characters): read the sentence over the catalogue, weigh it,
    // look up the magnesium and write the JSON. Server time in-process; Kestrel and the network are not in it.
    var catalog = new FoodCatalog(foods);
    var path = SearchEvaluation.FindRepoFile("tests/Magnesia.Tests/Foods/FoodLogSentences.tsv");
    var typed = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0])
        .SelectMany(t => Enumerable.Range(2, t.Length - 1).Select(n => t[..n])).ToList();
    void Once(string text)
    {
        var s = catalog.ReadSentence(text);
        var mg = s.Food is { } f ? catalog.Find(f.Id)?.MagnesiumPer100g : null;
        _ = System.Text.Json.JsonSerializer.Serialize(Magnesia.Data.Contracts.FoodParseResponse.From(s, mg), Magnesia.Data.Contracts.ContractsJsonContext.Default.FoodParseResponse);
    }

    foreach (var t in typed.Take(200))
        Once(t); // warm up
    var times = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        foreach (var t in typed)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            Once(t);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine($"| typed prefixes | samples | p50 ms | p99 ms | max ms | target |");
    Console.WriteLine($"|---:|---:|---:|---:|---:|---|");
    Console.WriteLine($"| {typed.Count} | {times.Count} | {P(0.5):0.000} | {P(0.99):0.000} | {times[^1]:0.000} | p99 ≤ 50 ms {(P(0.99) <= 50 ? "✓" : "✗")} |");
    return 0;
}

if (mode == "parse")
{
    var catalog = new FoodCatalog(foods);
    var path = SearchEvaluation.FindRepoFile("tests/Magnesia.Tests/Foods/FoodParseSentences.tsv");
    int right = 0, total = 0;
    foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
    {
        var f = line.Split('\t');
        var accepted = f[1].Split(',').Select(a => a.Split('=')).ToDictionary(a => a[0], a => double.Parse(a[1], System.Globalization.CultureInfo.InvariantCulture));
        var sentence = FoodSentence.Read(FoodQuery.Read(f[0]), [.. catalog.Search(f[0], 5).Select(m => new NamedFood(m.Food.Id, m.Food.Name))],
            catalog.Search(f[0], 1) is [var top] ? top.Food.Portions : []);
        total++;
        var ok = sentence.Food is { } food && accepted.TryGetValue(food.Id, out var want) && sentence.Amount is { } a && Math.Abs(a.Grams - want) <= 0.01 * want;
        if (ok)
            right++;
        else
            Console.WriteLine($"'{f[0]}' → {sentence.Food?.Id} {sentence.Food?.Name} {sentence.Amount?.Grams} g ({sentence.Amount?.How ?? sentence.Problem}); want {f[1]}");
    }

    Console.WriteLine($"parse {right}/{total} = {100.0 * right / total:0.0}%");
    return 0;
}

if (mode == "plan")
{
    // The food-gap planner over all SR28 foods: 60 requests across gaps, food counts, objectives, diets and budgets.
    var all = new FoodCatalog(foods).Foods;
    var none = new HashSet<string>();
    var requests = new List<Magnesia.Planning.FoodPlanRequest>();
    foreach (var usual in new[] { 0.0, 100, 200, 280 })
    foreach (var maxFoods in new[] { 1, 3, 5 })
    foreach (var (objective, diet, kcal) in new[] { (Magnesia.Planning.PlanObjective.Energy, Magnesia.Planning.Diet.Any, (double?)null), (Magnesia.Planning.PlanObjective.Changes, Magnesia.Planning.Diet.Any, null), (Magnesia.Planning.PlanObjective.Energy, Magnesia.Planning.Diet.Vegan, null), (Magnesia.Planning.PlanObjective.Energy, Magnesia.Planning.Diet.Vegetarian, 200), (Magnesia.Planning.PlanObjective.Energy, Magnesia.Planning.Diet.Any, 20) })
        requests.Add(new(Magnesia.Planning.PlanMode.Add, Magnesia.Units.Mass.FromMilligrams(320), Magnesia.Units.Mass.FromMilligrams(usual), objective, maxFoods, kcal, null, null, none, diet, [], new Dictionary<string, double>()));
    Magnesia.Data.Planning.FoodPlanSolver.Solve(requests[0], all); // warm-up: native library load, JIT
    var times = new List<double>();
    var statuses = new Dictionary<string, int>();
    foreach (var r in requests)
    {
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var plan = Magnesia.Data.Planning.FoodPlanSolver.Solve(r, all);
        times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        statuses[plan.Status.ToString()] = statuses.GetValueOrDefault(plan.Status.ToString()) + 1;
    }

    // The same plans with every candidate in the integer model (no pool), for the first 15 requests: time and objective.
    var full = new List<double>();
    var same = 0;
    foreach (var r in requests.Take(15))
    {
        var pooled = Magnesia.Data.Planning.FoodPlanSolver.Solve(r, all);
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var whole = Magnesia.Data.Planning.FoodPlanSolver.Solve(r, all, int.MaxValue);
        full.Add(System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        if (pooled.Status == whole.Status && Math.Abs(pooled.AddedEnergyKcal - whole.AddedEnergyKcal) <= 0.5 + 0.001 * whole.AddedEnergyKcal)
            same++;
        else
            Console.WriteLine($"  differs: usual {r.UsualIntake.Milligrams} mg, {r.MaxFoods} foods, {r.Objective}, {r.Diet}, budget {r.MaxAddedKcal}: pool {pooled.Status} {pooled.AddedEnergyKcal} kcal / {pooled.Items.Count} foods, all {whole.Status} {whole.AddedEnergyKcal} kcal / {whole.Items.Count} foods ({full[^1]:0} ms)");
    }

    full.Sort();
    Console.WriteLine($"without the pool (all candidates, 15 plans): median {full[full.Count / 2]:0} ms, max {full[^1]:0} ms; same outcome and energy in {same} of 15");
    times.Sort();
    Console.WriteLine($"{times.Count} plans over {all.Count:N0} foods: median {times[times.Count / 2]:0.0} ms, p99 {times[(int)Math.Ceiling(0.99 * times.Count) - 1]:0.0} ms, max {times[^1]:0.0} ms; {string.Join(", ", statuses.Select(p => $"{p.Key} {p.Value}"))}");
    return 0;
}

if (mode == "profile")
{
    var index = new FoodCatalog(foods).Index;
    var q = string.Join(' ', args.Skip(1));
    double Time(Action a) { for (var i = 0; i < 50; i++) a(); var t0 = System.Diagnostics.Stopwatch.GetTimestamp(); for (var i = 0; i < 200; i++) a(); return System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds / 200; }
    Console.WriteLine($"read {Time(() => FoodQuery.Read(q)):0.0000} ms, rewrite {Time(() => FoodNames.Rewrite(FoodQuery.Read(q).FoodWords)):0.0000} ms, search {Time(() => index.Search(q, 10)):0.0000} ms");
    return 0;
}

if (mode == "slowest")
{
    var index = new FoodCatalog(foods).Index;
    var all = Directory.GetFiles(Path.GetDirectoryName(evalPath)!, "FoodSearch*.tsv").SelectMany(SearchEvaluation.Load).Select(q => q.Query).Distinct().ToList();
    foreach (var q in all)
        index.Search(q, 10);
    var timed = all.Select(q => (Query: q, Ms: Enumerable.Range(0, 5).Min(_ => { var t0 = System.Diagnostics.Stopwatch.GetTimestamp(); index.Search(q, 10); return System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds; })))
        .OrderByDescending(x => x.Ms).ToList();
    foreach (var (q, ms) in timed.Take(20))
        Console.WriteLine($"{ms,8:0.000} ms  {q}");
    Console.WriteLine($"median {timed[timed.Count / 2].Ms:0.000} ms over {timed.Count} queries");
    var samples = new List<double>();
    for (var round = 0; round < 20; round++)
    {
        foreach (var q in all)
        {
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            index.Search(q, 10);
            samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    }

    samples.Sort();
    Console.WriteLine($"20 rounds: p50 {samples[samples.Count / 2]:0.000} ms, p99 {samples[(int)(samples.Count * 0.99)]:0.000} ms");
    return 0;
}

if (mode == "query")
{
    var catalog = new FoodCatalog(foods);
    foreach (var m in catalog.Search(string.Join(' ', args.Skip(1)), 15))
        Console.WriteLine($"{m.Food.Id} {m.Score:0.00}{(m.Weak ? " (weak)" : "")} {m.Food.Name}");
    return 0;
}

// Each query set by its mode name: "people-holdout" is FoodSearchPeopleHoldout.tsv.
var setFiles = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["eval"] = "Eval", ["holdout"] = "Holdout", ["unseen"] = "Unseen", ["fresh"] = "Fresh", ["late"] = "Late", ["last"] = "Last",
    ["people"] = "People", ["people-holdout"] = "PeopleHoldout", ["people-fresh"] = "PeopleFresh", ["people-final"] = "PeopleFinal",
};
if (setFiles.TryGetValue(mode, out var setName))
{
    queries = SearchEvaluation.Load(SearchEvaluation.FindRepoFile($"tests/Magnesia.Tests/Foods/FoodSearch{setName}.tsv"));
    var catalog = new FoodCatalog(foods);
    int top1 = 0, top3 = 0;
    foreach (var q in queries)
    {
        var ranked = catalog.Search(q.Query, 10).Select(m => m.Food.Id.Value).ToList();
        var rank = SearchEvaluation.FirstHit(q, ranked);
        if (rank == 1) top1++;
        if (rank is >= 1 and <= 3) top3++;
        if (rank != 1)
        {
            Console.WriteLine($"[{q.Kind}] '{q.Query}' rank={rank}");
            foreach (var m in catalog.Search(q.Query, 3))
                Console.WriteLine($"    {m.Food.Id} {m.Score:0.00} {m.Food.Name}");
        }
    }

    Console.WriteLine($"top-1 {top1}/{queries.Count} = {100.0 * top1 / queries.Count:0.0}%  top-3 {top3}/{queries.Count} = {100.0 * top3 / queries.Count:0.0}%");
    return 0;
}

return await SearchBenchmark.RunAsync(foods, queries, args.Skip(1).ToArray());
