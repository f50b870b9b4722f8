using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.References;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary>Settings of a command about one day.</summary>
public class DaySettings : GlobalSettings
{
    /// <summary>Day, default today.</summary>
    [CommandOption("--date <DATE>")]
    [Description("yyyy-mm-dd (default today).")]
    public string? Date { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        DiaryOptions.CheckDate(Date, "--date") is { } p ? ValidationResult.Error(p) : ValidationResult.Success();
}

/// <summary><c>magnesia entries list [--date …]</c></summary>
public sealed class EntriesListCommand(CliContext cli) : AsyncCommand<DaySettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DaySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
        var day = DayResponse.From(await diary.DayAsync(profile, date, cancellationToken));
        if (settings.Json)
            return cli.WriteJson(new { date, entries = day.Entries, symptoms = day.Symptoms });
        DayCommand.WriteEntries(cli, day);
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia entries delete &lt;entry-id&gt;</c></summary>
public sealed class EntriesDeleteCommand(CliContext cli) : AsyncCommand<EntriesDeleteCommand.Settings>
{
    /// <summary>Options of <c>entries delete</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Entry id.</summary>
        [CommandArgument(0, "<entry-id>")]
        public string Id { get; init; } = "";

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? ValidationResult.Success()
                : ValidationResult.Error($"<entry-id> must be a positive whole number, not '{Id}'");
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var id = long.Parse(settings.Id, CultureInfo.InvariantCulture);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        if (!await diary.DeleteEntryAsync(id, cancellationToken))
            throw new UsageException($"no entry with id {id}");
        if (settings.Json)
            return cli.WriteJson(new { deleted = id });
        cli.Out.WriteLine($"deleted entry {id}");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia recipes add --name … --servings n --ingredient REF=GRAMS …</c></summary>
public sealed class RecipesAddCommand(CliContext cli) : AsyncCommand<RecipesAddCommand.Settings>
{
    /// <summary>Options of <c>recipes add</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Name.</summary>
        [CommandOption("--name <NAME>")]
        public string? Name { get; init; }

        /// <summary>Servings.</summary>
        [CommandOption("--servings <N>")]
        public double? Servings { get; init; }

        /// <summary>Ingredients as REF=GRAMS.</summary>
        [CommandOption("--ingredient <REF=GRAMS>")]
        [Description("An ingredient as NDB or custom id = grams, e.g. 11457=120; repeat for each.")]
        public string[] Ingredients { get; init; } = [];

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
                return ValidationResult.Error("--name is required (1–200 characters)");
            if (Servings is null)
                return ValidationResult.Error("--servings is required");
            if (DiaryOptions.CheckPositive(Servings, "--servings", 1_000) is { } s)
                return ValidationResult.Error(s);
            if (Ingredients.Length == 0)
                return ValidationResult.Error("give at least one --ingredient REF=GRAMS");
            foreach (var i in Ingredients)
            {
                if (Parse(i) is null)
                    return ValidationResult.Error($"--ingredient '{i}' must be an NDB number or custom food id, '=', and grams up to 5000 (e.g. 11457=120)");
            }

            return ValidationResult.Success();
        }

        internal static RecipeIngredient? Parse(string text)
        {
            var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
            return parts.Length == 2 && FoodRef.Parse(parts[0]) is { Source: not FoodSource.Recipe } food
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var grams) && Amounts.Check(grams, out _) is not null
                ? new RecipeIngredient(food, grams)
                : null;
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ingredients = settings.Ingredients.Select(i => Settings.Parse(i)!).ToList();
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        foreach (var i in ingredients)
        {
            if (await diary.FindEdibleAsync(i.Food, cancellationToken) is null)
                throw new UsageException($"--ingredient: no food {i.Food.Id}");
        }

