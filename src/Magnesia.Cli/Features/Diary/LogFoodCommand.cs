using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Intake;

namespace Magnesia.Cli.Features.Diary;

/// <summary>
/// <c>magnesia log food &lt;ndb|c1|r1|words…&gt; (--grams n | --portion "…" [--quantity n] | --oz n | --lb n)</c>: an NDB
/// number, custom food id or recipe id means exactly that food; words log the best search hit, and the output names it.
/// Words with no amount option are a sentence: <c>magnesia log food 2 slices white bread</c> logs what
/// <c>foods parse</c> reads.
/// </summary>
internal static class LogFoodCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var food = new Argument<string[]>("food") { Description = "NDB number (11457), custom food id (c1), recipe id (r1), or the food in words (pumpkin seeds).", Arity = ArgumentArity.ZeroOrMore };
        var grams = CliOptions.Number("--grams", "Grams.", "G");
        var portion = new Option<string?>("--portion") { Description = "A household portion of the food (see `foods show`), \"serving\" for custom foods and recipes, or g, oz, lb.", HelpName = "PORTION" };
        var quantity = CliOptions.Number("--quantity", "How many portions (default 1).");
        var ounces = CliOptions.Number("--oz", "Ounces.", "OZ");
        var pounds = CliOptions.Number("--lb", "Pounds.", "LB");
        var date = CliOptions.Date("--date", "Day eaten, yyyy-mm-dd (default today).");
        var meal = CliOptions.Meal();
        var command = new Command("food", "Log a food by NDB number, custom food or recipe id, or by name.") { food, grams, portion, quantity, ounces, pounds, date, meal };
        command.Guarded(r =>
        {
            var text = string.Join(' ', r.GetValue(food) ?? []).Trim();
            var amounts = new[] { r.GetValue(grams) is not null, r.GetValue(portion) is not null, r.GetValue(ounces) is not null, r.GetValue(pounds) is not null }.Count(x => x);
            Checks.Report(r,
                text.Length == 0 || SearchText.Words(text).Count == 0 ? "<food> is required: an NDB number, a custom food id (c1), a recipe id (r1) or the food's name"
                : amounts == 0 && FoodRef.Parse(text) is not null ? "give exactly one amount: --grams, --portion (with --quantity), --oz or --lb"
                : amounts > 1 ? "give exactly one amount: --grams, --portion (with --quantity), --oz or --lb"
                : r.GetValue(quantity) is not null && r.GetValue(portion) is null ? "--quantity goes with --portion"
                : Checks.Positive(r.GetValue(grams), "--grams", Amounts.MaxEntryGrams)
                  ?? Checks.In(r.GetValue(quantity), "--quantity", EntryLimits.QuantityRange)
                  ?? Checks.Positive(r.GetValue(ounces), "--oz", Amounts.MaxEntryGrams / Amounts.GramsPerOunce)
                  ?? Checks.Positive(r.GetValue(pounds), "--lb", Amounts.MaxEntryGrams / Amounts.GramsPerPound)
                  ?? (r.GetValue(portion) is { } p && string.IsNullOrWhiteSpace(p) ? "--portion must not be empty" : null));
        });
        command.SetAction(async (parse, ct) =>
        {
            var day = cli.Date(parse.GetValue(date));
            var text = string.Join(' ', parse.GetValue(food)!).Trim();
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            await CliContext.RequireProfileOnAsync(diary, day, ct);
            if (parse.GetValue(grams) is null && parse.GetValue(portion) is null && parse.GetValue(ounces) is null && parse.GetValue(pounds) is null)
                return await LogSentenceAsync(cli, diary, text, day, parse.GetValue(meal), parse.GetValue(g.Json), ct);
            var resolved = await diary.ResolveFoodAsync(text, ct);
            if (resolved is { Matched.Weak: true }) // a guess by shared letters is never logged unasked
                throw new UsageException((await diary.ReadSentenceAsync(text, ct)).WeakProblem());
            var (info, matched) = resolved ?? throw new UsageException(FoodRef.Parse(text) switch
            {
                { Source: FoodSource.Catalog } r => FoodId.Parse(r.Id).NotFound(),
                { Source: FoodSource.Custom } r => $"no custom food {r.Id} (see `magnesia foods add`)",
                { } r => $"no recipe {r.Id} (see `magnesia recipes list`)",
                null => $"no food matches '{text}' (try `magnesia foods search {text}`)",
            });
            var (unit, count) = (parse.GetValue(grams), parse.GetValue(ounces), parse.GetValue(pounds)) switch
            {
                ({ } gr, _, _) => ("g", gr),
                (_, { } oz, _) => ("oz", oz),
                (_, _, { } lb) => ("lb", lb),
                _ => (parse.GetValue(portion)!.Trim(), parse.GetValue(quantity) ?? 1),
            };
            var amount = Amounts.ToGrams(unit, count, info.Portions, out var problem) ?? throw new UsageException(problem!);
            var id = await diary.AddFoodAsync(day, parse.GetValue(meal), info.Ref, amount, new AmountEntered(unit, count), ct);
            var mg = info.Per100g.Magnesium.Scale(amount / 100.0);
            if (parse.GetValue(g.Json))
            {
                return cli.WriteJson(new LoggedFoodResponse(id, day, info.Ref.Id, info.Name, Math.Round(amount, 2), mg.Milligrams,
                    matched is null ? null : new MatchedFoodResponse(matched.FoodId, matched.Name, text)));
            }

            cli.Out.WriteLine(id);
            cli.Error.WriteLine($"logged {amount:0.#} g {info.Name}{(matched is null ? "" : $" ({FoodId.From(info.Ref.Id)?.Label ?? info.Ref.Id}, best match for '{text}')")} on {day:yyyy-MM-dd}: {Checks.Mg(mg.Milligrams)} mg magnesium");
            return MagnesiaCli.Ok;
        });
        return command;
    }

    // "2 slices white bread": the food and the weight foods parse reads; exit 2 naming what is missing when either is.
    private static async Task<int> LogSentenceAsync(CliContext cli, Magnesia.Data.Diary.DiaryStore diary, string text, DateOnly day, Meal? meal, bool json, CancellationToken ct)
    {
        // "1 oz 12014": a food id among the words logs exactly that food (it once searched "12014" and logged a steak).
        var query = FoodQuery.Read(text);
        if (FoodRef.Parse(query.FoodWords.Trim()) is { } exact)
        {
            var named = await diary.FindEdibleAsync(exact, ct) ?? throw new UsageException(exact.Source == FoodSource.Catalog ? FoodId.Parse(exact.Id).NotFound() : $"no food {exact.Id}");
            var weighed = FoodSentence.Weigh(query, named.Name, named.Portions, out var why)
                ?? throw new UsageException(query.HasAmount ? why! : NoAmount(text));
            return await LogAsync(cli, diary, day, meal, named, weighed, null, json, ct);
        }

        var sentence = await diary.ReadSentenceAsync(text, ct);
        if (sentence.Weak)
            throw new UsageException(sentence.WeakProblem());
        if (sentence.Food is not { } food)
            throw new UsageException($"no food matches '{sentence.Query.FoodWords}' (try `magnesia foods search {sentence.Query.FoodWords}`)");
        if (sentence.Amount is not { } amount)
            throw new UsageException(sentence.Query.HasAmount ? sentence.Problem! : NoAmount(text));
        var foodId = FoodId.Parse(food.Id);
        var info = await diary.FindEdibleAsync(FoodRef.Catalog(foodId), ct) ?? throw new UsageException(foodId.NotFound());
        return await LogAsync(cli, diary, day, meal, info, amount, new MatchedFoodResponse(food.Id, food.Name, text), json, ct);
    }

    private static string NoAmount(string text) => $"no amount in '{text}': add one (2 slices, 200 g, a cup…) or give --grams, --portion, --oz or --lb";

    // Writes the entry and says what was logged: the id on stdout (or the JSON), the food, grams and magnesium on stderr.
    private static async Task<int> LogAsync(CliContext cli, Magnesia.Data.Diary.DiaryStore diary, DateOnly day, Meal? meal, Magnesia.Data.Diary.EdibleInfo info, AmountReading amount, MatchedFoodResponse? matched, bool json, CancellationToken ct)
    {
        var id = await diary.AddFoodAsync(day, meal, info.Ref, amount.Grams, amount.Entered, ct);
        var mg = info.Per100g.Magnesium.Scale(amount.Grams / 100.0);
        if (json)
            return cli.WriteJson(new LoggedFoodResponse(id, day, info.Ref.Id, info.Name, Math.Round(amount.Grams, 2), mg.Milligrams, matched));
        cli.Out.WriteLine(id);
        cli.Error.WriteLine($"logged {amount.Grams:0.#} g {info.Name} ({FoodId.From(info.Ref.Id)?.Label ?? info.Ref.Id}; {amount.How}) on {day:yyyy-MM-dd}: {Checks.Mg(mg.Milligrams)} mg magnesium");
        return MagnesiaCli.Ok;
    }
}
