using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Magnesia.Web.Tests;

/// <summary>Registers accounts through <c>/api/auth</c> and gives clients that carry their bearer token.</summary>
internal static class Accounts
{
    public const string Password = "correct-horse-9battery";

    /// <summary>A new account's client (bearer token), with a profile when <paramref name="withProfile"/>.</summary>
    public static async Task<HttpClient> NewUserAsync(MagnesiaWebFactory factory, bool withProfile = true, string? email = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        email ??= $"u{Guid.NewGuid():N}@example.org";
        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password }, ct);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Comments need a display name: every test account has one ("Reader 1a2b3c4d").
        var named = await client.PutAsJsonAsync("/api/account/display-name", new { displayName = $"Reader {Guid.NewGuid().ToString("N")[..8]}" }, ct);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        if (withProfile)
        {
            var profile = await client.PutAsJsonAsync("/api/profile", new { sex = "female", ageYears = 34 }, ct);
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        return client;
    }

    /// <summary>
    /// The configured administrator's client: registered, its address confirmed with the one-time code the server
    /// wrote to its log, and signed in again so the token carries the role.
    /// </summary>
    public static async Task<HttpClient> NewAdministratorAsync(MagnesiaWebFactory factory)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await NewUserAsync(factory, email: MagnesiaWebFactory.AdministratorEmail);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/account/administrator/code", null, ct)).StatusCode);
        var code = factory.AdministratorCodes.Last();
        await (await client.PostAsJsonAsync("/api/account/administrator/confirm", new { code }, ct)).JsonAsync(HttpStatusCode.OK);
        await client.SignInAgainAsync(MagnesiaWebFactory.AdministratorEmail);
        return client;
    }

    /// <summary>Replaces the client's bearer token with a fresh sign-in's.</summary>
    public static async Task SignInAgainAsync(this HttpClient client, string email)
    {
        var ct = TestContext.Current.CancellationToken;
        client.DefaultRequestHeaders.Authorization = null;
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, ct);
        var token = (await login.JsonAsync(HttpStatusCode.OK)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<long> PostEntryAsync(this HttpClient client, object entry)
    {
        var response = await client.PostAsJsonAsync("/api/diary/entries", entry, TestContext.Current.CancellationToken);
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }
}
