using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Spectre.Console;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods show &lt;ndb&gt;</c>: one food, its values, portions and provenance.</summary>
internal static class FoodsShowCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var foodId = new Argument<string>("food-id") { Description = "The food's id: an NDB number (11457; 9040 = 09040), fdc:<FDC id> or ifct:<code>, as search shows it." };
        var command = new Command("show", "One food with its per-100 g values, household portions and where its values come from.") { foodId };
        command.Validate(r => !FoodId.TryParse(r.GetValue(foodId), out _)
            ? $"<food-id> must be {FoodId.Forms}, not '{r.GetValue(foodId)}'" : null);
        command.SetAction(async (parse, ct) =>
        {
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            return await ShowAsync(cli, g, parse, store, FoodId.Parse(parse.GetValue(foodId)!), ct);
        });
        return command;
    }

    /// <summary>Prints one food (shared with <c>foods barcode</c>).</summary>
    public static async Task<int> ShowAsync(CliContext cli, GlobalOptions g, ParseResult parse, Data.Store store, FoodId id, CancellationToken ct)
    {
        var food = (await store.LoadCatalogAsync(ct)).Find(id) ?? throw new UsageException(id.NotFound());
        var r = FoodResponse.From(food);
        if (parse.GetValue(g.Json))
            return cli.WriteJson(r);

        var p = r.Provenance;
        var table = new Table().Title($"{Terminal.Cell(r.Name)} ({Terminal.Cell(p.IdLabel)} {Terminal.Cell(p.SourceId)})").HideHeaders().AddColumns("", "");
        table.AddRow("Food id", Terminal.Cell(r.FoodId));
        table.AddRow("Group", Terminal.Cell($"{r.Group} ({r.GroupCode})"));
        if (r.CommonNames.Count > 0)
            table.AddRow("Common names", Terminal.Cell(string.Join(", ", r.CommonNames)));
        if (p.BrandOwner is not null || r.Manufacturer is not null)
            table.AddRow("Brand", Terminal.Cell(p.BrandName is { } b ? $"{b} ({p.BrandOwner})" : p.BrandOwner ?? r.Manufacturer!));
        if (p.Gtin is not null)
            table.AddRow("Barcode (GTIN)", p.Gtin);
        table.AddRow("Magnesium", $"{Checks.Mg(r.MagnesiumMgPer100g)} mg/100 g");
        table.AddRow("Magnesium density", r.MagnesiumMgPer100kcal is { } d ? $"{d:0.#} mg/100 kcal" : "–");
        table.AddRow("Calcium", $"{Checks.Mg(r.CalciumMgPer100g)} mg/100 g");
        table.AddRow("Potassium", $"{Checks.Mg(r.PotassiumMgPer100g)} mg/100 g");
        table.AddRow("Energy", r.EnergyKcalPer100g is { } e ? $"{e:0} kcal/100 g" : "–");
        foreach (var portion in r.Portions)
            table.AddRow("Portion", Terminal.Cell($"{portion.Description} = {portion.Grams:0.##} g → {Checks.Mg(portion.MagnesiumMg)} mg magnesium"));
        table.AddRow("Source", Terminal.Cell($"{p.Name}{(p.Release is { } rel ? $", release {rel}" : string.Empty)}{(p.Retired ? " (retired: a newer release replaced it)" : string.Empty)}"));
        cli.Console.Write(table);
        cli.Out.WriteLine($"Source: {r.Citation}");
        if (p.Dataset != FoodDatasets.Sr28.Id)
            cli.Out.WriteLine($"Terms: {p.Terms}");
        return MagnesiaCli.Ok;
    }
}