        var id = await diary.AddRecipeAsync(settings.Name!.Trim(), settings.Servings!.Value, ingredients, cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { id });
        cli.Out.WriteLine(id);
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia recipes show &lt;id&gt;</c></summary>
public sealed class RecipesShowCommand(CliContext cli) : AsyncCommand<RecipesShowCommand.Settings>
{
    /// <summary>Options of <c>recipes show</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Recipe id.</summary>
        [CommandArgument(0, "<recipe-id>")]
        public string Id { get; init; } = "";

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            FoodRef.Parse(Id) is { Source: FoodSource.Recipe } ? ValidationResult.Success() : ValidationResult.Error($"<recipe-id> must look like r1, not '{Id}'");
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var id = FoodRef.Parse(settings.Id)!.Value.Id;
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var found = await diary.GetRecipeAsync(id, cancellationToken) ?? throw new UsageException($"no recipe {id}");
        var (recipe, lines, perServing) = found;
        var response = new
        {
            id = recipe.Id, name = recipe.Name, servings = recipe.Servings, servingGrams = Math.Round(recipe.ServingGrams, 2),
            ingredients = lines.Select(l => new { food = l.Ingredient.Food.Id, name = l.Name, grams = l.Ingredient.Grams, magnesiumMg = l.Nutrients.Magnesium.Milligrams }).ToList(),
            perServing = new { magnesiumMg = perServing.Magnesium.Milligrams, calciumMg = perServing.Calcium.Milligrams, potassiumMg = perServing.Potassium.Milligrams, energyKcal = Math.Round(perServing.EnergyKcal, 1) },
        };
        if (settings.Json)
            return cli.WriteJson(response);
        var table = new Table().Title(Markup.Escape($"{recipe.Name} ({recipe.Id}) — {recipe.Servings:0.##} servings of {recipe.ServingGrams:0.#} g"))
            .AddColumns(new TableColumn("Food"), new TableColumn("Name"), new TableColumn("g").RightAligned(), new TableColumn("Mg mg").RightAligned());
        foreach (var l in response.ingredients)
            table.AddRow(l.food, Markup.Escape(l.name), l.grams.ToString("0.#", CultureInfo.InvariantCulture), DiaryOptions.Mg(l.magnesiumMg));
        cli.Console.Write(table);
        cli.Out.WriteLine($"Per serving: {DiaryOptions.Mg(response.perServing.magnesiumMg)} mg magnesium, {response.perServing.energyKcal:0} kcal");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia recipes list</c></summary>
public sealed class RecipesListCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (db, _) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var __ = db;
        // Read the two lists directly: an export would also load every diary entry.
        var customs = await db.CustomFoods.AsNoTracking().Where(c => c.UserId == DiaryStore.LocalUser).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.MagnesiumUgPer100g, c.ServingGrams }).ToListAsync(cancellationToken);
        var recipes = await db.Recipes.AsNoTracking().Where(r => r.UserId == DiaryStore.LocalUser).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Servings, Ingredients = r.Ingredients.Count }).ToListAsync(cancellationToken);
        var list = new
        {
            customFoods = customs.Select(c => new { Id = $"c{c.Id}", c.Name, MagnesiumMgPer100g = c.MagnesiumUgPer100g / 1_000.0, c.ServingGrams }).ToList(),
            recipes = recipes.Select(r => new { Id = $"r{r.Id}", r.Name, r.Servings, ingredients = r.Ingredients }).ToList(),
        };
        if (settings.Json)
            return cli.WriteJson(list);
        foreach (var c in list.customFoods)
            cli.Out.WriteLine($"{c.Id}  {c.Name} ({DiaryOptions.Mg(c.MagnesiumMgPer100g)} mg Mg/100 g)");
        foreach (var r in list.recipes)
            cli.Out.WriteLine($"{r.Id}  {r.Name} ({r.Servings:0.##} servings, {r.ingredients} ingredients)");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia day [--date …]</c></summary>
