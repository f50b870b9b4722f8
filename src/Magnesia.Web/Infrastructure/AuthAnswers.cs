using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// Makes <c>/api/auth</c> (Identity's endpoints) answer the same for an address with an account and one without, so
/// nobody learns who has an account here: registering a taken address answers 200 as a new one does (nothing is
/// changed); every failed sign-in answers the same 401 text whether the address is unknown, the password wrong or
/// the account locked; and an unknown or locked address costs the same password hashing a real attempt costs.
/// </summary>
internal static class AuthAnswers
{
    /// <summary>The one answer to a failed sign-in.</summary>
    public const string SignInFailed = "the e-mail address or password is not right (after 5 failed attempts an account is locked for 5 minutes)";

    private static readonly string[] TakenCodes = ["DuplicateUserName", "DuplicateEmail"];

    public static TBuilder WithUniformAnswers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var path = context.HttpContext.Request.Path.Value ?? "";
            if (path.EndsWith("/login", StringComparison.OrdinalIgnoreCase))
                return await LoginAsync(context, next);
            if (path.EndsWith("/register", StringComparison.OrdinalIgnoreCase))
                return Register(await next(context));
            return await next(context);
        });

    private static async ValueTask<object?> LoginAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { } login)
        {
            var account = await users.FindByEmailAsync(login.Email);
            if (account is null || await users.IsLockedOutAsync(account))
                SpendAHash(users, login.Password); // what checking a real password costs, so the answer's timing tells nothing
        }

        var result = await next(context);
        return Unwrap(result) is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized }
            ? TypedResults.Problem(SignInFailed, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed")
            : result;
    }

    private static object? Register(object? result)
    {
        if (Unwrap(result) is not ValidationProblem { ProblemDetails.Errors: var errors } || !errors.Keys.Any(k => TakenCodes.Contains(k)))
            return result;
        var rest = errors.Where(kv => !TakenCodes.Contains(kv.Key)).ToDictionary();
        // A taken address answers as a new one does; any other problem (a weak password) is still reported.
        return rest.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(rest);
    }

    // Identity's handlers return a Results<…> union; the answer is inside it.
    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString()));

    /// <summary>Verifies <paramref name="password"/> against a throwaway hash: the cost of a real check, for no account.</summary>
    public static void SpendAHash(UserManager<IdentityUser> users, string? password)
    {
        ArgumentNullException.ThrowIfNull(users);
        users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DummyHash.Value, password ?? "");
    }
}
