using System.CommandLine;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Units;

namespace Magnesia.Cli.Features.Foods;

/// <summary><c>magnesia foods add --name … [--serving-grams g] --magnesium-mg n [--calcium-mg] [--potassium-mg] [--energy-kcal]</c></summary>
internal static class FoodsAddCommand
{
    public static Command Create(CliContext cli, GlobalOptions g)
    {
        var name = new Option<string?>("--name") { Description = "Name (1–200 characters).", HelpName = "NAME" };
        var serving = CliOptions.Number("--serving-grams", "The label's serving size; the values are then per serving (else per 100 g).", "G");
        var magnesium = CliOptions.Number("--magnesium-mg", "Magnesium.", "MG");
        var calcium = CliOptions.Number("--calcium-mg", "Calcium.", "MG");
        var potassium = CliOptions.Number("--potassium-mg", "Potassium.", "MG");
        var energy = CliOptions.Number("--energy-kcal", "Energy.", "KCAL");
        var command = new Command("add", "A custom food from a label: values per 100 g, or per serving with --serving-grams.") { name, serving, magnesium, calcium, potassium, energy };
        command.Guarded(r =>
        {
            var basis = r.GetValue(serving) ?? 100;
            var n = r.GetValue(name);
            Checks.Report(r,
                string.IsNullOrWhiteSpace(n) || n.Length > EntryLimits.MaxNameLength ? "--name is required (1–200 characters)"
                : Checks.Name(n, "--name") is { } badName ? badName
                : r.GetValue(magnesium) is null ? "--magnesium-mg is required"
                : Checks.Positive(r.GetValue(serving), "--serving-grams", Amounts.MaxEntryGrams)
                  ?? Checks.In(r.GetValue(magnesium), "--magnesium-mg", EntryLimits.CustomMineralMgRange(basis))
                  ?? Checks.In(r.GetValue(calcium), "--calcium-mg", EntryLimits.CustomMineralMgRange(basis))
                  ?? Checks.In(r.GetValue(potassium), "--potassium-mg", EntryLimits.CustomMineralMgRange(basis))
                  ?? Checks.In(r.GetValue(energy), "--energy-kcal", EntryLimits.CustomEnergyKcalRange(basis)));
        });
        command.SetAction(async (parse, ct) =>
        {
            var servingGrams = parse.GetValue(serving);
            var factor = 100.0 / (servingGrams ?? 100);
            var nutrients = new Nutrients(
                Mass.FromMilligrams(parse.GetValue(magnesium)!.Value * factor), Mass.FromMilligrams((parse.GetValue(calcium) ?? 0) * factor),
                Mass.FromMilligrams((parse.GetValue(potassium) ?? 0) * factor), (parse.GetValue(energy) ?? 0) * factor);
            var foodName = parse.GetValue(name)!.Trim();
            await using var diary = await cli.OpenDiaryAsync(parse.GetValue(g.Db), ct);
            var id = await diary.AddCustomFoodAsync(foodName, nutrients, servingGrams, ct);
            if (parse.GetValue(g.Json))
                return cli.WriteJson(new CustomFoodCreatedResponse(id, foodName, nutrients.Magnesium.Milligrams, servingGrams));
            cli.Out.WriteLine(id);
            return MagnesiaCli.Ok;
        });
        return command;
    }
}
