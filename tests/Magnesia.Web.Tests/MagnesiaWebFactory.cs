using Magnesia.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Magnesia.Web.Tests;

/// <summary>The web app over its own copy of a provisioned SQLite database.</summary>
public sealed class MagnesiaWebFactory : WebApplicationFactory<Program>
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "magnesia-web-tests-" + Environment.ProcessId);

    private static readonly Lazy<string> Template = new(() =>
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "template.db");
        using (var db = MagnesiaStore.OpenAsync(path).GetAwaiter().GetResult())
        {
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    });

    public MagnesiaWebFactory()
    {
        DatabasePath = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(Template.Value, DatabasePath);
    }

    public string DatabasePath { get; }

    /// <summary>The account that the configuration makes an administrator.</summary>
    public const string AdministratorEmail = "admin@example.org";

    /// <summary>Comments an account may post a minute in these tests.</summary>
    public int CommentsPerMinute { get; init; } = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Magnesia:Db", DatabasePath).UseEnvironment("Production")
            // Many accounts register from one loopback address here: the limits are the rate-limit tests' business.
            .UseSetting("Magnesia:RateLimits:AuthPerMinute", "10000")
            .UseSetting("Magnesia:RateLimits:CommentsPerMinute", CommentsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Magnesia:Administrators", AdministratorEmail);
}
