using System.Globalization;
using System.Text;
using Magnesia.Intake;
using Magnesia.References;

namespace Magnesia.Data.Contracts;

/// <summary>One entry of a day, with what it contributes.</summary>
public sealed record DayEntryResponse(long Id, string Kind, string Food, string Name, string? Meal, double? Grams, double MagnesiumMg, double CalciumMg, double PotassiumMg, double EnergyKcal, bool MagnesiumMissing);

/// <summary>A symptom noted on a day.</summary>
public sealed record SymptomResponse(long Id, string Sign, string Name, int Severity, string? Note);

/// <summary>The day report; the field names are the CLI contract of <c>magnesia day --json</c>.</summary>
public sealed record DayResponse(
    DateOnly Date,
    string LifeStage,
    double MagnesiumFoodMg,
    double MagnesiumSupplementMg,
    double MagnesiumTotalMg,
    double CalciumMg,
    double PotassiumMg,
    double EnergyKcal,
    double? EarMg,
    double? RdaMg,
    double? AiMg,
    double? SupplementalUlMg,
    double PercentOfRda,
    string Category,
    bool SupplementalAboveUl,
    double? CalciumToMagnesiumRatio,
    double? MagnesiumMgPer1000Kcal,
    bool MagnesiumIncomplete,
    IReadOnlyList<DayEntryResponse>? Entries,
    IReadOnlyList<SymptomResponse>? Symptoms,
    IReadOnlyDictionary<string, double> Nutrients)
{
    /// <summary>Deprecated alias of <see cref="Category"/> (the intake against the EAR and RDA), kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Status => Category;

    /// <summary>Whether anything was logged that day (<see cref="DayReport.Logged"/>); used by the CSV, not in the JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Logged { get; init; }

    /// <summary>Maps a day report; <paramref name="withEntries"/> false leaves the entry and symptom lists out.</summary>
    public static DayResponse From(DayReport d, bool withEntries = true)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Date, d.Dri.LifeStage.Label, d.MagnesiumFood.Milligrams, d.MagnesiumSupplement.Milligrams, d.MagnesiumTotal.Milligrams,
            d.Calcium.Milligrams, d.Potassium.Milligrams, Round(d.EnergyKcal, 1),
            d.Dri.Ear?.Milligrams, d.Dri.Rda?.Milligrams, d.Dri.Ai?.Milligrams, d.Dri.SupplementalUl?.Milligrams,
            Round(d.PercentOfRda, 1), d.Status.Name(), d.SupplementalAboveUl,
            d.CalciumToMagnesiumRatio is { } r ? Round(r, 2) : null,
            d.MagnesiumMgPer1000Kcal is { } k ? Round(k, 1) : null,
            d.MagnesiumIncomplete,
            withEntries ? [.. d.Entries.Select(e => new DayEntryResponse(e.Id, e.Kind.Name(), e.Key, e.Name, e.Meal?.Name(), e.Grams is { } g ? Round(g, 2) : null,
                e.Nutrients.Magnesium.Milligrams, e.Nutrients.Calcium.Milligrams, e.Nutrients.Potassium.Milligrams, Round(e.Nutrients.EnergyKcal, 1), e.Nutrients.MagnesiumMissing))] : null,
            withEntries ? [.. d.Symptoms.Select(s => new SymptomResponse(s.Id, s.SignId, DeficiencySigns.Find(s.SignId)?.Name ?? s.SignId, s.Severity, s.Note))] : null,
            NutrientMap.Totals(d.Totals))
        {
            Logged = d.Logged,
        };
    }

    internal static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}

/// <summary>Period means over logged days.</summary>
public sealed record PeriodMeansResponse(double MagnesiumFoodMg, double MagnesiumSupplementMg, double MagnesiumTotalMg, double CalciumMg, double PotassiumMg, double EnergyKcal, double PercentOfRda, IReadOnlyDictionary<string, double> Nutrients);

/// <summary>A food's magnesium over the period.</summary>
public sealed record TopFoodResponse(string Food, string Name, double MagnesiumMg, int Entries);

/// <summary>Symptom counts over the period.</summary>
public sealed record SymptomCountResponse(string Sign, string Name, int Count, int MaxSeverity);

