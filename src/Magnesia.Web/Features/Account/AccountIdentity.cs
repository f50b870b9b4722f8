using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Magnesia.Text;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Magnesia.Web.Features.Account;

/// <summary>The signed-in account as the API shows it to its owner.</summary>
/// <param name="Email">The address it signs in with (never shown to others).</param>
/// <param name="DisplayName">The name comments show; null until chosen.</param>
/// <param name="Administrator">Whether it holds the administrator role.</param>
/// <param name="AdministratorListed">Whether its address is listed in the configuration (it still needs confirming).</param>
public sealed record AccountResponse(string? Email, string? DisplayName, bool Administrator, bool AdministratorListed);

/// <summary>A display name to set.</summary>
public sealed class DisplayNameRequest
{
    /// <summary>2–40 characters on one line; not an address; unique among accounts.</summary>
    [Required, StringLength(AccountIdentity.MaxDisplayName, MinimumLength = 2, ErrorMessage = "displayName must be 2 to 40 characters.")]
    public string? DisplayName { get; set; }
}

/// <summary>The one-time code that confirms an administrator's address.</summary>
public sealed class AdministratorCodeRequest
{
    /// <summary>The code written to the server log (or sent by mail, where a sender is configured).</summary>
    [Required, StringLength(12, MinimumLength = 4)] public string? Code { get; set; }
}

/// <summary>
/// Who the account is to others and to the app: <c>GET /api/account</c>, <c>PUT /api/account/display-name</c> (the name
/// comments show, required before the first comment), and the confirmation of a configured administrator address:
/// <c>POST /api/account/administrator/code</c> writes a one-time code to the server log, <c>POST
/// /api/account/administrator/confirm</c> takes it and gives the role.
/// </summary>
internal static class AccountIdentity
{
    public const int MaxDisplayName = 40;

    // Names that would read as the app or its staff speaking; an administrator may still take one.
    private static readonly string[] Reserved = ["admin", "administrator", "moderator", "magnesia", "staff", "support", "system"];

    private const string TokenPurpose = "magnesia-administrator";

    private static readonly Action<ILogger, string?, string, Exception?> CodeWritten = LoggerMessage.Define<string?, string>(
        LogLevel.Warning, new EventId(1, "AdministratorCode"), "Administrator confirmation code for {Email}: {Code} (valid for a few minutes)");

