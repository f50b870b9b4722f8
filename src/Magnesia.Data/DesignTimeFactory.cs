using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Magnesia.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create a context without a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MagnesiaDbContext>
{
    public MagnesiaDbContext CreateDbContext(string[] args) => new(MagnesiaStore.Options("design-time.db"));
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresMagnesiaDbContext</c> create a context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMagnesiaDbContext>
{
    public PostgresMagnesiaDbContext CreateDbContext(string[] args) =>
        new(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PostgresMagnesiaDbContext>()
            .UseNpgsql("Host=localhost;Database=magnesia_design", o => o.MigrationsHistoryTable("__EFMigrationsHistory")).Options);
}
