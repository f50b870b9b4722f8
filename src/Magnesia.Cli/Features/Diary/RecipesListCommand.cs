using System.CommandLine;
using Magnesia.Data.Contracts;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia recipes list</c>: custom foods and recipes.</summary>
internal static class RecipesListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "Your custom foods and recipes.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var (customs, recipes) = await diary.OwnFoodsAsync(ct);
            var list = new OwnFoodsResponse(
                [.. customs.Select(c => new CustomFoodListItem(c.Id, c.Name, c.MagnesiumMgPer100g ?? 0, c.ServingGrams))],
                [.. recipes.Select(r => new RecipeListItem(r.Id, r.Name, r.Servings ?? 0, r.Ingredients ?? 0))]);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(list);
            foreach (var c in list.CustomFoods)
                cli.Out.WriteLine($"{c.Id}  {c.Name} ({Checks.Mg(c.MagnesiumMgPer100g)} mg Mg/100 g)");
            foreach (var r in list.Recipes)
                cli.Out.WriteLine($"{r.Id}  {r.Name} ({r.Servings:0.##} servings, {r.Ingredients} ingredients)");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
