using Magnesia.Data.Contracts;
using Magnesia.References;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Reference;

/// <summary>GET /api/forms and /api/forms/{id}: supplement salt forms.</summary>
internal static class FormsApi
{
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/forms").WithTags("Reference");
        group.MapGet("", GetForms).WithName("GetForms").WithSummary("Supplement salt forms with elemental magnesium %.");
        group.MapGet("/{id}", GetForm).WithName("GetForm");
        return app;
    }

    internal static Ok<List<FormResponse>> GetForms() => TypedResults.Ok(SupplementForms.All.Select(FormResponse.From).ToList());

    internal static Results<Ok<FormResponse>, ProblemHttpResult> GetForm(string id) =>
        SupplementForms.Find(id) is { } form
            ? TypedResults.Ok(FormResponse.From(form))
            : TypedResults.Problem($"no supplement form with id '{id}'; known: {SupplementForms.KnownIds}", statusCode: StatusCodes.Status404NotFound);
}
