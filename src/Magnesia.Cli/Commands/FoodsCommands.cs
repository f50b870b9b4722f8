using System.ComponentModel;
using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Magnesia.Cli.Commands;

/// <summary><c>magnesia foods search &lt;query&gt; [--limit N]</c></summary>
public sealed class FoodsSearchCommand(CliContext cli) : AsyncCommand<FoodsSearchCommand.Settings>
{
    /// <summary>Options of <c>foods search</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>What the user typed; several words allowed.</summary>
        [CommandArgument(0, "<query>")]
        [Description("What you ate, in your own words (typos are fine).")]
        public string[] Query { get; init; } = [];

        /// <summary>How many results.</summary>
        [CommandOption("--limit <N>")]
        [Description("Number of results, 1–100 (default 10).")]
        public int Limit { get; init; } = 10;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(string.Join(' ', Query)) || SearchText.Words(string.Join(' ', Query)).Count == 0)
                return ValidationResult.Error("<query> must contain at least one word");
            if (Limit is < 1 or > 100)
                return ValidationResult.Error($"--limit must be between 1 and 100, not {Limit}");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var catalog = await cli.LoadCatalogAsync(settings, cancellationToken);
        var hits = catalog.Search(string.Join(' ', settings.Query), settings.Limit).Select(FoodHitResponse.From).ToList();
        if (settings.Json)
            return cli.WriteJson(hits);
        if (hits.Count == 0)
        {
            cli.Out.WriteLine("No foods found.");
            return MagnesiaCli.Ok;
        }

        var table = new Table().AddColumns(new TableColumn("NDB"), new TableColumn("Food"), new TableColumn("Group"), new TableColumn("Mg mg/100 g").RightAligned(), new TableColumn("Score").RightAligned());
        foreach (var h in hits)
            table.AddRow(h.Ndb, Markup.Escape(h.Name), Markup.Escape(h.Group), FoodFormat.Mg(h.MagnesiumMgPer100g), h.Score.ToString("0.00"));
        cli.Console.Write(table);
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia foods show &lt;ndb&gt;</c></summary>
public sealed class FoodsShowCommand(CliContext cli) : AsyncCommand<FoodsShowCommand.Settings>
{
    /// <summary>Options of <c>foods show</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>NDB number.</summary>
        [CommandArgument(0, "<ndb>")]
        [Description("NDB number, e.g. 11457 (leading zeros optional: 9040 = 09040).")]
        public string Ndb { get; init; } = "";

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            FoodCatalog.NormalizeNdb(Ndb) is null
                ? ValidationResult.Error($"<ndb> must be an NDB number of up to 5 digits, not '{Ndb}'")
                : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ndb = FoodCatalog.NormalizeNdb(settings.Ndb)!;
        var catalog = await cli.LoadCatalogAsync(settings, cancellationToken);
        var food = catalog.Find(ndb) ?? throw new UsageException($"no food with NDB number {ndb}");
        var r = FoodResponse.From(food);
        if (settings.Json)
            return cli.WriteJson(r);

        var table = new Table().Title($"{Markup.Escape(r.Name)} (NDB {r.Ndb})").HideHeaders().AddColumns("", "");
        table.AddRow("Group", Markup.Escape($"{r.Group} ({r.GroupCode})"));
        if (r.CommonNames.Count > 0)
            table.AddRow("Common names", Markup.Escape(string.Join(", ", r.CommonNames)));
        if (r.Manufacturer is not null)
            table.AddRow("Manufacturer", Markup.Escape(r.Manufacturer));
        table.AddRow("Magnesium", $"{FoodFormat.Mg(r.MagnesiumMgPer100g)} mg/100 g");
        table.AddRow("Magnesium density", r.MagnesiumMgPer100kcal is { } d ? $"{d:0.#} mg/100 kcal" : "–");
        table.AddRow("Calcium", $"{FoodFormat.Mg(r.CalciumMgPer100g)} mg/100 g");
        table.AddRow("Potassium", $"{FoodFormat.Mg(r.PotassiumMgPer100g)} mg/100 g");
        table.AddRow("Energy", r.EnergyKcalPer100g is { } e ? $"{e:0} kcal/100 g" : "–");
        foreach (var p in r.Portions)
            table.AddRow("Portion", Markup.Escape($"{p.Description} = {p.Grams:0.##} g → {FoodFormat.Mg(p.MagnesiumMg)} mg magnesium"));
        cli.Console.Write(table);
        cli.Out.WriteLine($"Source: {r.Source}");
        return MagnesiaCli.Ok;
    }
}

/// <summary><c>magnesia foods top [--per 100g|100kcal|portion] [--group G] [--limit N]</c></summary>
public sealed class FoodsTopCommand(CliContext cli) : AsyncCommand<FoodsTopCommand.Settings>
{
    /// <summary>Options of <c>foods top</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        /// <summary>Basis.</summary>
        [CommandOption("--per <BASIS>")]
        [Description("100g (default), 100kcal or portion (the food's first household measure).")]
        public string Per { get; init; } = "100g";

        /// <summary>Group name or code.</summary>
        [CommandOption("--group <GROUP>")]
        [Description("Food group: code (1100 or 11), name, or an unambiguous part of it (vegetables).")]
        public string? Group { get; init; }

        /// <summary>How many.</summary>
        [CommandOption("--limit <N>")]
        [Description("Number of foods, 1–1000 (default 20).")]
        public int Limit { get; init; } = 20;

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (NutrientBases.Parse(Per) is null)
                return ValidationResult.Error($"--per must be 100g, 100kcal or portion, not '{Per}'");
            if (Group is not null && FoodGroups.Resolve(Group) is null)
                return ValidationResult.Error($"--group '{Group}' matches no single food group; use a code such as 1100 or a name such as 'Nut and Seed Products'");
            if (Limit is < 1 or > 1000)
                return ValidationResult.Error($"--limit must be between 1 and 1000, not {Limit}");
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var basis = NutrientBases.Parse(settings.Per)!.Value;
        var group = settings.Group is null ? null : FoodGroups.Resolve(settings.Group);
        var catalog = await cli.LoadCatalogAsync(settings, cancellationToken);
        var basisName = basis.Name();
        var top = catalog.Top(basis, group, settings.Limit).Select(r => FoodTopResponse.From(r, basisName)).ToList();
        if (settings.Json)
            return cli.WriteJson(top);

        var title = $"Richest magnesium sources per {basisName}{(group is null ? "" : $" — {group.Name}")}";
        var table = new Table().Title(Markup.Escape(title)).AddColumns(new TableColumn("NDB"), new TableColumn("Food"), new TableColumn($"Mg mg/{basisName}").RightAligned(), new TableColumn("Mg mg/100 g").RightAligned());
        if (basis == NutrientBasis.PerPortion)
            table.AddColumn("Portion");
        foreach (var t in top)
        {
            var row = new List<string> { t.Ndb, Markup.Escape(t.Name), t.MagnesiumMg.ToString("0.#"), FoodFormat.Mg(t.MagnesiumMgPer100g) };
            if (basis == NutrientBasis.PerPortion)
                row.Add(Markup.Escape($"{t.Portion} ({t.PortionGrams:0.##} g)"));
            table.AddRow([.. row]);
        }

        cli.Console.Write(table);
        return MagnesiaCli.Ok;
    }
}

/// <summary>Formatting and parsing shared by the food commands.</summary>
internal static class FoodFormat
{
    public static string Mg(double? mg) => mg is { } v ? v.ToString("0.#") : "–";
}
