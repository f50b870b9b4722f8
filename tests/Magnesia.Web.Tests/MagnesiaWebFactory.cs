using Magnesia.Data;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Magnesia.Web.Tests;

/// <summary>The web app over its own copy of a provisioned SQLite database.</summary>
public sealed class MagnesiaWebFactory : WebApplicationFactory<Program>
{
    private static readonly string Root = Magnesia.Testing.TempRoot.ForProcess("magnesia-web-tests-");

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

    /// <summary>
    /// When set to <c>postgres</c> (with <c>MAGNESIA_TEST_POSTGRES</c>), every factory serves a database of its own on
    /// that server, copied from a provisioned template database; .ci/run runs this suite once per provider.
    /// </summary>
    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("MAGNESIA_WEB_TESTS_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<string> PostgresTemplate = new(() =>
    {
        var server = Environment.GetEnvironmentVariable("MAGNESIA_TEST_POSTGRES") ?? throw new InvalidOperationException("MAGNESIA_WEB_TESTS_PROVIDER=postgres needs MAGNESIA_TEST_POSTGRES");
        var name = "magnesia_tpl_" + Environment.ProcessId;
        Store.OpenPostgresAsync(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString).GetAwaiter().GetResult();
        Npgsql.NpgsqlConnection.ClearAllPools(); // a template must have no open connections
        return name;
    });

    public MagnesiaWebFactory()
    {
        DatabasePath = Path.Combine(Root, Guid.NewGuid().ToString("N") + ".db");
        if (OnPostgres)
        {
            var server = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MAGNESIA_TEST_POSTGRES"));
            var name = "magnesia_w" + Guid.NewGuid().ToString("N")[..16];
            using (var admin = new Npgsql.NpgsqlConnection(server.ConnectionString))
            {
                admin.Open();
                using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {PostgresTemplate.Value}", admin);
                create.ExecuteNonQuery();
            }

            server.Database = name;
            PostgresConnection = server.ConnectionString;
        }
        else
        {
            File.Copy(Template.Value, DatabasePath);
        }
    }

    public string DatabasePath { get; }

    /// <summary>This factory's PostgreSQL database, when the suite runs on PostgreSQL.</summary>
    public string? PostgresConnection { get; }

    /// <summary>The account that the configuration makes an administrator.</summary>
    public const string AdministratorEmail = "admin@example.org";

    /// <summary>Comments an account may post a minute in these tests.</summary>
    public int CommentsPerMinute { get; init; } = 1_000;

    /// <summary>The administrator confirmation codes the server wrote to its log, oldest first.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> AdministratorCodes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureLogging(l => l.AddProvider(new CodeCapture(AdministratorCodes)))
            .UseSetting("Magnesia:Db", DatabasePath).UseEnvironment("Production")
            .UseSetting("Database:Provider", PostgresConnection is null ? "Sqlite" : "Postgres")
            .UseSetting("ConnectionStrings:Magnesia", PostgresConnection ?? "")
            // Many accounts register from one loopback address here: the limits are the rate-limit tests' business.
            .UseSetting("Magnesia:RateLimits:AuthPerMinute", "10000")
            .UseSetting("Magnesia:RateLimits:CommentsPerMinute", CommentsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Magnesia:Administrators", AdministratorEmail);
}

/// <summary>Reads the administrator confirmation codes out of the server log, as an operator would.</summary>
internal sealed class CodeCapture(System.Collections.Concurrent.ConcurrentQueue<string> codes) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName == "Magnesia.Administrators" ? codes : null);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string>? codes) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => codes is not null;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (codes is not null && state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "Code").Value is string code)
                codes.Enqueue(code);
        }
    }
}
