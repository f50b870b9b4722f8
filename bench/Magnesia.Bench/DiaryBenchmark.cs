using System.Diagnostics;
using System.Globalization;
using System.Text;
using Magnesia.Data;
using Magnesia.Data.Diary;
using Magnesia.Data.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Bench;

/// <summary>
/// Day report over a day of 30 entries and period report over 10 years of a synthetic diary (≈ 50,000 entries), both
/// in-process (DiaryStore over SQLite, as the CLI and API call it) and as separate `magnesia` processes.
/// </summary>
internal static class DiaryBenchmark
{
    public static async Task<int> RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "magnesia-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "diary.db");
        var busyDay = new DateOnly(2026, 11, 20);
        var from = new DateOnly(2016, 11, 21);
        var to = new DateOnly(2026, 11, 20);
        int entries;
        await using (var db = await MagnesiaStore.OpenAsync(path))
            entries = await SeedAsync(db, from, to, busyDay);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Diary benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine(CultureInfo.InvariantCulture, $"Synthetic diary: {entries:N0} entries from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; {busyDay:yyyy-MM-dd} has 30 food and supplement entries.");
        report.AppendLine();
        report.AppendLine("| what | runs | p50 | p99 / max |");
        report.AppendLine("|---|---:|---:|---:|");

        await using (var db = new MagnesiaDbContext(MagnesiaStore.Options(path)))
        {
            var diary = new DiaryStore(db, "local");
            var profile = (await diary.GetProfileAsync())!;
            var day = await Time(300, async () => (await diary.DayAsync(profile, busyDay)).Entries.Count);
            report.AppendLine(Row("day report, 30 entries, in-process", day));
            var period = await Time(30, async () => (await diary.PeriodAsync(profile, from, to)).Days.Count);
            report.AppendLine(Row("10-year period report, in-process", period));
            var load = await Time(10, async () => (await diary.EntriesAsync(from, to)).Items.Count);
            report.AppendLine(Row("… of which loading and resolving the entries", load));
            var (items, symptoms) = await diary.EntriesAsync(from, to);
            var compute = await Time(10, () => Task.FromResult(PeriodReport.Compute(from, to, profile, items, symptoms).Days.Count));
            report.AppendLine(Row("… of which computing the report", compute));
            var dayLoad = await Time(300, async () => (await diary.EntriesAsync(busyDay, busyDay)).Items.Count);
            report.AppendLine(Row("day: loading and resolving the entries", dayLoad));
            var profileLoad = await Time(300, async () => (await diary.GetProfileAsync()) is null ? 0 : 1);
            report.AppendLine(Row("day: loading the profile", profileLoad));
        }

        var cli = FindCli();
        var dayCli = await Time(10, () => RunCli(cli, "day", "--date", busyDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json", "--db", path));
        report.AppendLine(Row("`magnesia day --json`, new process", dayCli));
        var periodCli = await Time(5, () => RunCli(cli, "report", "--from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json", "--db", path));
        report.AppendLine(Row("`magnesia report --json` over 10 years, new process", periodCli));
        var baseline = await Time(10, () => RunCli(cli, "forms", "--json"));
        report.AppendLine(Row("`magnesia forms --json` (process start-up baseline, no database)", baseline));

        var text = report.ToString();
        Console.WriteLine(text);
        var resultsDir = Path.Combine(Path.GetDirectoryName(SearchEvaluation.FindRepoFile("bench/README.md"))!, "results");
        await File.WriteAllTextAsync(Path.Combine(resultsDir, "diary.md"), text);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("MAGNESIA_KEEP") is null)
            Directory.Delete(dir, recursive: true);
        return 0;
    }

    private static string Row(string what, (int Runs, double P50, double P99) t) =>
        string.Create(CultureInfo.InvariantCulture, $"| {what} | {t.Runs} | {t.P50:0.00} ms | {t.P99:0.00} ms |");

    private static async Task<(int Runs, double P50, double P99)> Time(int runs, Func<Task<int>> action)
    {
        // Warm-up until the JIT has promoted the hot paths (tier 1 after 30 calls), as BenchmarkDotNet would.
        for (var i = 0; i < Math.Min(runs, 40); i++)
            await action();
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        samples.Sort();
        return (runs, samples[(samples.Count - 1) / 2], samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(0.99 * samples.Count) - 1)]);
    }

    private static async Task<int> SeedAsync(MagnesiaDbContext db, DateOnly from, DateOnly to, DateOnly busyDay)
    {
        var diary = new DiaryStore(db, "local");
        await diary.SetProfileAsync(new DiaryProfile(Sex.Female, new DateOnly(1985, 6, 15), null, null,
            [new DatePeriod(new DateOnly(2019, 2, 1), new DateOnly(2019, 10, 20))], [new DatePeriod(new DateOnly(2019, 10, 21), new DateOnly(2020, 6, 30))], 62, []));
        var foods = await db.Foods.AsNoTracking().Where(f => f.SurveyFood && f.Nutrients.Any(n => n.Nutrient == Magnesia.Foods.Nutrient.Magnesium)).Select(f => f.Ndb).ToListAsync();
        var rng = new Random(42);
        var rows = new List<EntryRecord>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var n = d == busyDay ? 28 : rng.Next(10, 17);
            for (var i = 0; i < n; i++)
            {
                rows.Add(new EntryRecord
                {
                    UserId = "local", Date = d, Kind = EntryKind.Food, FoodRef = foods[rng.Next(foods.Count)], Grams = rng.Next(10, 300),
                    Meal = (Meal)rng.Next(4), PortionEntered = "g", QuantityEntered = 1,
                });
            }

            if (d == busyDay || rng.Next(3) == 0)
                rows.Add(new EntryRecord { UserId = "local", Date = d, Kind = EntryKind.Supplement, FormId = "citrate", ElementalMagnesiumUg = Mass.FromMilligrams(200).Micrograms, CalciumUg = 0 });
            if (d == busyDay)
                rows.Add(new EntryRecord { UserId = "local", Date = d, Kind = EntryKind.Supplement, FormId = "glycinate", ElementalMagnesiumUg = Mass.FromMilligrams(100).Micrograms, CalciumUg = 0 });
            if (rng.Next(20) == 0)
                rows.Add(new EntryRecord { UserId = "local", Date = d, Kind = EntryKind.Symptom, SignId = "muscle-cramps", Severity = rng.Next(1, 6) });
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Entries.AddRange(rows);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return rows.Count;
    }

    private static string FindCli()
    {
        var project = Path.GetDirectoryName(SearchEvaluation.FindRepoFile("src/Magnesia.Cli/Magnesia.Cli.csproj"))!;
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "magnesia.dll");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", $"build \"{project}\" -c Release -v q --nologo") { RedirectStandardOutput = true })!)
        {
            build.StandardOutput.ReadToEnd();
            build.WaitForExit();
        }

        return dll;
    }

    private static async Task<int> RunCli(string dll, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"magnesia {string.Join(' ', args)} failed: {await p.StandardError.ReadToEndAsync()}");
        return output.Length;
    }
}
