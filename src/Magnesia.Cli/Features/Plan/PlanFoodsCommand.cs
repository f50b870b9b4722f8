using Magnesia.Intake;
using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Plan;

/// <summary>
/// <c>magnesia plan foods [--mode add|swap] [--target ear|rda] [--from … --to … | --intake-mg n] [--objective energy|changes|cost]
/// [--max-foods n] [--max-added-kcal n] [--max-added-sodium-mg n] [--exclude-groups code,…] [--exclude-foods ndb,…] [--diet vegetarian|vegan]</c>:
/// which foods close the gap, in household portions (<see cref="FoodPlanner"/>, solved by <see cref="FoodPlanSolver"/>).
/// </summary>
internal static class PlanFoodsCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var mode = CliOptions.Choice<PlanMode>("--mode", "add (default): foods added to the usual diet; swap: foods eaten replaced by richer ones of the same group, energy ±10 %.");
        var target = CliOptions.Choice<PlanTarget>("--target", "rda (default) or ear of today's life stage (the AI for infants).");
        var from = CliOptions.Date("--from", "Window start for usual intake (default 29 days before --to).");
        var to = CliOptions.Date("--to", "Window end (default today).");
        var intake = CliOptions.Number("--intake-mg", "Usual magnesium intake, mg/day (instead of the diary).");
        var objective = CliOptions.Choice<PlanObjective>("--objective", "changes (default): least change to the diet, foods and families you eat first; energy: least added kcal; cost: least cost over priced foods.");
        var maxFoods = CliOptions.Whole("--max-foods", $"At most this many foods (default {FoodPlanner.DefaultMaxFoods}).");
        var maxKcal = CliOptions.Number("--max-added-kcal", "Budget of added energy, kcal.");
        var maxSodium = CliOptions.Number("--max-added-sodium-mg", "Limit on added sodium, mg.");
        var excludeGroups = new Option<string?>("--exclude-groups") { Description = "Food group codes to leave out (replaces the default exclusions), e.g. 0100,1900.", HelpName = "CODE,…" };
        var excludeFoods = new Option<string?>("--exclude-foods") { Description = "NDB numbers to leave out.", HelpName = "NDB,…" };
        var diet = CliOptions.Choice("--diet", "vegetarian or vegan.", Diet.Any);
        var allFoods = new Option<bool>("--all-foods") { Description = "Plan over every food of the catalogue, not only the common magnesium sources." };
        var maxPortions = CliOptions.Whole("--max-portions", $"At most this many standard portions of one food a day (default {FoodPlanner.MaxPortionsPerDay:0}).");
        var command = new Command("foods", "Plan the foods that close the magnesium gap: common foods in standard portions, added or swapped like for like.")
            { mode, target, from, to, intake, objective, maxFoods, maxKcal, maxSodium, excludeGroups, excludeFoods, diet, allFoods, maxPortions };
        static string[]? List(string? text) => text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        FoodPlanInput Input(CommandResult r) => new(
            r.GetValue(mode), r.GetValue(target), r.GetValue(intake), r.GetValue(from) is not null, r.GetValue(objective), r.GetValue(maxFoods),
            r.GetValue(maxKcal), r.GetValue(maxSodium), List(r.GetValue(excludeGroups)), List(r.GetValue(excludeFoods)), r.GetValue(diet),
            r.GetValue(allFoods), r.GetValue(maxPortions));
        command.Validate(r => Checks.Window(r.GetValue(from), r.GetValue(to)) ?? Checks.First(Input(r).Validate()));
        command.SetAction(async (parse, ct) =>
        {
            var (first, last) = cli.Window(parse.GetValue(from), parse.GetValue(to));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var catalog = await (await cli.OpenStoreAsync(parse.GetValue(g.Db), ct)).LoadCatalogAsync(ct);
            var query = FoodPlanQuery.Of(Input(parse.CommandResult), first, last);
            var r = FoodPlanResponse.From(await diary.PlanFoodsAsync(profile, query, catalog, ct));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            cli.Out.WriteLine(r.Summary);
            foreach (var i in r.Items)
            {
                var what = i.Replaces is { } rep ? $"{i.Label} instead of {rep.Name.ToLowerInvariant()} ({rep.Grams:0} g)" : i.Label;
                cli.Out.WriteLine($"  {i.Amount} {what} ({i.Grams:0} g): {i.MagnesiumMg:0} mg, {i.EnergyKcal:0} kcal; {i.Why}");
            }

            if (ContractNames.Parse<PlanStatus>(r.Status) == PlanStatus.Optimal && r.CalciumToMagnesiumRatio is { } ca)
                cli.Out.WriteLine($"  calcium to magnesium in these foods: {ca.ToString("0.##", CultureInfo.InvariantCulture)}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
