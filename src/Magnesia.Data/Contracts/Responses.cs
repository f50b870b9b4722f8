using Magnesia.Foods;
using Magnesia.References;

namespace Magnesia.Data.Contracts;

// The JSON shapes shared by the CLI (--json) and the HTTP API, so that both faces use the same field names.

/// <summary>DRIs for one life stage, in mg/day.</summary>
public sealed record DriResponse(string LifeStage, double? EarMg, double? RdaMg, double? AiMg, double? SupplementalUlMg, IReadOnlyList<string> Sources)
{
    /// <summary>Maps the domain DRI.</summary>
    public static DriResponse From(MagnesiumDri dri)
    {
        ArgumentNullException.ThrowIfNull(dri);
        return new(dri.LifeStage.Label, dri.Ear?.Milligrams, dri.Rda?.Milligrams, dri.Ai?.Milligrams, dri.SupplementalUl?.Milligrams, [.. dri.Sources.Select(s => s.ToString())]);
    }
}

/// <summary>A supplement salt form.</summary>
public sealed record FormResponse(string Id, string Name, string Formula, double MolarMassGPerMol, double ElementalPercent, string Notes, IReadOnlyList<string> Sources)
{
    /// <summary>Maps the domain form; molar mass to 0.01 g/mol, percentage to 0.01 %.</summary>
    public static FormResponse From(SupplementForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Id, form.Name, form.Formula.Text, Math.Round(form.MolarMassGramsPerMole, 2), Math.Round(form.ElementalPercent, 2), form.Notes, [.. form.Sources.Select(s => s.ToString())]);
    }
}

/// <summary>
/// A food in a search result; <c>weak</c> marks a guess found only by shared letters. <c>ndb</c> is the food's key in
/// the store (an NDB number, <c>fdc:…</c> or <c>ifct:…</c>); <c>source</c> and <c>sourceId</c> say where it comes from;
/// <c>alsoIn</c> lists the same food from other datasets, folded under this one.
/// </summary>
public sealed record FoodHitResponse(string FoodId, string Name, string Group, double? MagnesiumMgPer100g, double Score, bool Weak,
    string Dataset, string SourceId, string? Brand, IReadOnlyList<FoodRefResponse> AlsoIn)
{
    /// <summary>Deprecated alias of <see cref="Dataset"/>, kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Source => Dataset;

    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;

    /// <summary>Maps a search match.</summary>
    public static FoodHitResponse From(FoodMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var o = match.Food.Origin;
        return new(match.Food.Id, match.Food.Name, match.Food.Group.Name, match.Food.MagnesiumPer100g?.Milligrams, match.Score, match.Weak,
            o.Dataset, o.SourceId, o.Brand ?? match.Food.Manufacturer, [.. match.Duplicates.Select(d => new FoodRefResponse(d.Id, d.Origin.Dataset, d.Origin.SourceId))]);
    }

    /// <summary>Maps a hit read from the search snapshot.</summary>
    public static FoodHitResponse From(Foods.FoodHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new(hit.FoodId, hit.Name, hit.Group, hit.MagnesiumMgPer100g, hit.Score, hit.Weak,
            hit.Dataset, hit.SourceId ?? hit.FoodId, hit.Brand, [.. hit.Duplicates.Select(d => new FoodRefResponse(d.FoodId, d.Dataset, d.SourceId ?? d.FoodId))]);
    }
}

