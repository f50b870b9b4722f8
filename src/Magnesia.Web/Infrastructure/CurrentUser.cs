using System.Security.Claims;
using Magnesia.Data;
using Magnesia.Data.Diary;
using Microsoft.AspNetCore.Identity;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// The signed-in user of a request and their door to the store: every read and write of a user's data in the web app
/// goes through <see cref="Diary"/>, which filters every query by this user's id.
/// </summary>
// The user manager is resolved only when a name is asked for: building it (and its EF context) on every request would
// be a large share of a diary write.
public sealed class CurrentUser(IHttpContextAccessor http, Store store, TimeProvider clock, IServiceProvider services) : IAsyncDisposable
{
    /// <summary>The claim that holds the name a user chose to be shown by (comments).</summary>
    public const string DisplayNameClaim = "magnesia:display_name";

    /// <summary>The same name folded to lower case, unique among accounts.</summary>
    public const string DisplayNameKeyClaim = "magnesia:display_name_key";

    private DiaryStore? _diary;

    /// <summary>The account id, or null when nobody is signed in.</summary>
    public string? Id => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in account's e-mail address.</summary>
    public string? Email => http.HttpContext?.User.Identity?.Name;

    /// <summary>Whether the user may hide any comment: the administrator role, given only to a listed and confirmed address.</summary>
    public bool IsAdministrator => Id is not null && http.HttpContext!.User.IsInRole(Accounts.AdministratorRole);

    /// <summary>The signed-in user's diary; only reachable behind authorization.</summary>
    public DiaryStore Diary => _diary ??= new DiaryStore(store, Id ?? throw new InvalidOperationException("no signed-in user"), clock);

    /// <summary>
    /// Gives this request's <c>Idempotency-Key</c> to the door its writes go through (the idempotency filter does, after
    /// reading the stored keys through the same door).
    /// </summary>
    public void UseIdempotency(Idempotency idempotency)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        _diary = Diary.WithIdempotency(idempotency);
    }

    /// <summary>Today in the server's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The name the user chose to be shown by; null until they choose one (never a part of their address).</summary>
    public async Task<string?> DisplayNameAsync()
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        if (Id is null || await users.FindByIdAsync(Id) is not { } account)
            return null;
        return (await users.GetClaimsAsync(account)).FirstOrDefault(c => c.Type == DisplayNameClaim)?.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_diary is not null)
            await _diary.DisposeAsync();
    }
}
