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
    /// <summary>The one answer to a failed sign-in (the API's detail; the sign-in page shows it as a sentence).</summary>
    public const string SignInFailed = "the e-mail address or password is not right (after 5 failed attempts an account is locked for 5 minutes)";

    private static readonly string[] TakenCodes = ["DuplicateUserName", "DuplicateEmail"];

    /// <summary>Whether a registration error only says the address is taken (answered as a success, never shown).</summary>
    public static bool IsTaken(IdentityError error) => TakenCodes.Contains(error?.Code);

    /// <summary>
    /// Before a sign-in attempt: an unknown or locked address costs the password hash a real attempt costs, so the
    /// answer's timing tells nothing (the API filter and the sign-in page).
    /// </summary>
    public static async Task EvenOutAsync(UserManager<IdentityUser> users, string? email, string? password)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (email is null || await users.FindByEmailAsync(email) is not { } account || await users.IsLockedOutAsync(account))
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DummyHash.Value, password ?? "");
    }

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
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { } login)
            await EvenOutAsync(context.HttpContext.RequestServices.GetRequiredService<UserManager<IdentityUser>>(), login.Email, login.Password);

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
}
