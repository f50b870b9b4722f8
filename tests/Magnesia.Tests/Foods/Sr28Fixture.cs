using Magnesia.Data.Foods;
using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

/// <summary>The real SR28 foods, read once for all tests in the assembly.</summary>
internal static class Sr28
{
    private static readonly Lazy<FoodCatalog> LazyCatalog = new(() => new FoodCatalog(Sr28Provisioner.ReadEmbedded().Select(f => f.Food)));

    public static FoodCatalog Catalog => LazyCatalog.Value;

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Foods", file);
}
