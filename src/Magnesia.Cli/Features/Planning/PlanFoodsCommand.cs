using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Planning;

/// <summary>
/// <c>magnesia plan foods [--mode add|swap] [--target ear|rda] [--from … --to … | --intake-mg n] [--objective energy|changes|cost]
/// [--max-foods n] [--max-added-kcal n] [--max-added-sodium-mg n] [--exclude-groups code,…] [--exclude-foods ndb,…] [--diet vegetarian|vegan]</c>:
/// which foods close the gap, in household portions (<see cref="FoodPlanner"/>, solved by <see cref="FoodPlanSolver"/>).
/// </summary>
internal static class PlanFoodsCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var mode = new Option<string?>("--mode") { Description = "add (default): foods added to the usual diet; swap: foods eaten replaced by richer ones of the same group, energy ±10 %.", HelpName = "add|swap" };
        var target = new Option<string?>("--target") { Description = "rda (default) or ear of today's life stage (the AI for infants).", HelpName = "ear|rda" };
        var from = CliOptions.Date("--from", "Window start for usual intake (default 29 days before --to).");
        var to = CliOptions.Date("--to", "Window end (default today).");
        var intake = CliOptions.Number("--intake-mg", "Usual magnesium intake, mg/day (instead of the diary).");
        var objective = new Option<string?>("--objective") { Description = "energy (default): least added kcal; changes: fewest changes, diary foods first; cost: least cost over priced foods.", HelpName = "energy|changes|cost" };
        var maxFoods = CliOptions.Whole("--max-foods", $"At most this many foods (default {FoodPlanner.DefaultMaxFoods}).");
        var maxKcal = CliOptions.Number("--max-added-kcal", "Budget of added energy, kcal.");
        var maxSodium = CliOptions.Number("--max-added-sodium-mg", "Limit on added sodium, mg.");
        var excludeGroups = new Option<string?>("--exclude-groups") { Description = "Food group codes to leave out (replaces the default exclusions), e.g. 0100,1900.", HelpName = "CODE,…" };
        var excludeFoods = new Option<string?>("--exclude-foods") { Description = "NDB numbers to leave out.", HelpName = "NDB,…" };
        var diet = new Option<string?>("--diet") { Description = "vegetarian or vegan.", HelpName = "vegetarian|vegan" };
        var command = new Command("foods", "Plan the foods that close the magnesium gap: add or swap, in household portions.")
            { mode, target, from, to, intake, objective, maxFoods, maxKcal, maxSodium, excludeGroups, excludeFoods, diet };
        command.Guarded(r => Checks.Report(r,
            r.GetValue(mode) is { } m && m is not ("add" or "swap") ? $"--mode must be add or swap, not '{m}'"
            : r.GetValue(target) is { } t && t is not ("ear" or "rda") ? $"--target must be ear or rda, not '{t}'"
            : r.GetValue(objective) is { } o && o is not ("energy" or "changes" or "cost") ? $"--objective must be energy, changes or cost, not '{o}'"
            : r.GetValue(diet) is { } d && d is not ("vegetarian" or "vegan") ? $"--diet must be vegetarian or vegan, not '{d}'"
            : Checks.Window(r.GetValue(from), r.GetValue(to)) is { } window ? window
            : r.GetValue(intake) is not null && r.GetValue(from) is not null ? "give --intake-mg or --from/--to, not both"
            : r.GetValue(maxFoods) is { } n and (< 1 or > 20) ? $"--max-foods must be between 1 and 20, not {n}"
            : Checks.NonNegative(r.GetValue(intake), "--intake-mg", 100_000)
              ?? Checks.NonNegative(r.GetValue(maxKcal), "--max-added-kcal", 10_000)
              ?? Checks.NonNegative(r.GetValue(maxSodium), "--max-added-sodium-mg", 100_000)
              ?? Groups(r.GetValue(excludeGroups), out _)
              ?? Ndbs(r.GetValue(excludeFoods), out _)));
        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = cli.Window(parse.GetValue(from), parse.GetValue(to));
            Groups(parse.GetValue(excludeGroups), out var groups);
            Ndbs(parse.GetValue(excludeFoods), out var ndbs);
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var catalog = await (await cli.OpenStoreAsync(parse.GetValue(g.Db), ct)).LoadCatalogAsync(ct);
            var query = new FoodPlanQuery(
                parse.GetValue(mode) == "swap" ? PlanMode.Swap : PlanMode.Add, parse.GetValue(target) == "ear", first, last, parse.GetValue(intake),
                parse.GetValue(objective) switch { "changes" => PlanObjective.Changes, "cost" => PlanObjective.Cost, _ => PlanObjective.Energy },
                parse.GetValue(maxFoods) ?? FoodPlanner.DefaultMaxFoods, parse.GetValue(maxKcal), parse.GetValue(maxSodium),
                groups, ndbs ?? new HashSet<string>(StringComparer.Ordinal),
                parse.GetValue(diet) switch { "vegetarian" => Diet.Vegetarian, "vegan" => Diet.Vegan, _ => Diet.Any });
            var r = FoodPlanResponse.From(await diary.PlanFoodsAsync(profile, query, catalog, ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            cli.Out.WriteLine($"target {r.TargetMg:0} mg, usual intake {r.UsualIntakeMg:0} mg → gap {r.GapMg:0} mg: {r.Status}");
            foreach (var i in r.Items)
            {
                var swap = i.Replaces is { } rep ? $" instead of {rep.Grams:0} g {rep.Name}" : "";
                cli.Out.WriteLine($"  {i.Portion.Quantity.ToString("0.##", CultureInfo.InvariantCulture)} × {i.Portion.Description} {i.Name} ({i.Grams:0} g): {i.MagnesiumMg:0} mg, {i.EnergyKcal:0} kcal{swap}");
            }

            if (r.Status == "optimal")
                cli.Out.WriteLine($"adds {r.AddedMagnesiumMg:0} mg magnesium, {r.AddedEnergyKcal:0} kcal; Ca:Mg of the foods {r.CalciumToMagnesiumRatio:0.##}");
            if (r.Reason is not null)
                cli.Out.WriteLine($"  {r.Reason}");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    private static string? Groups(string? text, out HashSet<string>? groups) =>
        Ids(text, "--exclude-groups", part => FoodGroups.Resolve(part)?.Code, part => $"unknown food group '{part}' (codes such as 0100, 1900; see `magnesia foods top --help`)", out groups);

    private static string? Ndbs(string? text, out HashSet<string>? ndbs) =>
        Ids(text, "--exclude-foods", FoodCatalog.NormalizeNdb, part => $"'{part}' is not an NDB number", out ndbs);

    // A comma-separated list, each part normalised or refused with the first problem.
    private static string? Ids(string? text, string option, Func<string, string?> normalize, Func<string, string> problem, out HashSet<string>? ids)
    {
        ids = null;
        if (text is null)
            return null;
        ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (normalize(part) is not { } id)
                return $"{option}: {problem(part)}";
            ids.Add(id);
        }

        return null;
    }
}
