using Magnesia.Data;
using Magnesia.Data.Foods;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Web.Infrastructure;

/// <summary>Registers the SQLite store and the in-memory food catalogue.</summary>
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
        await using (var db = await MagnesiaStore.OpenAsync(path, progress, waiting, null, CancellationToken.None))
        {
            var catalog = await FoodQueries.LoadCatalogAsync(db);
            builder.Services.AddSingleton(catalog);
        }

        builder.Services.AddSingleton(new StoreLocation(path));
        builder.Services.AddDbContext<MagnesiaDbContext>(o => o.UseSqlite(MagnesiaStore.ConnectionString(path)).UseModel(Magnesia.Data.CompiledModel.MagnesiaDbContextModel.Instance));
    }
}

/// <summary>Where the store lives, for /health and diagnostics.</summary>
internal sealed record StoreLocation(string Path);