public sealed class DayCommand(CliContext cli) : AsyncCommand<DaySettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DaySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var date = cli.Date(settings.Date);
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
        var d = DayResponse.From(await diary.DayAsync(profile, date, cancellationToken));
        if (settings.Json)
            return cli.WriteJson(d);

        var goal = d.RdaMg ?? d.AiMg;
        cli.Out.WriteLine($"{d.Date:yyyy-MM-dd} — {d.LifeStage}");
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("Magnesium", $"{DiaryOptions.Mg(d.MagnesiumTotalMg)} mg (food {DiaryOptions.Mg(d.MagnesiumFoodMg)}, supplements {DiaryOptions.Mg(d.MagnesiumSupplementMg)})");
        table.AddRow(d.RdaMg is null ? "AI" : "RDA", $"{goal:0} mg — {d.PercentOfRda:0.#}% of it; EAR {(d.EarMg is { } ear ? $"{ear:0} mg" : "not set")}; status {d.Status}");
        table.AddRow("Supplement UL", d.SupplementalUlMg is { } ul ? $"{ul:0} mg{(d.SupplementalAboveUl ? " — EXCEEDED by supplements" : "")}" : "not set for infants");
        table.AddRow("Calcium", $"{DiaryOptions.Mg(d.CalciumMg)} mg (Ca:Mg {(d.CalciumToMagnesiumRatio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–")})");
        table.AddRow("Potassium", $"{DiaryOptions.Mg(d.PotassiumMg)} mg");
        table.AddRow("Energy", $"{d.EnergyKcal:0} kcal (magnesium density {(d.MagnesiumMgPer1000Kcal is { } k ? $"{k:0} mg/1000 kcal" : "–")})");
        if (d.MagnesiumIncomplete)
            table.AddRow("Note", "a food eaten has no magnesium value in USDA SR28; it counts as 0");
        cli.Console.Write(table);
        WriteEntries(cli, d);
        return MagnesiaCli.Ok;
    }

    internal static void WriteEntries(CliContext cli, DayResponse d)
    {
        if (d.Entries is { Count: > 0 } entries)
        {
            var t = new Table().AddColumns(new TableColumn("Id"), new TableColumn("Kind"), new TableColumn("Meal"), new TableColumn("Name"), new TableColumn("g").RightAligned(), new TableColumn("Mg mg").RightAligned());
            foreach (var e in entries)
                t.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), e.Kind, e.Meal ?? "", Markup.Escape(e.Name), e.Grams?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", DiaryOptions.Mg(e.MagnesiumMg));
            cli.Console.Write(t);
        }

        foreach (var s in d.Symptoms ?? [])
            cli.Out.WriteLine($"Symptom {s.Id}: {s.Name}, severity {s.Severity}{(s.Note is null ? "" : $" — {s.Note}")}");
        if (d.Entries is not { Count: > 0 } && d.Symptoms is not { Count: > 0 })
            cli.Out.WriteLine("Nothing logged on this day.");
    }
}

/// <summary><c>magnesia report --from … --to … [--json | --csv]</c></summary>
public sealed class ReportCommand(CliContext cli) : AsyncCommand<ReportCommand.Settings>
{
    /// <summary>Options of <c>report</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>First day.</summary>
        [CommandOption("--from <DATE>")]
        public string? From { get; init; }

        /// <summary>Last day.</summary>
        [CommandOption("--to <DATE>")]
        public string? To { get; init; }