/// <summary>Another food a result folds in: its key, dataset and id there.</summary>
public sealed record FoodRefResponse(string FoodId, string Dataset, string SourceId)
{
    /// <summary>Deprecated alias of <see cref="Dataset"/>, kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Source => Dataset;

    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>
/// Where a food comes from: the dataset (<c>usda-sr28</c>, <c>fdc-foundation</c>, <c>fdc-sr-legacy</c>, <c>fdc-survey</c>,
/// <c>fdc-branded</c>, <c>ifct2017</c>), its name, the food's id there and what that id is called (NDB, FDC, IFCT), the
/// barcode and brand of a branded food, the release, whether a newer release retired it, and the citation and terms.
/// </summary>
public sealed record FoodProvenanceResponse(string Dataset, string Name, string IdLabel, string SourceId, string? Gtin, string? BrandOwner, string? BrandName,
    string? Release, bool Retired, string Citation, string Terms)
{
    /// <summary>Maps a food's provenance.</summary>
    public static FoodProvenanceResponse From(FoodProvenance p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var d = p.Source;
        return new(p.Dataset, d.Name, d.IdLabel, p.SourceId, p.Gtin?.Digits, p.BrandOwner, p.BrandName, p.Release, p.Retired, d.Citation, d.Terms);
    }
}

/// <summary>A food named in a parse result.</summary>
public sealed record NamedFoodResponse(string FoodId, string Name)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>The household portion a parsed amount was weighed with.</summary>
public sealed record ParsedPortionResponse(string Description, double Grams);

/// <summary>
/// A sentence read as a food and its weight (<c>foods parse</c>, <c>GET /api/foods/parse</c>): the food words searched,
/// the amount read, the portion used, the grams, the food and the next best foods. <c>grams</c> is null when the amount
/// cannot be read or weighed, and <c>problem</c> then says why.
/// </summary>
public sealed record FoodParseResponse(
    string Query,
    string FoodWords,
    double? Quantity,
    string? Unit,
    ParsedPortionResponse? Portion,
    double? Grams,
    NamedFoodResponse? Food,
    IReadOnlyList<NamedFoodResponse> Alternatives,
    string? Problem,
    bool Weak)
{
    /// <summary>How the weight follows from the amount ("2 × 1 large (50 g)"); null without a weight.</summary>
    public string? How { get; init; }

    /// <summary>The magnesium the weight holds, mg; null without a weight, or when the food's value is unknown.</summary>
    public double? MagnesiumMg { get; init; }

    /// <summary>
    /// Maps a read sentence; <c>weak</c> marks a food found only by shared letters (a guess to confirm, never logged
    /// unasked). With the food's magnesium per 100 g, the weight's magnesium is given too.
    /// </summary>
    public static FoodParseResponse From(FoodSentence s, Units.Mass? magnesiumPer100g = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Query.Text, s.Query.FoodWords, s.Query.Quantity, s.Query.Unit?.Name,
            s.Amount?.Portion is { } p ? new ParsedPortionResponse(p.Description, p.Grams) : null,
            s.Amount?.Grams, s.Food is { } f ? new NamedFoodResponse(f.Id, f.Name) : null,
            [.. s.Alternatives.Select(a => new NamedFoodResponse(a.Id, a.Name))], s.Problem, s.Weak)
        {
            How = s.Amount?.How,
            MagnesiumMg = s.Amount is { } a && magnesiumPer100g is { } mg ? Math.Round(mg.Scale(a.Grams / 100.0).Milligrams, 1) : null,
        };
    }
}

/// <summary>A food in a magnesium ranking: the search item shape plus magnesium on the chosen basis.</summary>
public sealed record FoodTopResponse(string FoodId, string Name, string Group, double? MagnesiumMgPer100g, double MagnesiumMg, string Basis, string? Portion, double? PortionGrams)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;

    /// <summary>Maps a ranked food.</summary>
    public static FoodTopResponse From(RankedFood r, string basis)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Food.Id, r.Food.Name, r.Food.Group.Name, r.Food.MagnesiumPer100g?.Milligrams, Math.Round(r.Magnesium.Milligrams, 3), basis, r.Portion?.Description, r.Portion?.Grams);
    }
}

/// <summary>A household portion.</summary>
public sealed record PortionResponse(string Description, double Grams, double? MagnesiumMg);

/// <summary>One food in full.</summary>
public sealed record FoodResponse(
    string FoodId,
    string Name,
    string Group,
    string GroupCode,
    IReadOnlyList<string> CommonNames,
    string? Manufacturer,
    double? MagnesiumMgPer100g,
    double? CalciumMgPer100g,
    double? PotassiumMgPer100g,
    double? EnergyKcalPer100g,
    double? MagnesiumMgPer100kcal,
    IReadOnlyList<PortionResponse> Portions,
    string Citation,
    IReadOnlyDictionary<string, double?> Nutrients,
    FoodProvenanceResponse Provenance)
{
    /// <summary>Deprecated alias of <see cref="Citation"/>, kept for one release (see README, "Changelog"); in a search hit <c>dataset</c> says where a food comes from.</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Source => Citation;

    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;

    /// <summary>Maps a food.</summary>
    public static FoodResponse From(Food f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(
            f.Id, f.Name, f.Group.Name, f.Group.Code, f.CommonNames, f.Manufacturer,
            f.MagnesiumPer100g?.Milligrams, f.Per100g.Value(Nutrient.Calcium), f.Per100g.Value(Nutrient.Potassium), f.EnergyKcalPer100g,
            f.MagnesiumPer100Kcal is { } k ? Math.Round(k.Milligrams, 3) : null,
            [.. f.Portions.Select(p => new PortionResponse(p.Description, p.Grams, f.MagnesiumIn(p.Grams) is { } m ? Math.Round(m.Milligrams, 3) : null))],
            f.Origin.Dataset == FoodDatasets.Sr28.Id ? Sources.UsdaSr28.Text : f.Origin.Source.Citation,
            NutrientMap.Of(f.Per100g),
            FoodProvenanceResponse.From(f.Origin));
    }
}

