using Magnesia.Data.Community;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Data.Importers;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;

namespace Magnesia.Web.Features.Account;

/// <summary>A line of a Cronometer export that was not logged, and why.</summary>
public sealed record UnmatchedServingResponse(int Line, string FoodName, string Amount, string Reason);

/// <summary>A line of a Cronometer export that was logged: the food the search engine chose and the grams.</summary>
public sealed record MatchedServingResponse(int Line, string FoodName, string FoodId, string Name, double Grams)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>What a Cronometer import did: rows logged, rows not matched (with why), and rows skipped because they record nothing eaten ("0 g").</summary>
public sealed record CronometerImportResponse(int Rows, int Imported, IReadOnlyList<MatchedServingResponse> Matched, IReadOnlyList<UnmatchedServingResponse> Unmatched, IReadOnlyList<UnmatchedServingResponse> Skipped);

/// <summary>Account-wide operations shared by the API and the Account page: Cronometer import and deleting everything.</summary>
internal static class AccountData
{
    /// <summary>
    /// Reads a Cronometer servings.csv, matches each food name and amount with the food search's sentence reader, and
    /// logs the matched rows in one transaction; the rows it could not match or weigh are listed, not logged.
    /// </summary>
    /// <exception cref="DiaryImportException">The file is not a servings.csv; nothing is written.</exception>
    public static async Task<CronometerImportResponse> ImportCronometerAsync(string csv, string fileName, CurrentUser user, FoodCatalog catalog, CancellationToken ct)
    {
        var rows = CronometerServings.Read(csv, fileName);
        var profile = await user.Diary.GetProfileAsync(ct) ?? throw new DiaryImportException("no profile yet: set your sex and age or birth date first");
        foreach (var r in rows)
        {
            if (DiaryDates.Check(r.Day, user.Today) is { } bad)
                throw new DiaryImportException($"{fileName}: line {r.Line}: field 'Day': {bad}");
            if (profile.BirthDate is { } birth && r.Day < birth)
                throw new DiaryImportException($"{fileName}: line {r.Line}: field 'Day': {r.Day:yyyy-MM-dd} is before the profile's birth date");
        }

        var matched = new List<MatchedServingResponse>();
        var unmatched = new List<UnmatchedServingResponse>();
        var skipped = new List<UnmatchedServingResponse>();
        var entries = new List<(DateOnly, Meal?, FoodRef, double, AmountEntered)>();
        // Exports repeat their foods day after day: each distinct amount and name is read once, and only its first
        // words (a name's specific part comes first in Cronometer), so no row costs more than a short search.
        var read = new Dictionary<string, FoodSentence>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var text = $"{r.Amount} {MatchedPart(r.FoodName)}";
            if (FoodQuery.Read(text).Quantity is 0)
            {
                // A zero amount is a food planned or cleared, not eaten: nothing to log (it was once logged as 1 g).
                skipped.Add(new(r.Line, r.FoodName, r.Amount, "a zero amount: nothing eaten, skipped"));
                continue;
            }

            if (!read.TryGetValue(text, out var sentence))
                read[text] = sentence = catalog.ReadSentence(text, alternatives: 0);
            if (sentence.Food is not { } food)
            {
                unmatched.Add(new(r.Line, r.FoodName, r.Amount, "no food matches the name"));
                continue;
            }

            if (sentence.Weak)
            {
                // Found only by shared letters ("<script>" read as a beef roast): a guess is listed, never logged.
                unmatched.Add(new(r.Line, r.FoodName, r.Amount, $"no food of that name; the nearest by spelling only is {food.Name} ({food.Id}), not logged"));
                continue;
            }

            if (sentence.Amount is not { } amount)
            {
                unmatched.Add(new(r.Line, r.FoodName, r.Amount, sentence.Problem ?? "the amount cannot be read"));
                continue;
            }

            var meal = r.Group?.ToLowerInvariant() switch
            {
                "breakfast" => Meal.Breakfast, "lunch" => Meal.Lunch, "dinner" => Meal.Dinner, "snacks" or "snack" => Meal.Snack, _ => (Meal?)null,
            };
            entries.Add((r.Day, meal, new FoodRef(FoodSource.Catalog, food.Id), amount.Grams, amount.Entered));
            matched.Add(new(r.Line, r.FoodName, food.Id, food.Name, Math.Round(amount.Grams, 2)));
        }

        var imported = entries.Count == 0 ? 0 : (await user.Diary.AddFoodsAsync(entries, ct)).Count;
        return new CronometerImportResponse(rows.Count, imported, matched, unmatched, skipped);
    }

    /// <summary>Most characters of a food name the matcher reads.</summary>
    public const int MatchedNameLength = 100;

    private static string MatchedPart(string name)
    {
        if (name.Length <= MatchedNameLength)
            return name;
        var cut = name.LastIndexOf(' ', MatchedNameLength);
        return name[..(cut > 0 ? cut : MatchedNameLength)];
    }

    /// <summary>Deletes the user's diary and comments; the caller then deletes the account itself.</summary>
    public static async Task DeleteDataAsync(CurrentUser user, Magnesia.Data.Store store, TimeProvider clock, CancellationToken ct)
    {
        await user.Diary.DeleteAllAsync(ct);
        await new CommentBoard(store, user.Id, false, clock).DeleteAllOwnAsync(ct);
    }
}
