using System.Security.Claims;
using Magnesia.Data;
using Magnesia.Data.Diary;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// The signed-in user of a request and their door to the store: every read and write of a user's data in the web app
/// goes through <see cref="Diary"/>, which filters every query by this user's id.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, Store store, TimeProvider clock, IConfiguration configuration) : IAsyncDisposable
{
    private DiaryStore? _diary;

    /// <summary>The account id, or null when nobody is signed in.</summary>
    public string? Id => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The name shown for the user (their e-mail address's local part).</summary>
    public string DisplayName => (http.HttpContext?.User.Identity?.Name ?? "reader").Split('@')[0];

    /// <summary>Whether the user may hide any comment.</summary>
    public bool IsAdministrator => Id is not null && (http.HttpContext!.User.IsInRole(Accounts.AdministratorRole)
        || Accounts.IsListedAdministrator(configuration, http.HttpContext.User.Identity?.Name));

    /// <summary>The signed-in user's diary; only reachable behind authorization.</summary>
    public DiaryStore Diary => _diary ??= new DiaryStore(store, Id ?? throw new InvalidOperationException("no signed-in user"), clock);

    /// <summary>Today in the server's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async ValueTask DisposeAsync()
    {
        if (_diary is not null)
            await _diary.DisposeAsync();
    }
}
