using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Spectre.Console;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia recipes show &lt;r1&gt;</c></summary>
internal static class RecipesShowCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var recipe = new Argument<string>("recipe-id") { Description = "A recipe id such as r1." };
        var command = new Command("show", "A recipe's ingredients and one serving's nutrients.") { recipe };
        command.Validate(r => (
            FoodRef.Parse(r.GetValue(recipe)) is { Source: FoodSource.Recipe } ? null : $"<recipe-id> must look like r1, not '{r.GetValue(recipe)}'"));
        command.SetAction(async (parse, ct) =>
        {
            var id = FoodRef.Parse(parse.GetValue(recipe))!.Value.Id;
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var (r, lines, perServing) = await diary.GetRecipeAsync(id, ct) ?? throw new UsageException($"no recipe {id}");
            var response = RecipeResponse.From(r, lines, perServing);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(response);
            var table = new Table().Title(Terminal.Cell($"{r.Name} ({r.Id}) — {r.Servings:0.##} servings of {r.ServingGrams:0.#} g"))
                .AddColumns(new TableColumn("Food"), new TableColumn("Name"), new TableColumn("g").RightAligned(), new TableColumn("Mg mg").RightAligned());
            foreach (var l in response.Ingredients)
                table.AddRow(l.Food, Terminal.Cell(l.Name), l.Grams.ToString("0.#", CultureInfo.InvariantCulture), Checks.Mg(l.MagnesiumMg));
            cli.Console.Write(table);
            cli.Out.WriteLine($"Per serving: {Checks.Mg(response.PerServing.MagnesiumMg)} mg magnesium, {response.PerServing.EnergyKcal:0} kcal");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
