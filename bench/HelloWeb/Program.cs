using System.Text.Json;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var next = 0L;
app.MapGet("/health", () => TypedResults.Ok());
// Reads and parses the body as the real endpoint does, then answers 201 with a fresh id.
app.MapPost("/api/diary/entries", async (HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    var id = Interlocked.Increment(ref next);
    return TypedResults.Created($"/api/diary/entries/{id}", new Dictionary<string, long> { ["id"] = id });
});
await app.RunAsync();
