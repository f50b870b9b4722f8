using Microsoft.EntityFrameworkCore.Design;

namespace Magnesia.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> create a context without a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MagnesiaDbContext>
{
    public MagnesiaDbContext CreateDbContext(string[] args) => new(MagnesiaStore.Options("design-time.db"));
}