/// <summary>Where the store is and what it holds (<c>magnesia db info --json</c>).</summary>
public sealed record DbInfoResponse(string Path, long SizeBytes, int Foods, int Portions, int FoodGroups, IReadOnlyList<DbDatasetResponse> Datasets)
{
    /// <summary>Maps store info.</summary>
    public static DbInfoResponse From(StoreInfo i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Path, i.SizeBytes, i.Foods, i.Portions, i.FoodGroups,
            [.. i.Datasets.Select(d => new DbDatasetResponse(d.Id, FoodDatasets.Find(d.Id).Name, d.Release, d.FoodCount, d.ImportedAt) { Description = d.Description })]);
    }
}

/// <summary>
/// A dataset the store holds, named as in <c>foods sources</c> (<c>dataset</c>, <c>name</c>, <c>release</c>, <c>foods</c>,
/// <c>importedAt</c>); <c>id</c>, <c>description</c> and <c>foodCount</c> are the old names, kept for one release.
/// </summary>
public sealed record DbDatasetResponse(string Dataset, string Name, string? Release, int Foods, DateTimeOffset ImportedAt)
{
    /// <summary>Deprecated alias of <see cref="Dataset"/>.</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Id => Dataset;

    /// <summary>Deprecated: the description stored with the dataset (see <see cref="Name"/>).</summary>
    public string Description { get; init; } = "";

    /// <summary>Deprecated alias of <see cref="Foods"/>.</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public int FoodCount => Foods;
}

/// <summary>The <c>nutrients</c> object of a response: every nutrient keyed by its id with the unit in the name
/// (<c>magnesiumMg</c>, <c>sodiumMg</c>, <c>fiberG</c>, <c>energyKcal</c>…), null when the data has no value.</summary>
public static class NutrientMap
{
    /// <summary>The map, in <see cref="NutrientTable"/> order; amounts rounded to 0.001 of the unit.</summary>
    public static IReadOnlyDictionary<string, double?> Of(Intake.Nutrients amounts)
    {
        var map = new Dictionary<string, double?>(NutrientTable.All.Count);
        foreach (var n in NutrientTable.All)
            map[n.JsonName] = amounts.Value(n.Nutrient);
        return map;
    }

    /// <summary>Totals: every nutrient as a number (a value missing from a food counted as 0).</summary>
    public static IReadOnlyDictionary<string, double> Totals(Intake.Nutrients amounts)
    {
        var map = new Dictionary<string, double>(NutrientTable.All.Count);
        foreach (var n in NutrientTable.All)
            map[n.JsonName] = amounts.Amount(n.Nutrient);
        return map;
    }
}

/// <summary>One dose of a supplement plan's day.</summary>
public sealed record ScheduledDoseResponse(string Time, double ElementalMg);

/// <summary>An interaction that applies to a supplement plan.</summary>
public sealed record InteractionResponse(string Medication, string Rule, double? SeparationHours, IReadOnlyList<string> Sources, double? HoursBefore, double? HoursAfter);

/// <summary>A supplement plan (<c>plan supplement</c>).</summary>
public sealed record SupplementPlanResponse(
    double TargetMg,
    double GapMg,
    double ElementalMg,
    double? SupplementalUlMg,
    string? Form,
    double? CompoundMg,
    int? Units,
    IReadOnlyList<ScheduledDoseResponse> Schedule,
    IReadOnlyList<InteractionResponse> Interactions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Sources,
    double PerDoseLimitMg,
    double EuDailyMaximumMg)
{
    /// <summary>Maps the domain plan; masses to 0.1 mg.</summary>
    public static SupplementPlanResponse From(Magnesia.Planning.SupplementPlan p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(Math.Round(p.Target.Milligrams, 1), Math.Round(p.Gap.Milligrams, 1), Math.Round(p.Elemental.Milligrams, 1), p.SupplementalUl?.Milligrams,
            p.Form?.Id, p.CompoundMg, p.Units,
            [.. p.Schedule.Select(d => new ScheduledDoseResponse(d.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Math.Round(d.Elemental.Milligrams, 1)))],
            [.. p.Interactions.Select(i => new InteractionResponse(i.Medication, i.Rule, i.SeparationHours, i.Sources, i.HoursBefore, i.HoursAfter))],
            p.Warnings, p.Sources, Magnesia.Planning.SupplementPlanner.PerDoseLimitMg, Magnesia.Planning.SupplementPlanner.EuDailyMaximumMg);
    }
}

