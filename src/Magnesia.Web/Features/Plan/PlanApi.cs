using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Plan;

/// <summary>
/// What to change: <c>POST /api/plans/foods</c>, <c>POST /api/plans/supplement</c>, the user's supplement products
/// and their comparison, food prices, and the medicines the schedule knows.
/// </summary>
internal static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/medications", () => TypedResults.Ok(Magnesia.Planning.Medications.All.Select(MedicationResponse.From).ToList()))
            .WithName("ListMedications").WithTags("Plan");
        var group = app.MapGroup("/api").WithTags("Plan").RequireAuthorization();
        group.MapPost("/plans/foods", PlanFoods).WithName("PlanFoods").WithSummary("The foods that close the magnesium gap: add or swap, in household portions.");
        group.MapPost("/plans/supplement", PlanSupplement).WithName("PlanSupplement").WithSummary("A supplement for the gap food leaves: dose, form, schedule around medicines.");
        group.MapGet("/products", ListProducts).WithName("ListProducts");
        group.MapPost("/products", AddProduct).WithIdempotency<ProductRequest>("products", ReplayProduct).WithName("AddProduct");
        group.MapGet("/products/compare", CompareProducts).WithName("CompareProducts").WithSummary("Cost per 100 mg and per month at the planned dose, cheapest first.");
        group.MapGet("/prices", ListPrices).WithName("ListPrices");
        group.MapPut("/prices/{foodId}", SetPrice).WithName("SetPrice");
        return app;
    }

    internal static Task<Results<Ok<FoodPlanResponse>, ValidationProblem, ProblemHttpResult>> PlanFoods(FoodPlanRequest request, CurrentUser user, FoodCatalog catalog, CancellationToken ct) =>
        PlanAsync(request.From, request.To, user, async (profile, first, last) =>
            FoodPlanResponse.From(await user.Diary.PlanFoodsAsync(profile, request.ToQuery(first, last), catalog, ct)), ct);

    internal static Task<Results<Ok<SupplementPlanResponse>, ValidationProblem, ProblemHttpResult>> PlanSupplement(SupplementPlanRequest request, CurrentUser user, CancellationToken ct) =>
        PlanAsync(request.From, request.To, user, async (profile, first, last) =>
            SupplementPlanResponse.From((await user.Diary.PlanSupplementAsync(profile, request.ToQuery(first, last), ct)).Plan), ct);

    // The window checked, the profile required, the diary's input problems as 400s naming their field.
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> PlanAsync<T>(
        DateOnly? from, DateOnly? to, CurrentUser user, Func<Magnesia.Intake.DiaryProfile, DateOnly, DateOnly, Task<T>> plan, CancellationToken ct)
    {
        var (first, last, problems) = DiaryApi.Window(from, to, user.Today);
        if (problems.Any)
            return Problems.From(problems);
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Problems.NoProfile();
        try
        {
            return TypedResults.Ok(await plan(profile, first, last));
        }
        catch (DiaryInputException e)
        {
            return Problems.From(e);
        }
    }

    internal static async Task<Ok<List<ProductResponse>>> ListProducts(CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await user.Diary.ProductsAsync(ct)).Select(p => ProductResponse.From(p)).ToList());

    internal static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddProduct(ProductRequest r, CurrentUser user, CancellationToken ct)
    {
        var p = await user.Diary.AddProductAsync(r.Name!.Trim(), Magnesia.References.SupplementForms.Find(r.Form!)!, r.ElementalMgPerUnit!.Value, r.Units!.Value, r.Price!.Value, ct);
        return TypedResults.Created($"/api/products/{p.Id}", ProductResponse.From(p));
    }

    // A retried AddProduct: the product its key created, as the first time.
    private static async Task<IResult> ReplayProduct(CurrentUser user, string createdId, CancellationToken ct) =>
        (await user.Diary.ProductsAsync(ct)).FirstOrDefault(x => x.Id == createdId) is { } p
            ? TypedResults.Created($"/api/products/{p.Id}", ProductResponse.From(p))
            : Problems.NotFound($"product {createdId}, created by this request, has since been deleted");

    internal static async Task<Results<Ok<List<ProductResponse>>, ValidationProblem, ProblemHttpResult>> CompareProducts(double? intakeMg, CurrentUser user, CancellationToken ct)
    {
        if (intakeMg is { } mg && Magnesia.Planning.PlanLimits.UsualIntakeMgRange.Check(mg) is { } bad)
            return Problems.Field("intakeMg", $"intakeMg {bad}.");
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Problems.NoProfile();
        return TypedResults.Ok((await user.Diary.CompareProductsAsync(profile, intakeMg, user.Today, ct))
            .Select(x => ProductResponse.From(x.Product, x.UnitsPerDay)).OrderBy(r => r.CostPer100MgElemental).ThenBy(r => r.Id, StringComparer.Ordinal).ToList());
    }

    internal static async Task<Ok<List<PriceResponse>>> ListPrices(CurrentUser user, FoodCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await user.Diary.PricesAsync(ct)).Select(p => new PriceResponse(p.FoodId, catalog.Find(p.FoodId)?.Name ?? "?", p.Price, p.Per, p.PricePerGram)).ToList());

    internal static async Task<Results<Ok<PriceResponse>, ValidationProblem>> SetPrice(string foodId, PriceRequest r, CurrentUser user, FoodCatalog catalog, CancellationToken ct)
    {
        if (FoodId.From(foodId) is not { } id)
            return Problems.Field("foodId", $"foodId must be {FoodId.Forms}, not '{foodId}'.");
        if (catalog.Find(id) is not { } food)
            return Problems.Field("foodId", id.NotFound() + ".");
        var perGram = await user.Diary.SetPriceAsync(id, r.Price!.Value, r.Per!, ct);
        return TypedResults.Ok(new PriceResponse(id, food.Name, r.Price.Value, r.Per!, perGram));
    }
}