/// <summary>The period report (<c>magnesia report --json</c>).</summary>
public sealed record PeriodResponse(
    DateOnly From, DateOnly To, int Days, int DaysLogged, int DaysBelowEar, PeriodMeansResponse? Means,
    IReadOnlyList<TopFoodResponse> TopFoods, IReadOnlyList<SymptomCountResponse> Symptoms, IReadOnlyList<DayResponse> Series)
{
    /// <summary>Maps a period report (named Create: the record has a From field).</summary>
    public static PeriodResponse Create(PeriodReport p)
    {
        ArgumentNullException.ThrowIfNull(p);
        PeriodMeansResponse? means = p.LoggedDays.Count == 0 ? null : new(
            DayResponse.Round(p.Mean(d => d.MagnesiumFood.Milligrams)!.Value, 3), DayResponse.Round(p.Mean(d => d.MagnesiumSupplement.Milligrams)!.Value, 3),
            DayResponse.Round(p.Mean(d => d.MagnesiumTotal.Milligrams)!.Value, 3), DayResponse.Round(p.Mean(d => d.Calcium.Milligrams)!.Value, 3),
            DayResponse.Round(p.Mean(d => d.Potassium.Milligrams)!.Value, 3), DayResponse.Round(p.Mean(d => d.EnergyKcal)!.Value, 1),
            DayResponse.Round(p.Mean(d => d.PercentOfRda)!.Value, 1),
            Magnesia.Foods.NutrientTable.All.ToDictionary(n => n.JsonName, n => DayResponse.Round(p.Mean(d => d.Totals.Amount(n.Nutrient))!.Value, 3)));
        return new(p.From, p.To, p.Days.Count, p.LoggedDays.Count, p.DaysBelowEar, means,
            [.. p.TopFoods.Select(t => new TopFoodResponse(t.Key, t.Name, t.Magnesium.Milligrams, t.Entries))],
            [.. p.Symptoms.Select(s => new SymptomCountResponse(s.SignId, DeficiencySigns.Find(s.SignId)?.Name ?? s.SignId, s.Count, s.MaxSeverity))],
            [.. p.Days.Select(d => DayResponse.From(d, withEntries: false))]);
    }

    /// <summary>The per-day series as CSV (RFC 4180, header row, invariant numbers).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append("date,lifeStage,logged,magnesiumFoodMg,magnesiumSupplementMg,magnesiumTotalMg,calciumMg,potassiumMg,energyKcal,earMg,rdaMg,aiMg,supplementalUlMg,percentOfRda,status,supplementalAboveUl,calciumToMagnesiumRatio,magnesiumMgPer1000Kcal\r\n");
        foreach (var d in Series)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},\"{d.LifeStage}\",{(d.Logged ? "true" : "false")},{d.MagnesiumFoodMg},{d.MagnesiumSupplementMg},{d.MagnesiumTotalMg},{d.CalciumMg},{d.PotassiumMg},{d.EnergyKcal},{d.EarMg},{d.RdaMg},{d.AiMg},{d.SupplementalUlMg},{d.PercentOfRda},{d.Category},{(d.SupplementalAboveUl ? "true" : "false")},{d.CalciumToMagnesiumRatio},{d.MagnesiumMgPer1000Kcal}\r\n");
        }

        return sb.ToString();
    }
}

/// <summary>The profile as shown by <c>magnesia profile show</c>.</summary>
public sealed record ProfileResponse(string Sex, DateOnly? BirthDate, int? AgeYears, DateOnly? AgeRecordedOn, double? WeightKg, IReadOnlyList<string> Medications,
    IReadOnlyList<DateRangeResponse> Pregnancies, IReadOnlyList<DateRangeResponse> Lactations, string LifeStageToday)
{
    /// <summary>Maps a profile.</summary>
    public static ProfileResponse From(DiaryProfile p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Sex == References.Sex.Male ? "male" : "female", p.BirthDate, p.AgeYears, p.AgeRecordedOn, p.WeightKg, p.Medications,
            [.. p.Pregnancies.Select(x => new DateRangeResponse(x.From, x.To))], [.. p.Lactations.Select(x => new DateRangeResponse(x.From, x.To))],
            p.LifeStageOn(today).Label);
    }
}

/// <summary>An inclusive range of days.</summary>
public sealed record DateRangeResponse(DateOnly From, DateOnly To);

/// <summary>The food a name was read as, when <c>log food</c> was given words.</summary>
public sealed record MatchedFoodResponse(string FoodId, string Name, string Query)
{
    /// <summary>Deprecated alias of <see cref="FoodId"/>, kept for one release (see README, "Changelog").</summary>
    public string Ndb => FoodId;
}

