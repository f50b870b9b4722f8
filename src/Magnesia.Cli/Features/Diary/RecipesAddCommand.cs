using System.CommandLine;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Intake;

namespace Magnesia.Cli.Features.Diary;

/// <summary><c>magnesia recipes add --name … --servings n --ingredient &lt;ndb|c1|words&gt;=GRAMS …</c></summary>
internal static class RecipesAddCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var name = new Option<string?>("--name") { Description = "Name (1–200 characters).", HelpName = "NAME" };
        var servings = CliOptions.Number("--servings", "Servings the recipe makes.");
        var ingredients = new Option<string[]>("--ingredient")
        {
            Description = "An ingredient as NDB number, custom food id or the food's name = grams, e.g. 11457=120 or \"pumpkin seeds=30\"; repeat for each.",
            HelpName = "FOOD=GRAMS",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("add", "Add a recipe; prints its id.") { name, servings, ingredients };
        command.Guarded(r =>
        {
            var n = r.GetValue(name);
            var list = r.GetValue(ingredients) ?? [];
            Checks.Report(r,
                string.IsNullOrWhiteSpace(n) || n.Length > EntryLimits.MaxNameLength ? "--name is required (1–200 characters)"
                : Checks.Name(n, "--name") is { } badName ? badName
                : r.GetValue(servings) is null ? "--servings is required"
                : Checks.In(r.GetValue(servings), "--servings", EntryLimits.ServingsRange)
                  ?? (list.Length == 0 ? "give at least one --ingredient FOOD=GRAMS" : null)
                  ?? list.Where(i => Parse(i) is null).Select(i => $"--ingredient '{i}' must be an NDB number, a custom food id or a food name, '=', and grams up to 5000 (e.g. 11457=120)").FirstOrDefault());
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var resolved = new List<RecipeIngredient>();
            foreach (var (food, grams) in parse.GetValue(ingredients)!.Select(i => Parse(i)!.Value))
            {
                var found = await diary.ResolveFoodAsync(food, ct);
                if (found is not { Food.Ref.Source: not FoodSource.Recipe } hit)
                    throw new UsageException($"--ingredient: no food {food}");
                resolved.Add(new RecipeIngredient(hit.Food.Ref, grams));
            }

            var id = await diary.AddRecipeAsync(parse.GetValue(name)!.Trim(), parse.GetValue(servings)!.Value, resolved, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new CreatedResponse(id));
            cli.Out.WriteLine(id);
            return MagnesiaCli.Ok;
        });
        return command;
    }

    /// <summary>"11457=120" or "pumpkin seeds=30": the food text and a plausible amount, or null.</summary>
    internal static (string Food, double Grams)? Parse(string text)
    {
        var cut = text.LastIndexOf('=');
        if (cut <= 0)
            return null;
        var food = text[..cut].Trim();
        var ok = double.TryParse(text[(cut + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var grams) && Amounts.Check(grams, out _) is not null;
        var reference = FoodRef.Parse(food);
        return ok && food.Length > 0 && reference is not { Source: FoodSource.Recipe } && (reference is not null || !food.All(char.IsAsciiDigit))
            ? (food, grams) : null;
    }
}
