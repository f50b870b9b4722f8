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
        if (withProfile)
        {
            var profile = await client.PutAsJsonAsync("/api/profile", new { sex = "female", ageYears = 34 }, ct);
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        return client;
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
