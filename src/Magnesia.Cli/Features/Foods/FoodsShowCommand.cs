using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Spectre.Console;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods show &lt;ndb&gt;</c></summary>
internal static class FoodsShowCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var ndb = new Argument<string>("ndb") { Description = "NDB number, e.g. 11457 (leading zeros optional: 9040 = 09040)." };
        var command = new Command("show", "One food with its per-100 g values and household portions.") { ndb };
        command.Validate(r => ( FoodCatalog.NormalizeNdb(r.GetValue(ndb)) is null
            ? $"<ndb> must be an NDB number of up to 5 digits, not '{r.GetValue(ndb)}'" : null));
        command.SetAction(async (parse, ct) =>
        {
            var id = FoodCatalog.NormalizeNdb(parse.GetValue(ndb))!;
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var food = (await store.LoadCatalogAsync(ct)).Find(id) ?? throw new UsageException($"no food with NDB number {id}");
            var r = FoodResponse.From(food);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(r);

            var table = new Table().Title($"{Markup.Escape(r.Name)} (NDB {r.Ndb})").HideHeaders().AddColumns("", "");
            table.AddRow("Group", Markup.Escape($"{r.Group} ({r.GroupCode})"));
            if (r.CommonNames.Count > 0)
                table.AddRow("Common names", Markup.Escape(string.Join(", ", r.CommonNames)));
            if (r.Manufacturer is not null)
                table.AddRow("Manufacturer", Markup.Escape(r.Manufacturer));
            table.AddRow("Magnesium", $"{Checks.Mg(r.MagnesiumMgPer100g)} mg/100 g");
            table.AddRow("Magnesium density", r.MagnesiumMgPer100kcal is { } d ? $"{d:0.#} mg/100 kcal" : "–");
            table.AddRow("Calcium", $"{Checks.Mg(r.CalciumMgPer100g)} mg/100 g");
            table.AddRow("Potassium", $"{Checks.Mg(r.PotassiumMgPer100g)} mg/100 g");
            table.AddRow("Energy", r.EnergyKcalPer100g is { } e ? $"{e:0} kcal/100 g" : "–");
            foreach (var p in r.Portions)
                table.AddRow("Portion", Markup.Escape($"{p.Description} = {p.Grams:0.##} g → {Checks.Mg(p.MagnesiumMg)} mg magnesium"));
            cli.Console.Write(table);
            cli.Out.WriteLine($"Source: {r.Source}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
