using Magnesia.Data.Contracts;
using Magnesia.References;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Reference;

/// <summary>GET /api/dri: magnesium DRIs for a life stage.</summary>
internal static class DriApi
{
    public static IEndpointRouteBuilder MapDriApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dri", GetDri).WithName("GetDri").WithTags("Reference")
            .WithSummary("Magnesium EAR, RDA, AI and supplemental UL for a life stage (IOM 1997).");
        return app;
    }

    internal static Results<Ok<DriResponse>, ValidationProblem> GetDri(
        int? ageYears, int? months, string? sex, bool? pregnant, bool? lactating)
    {
        var lifeStage = ParseLifeStage(ageYears, months, sex, pregnant ?? false, lactating ?? false, out var problems);
        return lifeStage is null
            ? TypedResults.ValidationProblem(problems.ToDictionary())
            : TypedResults.Ok(DriResponse.From(MagnesiumDris.For(lifeStage)));
    }

    /// <summary>Checks the life-stage query fields; null with the problems listed per field when invalid.</summary>
    internal static LifeStage? ParseLifeStage(int? ageYears, int? months, string? sex, bool pregnant, bool lactating, out ProblemFields problems)
    {
        problems = new ProblemFields();
        if (ageYears is null)
            problems.Add("ageYears", "ageYears is required (whole years; 0 with months for infants).");
        var parsedSex = LifeStage.ParseSex(sex);
        if (parsedSex is null)
            problems.Add("sex", sex is null ? "sex is required: female or male." : $"sex must be female or male, not '{sex}'.");
        if (pregnant && lactating)
            problems.Add("lactating", "pregnant and lactating cannot both be true.");
        if (problems.Any)
            return null;
        var reproduction = pregnant ? Reproduction.Pregnant : lactating ? Reproduction.Lactating : Reproduction.None;
        if (LifeStage.Validate(ageYears!.Value, months ?? 0, parsedSex!.Value, reproduction) is { } problem)
        {
            var field = problem.Input switch
            {
                LifeStageInput.Months => "months",
                LifeStageInput.Age => "ageYears",
                _ => pregnant ? "pregnant" : "lactating",
            };
            problems.Add(field, problem.Message + ".");
            return null;
        }

        return LifeStage.Create(ageYears.Value, months ?? 0, parsedSex.Value, reproduction);
    }
}
