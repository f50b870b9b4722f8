using System.ComponentModel.DataAnnotations;
using Magnesia.Data;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Magnesia.Web.Features.Account;

/// <summary>The password that confirms deleting an account.</summary>
public sealed class DeleteAccountRequest
{
    /// <summary>The account's current password.</summary>
    [Required] public string? Password { get; set; }
}

/// <summary>
/// <c>GET /api/export</c> and <c>POST /api/import</c> (the JSON document of <c>magnesia export</c>/<c>import</c>),
/// <c>POST /api/import/cronometer</c> (servings.csv as the body) and <c>POST /api/account/delete</c>.
/// </summary>
internal static class AccountApi
{
    public const int MaxImportBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Account").RequireAuthorization();
        group.MapGet("/export", Export).WithName("Export").WithSummary("The whole diary as one JSON document (magnesia export).");
        group.MapPost("/import", Import).WithName("Import").WithSummary("Replaces the diary with a document from /api/export or magnesia export; validated in full first.");
        group.MapPost("/import/cronometer", ImportCronometer).WithName("ImportCronometer")
            .WithSummary("Logs a Cronometer \"Food & Recipe Entries\" export (servings.csv as text/csv): each food matched by the search engine; the unmatched rows are listed.");
        group.MapPost("/account/delete", DeleteAccount).WithName("DeleteAccount").WithSummary("Deletes the account and all its data (confirm with the password).");
        return app;
    }

    internal static async Task<Ok<DiaryDocument>> Export(CurrentUser user, CancellationToken ct) => TypedResults.Ok(await user.Diary.ExportAsync(ct));

    internal static async Task<Results<Ok<ImportResponse>, ValidationProblem>> Import(HttpRequest request, CurrentUser user, CancellationToken ct)
    {
        var (text, problem) = await ReadBodyAsync(request, ct);
        if (text is null)
            return problem!;
        try
        {
            await user.Diary.ImportAsync(text, "body", ct);
        }
        catch (DiaryImportException e)
        {
            return Problems.Field("body", e.Message);
        }

        var counts = await user.Diary.CountAsync(ct);
        return TypedResults.Ok(new ImportResponse(counts.Entries, counts.CustomFoods, counts.Recipes, counts.Profile));
    }

    internal static async Task<Results<Ok<CronometerImportResponse>, ValidationProblem>> ImportCronometer(HttpRequest request, CurrentUser user, FoodCatalog catalog, CancellationToken ct)
    {
        var (text, problem) = await ReadBodyAsync(request, ct);
        if (text is null)
            return problem!;
        try
        {
            return TypedResults.Ok(await AccountData.ImportCronometerAsync(text, "servings.csv", user, catalog, ct));
        }
        catch (DiaryImportException e)
        {
            return Problems.Field("body", e.Message);
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem>> DeleteAccount(
        DeleteAccountRequest r, CurrentUser user, UserManager<IdentityUser> users, Store store, TimeProvider clock, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(user.Id!);
        if (account is null || !await users.CheckPasswordAsync(account, r.Password!))
            return Problems.Field("password", "the password is not this account's password.");
        await AccountData.DeleteDataAsync(user, store, clock, ct);
        await users.DeleteAsync(account);
        return TypedResults.NoContent();
    }

    private static async Task<(string? Text, ValidationProblem? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes)
            return (null, Problems.Field("body", $"the body is larger than {MaxImportBytes / 1024 / 1024} MiB."));
        using var reader = new StreamReader(request.Body);
        var text = new System.Text.StringBuilder();
        var chunk = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(), ct)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > MaxImportBytes)
                return (null, Problems.Field("body", $"the body is larger than {MaxImportBytes / 1024 / 1024} MiB."));
        }

        return text.Length == 0 ? (null, Problems.Field("body", "the body is empty.")) : (text.ToString(), null);
    }
}
