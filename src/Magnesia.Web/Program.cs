using Magnesia.Web.Features;
using Magnesia.Web.Features.Account;
using Magnesia.Web.Features.Check;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Features.Foods;
using Magnesia.Web.Features.Learn;
using Magnesia.Web.Features.Plan;
using Magnesia.Web.Features.Profile;
using Magnesia.Web.Features.Reference;
using Magnesia.Web.Features.Reports;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// Store: SQLite file from Magnesia:Db, else MAGNESIA_DB, else the XDG default; migrated and provisioned before we listen.
await builder.AddMagnesiaStoreAsync();
// Accounts (Identity: cookies for the pages, bearer tokens for the API), data-protection keys beside the store, rate limits.
builder.AddMagnesiaAccounts(builder.Services.BuildStoreLocation());

// Validation errors name the JSON field (grams), not the C# property (Grams): .NET 10's validation keys by member name.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemFields.CamelCaseKeys);
builder.Services.AddValidation();
builder.Services.AddOpenApi();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
// Render "–", "≤" and accented food names as text rather than numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // → ProblemDetails naming the parameter
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    // One convention for every request body: no null in a list, no control or bidi-override characters in text (400 naming the field).
    Magnesia.Data.Contracts.InputJson.AddTo(o.SerializerOptions);
});

var app = builder.Build();
await Accounts.EnsureRolesAsync(app.Services, app.Configuration);

app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = BadRequestProblems.HandleAsync });
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseSessionChecks(); // the account still exists, the session is current, no cross-site API writes
app.UseAuthorization();
app.UseRateLimiter();
app.UseFormTextChecks();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/api/reference", o => o.WithTitle("Magnesia API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(Accounts.AuthLimit).WithUniformAnswers().MapIdentityApi<IdentityUser>();
app.MapHealthApi();
app.MapDriApi();
app.MapFormsApi();
app.MapFoodsApi();
app.MapProfileApi();
app.MapDiaryApi();
app.MapFavouritesApi();
app.MapOwnFoodsApi();
app.MapReportsApi();
app.MapCheckApi();
app.MapPlanApi();
app.MapLearnApi();
app.MapAccountApi();
app.MapAccountIdentityApi();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        Console.WriteLine($"Magnesia is running at {url} (API: {url}/api, reference: {url}/api/reference, OpenAPI: {url}/openapi/v1.json)");
});

await app.RunAsync();

/// <summary>The web app's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
