using System.ComponentModel.DataAnnotations;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Units;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Diary;

/// <summary>A custom food from a label (<c>magnesia foods add</c>): values per 100 g, or per serving with <c>servingGrams</c>.</summary>
public sealed class CustomFoodRequest : IValidatableObject
{
    /// <summary>Name (1–200 characters).</summary>
    [Required, StringLength(EntryLimits.MaxNameLength, MinimumLength = 1), NameText] public string? Name { get; set; }

    /// <summary>The label's serving size; the values are then per serving.</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.GramsRange))] public double? ServingGrams { get; set; }

    /// <summary>Magnesium, mg.</summary>
    [Required] public double? MagnesiumMg { get; set; }

    /// <summary>Calcium, mg.</summary>
    public double? CalciumMg { get; set; }

    /// <summary>Potassium, mg.</summary>
    public double? PotassiumMg { get; set; }

    /// <summary>Energy, kcal.</summary>
    public double? EnergyKcal { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The domain's plausibility bounds (EntryLimits): no more of a mineral than the basis weight, 9.5 kcal per gram.
        var basis = ServingGrams ?? 100;
        var mineral = EntryLimits.CustomMineralMgRange(basis);
        foreach (var (field, value, range) in new[] { (nameof(MagnesiumMg), MagnesiumMg, mineral), (nameof(CalciumMg), CalciumMg, mineral), (nameof(PotassiumMg), PotassiumMg, mineral), (nameof(EnergyKcal), EnergyKcal, EntryLimits.CustomEnergyKcalRange(basis)) })
        {
            if (value is { } v && range.Check(v) is { } problem)
                yield return new($"{MetabolicNames.Camel(field)} {problem}.", [field]);
        }

    }

    /// <summary>Nutrients per 100 g (after validation).</summary>
    public Nutrients Per100g()
    {
        var factor = 100.0 / (ServingGrams ?? 100);
        return new Nutrients(Mass.FromMilligrams(MagnesiumMg!.Value * factor), Mass.FromMilligrams((CalciumMg ?? 0) * factor),
            Mass.FromMilligrams((PotassiumMg ?? 0) * factor), (EnergyKcal ?? 0) * factor);
    }
}

/// <summary>One ingredient: an NDB number or a custom food id, and grams.</summary>
public sealed class IngredientRequest
{
    /// <summary>NDB number or custom food id (c1).</summary>
    [Required, StringLength(24)] public string? Food { get; set; }

    /// <summary>Grams.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.GramsRange))] public double? Grams { get; set; }
}

/// <summary>A recipe (<c>magnesia recipes add</c>).</summary>
public sealed class RecipeRequest
{
    /// <summary>Name (1–200 characters).</summary>
    [Required, StringLength(EntryLimits.MaxNameLength, MinimumLength = 1), NameText] public string? Name { get; set; }

    /// <summary>Servings the recipe makes.</summary>
    [Required, DomainRange(typeof(EntryLimits), nameof(EntryLimits.ServingsRange))] public double? Servings { get; set; }

    /// <summary>At least one ingredient.</summary>
    [Required, MinLength(1, ErrorMessage = "give at least one ingredient."), MaxLength(200)] public List<IngredientRequest>? Ingredients { get; set; }
}

