using System.Threading.RateLimiting;
using Magnesia.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// Accounts: ASP.NET Core Identity over the store (hashed passwords, lockout), cookies for the pages and bearer tokens
/// for the API, data-protection keys generated on first run and kept beside the database, the administrator role,
/// and the rate limits on sign-in, registration and comments.
/// </summary>
public static class Accounts
{
    public const string AdministratorRole = "administrator";
    public const string AuthLimit = "auth";
    public const string CommentLimit = "comments";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "magnesia";

    public static void AddMagnesiaAccounts(this WebApplicationBuilder builder, StoreLocation store)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("magnesia");
        if (builder.Configuration["Magnesia:KeysDirectory"] is { Length: > 0 } configured)
            protection.PersistKeysToFileSystem(new DirectoryInfo(configured));
        else if (store.KeysInStore)
            protection.PersistKeysToDbContext<MagnesiaDbContext>(); // shared by every instance of a shared server
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(store.Path + ".keys"));

        builder.Services.AddAuthorization();
        builder.Services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MagnesiaDbContext>()
            .AddPasswordValidator<Magnesia.Web.Features.Account.CommonPasswords>();
        // A page that needs a signed-in visitor challenges the cookie (a redirect to sign in with returnUrl); the
        // API challenges the bearer scheme (401). Identity's composite scheme forwards every challenge to bearer.
        builder.Services.PostConfigure<AuthenticationSchemeOptions>("Identity.BearerAndApplication", o => // IdentityConstants.BearerAndApplicationScheme (internal)
            o.ForwardDefaultSelector = c => c.Request.Path.StartsWithSegments("/api") ? null : IdentityConstants.ApplicationScheme);
        builder.Services.AddAntiforgery(o => o.HeaderName = Sessions.AntiforgeryHeader);
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/login";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            // The API answers 401/403, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
        });

        var perMinute = builder.Configuration.GetValue("Magnesia:RateLimits:AuthPerMinute", 20);
        var commentsPerMinute = builder.Configuration.GetValue("Magnesia:RateLimits:CommentsPerMinute", 5);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthLimit, c => RateLimitPartition.GetFixedWindowLimiter(
                c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(CommentLimit, c => RateLimitPartition.GetFixedWindowLimiter(
                c.User.Identity?.Name ?? c.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = commentsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddSingleton(new CommentThrottle(commentsPerMinute));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<Magnesia.Web.Features.Learn.CommentBoards>();
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Creates the administrator role and keeps it in step with <c>Magnesia:Administrators</c>: an account holds it only
    /// while its address is listed <em>and</em> confirmed (<c>AccountIdentity</c>: a one-time code); an address taken
    /// off the list loses it at the next start. Registering a listed address first gives nothing.
    /// </summary>
    public static async Task EnsureRolesAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AdministratorRole))
            await roles.CreateAsync(new IdentityRole(AdministratorRole));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        foreach (var holder in await users.GetUsersInRoleAsync(AdministratorRole))
        {
            if (!IsListedAdministrator(configuration, holder.Email) || !holder.EmailConfirmed)
                await users.RemoveFromRoleAsync(holder, AdministratorRole);
        }

        foreach (var email in (configuration["Magnesia:Administrators"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user && !await users.IsInRoleAsync(user, AdministratorRole))
                await users.AddToRoleAsync(user, AdministratorRole);
        }
    }

    /// <summary>Whether an e-mail address is listed in <c>Magnesia:Administrators</c> (it still has to be confirmed).</summary>
    public static bool IsListedAdministrator(IConfiguration configuration, string? email) =>
        email is not null && (configuration["Magnesia:Administrators"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(email, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The comment rate limit for the Learn pages' form (the API uses the same number through the <c>comments</c> policy):
/// a fixed window of N comments a minute per account.
/// </summary>
public sealed class CommentThrottle(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Takes one comment from the account's allowance; false when it is used up.</summary>
    public bool TryTake(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
