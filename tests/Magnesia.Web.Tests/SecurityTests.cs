using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Magnesia.Web.Tests;

/// <summary>Security headers, antiforgery on forms, lockout and the rate limits on sign-in and comments.</summary>
public sealed class SecurityTests
{
    [Fact]
    public async Task EveryPage_SendsACspWithoutInlineScript_AndNoInlineScriptIsServed()
    {
        using var factory = new MagnesiaWebFactory();
        var client = factory.CreateClient();
        foreach (var url in new[] { "/", "/learn", "/learn/evidence", "/account/login", "/account/register" })
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            // Scripts only by src (the CSP would block anything else), no inline handlers or style attributes.
            Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
            Assert.DoesNotMatch(@"\son[a-z]+=""", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var factory = new MagnesiaWebFactory();
        var client = await Accounts.NewUserAsync(factory);
        var response = await client.PostAsync("/today?handler=Supplement",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Entry.Kind"] = "supplement", ["Entry.Form"] = "citrate", ["Entry.ElementalMg"] = "100" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entries = await (await client.GetAsync("/api/diary/entries", TestContext.Current.CancellationToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, entries.GetArrayLength());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount()
    {
        using var factory = new MagnesiaWebFactory();
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/auth/register", new { email = "lock@example.org", password = Accounts.Password }, ct);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "lock@example.org", password = "wrong-pass-1" }, ct)).StatusCode);
        // Identity's lockout (5 failures, 5 minutes): now even the right password is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "lock@example.org", password = Accounts.Password }, ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimited()
    {
        using var factory = new LimitedFactory();
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "whatever-1" }, ct)).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task Comments_AreRateLimited()
    {
        using var factory = new MagnesiaWebFactory { CommentsPerMinute = 2 };
        var ct = TestContext.Current.CancellationToken;
        var client = await Accounts.NewUserAsync(factory);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            codes.Add((await client.PostAsJsonAsync("/api/learn/dri/comments", new { text = $"comment {i}" }, ct)).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task TheApiReference_IsServedByTheApp()
    {
        using var factory = new MagnesiaWebFactory();
        var client = factory.CreateClient();
        var page = await client.GetAsync("/api/reference/v1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("https://cdn", html, StringComparison.OrdinalIgnoreCase);
        var openapi = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        foreach (var route in new[] { "/api/diary/entries", "/api/diary/days/{date}", "/api/reports/pdf", "/api/profile", "/api/plans/foods", "/api/auth/register", "/api/export" })
            Assert.Contains($"\"{route}\"", openapi, StringComparison.Ordinal);
    }

    private sealed class LimitedFactory : WebApplicationFactory<Program>
    {
        private readonly MagnesiaWebFactory _inner = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(
                builder.UseSetting("Magnesia:Db", _inner.DatabasePath).UseSetting("Magnesia:RateLimits:AuthPerMinute", "3"), "Production");

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
