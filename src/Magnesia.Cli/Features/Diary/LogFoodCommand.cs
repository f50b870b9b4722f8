using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
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
            var profile = await CliContext.RequireProfileOnAsync(diary, day, ct);
            if (parse.GetValue(grams) is null && parse.GetValue(portion) is null && parse.GetValue(ounces) is null && parse.GetValue(pounds) is null)
                return await LogSentenceAsync(cli, diary, profile, text, day, parse.GetValue(meal), parse.GetValue(g.Json), ct);
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
            var weight = Amounts.ToGrams(unit, count, info.Portions, out var problem) ?? throw new UsageException(problem!);
            var amount = new AmountReading(weight, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:0.###} {unit}"), new AmountEntered(unit, count));
            return await LogAsync(cli, diary, profile, day, parse.GetValue(meal), new FoodEntryReading(text, info, amount, null, null),
                matched is null ? null : new MatchedFoodResponse(matched.FoodId, matched.Name, text), parse.GetValue(g.Json), ct);
        });
        return command;
    }

    // "2 slices white bread", "1 oz 12014": the food and the weight the sentence reads; exit 2 naming what is missing.
    private static async Task<int> LogSentenceAsync(CliContext cli, DiaryStore diary, DiaryProfile profile, string text, DateOnly day, Meal? meal, bool json, CancellationToken ct)
    {
        var reading = await diary.ReadFoodEntryAsync(text, ct);
        if (reading.Problem is { } problem)
            throw new UsageException(reading.Food is not null && !FoodQuery.Read(text).HasAmount ? NoAmount(text)
                : reading.Food is null && reading.Sentence is { Weak: false, Food: null } ? $"{problem} (try `magnesia foods search {reading.Sentence.Query.FoodWords}`)"
                : problem);
        var matched = reading.Sentence?.Food is { } f ? new MatchedFoodResponse(f.Id, f.Name, text) : null;
        return await LogAsync(cli, diary, profile, day, meal, reading, matched, json, ct);
    }

    private static string NoAmount(string text) => $"no amount in '{text}': add one (2 slices, 200 g, a cup…) or give --grams, --portion, --oz or --lb";

    // Writes the entry and says what was logged: the id on stdout (or the JSON), the food, grams and magnesium on
    // stderr, and a warning line for an unlikely amount (logged all the same: exit 0).
    private static async Task<int> LogAsync(CliContext cli, DiaryStore diary, DiaryProfile profile, DateOnly day, Meal? meal, FoodEntryReading reading, MatchedFoodResponse? matched, bool json, CancellationToken ct)
    {
        var (info, amount) = (reading.Food!, reading.Amount!);
        var id = await diary.AddFoodAsync(day, meal, info.Ref, amount.Grams, amount.Entered, ct);
        var mg = reading.Magnesium;
        var warnings = DiaryStore.Plausibility(reading, profile, day);
        foreach (var w in warnings)
            cli.Error.WriteLine($"warning: {w.Message}");
        if (json)
            return cli.WriteJson(new LoggedFoodResponse(id, day, info.Ref.Id, info.Name, Math.Round(amount.Grams, 2), mg.Milligrams, matched) { Warnings = [.. warnings.Select(w => w.Message)] });
        cli.Out.WriteLine(id);
        cli.Error.WriteLine($"logged {amount.Grams:0.#} g {info.Name} ({FoodId.From(info.Ref.Id)?.Label ?? info.Ref.Id}{(matched is null ? "" : $", best match for '{matched.Query}'")}; {amount.How}) on {day:yyyy-MM-dd}: {Checks.Mg(mg.Milligrams)} mg magnesium");
        return MagnesiaCli.Ok;
    }
}
