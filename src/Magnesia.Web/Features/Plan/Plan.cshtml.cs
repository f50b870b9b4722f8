using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Plan;

/// <summary>Plan: the food plan (add or swap), the supplement plan with its daily schedule, and the product comparison.</summary>
[Authorize]
public sealed class PlanModel(CurrentUser user, FoodCatalog catalog) : PageModel
{
    [BindProperty] public FoodPlanRequest Foods { get; set; } = new();
    [BindProperty] public SupplementPlanRequest Supplement { get; set; } = new();
    [BindProperty] public ProductRequest Product { get; set; } = new();

    public FoodPlanResponse? FoodPlan { get; private set; }
    public SupplementPlanResponse? SupplementPlan { get; private set; }
    public IReadOnlyList<ProductResponse> Products { get; private set; } = [];
    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        return ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostFoodsAsync(CancellationToken ct)
    {
        FoodPlan = await PlanAsync(nameof(Foods), Foods.From, Foods.To, async (profile, first, last) =>
            FoodPlanResponse.From(await user.Diary.PlanFoodsAsync(profile, Foods.ToQuery(first, last), catalog, ct)), ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct)
    {
        SupplementPlan = await PlanAsync(nameof(Supplement), Supplement.From, Supplement.To, async (profile, first, last) =>
            SupplementPlanResponse.From((await user.Diary.PlanSupplementAsync(profile, Supplement.ToQuery(first, last), ct)).Plan), ct);
        return await ShowAsync(ct);
    }

    // A plan from the posted form, or null with its problems beside the form's fields.
    private async Task<T?> PlanAsync<T>(string form, DateOnly? from, DateOnly? to, Func<Magnesia.Intake.DiaryProfile, DateOnly, DateOnly, Task<T>> plan, CancellationToken ct)
        where T : class
    {
        if (!ModelState.KeepOnly(form) || await user.Diary.GetProfileAsync(ct) is not { } profile)
            return null;
        var (first, last, problems) = DiaryApi.Window(from, to, user.Today);
        if (problems.Any)
        {
            problems.CopyTo(ModelState, form);
            return null;
        }

        try
        {
            return await plan(profile, first, last);
        }
        catch (DiaryInputException e)
        {
            ModelState.AddModelError($"{form}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}", e.Message);
            return null;
        }
    }

    public async Task<IActionResult> OnPostProductAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Product)))
        {
            var p = await user.Diary.AddProductAsync(Product.Name!.Trim(), Magnesia.References.SupplementForms.Find(Product.Form!)!, Product.ElementalMgPerUnit!.Value, Product.Units!.Value, Product.Price!.Value, ct);
            TempData["Message"] = $"Product {p.Id} added.";
            return Redirect("/plan#products");
        }

        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Redirect("/account");
        Products = [.. (await user.Diary.CompareProductsAsync(profile, null, user.Today, ct)).Select(x => ProductResponse.From(x.Product, x.UnitsPerDay))
            .OrderBy(r => r.CostPer100MgElemental)];
        Supplement.Medications ??= [];
        if (Supplement.Medications.Count == 0)
            Supplement.Medications.Add(new MedicationTimeRequest());
        return Page();
    }
}