/// <summary>A medicine Magnesia knows (<c>medications list</c>).</summary>
public sealed record MedicationResponse(string Id, string Name, string Effect, double? HoursBefore, double? HoursAfter, string Rule, IReadOnlyList<string> Sources)
{
    /// <summary>Maps a medicine.</summary>
    public static MedicationResponse From(Magnesia.Planning.Medication m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.Name, m.Effect.ToString().ToLowerInvariant(), m.HoursBefore, m.HoursAfter, m.Rule, m.Sources);
    }
}

/// <summary>The portion a planned amount is shown in: a portion (<c>description</c>, <c>grams</c>) as everywhere, and how many of it.</summary>
public sealed record PlanPortionResponse(string Description, double Grams, double Quantity);

/// <summary>The food a swap replaces.</summary>
public sealed record ReplacedFoodResponse(string FoodId, string Name, double Grams)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>One food of a food plan: <c>amount</c> and <c>label</c> as a person reads them ("1 oz", "pumpkin seeds, roasted"), and why it is suggested.</summary>
public sealed record PlanItemResponse(string FoodId, string Name, double Grams, PlanPortionResponse Portion, double MagnesiumMg, double EnergyKcal, ReplacedFoodResponse? Replaces,
    string Label, string Amount, string Why)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>A food plan (<c>plan foods</c>).</summary>
public sealed record FoodPlanResponse(
    string Mode,
    double TargetMg,
    double UsualIntakeMg,
    double GapMg,
    string Status,
    IReadOnlyList<PlanItemResponse> Items,
    double AddedMagnesiumMg,
    double AddedEnergyKcal,
    double? CalciumToMagnesiumRatio,
    string? Reason,
    double SolveMs,
    string Summary,
    string TargetName,
    double SupplementsMg,
    double FoodIntakeMg,
    double FoodGapMg)
{
    /// <summary>Maps the domain plan.</summary>
    public static FoodPlanResponse From(Magnesia.Planning.FoodPlan p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Mode.ToString().ToLowerInvariant(), Math.Round(p.Target.Milligrams, 1), Math.Round(p.UsualIntake.Milligrams, 1), p.GapMg,
            p.Status switch { Magnesia.Planning.PlanStatus.Optimal => "optimal", Magnesia.Planning.PlanStatus.Infeasible => "infeasible", _ => "no-gap" },
            [.. p.Items.Select(i => new PlanItemResponse(i.Food.Id, i.Food.Name, i.Grams, new PlanPortionResponse(i.Portion.Description, i.Portion.Grams, i.PortionQuantity), i.MagnesiumMg, i.EnergyKcal,
                i.Replaces is { } r ? new ReplacedFoodResponse(r.Food.Id, r.Food.Name, r.Grams) : null, i.Label, i.Amount, i.Why))],
            p.AddedMagnesiumMg, p.AddedEnergyKcal, p.CalciumToMagnesiumRatio, p.Reason, p.SolveMs, p.Summary, p.TargetName,
            Math.Round(p.Supplements.Milligrams, 1), Math.Round(p.FoodIntake.Milligrams, 1), p.FoodGapMg);
    }
}

/// <summary>A supplement product (<c>products add|list|compare</c>); the planned fields are set by <c>compare</c>.</summary>
public sealed record ProductResponse(string Id, string Name, string Form, double ElementalMgPerUnit, int Units, double Price, double CostPer100MgElemental,
    int? PlannedUnitsPerDay, double? CostPerMonth)
{
    /// <summary>Maps a product, with the units a day of its plan when known.</summary>
    public static ProductResponse From(Magnesia.Planning.SupplementProduct p, int? unitsPerDay = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.Name, p.Form.Id, p.ElementalMgPerUnit, p.Units, p.Price, Math.Round(p.CostPer100MgElemental, 4),
            unitsPerDay, unitsPerDay is { } u and > 0 ? Math.Round(p.CostPerMonth(u), 2) : null);
    }
}

/// <summary>A food price (<c>prices set|list</c>).</summary>
public sealed record PriceResponse(string FoodId, string Name, double Price, string Per, double PricePerGram)
{
    /// <summary>The price per gram, to six significant figures (0.00771618, not 0.007716179176470715).</summary>
    public double PricePerGram { get; init; } = double.Parse(PricePerGram.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>What <c>magnesia db backup|restore</c> copied.</summary>
public sealed record BackupResponse(string Path, long SizeBytes, string Migration, long Entries, long Accounts)
{
    /// <summary>Maps a backup's description.</summary>
    public static BackupResponse From(BackupInfo b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Path, b.SizeBytes, b.Migration, b.Entries, b.Accounts);
    }
}

/// <summary>What <c>magnesia db migrate</c> found and did.</summary>
public sealed record MigrateResponse(string Path, string Migration, bool Upgraded);
