using System.CommandLine;
using Magnesia.Intake;
using System.Globalization;
using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Plan;

/// <summary><c>magnesia products add --name … --form id --elemental-mg-per-unit n --units n --price n</c></summary>
internal static class ProductsAddCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var name = new Option<string?>("--name") { Description = "Name as on the label.", HelpName = "NAME" };
        var form = new Option<string?>("--form") { Description = "Salt form id (see `magnesia forms`).", HelpName = "FORM" };
        var perUnit = CliOptions.Number("--elemental-mg-per-unit", "Elemental magnesium per tablet or capsule, mg (as US labels state it).");
        var units = CliOptions.Whole("--units", "Tablets or capsules per pack.");
        var price = CliOptions.Number("--price", "Price of the pack.");
        var command = new Command("add", "Add a supplement product; prints its id (p1, p2, …).") { name, form, perUnit, units, price };
        command.Guarded(r => Checks.Report(r,
            string.IsNullOrWhiteSpace(r.GetValue(name)) ? "--name is required"
            : r.GetValue(name)!.Length > EntryLimits.MaxNameLength ? "--name must be at most 200 characters"
            : Checks.Name(r.GetValue(name), "--name") is { } badName ? badName
            : r.GetValue(form) is not { } f ? "--form is required (see `magnesia forms`)"
            : SupplementForms.Find(f) is null ? $"--form: unknown form '{f}' (known: {SupplementForms.KnownIds})"
            : r.GetValue(perUnit) is null ? "--elemental-mg-per-unit is required"
            : r.GetValue(units) is null ? "--units is required"
            : r.GetValue(price) is null ? "--price is required"
            : Checks.In(r.GetValue(units), "--units", EntryLimits.UnitsPerPackRange)
              ?? Checks.In(r.GetValue(perUnit), "--elemental-mg-per-unit", EntryLimits.ElementalMgPerUnitRange)
              ?? Checks.In(r.GetValue(price), "--price", EntryLimits.PriceRange)));
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var p = await diary.AddProductAsync(parse.GetValue(name)!.Trim(), SupplementForms.Find(parse.GetValue(form)!)!, parse.GetValue(perUnit)!.Value,
                parse.GetValue(units)!.Value, parse.GetValue(price)!.Value, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(ProductResponse.From(p));
            cli.Out.WriteLine(p.Id);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}

/// <summary><c>magnesia products list</c></summary>
internal static class ProductsListCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var command = new Command("list", "The supplement products you added.");
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var all = (await diary.ProductsAsync(ct)).Select(p => ProductResponse.From(p)).ToList();
            if (parse.GetValue(g.Json))
                return cli.WriteJson(all);
            foreach (var p in all)
                cli.Out.WriteLine($"{p.Id}  {p.Name} ({p.Form}, {p.ElementalMgPerUnit:0.#} mg × {p.Units}) {p.Price.ToString("0.00", CultureInfo.InvariantCulture)}: {p.CostPer100MgElemental.ToString("0.000", CultureInfo.InvariantCulture)} per 100 mg");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}

/// <summary>
/// <c>magnesia products compare [--intake-mg n]</c>: each product's cost per 100 mg of elemental magnesium and per month
/// at the dose the supplement planner gives with it (to the RDA gap left by usual food intake), cheapest first.
/// </summary>
internal static class ProductsCompareCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var intake = CliOptions.Number("--intake-mg", "Usual magnesium intake from food, mg/day (default: the diary's last 30 days).");
        var command = new Command("compare", "Cost per 100 mg elemental magnesium and per month at the planned dose, cheapest first.") { intake };
        command.Guarded(r => Checks.Report(r, Checks.In(r.GetValue(intake), "--intake-mg", PlanLimits.UsualIntakeMgRange)));
        command.SetAction(async (parse, ct) =>
        {
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var profile = await CliContext.RequireProfileAsync(diary, ct);
            var today = cli.Date(null, "--to");
            var rows = (await diary.CompareProductsAsync(profile, parse.GetValue(intake), today, ct)).Select(x => ProductResponse.From(x.Product, x.UnitsPerDay)).ToList();
            rows = [.. rows.OrderBy(r => r.CostPer100MgElemental).ThenBy(r => r.Id, StringComparer.Ordinal)];
            if (parse.GetValue(g.Json))
                return cli.WriteJson(rows);
            foreach (var r in rows)
                cli.Out.WriteLine($"{r.Id}  {r.Name}: {r.CostPer100MgElemental.ToString("0.000", CultureInfo.InvariantCulture)} per 100 mg; {(r.CostPerMonth is { } m ? $"{r.PlannedUnitsPerDay} a day = {m.ToString("0.00", CultureInfo.InvariantCulture)} a month" : r.PlannedUnitsPerDay == 0 ? "one unit is more than the gap" : "no plan (nothing logged; give --intake-mg)")}");
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
