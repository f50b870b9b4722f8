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
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await user.Diary.FindEntryAsync(id, ct) is not { } e)
            return NotFound();
        Current = EntryResponse.From(e.Date, e.Item, e.Symptom);
        Entry.Kind = ContractNames.Parse<EntryKind>(Current.Kind); // the kind of an entry does not change
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
