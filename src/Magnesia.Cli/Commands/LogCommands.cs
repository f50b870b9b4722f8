using System.ComponentModel;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia log food &lt;ndb|custom-id|recipe-id&gt; (--grams n | --portion "…" [--quantity n] | --oz n | --lb n)</c></summary>
public sealed class LogFoodCommand(CliContext cli) : AsyncCommand<LogFoodCommand.Settings>
{
    /// <summary>Options of <c>log food</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>What was eaten.</summary>
        [CommandArgument(0, "<food>")]
        [Description("NDB number (11457), custom food id (c1) or recipe id (r1).")]
        public string Food { get; init; } = "";

        /// <summary>Grams.</summary>
        [CommandOption("--grams <G>")]
        public double? Grams { get; init; }

        /// <summary>Portion description.</summary>
        [CommandOption("--portion <PORTION>")]
        [Description("A household portion of the food (see `foods show`), \"serving\" for custom foods and recipes, or g, oz, lb.")]
        public string? Portion { get; init; }

        /// <summary>How many portions.</summary>
        [CommandOption("--quantity <N>")]
        public double? Quantity { get; init; }

        /// <summary>Ounces.</summary>
        [CommandOption("--oz <OZ>")]
        public double? Ounces { get; init; }

        /// <summary>Pounds.</summary>
        [CommandOption("--lb <LB>")]
        public double? Pounds { get; init; }

        /// <summary>Day.</summary>
        [CommandOption("--date <DATE>")]
        public string? Date { get; init; }

