using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Diary;

/// <summary>Today: find and log foods, supplements and symptoms; the day against EAR, RDA and the supplemental UL; edit and delete.</summary>
[Authorize]
public sealed class TodayModel(CurrentUser user, FoodCatalog catalog, IDataProtectionProvider protection) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>A typed or scanned barcode to look up.</summary>
    [BindProperty(SupportsGet = true)] public string? Barcode { get; set; }

    /// <summary>Why the barcode found nothing.</summary>
    public string? BarcodeProblem { get; private set; }
    [BindProperty] public EntryRequest Entry { get; set; } = new();
    [BindProperty] public CustomFoodRequest Custom { get; set; } = new();

    /// <summary>The user's custom foods and recipes, to log by serving or grams.</summary>
    public IReadOnlyList<Magnesia.Data.Diary.OwnFood> OwnFoods { get; private set; } = [];

    /// <summary>What was eaten, in words: "2 eggs", "brown rice 1 cup".</summary>
    [BindProperty] public string? Sentence { get; set; }

    /// <summary>The food picked among the sentence's "did you mean" foods (a food id).</summary>
    [BindProperty] public string? Choice { get; set; }

    /// <summary>A "did you mean" button pressed: the food id it names (it wins over <see cref="Choice"/>).</summary>
    [BindProperty] public string? Pick { get; set; }

    /// <summary>Log an unlikely amount after all (the person said yes).</summary>
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>The sentence could not be logged: why.</summary>
    public string? SentenceProblem { get; private set; }

    /// <summary>The foods to pick from when the sentence's food was a guess, or to log another instead.</summary>
    public IReadOnlyList<Magnesia.Foods.NamedFood> DidYouMean { get; private set; } = [];

    /// <summary>Why the sentence's amount is unlikely: shown with "log anyway".</summary>
    public IReadOnlyList<PlausibilityWarning> Warnings { get; private set; } = [];

    /// <summary>The sentence's reading, when it asks for a choice or a yes.</summary>
    public Magnesia.Data.Diary.FoodEntryReading? Reading { get; private set; }

    /// <summary>Foods logged lately and most often, to log again in one press.</summary>
    public (IReadOnlyList<Magnesia.Data.Diary.UsualFood> Recent, IReadOnlyList<Magnesia.Data.Diary.UsualFood> Frequent) Usual { get; private set; } = ([], []);

    /// <summary>The foods the user starred, in their amounts, to log in one press.</summary>
    public IReadOnlyList<Magnesia.Data.Diary.FavouriteFood> Favourites { get; private set; } = [];

    /// <summary>True when the food is starred.</summary>
    public bool IsStarred(string? foodId) => foodId is not null && Favourites.Any(f => f.Ref.Id == foodId);

    /// <summary>The entry just deleted, sealed (data protection) for the "undo" button to post back; null when nothing was.</summary>
    public string? UndoToken { get; private set; }

    private IDataProtector Undoing => protection.CreateProtector("Magnesia.Today.Undo", user.Id ?? "");

    public DateOnly Day { get; private set; }
    public DayResponse? Report { get; private set; }
    public IReadOnlyList<FoodMatch> Hits { get; private set; } = [];
    public string? Message { get; private set; }
    public string? OpenForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (TempData["Message"] is string m)
            Message = m;
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostFoodAsync(CancellationToken ct) => SaveAsync(EntryKind.Food, ct);

    public Task<IActionResult> OnPostSupplementAsync(CancellationToken ct) => SaveAsync(EntryKind.Supplement, ct);

    public Task<IActionResult> OnPostSymptomAsync(CancellationToken ct) => SaveAsync(EntryKind.Symptom, ct);

    public async Task<IActionResult> OnPostCustomFoodAsync(CancellationToken ct)
    {
        OpenForm = "custom";
        if (ModelState.KeepOnly(nameof(Custom)))
        {
            var id = await user.Diary.AddCustomFoodAsync(Custom.Name!.Trim(), Custom.Per100g(), Custom.ServingGrams, ct);
            TempData["Message"] = $"Added {Custom.Name.Trim()} ({id}) to your foods.";
            return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        var name = await user.Diary.FindEntryAsync(id, ct) is { } e ? EntryResponse.From(e.Date, e.Item, e.Symptom).Name : null;
        if (await user.Diary.DeleteEntryKeepingAsync(id, ct) is { } deleted)
        {
            TempData[UndoKey] = System.Text.Json.JsonSerializer.Serialize(deleted);
            TempData["Message"] = $"Deleted {name}.";
        }
        else
        {
            TempData["Message"] = $"No entry {id}.";
        }

        return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
    }

    /// <summary>Puts back the entry just deleted (sealed for this user, so a posted token cannot forge another entry).</summary>
    public async Task<IActionResult> OnPostUndoAsync(string? token, CancellationToken ct)
    {
        Magnesia.Data.Diary.EntrySnapshot? deleted = null;
        try
        {
            deleted = token is null ? null : System.Text.Json.JsonSerializer.Deserialize<Magnesia.Data.Diary.EntrySnapshot>(Undoing.Unprotect(token));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Not a token this server sealed for this user: nothing to put back.
        }

        if (deleted is not null && DiaryDates.Check(deleted.Date, user.Today) is null)
        {
            await user.Diary.RestoreEntryAsync(deleted, ct);
            TempData["Message"] = "Put back.";
            return RedirectToPage(new { date = deleted.Date.ToString("yyyy-MM-dd") });
        }

        TempData["Message"] = "Nothing to put back.";
        return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
    }

    /// <summary>Stars an entry's food in the amount it was logged in.</summary>
    public async Task<IActionResult> OnPostStarAsync(long id, CancellationToken ct)
    {
        TempData["Message"] = await user.Diary.StarEntryAsync(id, ct) ? "Starred: it is now among your favourites, to log in one press." : $"No food entry {id}.";
        return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
    }

    /// <summary>Un-stars a food.</summary>
    public async Task<IActionResult> OnPostUnstarAsync(string? food, CancellationToken ct)
    {
        var removed = FoodRef.Parse(food ?? "") is { } r && await user.Diary.RemoveFavouriteAsync(r, ct);
        TempData["Message"] = removed ? "Removed from your favourites." : "That food is not among your favourites.";
        return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
    }

    private const string UndoKey = "Undo";

    /// <summary>Copies the foods and supplements of another day (or one meal of it) to this day.</summary>
    public async Task<IActionResult> OnPostCopyAsync(DateOnly from, Meal? copyMeal, CancellationToken ct)
    {
        var to = Date ?? user.Today;
        if ((DiaryDates.Check(from, user.Today) ?? DiaryDates.Check(to, user.Today)) is { } bad)
        {
            TempData["Message"] = $"Nothing copied: {bad}.";
        }
        else
        {
            var n = await user.Diary.CopyEntriesAsync(from, copyMeal, to, ct);
            var what = copyMeal is { } m ? $"{InputJson.EnumName(m)} of {from:d MMM}" : $"{from:d MMM}";
            TempData["Message"] = n == 0 ? $"Nothing to copy: no foods or supplements on {what}." : $"Copied {n} {(n == 1 ? "entry" : "entries")} from {what}.";
        }

        return RedirectToPage(new { date = to.ToString("yyyy-MM-dd") });
    }

    /// <summary>
    /// The sentence box: "2 eggs" read as the food and weight and logged; a guess asks for a choice among the nearest
    /// foods, an unlikely amount asks for a yes, and nothing is written until both are settled.
    /// </summary>
    public async Task<IActionResult> OnPostSentenceAsync(CancellationToken ct)
    {
        OpenForm = "sentence";
        // Only the meal of the Entry fields was posted: its binding error is the sentence's; the rest is checked below.
        var badMeal = ModelState.TryGetValue("Entry.Meal", out var m) && m.Errors.Count > 0;
        ModelState.Clear();
        if (badMeal)
        {
            SentenceProblem = $"Meal must be {InputJson.EnumNames<Meal>()}.";
            return await ShowAsync(ct);
        }

        var text = Sentence?.Trim() ?? "";
        if (text.Length == 0 || Foods.FoodsApi.MaxParseLength < text.Length || Magnesia.Foods.SearchText.Words(text).Count == 0)
        {
            SentenceProblem = text.Length == 0 ? "Say what you ate and how much, e.g. 2 eggs, 1 cup brown rice, 150 g chicken breast." : $"At most {Foods.FoodsApi.MaxParseLength} characters, with at least one word.";
            return await ShowAsync(ct);
        }

        if (Pick is { Length: > 0 })
            Choice = Pick;
        var chosen = Choice is { Length: > 0 } c ? FoodRef.Parse(c) : null;
        var reading = chosen is { } pick ? await user.Diary.ReadFoodEntryAsync(text, pick, ct) : await user.Diary.ReadFoodEntryAsync(text, ct);
        Reading = reading;
        if (reading.Problem is { } problem)
        {
            SentenceProblem = char.ToUpperInvariant(problem[0]) + problem[1..] + ".";
            DidYouMean = reading.Sentence is { } s ? [.. new[] { s.Food }.Concat(s.Alternatives).OfType<Magnesia.Foods.NamedFood>().Take(5)] : [];
            return await ShowAsync(ct);
        }

        var entered = reading.Amount!.Entered;
        var request = new EntryRequest { Kind = EntryKind.Food, Date = Date, Meal = Entry.Meal, Food = reading.Food!.Ref.Id, Portion = entered.Portion, Quantity = entered.Quantity };
        var (entry, problems, warnings) = await Entries.SaveAsync(request, user.Diary, user.Today, logUnlikely: Confirm, ct);
        if (entry is not null)
        {
            TempData["Message"] = $"Logged {entry.Name}, {entry.Grams:0.#} g ({reading.Amount.How}): {entry.MagnesiumMg:0.#} mg magnesium.";
            return RedirectToPage(new { date = entry.Date.ToString("yyyy-MM-dd") });
        }

        Warnings = warnings;
        if (problems.Any)
            SentenceProblem = string.Join(" ", problems.ToDictionary().Values.SelectMany(v => v));
        DidYouMean = reading.Sentence is { } alt ? [.. alt.Alternatives.Take(4)] : [];
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> SaveAsync(EntryKind kind, CancellationToken ct)
    {
        Entry.Kind = kind;
        Entry.Date ??= Date;
        OpenForm = InputJson.EnumName(kind);
        // Only this form's fields were posted: keep the binding errors of the Entry fields.
        if (ModelState.KeepOnly(nameof(Entry)))
        {
            var (entry, problems) = await Entries.SaveAsync(Entry, user.Diary, user.Today, ct);
            if (entry is not null)
            {
                TempData["Message"] = $"Logged {entry.Name}{(entry.Grams is { } g ? $", {g:0.#} g" : "")}{(entry.MagnesiumMg is { } mg ? $": {mg:0.#} mg magnesium" : "")}.";
                return RedirectToPage(new { date = entry.Date.ToString("yyyy-MM-dd") });
            }

            problems.CopyTo(ModelState, nameof(Entry));
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var profile = await user.Diary.GetProfileAsync(ct);
        if (profile is null)
        {
            TempData["Message"] = "Set up your profile first: your sex and age (or birth date) decide your targets.";
            return RedirectToPage("/Account/Index");
        }

        Day = Date is { } d && DiaryDates.Check(d, user.Today) is null ? d : user.Today;
        Report = DayResponse.From(await user.Diary.DayAsync(profile, Day, ct));
        Usual = await user.Diary.UsualFoodsAsync(user.Today, 6, ct);
        Favourites = await user.Diary.FavouritesAsync(ct);
        if (TempData[UndoKey] is string undo)
            UndoToken = Undoing.Protect(undo);
        var (customs, recipes) = await user.Diary.OwnFoodsAsync(ct);
        OwnFoods = [.. customs, .. recipes];
        if (!string.IsNullOrWhiteSpace(Barcode))
        {
            if (Magnesia.Foods.Gtin.Parse(Barcode, out var problem) is not { } gtin)
                BarcodeProblem = $"The barcode {problem}.";
            else if (catalog.FindByGtin(gtin) is { } food)
                Hits = [new FoodMatch(food, 0)];
            else
                BarcodeProblem = $"No food with barcode {gtin}.";
        }
        else if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= Foods.FoodsApi.MaxParseLength)
        {
            Hits = catalog.Search(Q, ResultLimits.DefaultSearch);
        }
        return Page();
    }

    /// <summary>"NDB 11457", "FDC 2000001": a chosen food's id in its dataset.</summary>
    public string ChosenLabel(string key) => catalog.Find(key)?.Origin.Label ?? key;

    /// <summary>The day's entries by meal (breakfast, lunch, dinner, snack, then foods with no meal, then supplements), each with its magnesium.</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<DayEntryResponse> Entries, double MagnesiumMg)> Meals()
    {
        var entries = Report?.Entries ?? [];
        string Title(DayEntryResponse e) => e.Kind == "supplement" ? "Supplements" : e.Meal is { } m ? char.ToUpperInvariant(m[0]) + m[1..] : "Other foods";
        var order = new[] { "Breakfast", "Lunch", "Dinner", "Snack", "Other foods", "Supplements" };
        return [.. entries.GroupBy(Title).OrderBy(g => Array.IndexOf(order, g.Key))
            .Select(g => (g.Key, (IReadOnlyList<DayEntryResponse>)[.. g], Math.Round(g.Sum(e => e.MagnesiumMg), 1)))];
    }

    public static IEnumerable<SupplementForm> Forms => SupplementForms.All;

    public static IEnumerable<DeficiencySign> Signs => DeficiencySigns.All;
}
