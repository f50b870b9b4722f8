using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Diary;

/// <summary>Today: find and log foods, supplements and symptoms; the day against EAR, RDA and the supplemental UL; edit and delete.</summary>
[Authorize]
public sealed class TodayModel(CurrentUser user, FoodCatalog catalog) : PageModel
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
        TempData["Message"] = await user.Diary.DeleteEntryAsync(id, ct) ? $"Entry {id} deleted." : $"No entry {id}.";
        return RedirectToPage(new { date = Date?.ToString("yyyy-MM-dd") });
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

    public static IEnumerable<SupplementForm> Forms => SupplementForms.All;

    public static IEnumerable<DeficiencySign> Signs => DeficiencySigns.All;
}
