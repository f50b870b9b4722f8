namespace Magnesia.Cli.Tests;

/// <summary>The PostgreSQL server .ci/run starts for the tests (<c>MAGNESIA_TEST_POSTGRES</c>); tests skip without it, except in CI.</summary>
internal static class TestPostgres
{
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable("MAGNESIA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI must provide MAGNESIA_TEST_POSTGRES (.ci/run starts a server)");
            Assert.Skip("no PostgreSQL server: set MAGNESIA_TEST_POSTGRES (bash .ci/run starts one)");
        }

        return server!;
    }

    /// <summary>A connection string for a new database <paramref name="prefix"/>… on the server (created on first use).</summary>
    public static string NewDatabase(string prefix) =>
        new Npgsql.NpgsqlConnectionStringBuilder(Server()) { Database = prefix + Guid.NewGuid().ToString("N")[..14] }.ConnectionString;
}