/// <summary>Custom foods and recipes: <c>GET</c>/<c>POST /api/foods/custom</c>, <c>POST /api/recipes</c>, <c>GET /api/recipes/{id}</c>.</summary>
internal static class OwnFoodsApi
{
    public static IEndpointRouteBuilder MapOwnFoodsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Diary").RequireAuthorization();
        group.MapGet("/foods/custom", List).WithName("ListOwnFoods").WithSummary("Your custom foods and recipes.");
        group.MapPost("/foods/custom", AddCustomFood).WithIdempotency<CustomFoodRequest>("custom-foods", ReplayCustomFood).WithName("AddCustomFood");
        group.MapPost("/recipes", AddRecipe).WithIdempotency<RecipeRequest>("recipes", ReplayRecipe).WithName("AddRecipe");
        group.MapGet("/recipes/{id}", GetRecipe).WithName("GetRecipe").WithSummary("A recipe's ingredients and one serving's nutrients.");
        return app;
    }

    internal static async Task<Ok<OwnFoodsResponse>> List(CurrentUser user, CancellationToken ct)
    {
        var (customs, recipes) = await user.Diary.OwnFoodsAsync(ct);
        return TypedResults.Ok(new OwnFoodsResponse(
            [.. customs.Select(c => new CustomFoodListItem(c.Id, c.Name, c.MagnesiumMgPer100g ?? 0, c.ServingGrams))],
            [.. recipes.Select(r => new RecipeListItem(r.Id, r.Name, r.Servings ?? 0, r.Ingredients ?? 0))]));
    }

    internal static async Task<Results<Created<CustomFoodCreatedResponse>, ValidationProblem, ProblemHttpResult>> AddCustomFood(CustomFoodRequest r, CurrentUser user, CancellationToken ct)
    {
        var per100g = r.Per100g();
        var id = await user.Diary.AddCustomFoodAsync(r.Name!.Trim(), per100g, r.ServingGrams, ct);
        return TypedResults.Created($"/api/foods/custom", new CustomFoodCreatedResponse(id, r.Name!.Trim(), per100g.Magnesium.Milligrams, r.ServingGrams));
    }

    // A retried AddCustomFood: the food its key created, as the first time.
    private static async Task<IResult> ReplayCustomFood(CurrentUser user, string createdId, CancellationToken ct) =>
        (await user.Diary.OwnFoodsAsync(ct)).CustomFoods.FirstOrDefault(c => c.Id == createdId) is { } c
            ? TypedResults.Created($"/api/foods/custom", new CustomFoodCreatedResponse(c.Id, c.Name, c.MagnesiumMgPer100g ?? 0, c.ServingGrams))
            : Problems.NotFound($"custom food {createdId}, created by this request, has since been deleted");

    // A retried AddRecipe: the recipe its key created, as the first time.
    private static Task<IResult> ReplayRecipe(CurrentUser user, string createdId, CancellationToken ct) =>
        Task.FromResult<IResult>(TypedResults.Created($"/api/recipes/{createdId}", new CreatedResponse(createdId)));

    internal static async Task<Results<Created<CreatedResponse>, ValidationProblem, ProblemHttpResult>> AddRecipe(RecipeRequest r, CurrentUser user, CancellationToken ct)
    {
        var ingredients = new List<RecipeIngredient>();
        var problems = new ProblemFields();
        foreach (var (ingredient, i) in r.Ingredients!.Select((x, i) => (x, i)))
        {
            if (FoodRef.Parse(ingredient.Food) is not { Source: not FoodSource.Recipe } reference || await user.Diary.FindEdibleAsync(reference, ct) is null)
                problems.Add($"ingredients[{i}].food", $"'{ingredient.Food}' is not a food id ({Magnesia.Foods.FoodId.Forms}) or one of your custom foods.");
            else
                ingredients.Add(new RecipeIngredient(reference, ingredient.Grams!.Value));
        }

        if (problems.Any)
            return Problems.From(problems);
        var id = await user.Diary.AddRecipeAsync(r.Name!.Trim(), r.Servings!.Value, ingredients, ct);
        return TypedResults.Created($"/api/recipes/{id}", new CreatedResponse(id));
    }

    internal static async Task<Results<Ok<RecipeResponse>, ProblemHttpResult>> GetRecipe(string id, CurrentUser user, CancellationToken ct) =>
        FoodRef.Parse(id) is { Source: FoodSource.Recipe } && await user.Diary.GetRecipeAsync(id, ct) is { } found
            ? TypedResults.Ok(RecipeResponse.From(found.Recipe, found.Lines, found.PerServing))
            : Problems.NotFound($"no recipe {id}");
}

file static class MetabolicNames
{
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