/// <summary>A logged food (<c>magnesia log food --json</c>); <c>matched</c> appears when the food was given by name.</summary>
public sealed record LoggedFoodResponse(long Id, DateOnly Date, string Food, string Name, double Grams, double MagnesiumMg,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] MatchedFoodResponse? Matched)
{
    /// <summary>Why the amount is unlikely (see <see cref="EntryPlausibility"/>); logged all the same, and each printed on stderr.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One line of <c>magnesia log batch --json</c> and <c>POST /api/diary/entries:batch</c>.</summary>
/// <param name="Line">1-based line number in the input.</param>
/// <param name="Text">The sentence read ("2 eggs").</param>
/// <param name="Date">The day it is (or would be) logged on.</param>
/// <param name="Meal">breakfast, lunch, dinner, snack, or null.</param>
/// <param name="Id">The entry written; null when the batch was not logged.</param>
/// <param name="FoodId">The food read; null when none.</param>
/// <param name="Name">Its name.</param>
/// <param name="Grams">The weight read; null when the amount could not be.</param>
/// <param name="MagnesiumMg">The magnesium it adds.</param>
/// <param name="How">How the weight follows from the amount: "2 × 1 large (50 g)".</param>
/// <param name="Problem">Why this line stops the batch; null when it can be logged.</param>
/// <param name="Warnings">Why the amount is unlikely (logged all the same).</param>
public sealed record BatchLineResponse(int Line, string Text, DateOnly Date, string? Meal, long? Id, string? FoodId, string? Name,
    double? Grams, double? MagnesiumMg, string? How, string? Problem, IReadOnlyList<string> Warnings)
{
    /// <summary>The response for one line's result.</summary>
    public static BatchLineResponse From(Diary.BatchLineResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var reading = r.Reading;
        var amount = reading?.Amount;
        return new(r.Line.Number, r.Line.Sentence, r.Date, r.Meal?.Name(), r.EntryId, reading?.Food?.Ref.Id, reading?.Food?.Name,
            amount is null ? null : Math.Round(amount.Grams, 2), reading?.Food is null || amount is null ? null : Math.Round(reading.Magnesium.Milligrams, 2),
            amount?.How, r.Problem, [.. r.Warnings.Select(w => w.Message)]);
    }
}

/// <summary>What a batch did: <c>logged</c> true and every line's entry, or false and nothing written (the lines with a <c>problem</c> say why).</summary>
/// <param name="Logged">Whether the lines were logged (all of them); false: none was.</param>
/// <param name="Entries">Entries written.</param>
/// <param name="MagnesiumMg">Magnesium of the lines read, mg.</param>
/// <param name="Lines">Every line, in input order.</param>
public sealed record BatchResponse(bool Logged, int Entries, double MagnesiumMg, IReadOnlyList<BatchLineResponse> Lines)
{
    /// <summary>The response for a batch report.</summary>
    public static BatchResponse From(Diary.BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = report.Lines.Select(BatchLineResponse.From).ToList();
        return new(report.Logged, report.Logged ? lines.Count : 0, Math.Round(lines.Sum(l => l.MagnesiumMg ?? 0), 2), lines);
    }
}

/// <summary>A logged supplement.</summary>
public sealed record LoggedSupplementResponse(long Id, DateOnly Date, string Form, double ElementalMg);

/// <summary>A logged symptom: <c>sign</c> is the deficiency sign's id, as in the day's entries.</summary>
public sealed record LoggedSymptomResponse(long Id, DateOnly Date, string Sign, int Severity)
{
    /// <summary>Deprecated alias of <see cref="Sign"/>, kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Symptom => Sign;
}

/// <summary>A new custom food.</summary>
public sealed record CustomFoodCreatedResponse(string Id, string Name, double MagnesiumMgPer100g, double? ServingGrams);

/// <summary>A new object's id.</summary>
public sealed record CreatedResponse(string Id);

/// <summary>A deleted entry.</summary>
public sealed record DeletedResponse(long Deleted);

/// <summary>A day's entries and symptoms (<c>magnesia entries list --json</c>).</summary>
public sealed record DayEntriesResponse(DateOnly Date, IReadOnlyList<DayEntryResponse>? Entries, IReadOnlyList<SymptomResponse>? Symptoms);

/// <summary>One ingredient of a recipe with its magnesium.</summary>
public sealed record RecipeIngredientResponse(string Food, string Name, double Grams, double MagnesiumMg);

/// <summary>Nutrients of one serving.</summary>
public sealed record ServingNutrientsResponse(double MagnesiumMg, double CalciumMg, double PotassiumMg, double EnergyKcal);

/// <summary>A recipe (<c>magnesia recipes show --json</c>).</summary>
public sealed record RecipeResponse(string Id, string Name, double Servings, double ServingGrams, IReadOnlyList<RecipeIngredientResponse> Ingredients, ServingNutrientsResponse PerServing)
{
    /// <summary>Maps a recipe with its resolved ingredients and one serving's nutrients (<see cref="Diary.DiaryStore.GetRecipeAsync"/>).</summary>
    public static RecipeResponse From(Recipe r, IReadOnlyList<(RecipeIngredient Ingredient, string Name, Nutrients Nutrients)> lines, Nutrients perServing)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(lines);
        return new(r.Id, r.Name, r.Servings, Math.Round(r.ServingGrams, 2),
            [.. lines.Select(l => new RecipeIngredientResponse(l.Ingredient.Food.Id, l.Name, l.Ingredient.Grams, l.Nutrients.Magnesium.Milligrams))],
            new ServingNutrientsResponse(perServing.Magnesium.Milligrams, perServing.Calcium.Milligrams, perServing.Potassium.Milligrams, Math.Round(perServing.EnergyKcal, 1)));
    }
}

