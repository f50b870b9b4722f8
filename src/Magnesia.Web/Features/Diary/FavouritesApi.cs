using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Diary;

/// <summary>An amount to star a food in: a <c>portion</c> of the food (with <c>quantity</c>, default 1), or <c>grams</c>.</summary>
public sealed class FavouriteRequest
{
    /// <summary>A household portion of the food ("1 large"), or null with <see cref="Grams"/>.</summary>
    public string? Portion { get; set; }

    /// <summary>How many portions (default 1).</summary>
    public double? Quantity { get; set; }

    /// <summary>Grams, instead of a portion.</summary>
    public double? Grams { get; set; }
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
        if ((request.Grams is null) == (request.Portion is null))
            return Problems.Field("portion", "give a portion (with quantity) or grams, not both.");
        if (request.Grams is not null && request.Quantity is not null)
            return Problems.Field("quantity", "quantity goes with portion.");
        if (request.Quantity is { } q && EntryLimits.QuantityRange.Check(q) is { } bad)
            return Problems.Field("quantity", $"quantity {bad}.");
        var (unit, count) = request.Grams is { } g ? ("g", g) : (request.Portion!.Trim(), request.Quantity ?? 1);
        if (Amounts.ToGrams(unit, count, info.Portions, out var problem) is not { } grams)
            return Problems.Field(request.Grams is null ? "portion" : "grams", problem! + ".");
        await user.Diary.SetFavouriteAsync(food, new AmountEntered(unit, count), grams, ct);
        return TypedResults.Ok(FavouriteResponse.From((await user.Diary.FavouritesAsync(ct)).First(f => f.Ref == food)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(string foodId, CurrentUser user, CancellationToken ct) =>
        FoodRef.Parse(foodId) is { } food && await user.Diary.RemoveFavouriteAsync(food, ct) ? TypedResults.NoContent() : Problems.NotFound($"{foodId} is not one of your favourites");
}
