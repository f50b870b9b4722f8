using Magnesia.Foods;
using Magnesia.Web.Infrastructure;

namespace Magnesia.Web.Features;

/// <summary>GET /health.</summary>
internal static class HealthApi
{
    public sealed record HealthResponse(string Status, int Foods);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (FoodCatalog catalog) => TypedResults.Ok(new HealthResponse("ok", catalog.Foods.Count)))
            .WithName("Health").WithTags("Health");
        return app;
    }
}