    public static IEndpointRouteBuilder MapAccountIdentityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization();
        group.MapGet("", Get).WithName("GetAccount").WithSummary("The signed-in account: address, display name, administrator.");
        group.MapPut("/display-name", SetDisplayName).WithName("SetDisplayName").WithSummary("The name your public comments show (required before the first comment).");
        group.MapPost("/administrator/code", SendAdministratorCode).WithName("SendAdministratorCode")
            .WithSummary("For an address listed in Magnesia:Administrators: writes a one-time confirmation code to the server log.");
        group.MapPost("/administrator/confirm", ConfirmAdministrator).WithName("ConfirmAdministrator").WithSummary("Confirms the address with the code; the role follows (sign in again to use it).");
        return app;
    }

    internal static async Task<Ok<AccountResponse>> Get(CurrentUser user, IConfiguration configuration) =>
        TypedResults.Ok(new AccountResponse(user.Email, await user.DisplayNameAsync(), user.IsAdministrator, Accounts.IsListedAdministrator(configuration, user.Email)));

    internal static async Task<Results<Ok<AccountResponse>, ValidationProblem>> SetDisplayName(
        DisplayNameRequest request, CurrentUser user, UserManager<IdentityUser> users, IConfiguration configuration)
    {
        if (await SaveDisplayNameAsync(user, users, request.DisplayName) is { } problem)
            return Problems.Field("displayName", problem);
        return TypedResults.Ok(new AccountResponse(user.Email, request.DisplayName!.Trim(), user.IsAdministrator, Accounts.IsListedAdministrator(configuration, user.Email)));
    }

    /// <summary>Checks and stores the signed-in user's display name (the API and the Learn page's form); the problem, or null when saved.</summary>
    public static async Task<string?> SaveDisplayNameAsync(CurrentUser user, UserManager<IdentityUser> users, string? displayName)
    {
        if (Check(displayName, user.IsAdministrator) is { } problem)
            return problem;
        var account = (await users.FindByIdAsync(user.Id!))!;
        var name = displayName!.Trim();
        var key = name.ToLowerInvariant();
        if ((await users.GetUsersForClaimAsync(new Claim(CurrentUser.DisplayNameKeyClaim, key))).Any(u => u.Id != account.Id))
            return $"'{name}' is taken; choose another.";
        var claims = await users.GetClaimsAsync(account);
        await users.RemoveClaimsAsync(account, [.. claims.Where(c => c.Type is CurrentUser.DisplayNameClaim or CurrentUser.DisplayNameKeyClaim)]);
        await users.AddClaimsAsync(account, [new Claim(CurrentUser.DisplayNameClaim, name), new Claim(CurrentUser.DisplayNameKeyClaim, key)]);
        return null;
    }

    /// <summary>The problem with a display name, or null: one line, visible, 2–40 characters, not an address, not reserved.</summary>
    public static string? Check(string? name, bool administrator)
    {
        if (TextInput.CheckName(name) is { } text)
            return TextInput.Describe(text, "displayName") + ".";
        var trimmed = name!.Trim();
        if (trimmed.Length is < 2 or > MaxDisplayName)
            return "displayName must be 2 to 40 characters.";
        if (trimmed.Contains('@', StringComparison.Ordinal))
            return "displayName must not be an e-mail address: it is shown to everyone.";
        if (!administrator && Reserved.Contains(trimmed.ToLowerInvariant().Trim('.', '-', '_', ' ')))
            return $"'{trimmed}' is kept for the app's own staff; choose another.";
        return null;
    }

    /// <summary>Checks the code; on success confirms the address and gives the role, returning the account (null: wrong or expired code).</summary>
    public static async Task<IdentityUser?> ConfirmAsync(CurrentUser user, UserManager<IdentityUser> users, string? code)
    {
        var account = (await users.FindByIdAsync(user.Id!))!;
        if (string.IsNullOrWhiteSpace(code) || !await users.VerifyUserTokenAsync(account, TokenOptions.DefaultEmailProvider, TokenPurpose, code.Trim()))
            return null;
        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        if (!await users.IsInRoleAsync(account, Accounts.AdministratorRole))
            await users.AddToRoleAsync(account, Accounts.AdministratorRole);
        return account;
    }

    internal static async Task<Results<Accepted, ProblemHttpResult>> SendAdministratorCode(
        CurrentUser user, UserManager<IdentityUser> users, IConfiguration configuration, ILoggerFactory logs)
    {
        if (!Accounts.IsListedAdministrator(configuration, user.Email))
            return TypedResults.Problem("this address is not listed in Magnesia:Administrators", statusCode: StatusCodes.Status403Forbidden);
        await WriteCodeAsync(user, users, logs);
        return TypedResults.Accepted("/api/account");
    }

    /// <summary>Writes a one-time administrator confirmation code for the signed-in (listed) account to the server log.</summary>
    public static async Task WriteCodeAsync(CurrentUser user, UserManager<IdentityUser> users, ILoggerFactory logs)
    {
        var account = (await users.FindByIdAsync(user.Id!))!;
        var code = await users.GenerateUserTokenAsync(account, TokenOptions.DefaultEmailProvider, TokenPurpose);
        // A self-hosted install has no mail sender: the operator reads the code in the server log and passes it on.
        CodeWritten(logs.CreateLogger("Magnesia.Administrators"), user.Email, code, null);
    }

    internal static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> ConfirmAdministrator(
        AdministratorCodeRequest request, CurrentUser user, UserManager<IdentityUser> users, IConfiguration configuration)
    {
        if (!Accounts.IsListedAdministrator(configuration, user.Email))
            return TypedResults.Problem("this address is not listed in Magnesia:Administrators", statusCode: StatusCodes.Status403Forbidden);
        if (await ConfirmAsync(user, users, request.Code) is null)
            return Problems.Field("code", "the code is not right or has expired; ask for a new one.");
        return TypedResults.Ok(new AccountResponse(user.Email, await user.DisplayNameAsync(), true, true));
    }
}
