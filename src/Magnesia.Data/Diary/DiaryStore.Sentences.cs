using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;

namespace Magnesia.Data.Diary;

/// <summary>A typed sentence read as a food entry: the food and weight to log, or why it cannot be logged.</summary>
/// <param name="Text">What was typed.</param>
/// <param name="Food">The food to log; null when none was found (or only a guess by spelling).</param>
/// <param name="Amount">Its weight; null when the amount is missing or cannot be weighed for the food.</param>
/// <param name="Sentence">The search's reading when the words were searched (null for a food id): its alternatives, and whether it was weak.</param>
/// <param name="Problem">Why nothing can be logged; null when <paramref name="Food"/> and <paramref name="Amount"/> are both known.</param>
public sealed record FoodEntryReading(string Text, EdibleInfo? Food, AmountReading? Amount, FoodSentence? Sentence, string? Problem)
{
    /// <summary>The magnesium the entry will add.</summary>
    public Units.Mass Magnesium => Food is { } f && Amount is { } a ? f.Per100g.Magnesium.Scale(a.Grams / 100.0) : Units.Mass.Zero;
}

/// <summary>What one line of a batch logged, or why it could not.</summary>
/// <param name="Line">The line read.</param>
/// <param name="Date">The day it is logged on.</param>
/// <param name="Meal">The meal.</param>
/// <param name="Reading">The food and weight.</param>
/// <param name="Problem">Why the line cannot be logged (then nothing of the batch is); null when it can.</param>
/// <param name="Warnings">Why the amount is unlikely (logged all the same).</param>
/// <param name="EntryId">The entry written; null when the batch was not logged.</param>
public sealed record BatchLineResult(BatchLine Line, DateOnly Date, Meal? Meal, FoodEntryReading? Reading, string? Problem, IReadOnlyList<PlausibilityWarning> Warnings, long? EntryId);

/// <summary>A batch of food sentences: every line's result, and whether they were logged (all, or none).</summary>
/// <param name="Lines">Each line read, in input order, unreadable lines included.</param>
/// <param name="Logged">Whether every line was written; false: none was.</param>
public sealed record BatchReport(IReadOnlyList<BatchLineResult> Lines, bool Logged)
{
    /// <summary>The lines that stopped the batch.</summary>
    public IEnumerable<BatchLineResult> Problems => Lines.Where(l => l.Problem is not null);
}

public sealed partial class DiaryStore
{
    /// <summary>
    /// Reads "2 eggs", "1 cup brown rice" or "30 g 12061" as the food and weight an entry would log. A food id among the
    /// words (NDB, fdc:, ifct:, c1, r1) means exactly that food; other words are searched, and a weak match (letters
    /// only) is a problem naming the nearest foods, never a food to log.
    /// </summary>
    public async Task<FoodEntryReading> ReadFoodEntryAsync(string text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (await ReadFoodEntriesAsync([text], ct))[0];
    }

