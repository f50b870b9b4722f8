using System.ComponentModel.DataAnnotations;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Diary;

/// <summary>An amount to star a food in: a <c>portion</c> of the food (with <c>quantity</c>, default 1), or <c>grams</c>; the bounds of an entry's.</summary>
public sealed class FavouriteRequest : IValidatableObject
{
    /// <summary>A household portion of the food ("1 large"), "serving", or g, oz, lb; or null with <see cref="Grams"/>.</summary>
    [StringLength(EntryLimits.MaxPortionLength), NameText] public string? Portion { get; set; }

    /// <summary>How many portions (default 1).</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.QuantityRange))]
    public double? Quantity { get; set; }

    /// <summary>Grams, instead of a portion.</summary>
    [DomainRange(typeof(EntryLimits), nameof(EntryLimits.GramsRange))]
    public double? Grams { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Grams is null == Portion is null)
            yield return new("give a portion (with quantity) or grams, not both.", [nameof(Portion)]);
        else if (Quantity is not null && Portion is null)
            yield return new("quantity goes with portion.", [nameof(Quantity)]);
        else if (Portion is not null && string.IsNullOrWhiteSpace(Portion))
            yield return new("portion must not be empty.", [nameof(Portion)]);
    }
}

/// <summary>
/// Starred foods over HTTP: <c>GET /api/favourites</c> (the newest first), <c>PUT /api/favourites/{foodId}</c> (star, or
/// change the amount), <c>DELETE /api/favourites/{foodId}</c>. A food of another user is 400, as if it did not exist.
/// </summary>
internal static class FavouritesApi
{
    public static IEndpointRouteBuilder MapFavouritesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/favourites").WithTags("Diary").RequireAuthorization();
        group.MapGet("", List).WithName("ListFavourites").WithSummary("Starred foods in the amount they are logged in, the newest first.");
        group.MapPut("/{foodId}", Set).WithName("SetFavourite").WithSummary("Stars a food in an amount (a portion × quantity, or grams); starring it again replaces the amount.");
        group.MapDelete("/{foodId}", Remove).WithName("RemoveFavourite");
        return app;
    }

    internal static async Task<Ok<List<FavouriteResponse>>> List(CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await user.Diary.FavouritesAsync(ct)).Select(FavouriteResponse.From).ToList());

    internal static async Task<Results<Ok<FavouriteResponse>, ValidationProblem>> Set(string foodId, FavouriteRequest request, CurrentUser user, CancellationToken ct)
    {
        if (FoodRef.Parse(foodId) is not { } food || await user.Diary.FindEdibleAsync(food, ct) is not { } info)
            return Problems.Field("foodId", $"no food '{foodId}': give a food id as search shows it (01123, fdc:…, ifct:…), or a custom food or recipe of yours (c1, r1).");
        if (Entries.Weigh(request.Grams, request.Portion, request.Quantity, info, out var entered, out var problem) is not { } grams)
            return Problems.Field(request.Grams is null ? "portion" : "grams", problem! + ".");
        var starred = await user.Diary.SetFavouriteAsync(food, entered, grams, ct);
        return TypedResults.Ok(FavouriteResponse.From(starred!)); // the food was just found
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(string foodId, CurrentUser user, CancellationToken ct) =>
        FoodRef.Parse(foodId) is { } food && await user.Diary.RemoveFavouriteAsync(food, ct) ? TypedResults.NoContent() : Problems.NotFound($"{foodId} is not one of your favourites");
}