/// <summary>A custom food in the list.</summary>
public sealed record CustomFoodListItem(string Id, string Name, double MagnesiumMgPer100g, double? ServingGrams);

/// <summary>A recipe in the list.</summary>
public sealed record RecipeListItem(string Id, string Name, double Servings, int Ingredients);

/// <summary>The user's custom foods and recipes (<c>magnesia recipes list --json</c>).</summary>
public sealed record OwnFoodsResponse(IReadOnlyList<CustomFoodListItem> CustomFoods, IReadOnlyList<RecipeListItem> Recipes);

/// <summary>What an import wrote.</summary>
public sealed record ImportResponse(int Entries, int CustomFoods, int Recipes, bool Profile);

/// <summary>
/// One diary entry as the API returns it (<c>POST</c>/<c>GET /api/diary/entries/{id}</c>): the fields of its kind are
/// set, the others null.
/// </summary>
public sealed record EntryResponse(
    long Id, DateOnly Date, string Kind, string? Meal,
    string? Food, string? Name, double? Grams, double? MagnesiumMg, double? CalciumMg, double? EnergyKcal,
    string? Sign, int? Severity, string? Note)
{
    /// <summary>Why a food's amount is unlikely (see <see cref="EntryPlausibility"/>); the entry is logged all the same.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Maps an entry found by <see cref="Diary.DiaryStore.FindEntryAsync"/>.</summary>
    public static EntryResponse From(DateOnly date, IntakeItem? item, SymptomEntry? symptom)
    {
        if (symptom is not null)
            return new(symptom.Id, date, "symptom", null, null, DeficiencySigns.Find(symptom.SignId)?.Name ?? symptom.SignId, null, null, null, null, symptom.SignId, symptom.Severity, symptom.Note);
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Id, date, item.IsSupplement ? "supplement" : "food", item.Meal?.Name(), item.Key, item.Name,
            item.Grams is { } g ? DayResponse.Round(g, 2) : null, item.Nutrients.Magnesium.Milligrams, item.Nutrients.Calcium.Milligrams,
            DayResponse.Round(item.Nutrients.EnergyKcal, 1), null, null, null);
    }
}

/// <summary>
/// A starred food in the amount it is logged in (<c>magnesia favourites list --json</c>, <c>GET /api/favourites</c>):
/// <c>portion</c> × <c>quantity</c> (grams when the portion is <c>g</c>) weighs <c>grams</c>.
/// </summary>
public sealed record FavouriteResponse(string FoodId, string Name, string Portion, double Quantity, double Grams, double MagnesiumMg)
{
    /// <summary>The response for a starred food.</summary>
    public static FavouriteResponse From(Magnesia.Data.Diary.FavouriteFood f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Ref.Id, f.Name, f.Entered.Portion, f.Entered.Quantity, Math.Round(f.Grams, 2), Math.Round(f.Magnesium.Milligrams, 1));
    }
}

/// <summary>A food un-starred (<c>magnesia favourites remove --json</c>).</summary>
public sealed record UnstarredResponse(string Removed);