    /// <summary>
    /// As <see cref="ReadFoodEntryAsync(string, CancellationToken)"/> for many sentences, in order: the searches share one
    /// connection and the foods found are resolved in one read (a batch of 1,000 lines costs a few queries, not thousands).
    /// </summary>
    public async Task<IReadOnlyList<FoodEntryReading>> ReadFoodEntriesAsync(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var queries = texts.Select(FoodQuery.Read).ToList();
        var exact = queries.Select(q => FoodRef.Parse(q.FoodWords.Trim())).ToList();
        var searched = Enumerable.Range(0, texts.Count).Where(i => exact[i] is null).ToList();
        var sentences = new FoodSentence?[texts.Count];
        if (searched.Count > 0)
        {
            var read = await (_store ?? throw new InvalidOperationException("reading sentences needs an opened store")).ReadSentencesAsync([.. searched.Select(i => texts[i])], ct: ct);
            for (var k = 0; k < searched.Count; k++)
                sentences[searched[k]] = read[k];
        }

        var refs = exact.OfType<FoodRef>().Select(r => r.Id)
            .Concat(sentences.Where(s => s is { Weak: false, Food: not null }).Select(s => s!.Food!.Id)).Distinct().ToList();
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, refs, ct, withPortions: true, _store?.Catalog), ct);
        var readings = new List<FoodEntryReading>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (exact[i] is { } id)
            {
                readings.Add(ForFood(text, queries[i], id, resolver.Find(id)));
                continue;
            }

            var sentence = sentences[i]!;
            readings.Add(sentence switch
            {
                { Weak: true } => new(text, null, null, sentence, sentence.WeakProblem()),
                { Food: null } => new(text, null, null, sentence, $"no food matches '{sentence.Query.FoodWords}'"),
                { Food: { } food } when resolver.Find(FoodRef.Catalog(FoodId.Parse(food.Id))) is { } info =>
                    new(text, info, sentence.Amount, sentence, sentence.Amount is null ? sentence.Problem : null),
                { Food: { } food } => new(text, null, null, sentence, FoodId.Parse(food.Id).NotFound()),
            });
        }

        return readings;
    }

    /// <summary>
    /// Reads the amount of <paramref name="text"/> for a food the person chose (a "did you mean" picked, or a food id):
    /// the food words are not searched again. The search's other foods, when it is asked for them, stay alternatives.
    /// </summary>
    public async Task<FoodEntryReading> ReadFoodEntryAsync(string text, FoodRef chosen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ForFood(text, FoodQuery.Read(text), chosen, await FindEdibleAsync(chosen, ct));
    }

    // A sentence's amount weighed for a food named by id (typed among the words, or picked): its reading, or why not.
    private static FoodEntryReading ForFood(string text, FoodQuery query, FoodRef food, EdibleInfo? info)
    {
        if (info is null)
        {
            return new(text, null, null, null, food.Source switch
            {
                FoodSource.Catalog => FoodId.Parse(food.Id).NotFound(),
                FoodSource.Custom => $"no custom food {food.Id}",
                _ => $"no recipe {food.Id}",
            });
        }

        var amount = FoodSentence.Weigh(query, info.Name, info.Portions, out var problem);
        return new(text, info, amount, null, amount is null ? problem : null);
    }

    /// <summary>
    /// The warnings for logging <paramref name="reading"/> on <paramref name="day"/> (see <see cref="EntryPlausibility"/>):
    /// against the RDA of the profile's life stage that day.
    /// </summary>
    public static IReadOnlyList<PlausibilityWarning> Plausibility(FoodEntryReading reading, DiaryProfile profile, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(profile);
        return reading is { Food: { } food, Amount: { } amount }
            ? EntryPlausibility.Check(amount.Grams, reading.Magnesium, amount.Entered, food.Portions, MagnesiumDris.For(profile.LifeStageOn(day)))
            : [];
    }

    /// <summary>
    /// Reads every line of a batch (see <see cref="BatchLines"/>) and logs them all in one transaction, or none when any
    /// line has a problem (an unreadable prefix, a day out of range, no food, a guess, no amount). Lines without a day or
    /// meal take <paramref name="date"/> and <paramref name="meal"/>. Needs a profile (the caller checks there is one).
    /// </summary>
    public async Task<BatchReport> LogBatchAsync(string text, DateOnly date, Meal? meal, DateOnly today, DiaryProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(profile);
        var (lines, unreadable) = BatchLines.Read(text);
        var results = unreadable.Select(p => new BatchLineResult(new BatchLine(p.Number, null, null, p.Text), date, meal, null, p.Message, [], null)).ToList();
        // Diaries repeat themselves ("1 cup coffee" every morning): each distinct sentence is read once.
        var distinct = lines.Select(l => l.Sentence).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var readings = (await ReadFoodEntriesAsync(distinct, ct)).ToDictionary(r => r.Text, StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var day = line.Date ?? date;
            var reading = readings[line.Sentence];
            var problem = DiaryDates.Check(day, today) is { } bad ? $"date: {bad}"
                : profile.BirthDate is { } birth && day < birth ? $"{day:yyyy-MM-dd} is before the profile's birth date {birth:yyyy-MM-dd}"
                : reading.Problem;
            results.Add(new(line, day, line.Meal ?? meal, reading, problem, problem is null ? Plausibility(reading, profile, day) : [], null));
        }

        results.Sort((a, b) => a.Line.Number.CompareTo(b.Line.Number));
        if (results.Count == 0 || results.Any(r => r.Problem is not null))
            return new BatchReport(results, false);
        var ids = await AddFoodsAsync([.. results.Select(r => (r.Date, r.Meal, r.Reading!.Food!.Ref, r.Reading.Amount!.Grams, r.Reading.Amount.Entered))], ct);
        return new BatchReport([.. results.Select((r, i) => r with { EntryId = ids[i] })], true);
    }
}
