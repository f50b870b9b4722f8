using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Foods;

/// <summary>GET /api/foods (search), /api/foods/parse, /api/foods/top and /api/foods/{ndb}.</summary>
internal static class FoodsApi
{
    public const int MaxParseLength = 200;

    public static IEndpointRouteBuilder MapFoodsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/foods").WithTags("Foods");
        group.MapGet("", Search).WithName("SearchFoods").WithSummary("Typo-tolerant ranked food search, best first.");
        group.MapGet("/parse", Parse).WithName("ParseFood").WithSummary("Reads a sentence (\"2 slices white bread\") as a food, its weight in grams and its magnesium; food=<id> weighs it for a food chosen among the alternatives.");
        group.MapGet("/top", Top).WithName("TopFoods").WithSummary("Richest magnesium sources per 100 g, 100 kcal or portion.");
        group.MapGet("/barcode/{gtin}", Barcode).WithName("FoodByBarcode").WithSummary("The branded food with this barcode (GTIN/UPC, check digit validated).");
        group.MapGet("/sources", Sources).WithName("FoodSources").WithSummary("The food datasets in the store with citations and terms, and the import log.");
        group.MapGet("/{foodId}", Show).WithName("GetFood").WithSummary("One food by id: an NDB number, fdc:<FDC id> or ifct:<code>.");
        return app;
    }

    internal static Results<Ok<List<FoodHitResponse>>, ValidationProblem> Search(string? q, int? limit, FoodCatalog catalog)
    {
        var problems = new ProblemFields();
        if (string.IsNullOrWhiteSpace(q) || SearchText.Words(q).Count == 0)
            problems.Add("q", "q is required and must contain at least one word.");
        if (limit is { } n && ResultLimits.Search.Check(n) is { } bad)
            problems.Add("limit", $"limit {bad}.");
        if (problems.Any)
            return TypedResults.ValidationProblem(problems.ToDictionary());
        return TypedResults.Ok(catalog.Search(q!, limit ?? ResultLimits.DefaultSearch).Select(FoodHitResponse.From).ToList());
    }

    internal static Results<Ok<FoodParseResponse>, ValidationProblem> Parse(string? text, string? food, FoodCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(text) || SearchText.Words(text).Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["text is required and must contain at least one word."] });
        if (text.Length > MaxParseLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"text must be at most {MaxParseLength} characters."] });
        Food? chosen = null;
        if (food is not null && (FoodId.From(food) is not { } id || (chosen = catalog.Find(id)) is null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["food"] = [FoodId.From(food) is { } known ? known.NotFound() + "." : $"food must be {FoodId.Forms}, not '{food}'."] });
        var sentence = Read(catalog, text.Trim(), chosen);
        var mg = sentence.Food is { } f ? catalog.Find(f.Id)?.MagnesiumPer100g : null;
        return TypedResults.Ok(FoodParseResponse.From(sentence, mg));
    }

    /// <summary>
    /// A sentence as the catalogue reads it; with <paramref name="chosen"/> (a "did you mean" picked), the amount is weighed
    /// for that food and the search's foods stay as the alternatives.
    /// </summary>
    internal static FoodSentence Read(FoodCatalog catalog, string text, Food? chosen)
    {
        var sentence = catalog.ReadSentence(text);
        if (chosen is null)
            return sentence;
        var amount = FoodSentence.Weigh(sentence.Query, chosen.Name, chosen.Portions, out var problem);
        var others = new[] { sentence.Food }.Concat(sentence.Alternatives).OfType<NamedFood>().Where(a => a.Id != chosen.Id).Select(a => a with { Weak = false });
        return new FoodSentence(sentence.Query, new NamedFood(chosen.Id, chosen.Name), [.. others], amount, problem);
    }

    internal static Results<Ok<List<FoodTopResponse>>, ValidationProblem> Top(string? per, string? group, int? limit, FoodCatalog catalog, bool? allFoods = null)
    {
        var problems = new ProblemFields();
        var basis = NutrientBases.Parse(per ?? "100g");
        if (basis is null)
            problems.Add("per", $"per must be 100g, 100kcal or portion, not '{per}'.");
        var foodGroup = group is null ? null : FoodGroups.Resolve(group);
        if (group is not null && foodGroup is null)
            problems.Add("group", $"group '{group}' matches no single food group; use a code such as 1100 or a full name.");
        if (limit is { } n && ResultLimits.Top.Check(n) is { } bad)
            problems.Add("limit", $"limit {bad}.");
        if (problems.Any)
            return TypedResults.ValidationProblem(problems.ToDictionary());
        return TypedResults.Ok(catalog.Top(basis!.Value, foodGroup, limit ?? ResultLimits.DefaultTop, allFoods ?? false).Select(r => FoodTopResponse.From(r, basis.Value.Name())).ToList());
    }

    internal static Results<Ok<FoodResponse>, ValidationProblem, ProblemHttpResult> Barcode(string gtin, FoodCatalog catalog)
    {
        if (Gtin.Parse(gtin, out var problem) is not { } code)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gtin"] = [$"gtin {problem}."] });
        return catalog.FindByGtin(code) is { } food
            ? TypedResults.Ok(FoodResponse.From(food))
            : TypedResults.Problem($"no food with barcode {code}; barcodes come with an imported FoodData Central Branded Foods release", statusCode: StatusCodes.Status404NotFound);
    }

    internal static async Task<Ok<FoodSourcesResponse>> Sources(Data.Store store, CancellationToken ct)
    {
        var (datasets, imports) = await store.FoodSourcesAsync(ct);
        return TypedResults.Ok(FoodSourcesResponse.From(datasets, imports));
    }

    internal static Results<Ok<FoodResponse>, ValidationProblem, ProblemHttpResult> Show(string foodId, FoodCatalog catalog)
    {
        if (FoodId.From(foodId) is not { } normalized)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["foodId"] = [$"foodId must be {FoodId.Forms}, not '{foodId}'."] });
        var food = catalog.Find(normalized);
        return food is null
            ? TypedResults.Problem(normalized.NotFound(), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(FoodResponse.From(food));
    }
}
