using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Diary;

/// <summary>Edits one entry in place (same id): date, meal and amount of a food, dose of a supplement, severity and note of a symptom.</summary>
[Authorize]
public sealed class EditEntryModel(CurrentUser user) : PageModel
{
    [BindProperty] public EntryRequest Entry { get; set; } = new();

    public EntryResponse? Current { get; private set; }

    /// <summary>The food's household measures, to edit a food entry by portion ("1 large" × 2) as well as by grams.</summary>
    public IReadOnlyList<Magnesia.Foods.FoodPortion> Portions { get; private set; } = [];

    private async Task LoadPortionsAsync(CancellationToken ct)
    {
        if (Current is { Kind: "food", Food: { } food } && FoodRef.Parse(food) is { } reference && await user.Diary.FindEdibleAsync(reference, ct) is { } info)
            Portions = info.Portions;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await user.Diary.FindEntryAsync(id, ct) is not { } e)
            return NotFound();
        Current = EntryResponse.From(e.Date, e.Item, e.Symptom);
        Entry = new EntryRequest
        {
            Kind = ContractNames.Parse<EntryKind>(Current.Kind), Date = Current.Date, Meal = Current.Meal is { } meal ? ContractNames.Parse<Meal>(meal) : null, Food = Current.Kind == "food" ? Current.Food : null,
            Grams = Current.Kind == "food" ? Current.Grams : null, Form = Current.Kind == "supplement" ? Current.Food!.Replace("supplement:", "", StringComparison.Ordinal) : null,
            ElementalMg = Current.Kind == "supplement" ? Current.MagnesiumMg : null, CalciumMg = Current.Kind == "supplement" ? Current.CalciumMg : null,
            Sign = Current.Sign, Severity = Current.Severity, Note = Current.Note,
        };
        await LoadPortionsAsync(ct);
        if (Current.Kind == "food" && await user.Diary.EnteredAmountAsync(id, ct) is { } entered)
        {
            // As it was entered: "1 large" × 2 stays a count of eggs, grams stay grams (a unit the food no longer has reads as grams).
            var known = entered.Portion is "g" or "oz" or "lb" || Portions.Any(p => string.Equals(p.Description, entered.Portion, StringComparison.OrdinalIgnoreCase));
            Entry.Portion = known ? entered.Portion : "g";
            Entry.Quantity = known ? entered.Quantity : Current.Grams;
            Entry.Grams = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await user.Diary.FindEntryAsync(id, ct) is not { } e)
            return NotFound();
        Current = EntryResponse.From(e.Date, e.Item, e.Symptom);
        Entry.Kind = ContractNames.Parse<EntryKind>(Current.Kind); // the kind of an entry does not change
        await LoadPortionsAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var (saved, problems) = await Entries.SaveAsync(Entry, user.Diary, user.Today, ct, id);
        if (saved is null)
        {
            problems.CopyTo(ModelState, nameof(Entry));
            return Page();
        }

        TempData["Message"] = $"Entry {id} saved.";
        return Redirect($"/today?date={saved.Date:yyyy-MM-dd}");
    }
}
