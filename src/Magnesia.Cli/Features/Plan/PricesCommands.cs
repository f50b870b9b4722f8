using Magnesia.Planning;
using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Cli.Features.Plan;

/// <summary><c>magnesia prices set &lt;ndb&gt; &lt;price&gt; --per 100g|kg|lb</c>: a food's price, for <c>plan foods --objective cost</c>.</summary>
internal static class PricesSetCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var foodId = new Argument<string>("food-id") { Description = "The food's id: an NDB number (11457), fdc:<FDC id> or ifct:<code>, as search shows it." };
        var price = new Argument<string>("price") { Description = "Price for the quantity given by --per." };
        var per = new Option<string?>("--per") { Description = "The quantity the price is for: 100g, kg or lb.", HelpName = "100g|kg|lb" };
        var command = new Command("set", "Set a food's price (replaces an earlier one).") { foodId, price, per };
        command.Guarded(r => Checks.Report(r,
            !FoodId.TryParse(r.GetValue(foodId), out _) ? $"<food-id> must be {FoodId.Forms}, not '{r.GetValue(foodId)}'"
            : !double.TryParse(r.GetValue(price), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? $"<price> must be a number, not '{r.GetValue(price)}'"
            : Checks.In(p, "<price>", EntryLimits.PriceRange) is { } priceProblem ? priceProblem
            : FoodPrices.GramsPer(r.GetValue(per)) is null ? $"--per must be {string.Join(", ", FoodPrices.Quantities)}{(r.GetValue(per) is { } x ? $", not '{x}'" : " (required)")}"
            : null));
        command.SetAction(async (parse, ct) =>
        {
            var id = FoodId.Parse(parse.GetValue(foodId)!);
            var amount = double.Parse(parse.GetValue(price)!, NumberStyles.Float, CultureInfo.InvariantCulture);
            var unit = parse.GetValue(per)!;
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var food = await diary.FindEdibleAsync(FoodRef.Catalog(id), ct) ?? throw new UsageException(id.NotFound());
            var perGram = await diary.SetPriceAsync(id, amount, unit, ct);
            var r = new PriceResponse(id, food.Name, amount, unit, perGram);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);
            cli.Out.WriteLine($"{id} {food.Name}: {amount.ToString("0.00", CultureInfo.InvariantCulture)} per {unit}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}

/// <summary><c>magnesia prices list</c></summary>
internal static class PricesListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "The food prices you set.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var rows = new List<PriceResponse>();
            foreach (var p in await diary.PricesAsync(ct))
                rows.Add(new PriceResponse(p.FoodId, (await diary.FindEdibleAsync(FoodRef.Catalog(FoodId.Parse(p.FoodId)), ct))?.Name ?? "?", p.Price, p.Per, p.PricePerGram));
            if (parse.GetValue(g.Json))
                return cli.WriteJson(rows);
            foreach (var r in rows)
                cli.Out.WriteLine($"{r.FoodId} {r.Name}: {r.Price.ToString("0.00", CultureInfo.InvariantCulture)} per {r.Per}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