        /// <summary>CSV of the per-day series.</summary>
        [CommandOption("--csv")]
        public bool Csv { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            string? problem =
                From is null || To is null ? "--from and --to are required (yyyy-mm-dd)"
                : DiaryOptions.CheckDate(From, "--from") ?? DiaryOptions.CheckDate(To, "--to")
                  ?? (DiaryOptions.ParseDate(To) < DiaryOptions.ParseDate(From) ? "--to is before --from" : null)
                  ?? (DiaryOptions.ParseDate(To)!.Value.DayNumber - DiaryOptions.ParseDate(From)!.Value.DayNumber >= PeriodReport.MaxDays ? $"a report may span at most {PeriodReport.MaxDays} days" : null)
                  ?? (Json && Csv ? "--json and --csv cannot both be given" : null);
            return problem is null ? ValidationResult.Success() : ValidationResult.Error(problem);
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var from = cli.Date(settings.From, "--from");
        var to = cli.Date(settings.To, "--to");
        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        var profile = await CliContext.RequireProfileAsync(diary, cancellationToken);
        var report = PeriodResponse.Create(await diary.PeriodAsync(profile, from, to, cancellationToken));
        if (settings.Json)
            return cli.WriteJson(report);
        if (settings.Csv)
        {
            cli.Out.Write(report.ToCsv());
            return MagnesiaCli.Ok;
        }

        cli.Out.WriteLine($"{report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}: {report.DaysLogged} of {report.Days} days logged, {report.DaysBelowEar} below the EAR");
        if (report.Means is { } m)
            cli.Out.WriteLine($"Mean per logged day: magnesium {DiaryOptions.Mg(m.MagnesiumTotalMg)} mg ({m.PercentOfRda:0.#}% of RDA; food {DiaryOptions.Mg(m.MagnesiumFoodMg)}, supplements {DiaryOptions.Mg(m.MagnesiumSupplementMg)}), calcium {DiaryOptions.Mg(m.CalciumMg)} mg, potassium {DiaryOptions.Mg(m.PotassiumMg)} mg, {m.EnergyKcal:0} kcal");
        if (report.TopFoods.Count > 0)
        {
            var t = new Table().Title("Top foods by magnesium").AddColumns(new TableColumn("Food"), new TableColumn("Name"), new TableColumn("Mg mg").RightAligned(), new TableColumn("Entries").RightAligned());
            foreach (var f in report.TopFoods)
                t.AddRow(f.Food, Markup.Escape(f.Name), DiaryOptions.Mg(f.MagnesiumMg), f.Entries.ToString(CultureInfo.InvariantCulture));
            cli.Console.Write(t);
        }

        foreach (var s in report.Symptoms)
            cli.Out.WriteLine($"Symptom {s.Name}: {s.Count} day(s), worst severity {s.MaxSeverity}");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia export &gt; diary.json</c></summary>
public sealed class ExportCommand(CliContext cli) : AsyncCommand<GlobalSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await cli.OpenStoreAsync(settings, cancellationToken);
        var doc = await DiaryTransfer.ExportAsync(db, DiaryStore.LocalUser, cancellationToken);
        cli.Out.WriteLine(JsonSerializer.Serialize(doc, DiaryDocument.JsonOptions));
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia import diary.json [--replace]</c></summary>
public sealed class ImportCommand(CliContext cli) : AsyncCommand<ImportCommand.Settings>
{
    /// <summary>Options of <c>import</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>The document.</summary>
        [CommandArgument(0, "<file>")]
        public string File { get; init; } = "";

        /// <summary>Replace a non-empty diary.</summary>
        [CommandOption("--replace")]
        [Description("Replace the current diary when it is not empty.")]
        public bool Replace { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string json;
        try
        {
            json = await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read {settings.File}: {e.Message}");
        }

        var (db, diary) = await cli.OpenDiaryAsync(settings, cancellationToken);
        await using var _ = db;
        if (!settings.Replace && !(await DiaryTransfer.CountAsync(db, DiaryStore.LocalUser, cancellationToken)).IsEmpty)
            throw new UsageException("the diary is not empty; use --replace to replace it (export it first to keep a copy)");
        try
        {
            await DiaryTransfer.ImportAsync(db, DiaryStore.LocalUser, json, settings.File, cli.Today, cancellationToken);
        }
        catch (DiaryImportException e)
        {
            throw new UsageException(e.Message);
        }

        var imported = await DiaryTransfer.CountAsync(db, DiaryStore.LocalUser, cancellationToken);
        if (settings.Json)
            return cli.WriteJson(new { entries = imported.Entries, customFoods = imported.CustomFoods, recipes = imported.Recipes, profile = imported.Profile });
        cli.Out.WriteLine($"imported {imported.Entries} entries, {imported.CustomFoods} custom foods, {imported.Recipes} recipes");
        return MagnesiaCli.Ok;
    }
}
