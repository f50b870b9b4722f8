using Magnesia.Web.Features.Dri;
using Magnesia.Web.Features.Foods;
using Magnesia.Web.Features.Forms;
using Magnesia.Web.Features;
using Magnesia.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Store: SQLite file from Magnesia:Db, else MAGNESIA_DB, else the XDG default; provisioned before we listen.
await builder.AddMagnesiaStoreAsync();

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddRazorPages();
// Render "–", "≤" and accented food names as text rather than numeric entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // → ProblemDetails naming the parameter

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = BadRequestProblems.HandleAsync });
app.UseStatusCodePages();
app.UseStaticFiles();

app.MapOpenApi();
app.MapHealthApi();
app.MapDriApi();
app.MapFormsApi();
app.MapFoodsApi();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        Console.WriteLine($"Magnesia is running at {url} (API: {url}/api, OpenAPI: {url}/openapi/v1.json)");
});

await app.RunAsync();

/// <summary>The web app's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