        /// <summary>Meal.</summary>
        [CommandOption("--meal <MEAL>")]
        [Description("breakfast, lunch, dinner or snack.")]
        public string? Meal { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            var amounts = new[] { Grams is not null, Portion is not null, Ounces is not null, Pounds is not null }.Count(x => x);
            string? problem =
                FoodRef.Parse(Food) is null ? $"<food> must be an NDB number, a custom food id (c1) or a recipe id (r1), not '{Food}'"
                : amounts != 1 ? "give exactly one amount: --grams, --portion (with --quantity), --oz or --lb"
                : Quantity is not null && Portion is null ? "--quantity goes with --portion"
                : DiaryOptions.CheckPositive(Grams, "--grams", Amounts.MaxEntryGrams)
                  ?? DiaryOptions.CheckPositive(Quantity, "--quantity", 1_000)
                  ?? DiaryOptions.CheckPositive(Ounces, "--oz", Amounts.MaxEntryGrams / Amounts.GramsPerOunce)
                  ?? DiaryOptions.CheckPositive(Pounds, "--lb", Amounts.MaxEntryGrams / Amounts.GramsPerPound)
                  ?? DiaryOptions.CheckDate(Date, "--date")
                  ?? (Meal is not null && DiaryOptions.ParseMeal(Meal) is null ? $"--meal must be breakfast, lunch, dinner or snack, not '{Meal}'" : null)
                  ?? (Portion is { } p && string.IsNullOrWhiteSpace(p) ? "--portion must not be empty" : null);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var food = FoodRef.Parse(settings.Food)!.Value;
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        await CliContext.RequireProfileOnAsync(diary, date, cancellationToken);
        var info = await diary.FindEdibleAsync(food, cancellationToken) ?? throw new UsageException(food.Source switch
        {
            FoodSource.Sr28 => $"no food with NDB number {food.Id}",
            FoodSource.Custom => $"no custom food {food.Id} (see `magnesia foods add`)",
            _ => $"no recipe {food.Id} (see `magnesia recipes list`)",
        });
        var (portion, quantity) = settings switch
        {
            { Grams: { } g } => ("g", g),
            { Ounces: { } oz } => ("oz", oz),
            { Pounds: { } lb } => ("lb", lb),
            _ => (settings.Portion!.Trim(), settings.Quantity ?? 1),
        };
        var grams = Amounts.ToGrams(portion, quantity, info.Portions, out var problem) ?? throw new UsageException(problem!);
        var id = await diary.AddFoodAsync(date, DiaryOptions.ParseMeal(settings.Meal), food, grams, new AmountEntered(portion, quantity), cancellationToken);
        var mg = info.Per100g.Magnesium.Scale(grams / 100.0);
        if (settings.Json)
            return cli.WriteJson(new { id, date, food = food.Id, name = info.Name, grams = Math.Round(grams, 2), magnesiumMg = mg.Milligrams });
        cli.Out.WriteLine(id);
        cli.Error.WriteLine($"logged {grams:0.#} g {info.Name} on {date:yyyy-MM-dd}: {DiaryOptions.Mg(mg.Milligrams)} mg magnesium");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia log supplement &lt;form-id&gt; (--elemental-mg n | --compound-mg n) [--calcium-mg n]</c></summary>
public sealed class LogSupplementCommand(CliContext cli) : AsyncCommand<LogSupplementCommand.Settings>
{
    /// <summary>Options of <c>log supplement</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Salt form id.</summary>
        [CommandArgument(0, "<form>")]
        [Description("A form id from `magnesia forms`, e.g. citrate.")]
        public string Form { get; init; } = "";

        /// <summary>Elemental magnesium.</summary>
        [CommandOption("--elemental-mg <MG>")]
        [Description("Elemental magnesium, as US labels print it.")]
        public double? ElementalMg { get; init; }

        /// <summary>Compound mass.</summary>
        [CommandOption("--compound-mg <MG>")]
        [Description("Mass of the salt; converted with the form's elemental %.")]
        public double? CompoundMg { get; init; }

        /// <summary>Calcium in the supplement.</summary>
        [CommandOption("--calcium-mg <MG>")]
        public double? CalciumMg { get; init; }

        /// <summary>Day.</summary>
        [CommandOption("--date <DATE>")]
        public string? Date { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            string? problem =
                SupplementForms.Find(Form) is null ? $"unknown supplement form '{Form}'; known: {SupplementForms.KnownIds}"
                : ElementalMg is null == CompoundMg is null ? "give exactly one of --elemental-mg or --compound-mg"
                : DiaryOptions.CheckPositive(CompoundMg, "--compound-mg", 100_000)
                  ?? (ElementalMg is { } e ? Supplements.Check(e) is { } p ? $"--elemental-mg: {p}" : null : null)
                  ?? (CompoundMg is { } c && Supplements.Check(Supplements.ElementalFromCompound(SupplementForms.Find(Form)!, c).Milligrams) is { } q ? $"--compound-mg: {q}" : null)
                  ?? DiaryOptions.CheckNonNegative(CalciumMg, "--calcium-mg", 10_000)
                  ?? DiaryOptions.CheckDate(Date, "--date");
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var form = SupplementForms.Find(settings.Form)!;
        var elemental = settings.ElementalMg is { } e ? Mass.FromMilligrams(e) : Supplements.ElementalFromCompound(form, settings.CompoundMg!.Value);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        await CliContext.RequireProfileOnAsync(diary, date, cancellationToken);
        var id = await diary.AddSupplementAsync(date, form.Id, elemental, settings.CompoundMg, Mass.FromMilligrams(settings.CalciumMg ?? 0), cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { id, date, form = form.Id, elementalMg = elemental.Milligrams });
        cli.Out.WriteLine(id);
        cli.Error.WriteLine($"logged {DiaryOptions.Mg(elemental.Milligrams)} mg elemental magnesium as {form.Name} on {date:yyyy-MM-dd}");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia log symptom &lt;symptom-id&gt; --severity 1-5 [--note "…"]</c></summary>
public sealed class LogSymptomCommand(CliContext cli) : AsyncCommand<LogSymptomCommand.Settings>
{
    /// <summary>Options of <c>log symptom</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Sign id.</summary>
        [CommandArgument(0, "<symptom>")]
        [Description("A deficiency sign id, e.g. muscle-cramps.")]
        public string Symptom { get; init; } = "";

        /// <summary>Severity.</summary>
        [CommandOption("--severity <1-5>")]
        public int? Severity { get; init; }

        /// <summary>Note.</summary>
        [CommandOption("--note <TEXT>")]
        public string? Note { get; init; }

        /// <summary>Day.</summary>
        [CommandOption("--date <DATE>")]
        public string? Date { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            string? problem =
                DeficiencySigns.Find(Symptom) is null ? $"unknown symptom '{Symptom}'; known: {string.Join(", ", DeficiencySigns.All.Select(s => s.Id))}"
                : Severity is null ? "--severity is required (1 mild to 5 severe)"
                : Severity is < 1 or > 5 ? $"--severity must be 1 to 5, not {Severity}"
                : Note is { Length: > 1000 } ? "--note must be at most 1000 characters"
                : DiaryOptions.CheckDate(Date, "--date");
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        await CliContext.RequireProfileOnAsync(diary, date, cancellationToken);
        var id = await diary.AddSymptomAsync(date, settings.Symptom, settings.Severity!.Value, settings.Note, cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { id, date, symptom = settings.Symptom, severity = settings.Severity });
        cli.Out.WriteLine(id);
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia foods add --name … [--serving-grams g] --magnesium-mg n [--calcium-mg] [--potassium-mg] [--energy-kcal]</c></summary>
public sealed class FoodsAddCommand(CliContext cli) : AsyncCommand<FoodsAddCommand.Settings>
{
    /// <summary>Options of <c>foods add</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Name.</summary>
        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        /// <summary>Serving size; when given, the values are per serving.</summary>
        [CommandOption("--serving-grams <G>")]
        [Description("The label's serving size; the values are then per serving (else per 100 g).")]
        public double? ServingGrams { get; init; }

        /// <summary>Magnesium.</summary>
        [CommandOption("--magnesium-mg <MG>")]
        public double? MagnesiumMg { get; init; }

        /// <summary>Calcium.</summary>
        [CommandOption("--calcium-mg <MG>")]
        public double? CalciumMg { get; init; }

        /// <summary>Potassium.</summary>
        [CommandOption("--potassium-mg <MG>")]
        public double? PotassiumMg { get; init; }

        /// <summary>Energy.</summary>
        [CommandOption("--energy-kcal <KCAL>")]
        public double? EnergyKcal { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            var basis = ServingGrams ?? 100;
            string? problem =
                string.IsNullOrWhiteSpace(Name) || Name.Length > 200 ? "--name is required (1–200 characters)"
                : MagnesiumMg is null ? "--magnesium-mg is required"
                : DiaryOptions.CheckPositive(ServingGrams, "--serving-grams", Amounts.MaxEntryGrams)
                  ?? DiaryOptions.CheckNonNegative(MagnesiumMg, "--magnesium-mg", basis * 1_000)
                  ?? DiaryOptions.CheckNonNegative(CalciumMg, "--calcium-mg", basis * 1_000)
                  ?? DiaryOptions.CheckNonNegative(PotassiumMg, "--potassium-mg", basis * 1_000)
                  ?? DiaryOptions.CheckNonNegative(EnergyKcal, "--energy-kcal", basis * 9.5);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var per100g = 100.0 / (settings.ServingGrams ?? 100);
        var nutrients = new Nutrients(
            Mass.FromMilligrams(settings.MagnesiumMg!.Value * per100g), Mass.FromMilligrams((settings.CalciumMg ?? 0) * per100g),
            Mass.FromMilligrams((settings.PotassiumMg ?? 0) * per100g), (settings.EnergyKcal ?? 0) * per100g);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var id = await diary.AddCustomFoodAsync(settings.Name!.Trim(), nutrients, settings.ServingGrams, cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { id, name = settings.Name!.Trim(), magnesiumMgPer100g = nutrients.Magnesium.Milligrams, servingGrams = settings.ServingGrams });
        cli.Out.WriteLine(id);
        return MagnesiaCli.Ok;
    }
}
