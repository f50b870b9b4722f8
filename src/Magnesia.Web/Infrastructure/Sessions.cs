using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// What every signed-in request is checked for, after authentication and before anything reads the user: the account
/// still exists and the session's security stamp is the account's current one (a deleted account, a changed password
/// or "sign out everywhere" ends every cookie and bearer token at once); and an unsafe <c>/api</c> request that a
/// browser authenticated with the session cookie is one a cross-site form cannot send.
/// </summary>
internal static class Sessions
{
    /// <summary>The header a page's script sends with the antiforgery token for a cookie-authenticated API write.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IApplicationBuilder UseSessionChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context))
        {
            // As if nobody had signed in: the API answers 401, a page sends the visitor to sign in; the stale cookie goes.
            if (context.Request.Cookies.ContainsKey(Accounts.CookieName))
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        if (IsCrossSiteCapable(context) && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Results.Problem(
                    "a browser session may change data through /api only with a JSON body (application/json) or the antiforgery header " + AntiforgeryHeader + "; scripts use a bearer token",
                    statusCode: StatusCodes.Status400BadRequest, title: "Cross-site request refused")
                .ExecuteAsync(context);
            return;
        }

        await next();
    });

    // The stamp is read on a plain connection (one indexed SELECT), not through UserManager, which would build an EF
    // context and a user entity on every signed-in request; the comparison is Identity's own (ordinal, stamp claim).
    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var claims = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.User.FindFirstValue(claims.UserIdClaimType);
        if (id is null)
            return false;
        var current = await context.RequestServices.GetRequiredService<Magnesia.Data.Store>().SecurityStampAsync(id, context.RequestAborted);
        return current is not null && string.Equals(context.User.FindFirstValue(claims.SecurityStampClaimType) ?? "", current, StringComparison.Ordinal);
    }

    // An unsafe API request carried by the session cookie alone with a body a plain HTML form can send (form fields,
    // multipart, text/plain) or none: a cross-site page could have made the browser send it. JSON bodies need a CORS
    // preflight, which this app never grants; bearer requests carry their credential explicitly.
    private static bool IsCrossSiteCapable(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return false;
        if (request.Headers.Authorization.Count > 0 || !request.Cookies.ContainsKey(Accounts.CookieName))
            return false;
        var type = request.ContentType;
        var json = type is not null && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase) && type.StartsWith("application/", StringComparison.OrdinalIgnoreCase)));
        return !json;
    }
}
