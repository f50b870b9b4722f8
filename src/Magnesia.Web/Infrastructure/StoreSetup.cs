using Magnesia.Data;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Web.Infrastructure;

/// <summary>Registers the opened SQLite store, the in-memory food catalogue, the clock and the EF Core context Identity uses.</summary>
internal static class StoreSetup
{
    public static async Task AddMagnesiaStoreAsync(this WebApplicationBuilder builder)
    {
        var path = MagnesiaStore.ResolvePath(builder.Configuration["Magnesia:Db"]);
        // Runs before the host (and its logging) exists: report first-use provisioning on stderr like the CLI.
        var progress = new Progress<double>(p =>
        {
            if (p >= 1)
                Console.Error.WriteLine($"magnesia: provisioned USDA SR28 foods into {path}");
        });
        // Another instance upgrading the same store is waited for (bounded), saying so; a killed one holds nothing.
        var waiting = new Progress<string>(m => Console.Error.WriteLine($"magnesia: {m}"));
        var store = (await Store.OpenAsync(path, progress, waiting, CancellationToken.None)).Pooled();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(await store.LoadCatalogAsync());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new StoreLocation(store.Path));
        // Identity's user store is the one EF Core context the web app registers; the diary goes through DiaryStore.
        builder.Services.AddDbContext<MagnesiaDbContext>(o => o.UseSqlite(MagnesiaStore.ConnectionString(store.Path, pooled: true)).UseModel(Magnesia.Data.CompiledModel.MagnesiaDbContextModel.Instance));
    }
}

/// <summary>Reads back what <see cref="StoreSetup.AddMagnesiaStoreAsync"/> registered.</summary>
internal static class StoreLocationLookup
{
    public static StoreLocation BuildStoreLocation(this IServiceCollection services) =>
        (StoreLocation)services.Last(d => d.ServiceType == typeof(StoreLocation)).ImplementationInstance!;
}

/// <summary>Where the store lives, for /health and the data-protection keys kept beside it.</summary>
internal sealed record StoreLocation(string Path);
