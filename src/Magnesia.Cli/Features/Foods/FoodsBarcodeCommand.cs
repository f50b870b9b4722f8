using System.CommandLine;
using Magnesia.Foods;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods barcode &lt;gtin&gt;</c>: the branded food with this barcode, as <c>foods show</c> prints it.</summary>
internal static class FoodsBarcodeCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var code = new Argument<string>("gtin") { Description = "The digits under the barcode: UPC-A (12), EAN-13, EAN-8 or GTIN-14; the check digit is verified." };
        var command = new Command("barcode", "Find a branded food by its barcode (GTIN/UPC), from an imported FDC Branded Foods release.") { code };
        command.Validate(r => Gtin.Parse(r.GetValue(code), out var problem) is null ? $"<gtin>: {problem}" : null);
        command.SetAction(async (parse, ct) =>
        {
            var gtin = Gtin.Parse(parse.GetValue(code), out _)!.Value;
            var store = await cli.OpenStoreAsync(parse.GetValue(g.Db), ct);
            var key = await store.FindByGtinAsync(gtin, ct)
                ?? throw new UsageException($"no food with barcode {gtin} (import an FDC Branded Foods release: magnesia foods import fdc <zip> --data-type branded)");
            return await FoodsShowCommand.ShowAsync(cli, g, parse, store, FoodId.Parse(key), ct);
        });
        return command;
    }
}
