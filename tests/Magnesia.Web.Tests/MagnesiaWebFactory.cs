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

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Magnesia:Db", DatabasePath).UseEnvironment("Production");
}
