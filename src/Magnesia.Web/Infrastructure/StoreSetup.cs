using Magnesia.Data;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Web.Infrastructure;

/// <summary>Registers the opened SQLite store, the in-memory food catalogue, the clock and the EF Core context Identity uses.</summary>
internal static class StoreSetup
{
    public static async Task AddMagnesiaStoreAsync(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            await builder.AddPostgresStoreAsync();
            return;
        }

        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'");
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
        builder.Services.AddSingleton(StoreSetup.WarmedUp(await store.LoadCatalogAsync()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new StoreLocation(store.Path));
        // Identity's user store is the one EF Core context the web app registers; the diary goes through DiaryStore.
        builder.Services.AddDbContext<MagnesiaDbContext>(o => o.UseSqlite(MagnesiaStore.ConnectionString(store.Path, pooled: true)).UseModel(Magnesia.Data.CompiledModel.MagnesiaDbContextModel.Instance));
    }

    /// <summary>
    /// Starts building the catalogue's search index in the background while the app starts (a couple of seconds with
    /// 500,000 imported foods), so the first person to search does not wait for it; a search that comes sooner waits
    /// for the same build.
    /// </summary>
    public static Magnesia.Foods.FoodCatalog WarmedUp(Magnesia.Foods.FoodCatalog catalog)
    {
        _ = Task.Run(() => catalog.Index);
        return catalog;
    }
}

internal static class PostgresStoreSetup
{
    /// <summary>
    /// The shared-server store: <c>ConnectionStrings:Magnesia</c> on PostgreSQL. Instances starting together wait for
    /// the one that upgrades (an advisory lock); keys, accounts and data all live in the database, so any instance
    /// accepts another's cookies and tokens.
    /// </summary>
    public static async Task AddPostgresStoreAsync(this WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("Magnesia") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Magnesia is not set");
        var progress = new Progress<double>(p =>
        {
            if (p >= 1)
                Console.Error.WriteLine("magnesia: provisioned USDA SR28 foods into PostgreSQL");
        });
        var waiting = new Progress<string>(m => Console.Error.WriteLine($"magnesia: {m}"));
        var store = await Store.OpenPostgresAsync(connection, progress, waiting, CancellationToken.None);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(StoreSetup.WarmedUp(await store.LoadCatalogAsync()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new StoreLocation(store.Path, KeysInStore: true));
        builder.Services.AddDbContext<MagnesiaDbContext, PostgresMagnesiaDbContext>(o => o.UseNpgsql(connection)
            .UseModel(Magnesia.Data.Postgres.CompiledModel.PostgresMagnesiaDbContextModel.Instance));
    }
}

/// <summary>Reads back what <see cref="StoreSetup.AddMagnesiaStoreAsync"/> registered.</summary>
internal static class StoreLocationLookup
{
    public static StoreLocation BuildStoreLocation(this IServiceCollection services) =>
        (StoreLocation)services.Last(d => d.ServiceType == typeof(StoreLocation)).ImplementationInstance!;
}

/// <summary>Where the store lives, and whether the data-protection keys live in it (PostgreSQL) or beside it (SQLite).</summary>
public sealed record StoreLocation(string Path, bool KeysInStore = false);
