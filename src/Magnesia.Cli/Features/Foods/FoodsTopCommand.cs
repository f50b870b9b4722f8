using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Spectre.Console;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods top [--per 100g|100kcal|portion] [--group G] [--limit N]</c></summary>
internal static class FoodsTopCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var per = new Option<NutrientBasis?>("--per")
        {
            Description = "100g (default), 100kcal or portion (the standard portion; with --all-foods the food's first household measure).",
            HelpName = "BASIS",
            CustomParser = r =>
            {
                var text = r.Tokens[^1].Value;
                if (NutrientBases.Parse(text) is { } b)
                    return b;
                r.AddError($"--per must be 100g, 100kcal or portion, not '{text}'");
                return null;
            },
        };
        var group = new Option<string?>("--group") { Description = "Food group: code (1100 or 11), name, or an unambiguous part of it (vegetables).", HelpName = "GROUP" };
        var limit = CliOptions.Whole("--limit", "Number of foods, 1–1000 (default 20).");
        var allFoods = new Option<bool>("--all-foods") { Description = "Rank every food of the catalogue, not only the common magnesium sources." };
        var command = new Command("top", "Richest magnesium sources among common foods, per 100 g, per 100 kcal or per standard portion.") { per, group, limit, allFoods };
        command.Validate(r => (
            r.GetValue(group) is { } gr && FoodGroups.Resolve(gr) is null ? $"--group '{gr}' matches no single food group; use a code such as 1100 or a name such as 'Nut and Seed Products'"
            : Checks.In(r.GetValue(limit), "--limit", ResultLimits.Top) is { } bad ? bad
            : null));
        command.SetAction(async (parse, ct) =>
        {
            var basis = parse.GetValue(per) ?? NutrientBasis.Per100Grams;
            var foodGroup = parse.GetValue(group) is { } name ? FoodGroups.Resolve(name) : null;
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var basisName = basis.Name();
            var top = (await store.LoadCatalogAsync(ct)).Top(basis, foodGroup, parse.GetValue(limit) ?? ResultLimits.DefaultTop, parse.GetValue(allFoods)).Select(r => FoodTopResponse.From(r, basisName)).ToList();
            if (parse.GetValue(g.Json))
                return cli.WriteJson(top);

            var title = $"Richest magnesium sources per {basisName}{(foodGroup is null ? "" : $" — {foodGroup.Name}")}";
            var table = new Table().Title(Terminal.Cell(title)).AddColumns(new TableColumn("NDB"), new TableColumn("Food"), new TableColumn($"Mg mg/{basisName}").RightAligned(), new TableColumn("Mg mg/100 g").RightAligned());
            if (basis == NutrientBasis.PerPortion)
                table.AddColumn("Portion");
            foreach (var t in top)
            {
                var row = new List<string> { t.FoodId, Terminal.Cell(t.Name), t.MagnesiumMg.ToString("0.#", CultureInfo.InvariantCulture), Checks.Mg(t.MagnesiumMgPer100g) };
                if (basis == NutrientBasis.PerPortion)
                    row.Add(Terminal.Cell($"{t.Portion} ({t.PortionGrams:0.##} g)"));
                table.AddRow([.. row]);
            }

            cli.Console.Write(table);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
