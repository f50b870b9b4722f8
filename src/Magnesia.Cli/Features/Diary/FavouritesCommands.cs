using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Cli.Features.Diary;

/// <summary>
/// <c>magnesia favourites add|list|remove|log</c>: starred foods in the amount they are eaten ("2 eggs"), to log in
/// one command. <c>add</c> reads a sentence as <c>log food</c> does and refuses what it would refuse.
/// </summary>
internal static class FavouritesCommands
{
    public static Command Create(CliContext cli, GlobalOptions g) =>
        new("favourites", "Starred foods in the amount you have them: add, list, remove, log.") { Add(cli, g), List(cli, g), Remove(cli, g), Log(cli, g) };

    private static Command Add(CliContext cli, GlobalOptions g)
    {
        var words = new Argument<string[]>("sentence") { Description = "The food and amount, as for `log food`: 2 eggs, 1 cup brown rice, 30 g 12061.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Star a food in an amount (starring it again replaces the amount).") { words };
        command.Guarded(r => Checks.Report(r, SearchText.Words(string.Join(' ', r.GetValue(words) ?? [])).Count == 0 ? "<sentence> is required: the food and how much, e.g. 2 eggs" : null));
        command.SetAction(async (parse, ct) =>
        {
            var text = string.Join(' ', parse.GetValue(words)!).Trim();
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var reading = await diary.ReadFoodEntryAsync(text, ct);
            if (reading.Problem is { } problem)
                throw new UsageException(problem);
            var starred = (await diary.SetFavouriteAsync(reading.Food!.Ref, reading.Amount!.Entered, reading.Amount.Grams, ct))!; // the food was just read
            if (parse.GetValue(g.Json))
                return cli.WriteJson(FavouriteResponse.From(starred));
            cli.Out.WriteLine($"starred {Line(starred)}");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    private static Command List(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "Your starred foods, the newest first.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var all = await diary.FavouritesAsync(ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(all.Select(FavouriteResponse.From).ToList());
            if (all.Count == 0)
                cli.Out.WriteLine("no favourites yet (star one: magnesia favourites add 2 eggs)");
            foreach (var f in all)
                cli.Out.WriteLine(Line(f));
            return MagnesiaCli.Ok;
        });
        return command;
    }

    private static Command Remove(CliContext cli, GlobalOptions g)
    {
        var food = FoodArgument();
        var command = new Command("remove", "Un-star a food.") { food };
        command.Guarded(r => Checks.Report(r, CheckFood(r.GetValue(food))));
        command.SetAction(async (parse, ct) =>
        {
            var id = FoodRef.Parse(parse.GetValue(food)!)!.Value;
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            if (!await diary.RemoveFavouriteAsync(id, ct))
                throw new UsageException($"{id.Id} is not one of your favourites (see `magnesia favourites list`)");
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new UnstarredResponse(id.Id));
            cli.Out.WriteLine($"un-starred {id.Id}");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    private static Command Log(CliContext cli, GlobalOptions g)
    {
        var food = FoodArgument();
        var date = CliOptions.Date("--date", "Day eaten, yyyy-mm-dd (default today).");
        var meal = CliOptions.Meal();
        var command = new Command("log", "Log a starred food in its starred amount.") { food, date, meal };
        command.Guarded(r => Checks.Report(r, CheckFood(r.GetValue(food))));
        command.SetAction(async (parse, ct) =>
        {
            var id = FoodRef.Parse(parse.GetValue(food)!)!.Value;
            var day = cli.Date(parse.GetValue(date));
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            await CliContext.RequireProfileOnAsync(diary, day, ct); // entries are read against the day's profile
            var starred = (await diary.FavouritesAsync(ct)).FirstOrDefault(f => f.Ref == id)
                ?? throw new UsageException($"{id.Id} is not one of your favourites (see `magnesia favourites list`)");
            var entryId = await diary.AddFoodAsync(day, parse.GetValue(meal), starred.Ref, starred.Grams, starred.Entered, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new LoggedFoodResponse(entryId, day, starred.Ref.Id, starred.Name, Math.Round(starred.Grams, 2), starred.Magnesium.Milligrams, null));
            cli.Out.WriteLine(entryId);
            cli.Error.WriteLine($"logged {Line(starred)} on {day:yyyy-MM-dd}");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    private static Argument<string> FoodArgument() => new("food-id") { Description = "The starred food's id, as `favourites list` shows it (01123, c1, r1, fdc:…)." };

    private static string? CheckFood(string? text) => FoodRef.Parse(text ?? "") is null ? $"<food-id> must be a food id ({FoodId.Forms}, c1 or r1), not '{text}'" : null;

    private static string Line(FavouriteFood f) =>
        $"{f.Ref.Id} {f.Name}: {f.Entered.Label} = {f.Grams:0.#} g, {Checks.Mg(f.Magnesium.Milligrams)} mg magnesium";
}
