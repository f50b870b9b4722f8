using System.Text.Json;
using System.Text.Json.Serialization;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Diary;

/// <summary>The whole diary of one user as one JSON document, for export and import.</summary>
public sealed record DiaryDocument(
    string Format,
    int Version,
    DiaryDocument.ProfileDto? Profile,
    IReadOnlyList<DiaryDocument.CustomFoodDto> CustomFoods,
    IReadOnlyList<DiaryDocument.RecipeDto> Recipes,
    IReadOnlyList<DiaryDocument.EntryDto> Entries,
    IReadOnlyList<DiaryDocument.FavouriteDto>? Favourites = null)
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "magnesia-diary";

    /// <summary>The current <see cref="Version"/>.</summary>
    public const int CurrentVersion = 1;

    /// <summary>JSON options for the document.</summary>
    /// <remarks>Reading goes through <see cref="Contracts.InputJson"/>: the API's rules for nulls in lists and for text.</remarks>
    public static readonly JsonSerializerOptions JsonOptions = Contracts.InputJson.AddTo(new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A pregnancy or lactation period.</summary>
    public sealed record PeriodDto(DateOnly From, DateOnly To);

    /// <summary>The profile.</summary>
    public sealed record ProfileDto(string Sex, DateOnly? BirthDate, int? AgeYears, DateOnly? AgeRecordedOn, double? WeightKg,
        IReadOnlyList<string>? Medications, IReadOnlyList<PeriodDto>? Pregnancies, IReadOnlyList<PeriodDto>? Lactations);

    /// <summary>A custom food, per 100 g.</summary>
    public sealed record CustomFoodDto(string Id, string Name, double MagnesiumMgPer100g, double CalciumMgPer100g, double PotassiumMgPer100g, double EnergyKcalPer100g, double? ServingGrams);

    /// <summary>A recipe ingredient.</summary>
    public sealed record IngredientDto(string Food, double Grams);

    /// <summary>A recipe.</summary>
    public sealed record RecipeDto(string Id, string Name, double Servings, IReadOnlyList<IngredientDto> Ingredients);

    /// <summary>A starred food in the amount it is logged in (<c>favourites</c>; absent in documents before it existed).</summary>
    public sealed record FavouriteDto(string Food, string Portion, double Quantity, double Grams);

    /// <summary>An entry: <c>food</c>, <c>supplement</c> or <c>symptom</c>; fields of the other kinds are absent.</summary>
    public sealed record EntryDto(
        long Id, DateOnly Date, string Kind,
        string? Meal = null, string? Food = null, double? Grams = null, string? Portion = null, double? Quantity = null,
        string? Form = null, double? ElementalMg = null, double? CompoundMg = null, double? CalciumMg = null,
        string? Sign = null, int? Severity = null, string? Note = null);
}

/// <summary>A diary document that cannot be imported: names the file and the field.</summary>
public sealed class DiaryImportException(string message) : Exception(message);

/// <summary>What a user's diary holds, counted without loading it.</summary>
public sealed record DiaryCounts(bool Profile, int CustomFoods, int Recipes, int Entries)
{
    /// <summary>True when the diary holds nothing.</summary>
    public bool IsEmpty => !Profile && CustomFoods == 0 && Recipes == 0 && Entries == 0;
}

/// <summary>Export and import of the diary document.</summary>
public static class DiaryTransfer
{
    /// <summary>Counts what <paramref name="userId"/>'s diary holds (cheap: no rows are loaded).</summary>
    public static async Task<DiaryCounts> CountAsync(MagnesiaDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new DiaryCounts(
            await db.Profiles.AnyAsync(p => p.UserId == userId, ct),
            await db.CustomFoods.CountAsync(c => c.UserId == userId, ct),
            await db.Recipes.CountAsync(r => r.UserId == userId, ct),
            await db.Entries.CountAsync(e => e.UserId == userId, ct));
    }

    /// <summary>Builds the document of <paramref name="userId"/>'s diary.</summary>
    public static async Task<DiaryDocument> ExportAsync(MagnesiaDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Periods).SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var customs = await db.CustomFoods.AsNoTracking().Include(c => c.Nutrients).Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync(ct);
        var recipes = await db.Recipes.AsNoTracking().Include(r => r.Ingredients).Where(r => r.UserId == userId).OrderBy(r => r.Id).ToListAsync(ct);
        var entries = await db.Entries.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync(ct);
        var favourites = await db.Favourites.AsNoTracking().Where(f => f.UserId == userId).OrderByDescending(f => f.AddedAt).ThenBy(f => f.FoodRef).ToListAsync(ct);
        return new DiaryDocument(
            DiaryDocument.FormatName,
            DiaryDocument.CurrentVersion,
            profile is null ? null : new DiaryDocument.ProfileDto(
                profile.Sex, profile.BirthDate, profile.AgeYears, profile.AgeRecordedOn, profile.WeightKg,
                profile.Medications?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                [.. profile.Periods.Where(p => p.Kind == PeriodKind.Pregnancy).OrderBy(p => p.From).Select(p => new DiaryDocument.PeriodDto(p.From, p.To))],
                [.. profile.Periods.Where(p => p.Kind == PeriodKind.Lactation).OrderBy(p => p.From).Select(p => new DiaryDocument.PeriodDto(p.From, p.To))]),
            [.. customs.Select(ToDto)],
            [.. recipes.Select(r => new DiaryDocument.RecipeDto(new RecipeId(r.Id).ToString(), r.Name, r.Servings, [.. r.Ingredients.OrderBy(i => i.Sequence).Select(i => new DiaryDocument.IngredientDto(i.FoodRef, i.Grams))]))],
            [.. entries.Select(e => new DiaryDocument.EntryDto(
                e.Id, e.Date, e.Kind.Name(), e.Meal?.Name(), e.FoodRef, e.Grams, e.PortionEntered, e.QuantityEntered,
                e.FormId, e.ElementalMagnesiumUg is { } ug ? Mg(ug) : null, e.CompoundMg, e.CalciumUg is { } ca ? Mg(ca) : null,
                e.SignId, e.Severity, e.Note))],
            [.. favourites.Select(f => new DiaryDocument.FavouriteDto(f.FoodRef, f.Portion, f.Quantity, f.Grams))]);
    }

    private static DiaryDocument.CustomFoodDto ToDto(CustomFoodRecord c)
    {
        var n = CustomFoodNutrients.Read(c);
        return new DiaryDocument.CustomFoodDto(new CustomFoodId(c.Id).ToString(), c.Name, n.Magnesium.Milligrams, n.Calcium.Milligrams, n.Potassium.Milligrams, n.EnergyKcal, c.ServingGrams);
    }

    private static double Mg(long micrograms) => micrograms / 1_000.0;

    private static long Ug(double milligrams) => Mass.FromMilligrams(milligrams).Micrograms;

    /// <summary>
    /// Parses and validates a document, then replaces <paramref name="userId"/>'s diary with it in one transaction.
    /// Every problem is reported before anything is written. A document's ids (<c>c5</c>, <c>r2</c>, entry ids) are its
    /// own: every row gets a new id from the store's own sequence and the references to it (<c>"c5"</c>) follow, so no
    /// document can move a sequence that other accounts share.
    /// </summary>
    /// <exception cref="DiaryImportException">When the document is malformed or inconsistent; the store is unchanged.</exception>
    public static async Task ImportAsync(MagnesiaDbContext db, string userId, string json, string fileName, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        DiaryDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<DiaryDocument>(json, DiaryDocument.JsonOptions);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            var why = e is Contracts.InputRefusedException ? e.Message : FirstSentence(e.Message);
            throw new DiaryImportException($"{fileName}: not a diary document{where} (line {(e.LineNumber ?? 0) + 1}): {why}");
        }

        if (doc is null)
            throw new DiaryImportException($"{fileName}: empty document");
        var records = await ValidateAsync(db, doc, userId, fileName, today, ct);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // 100,000 entries: no scan of the tracker per Add
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await DeleteDiaryAsync(db, userId, ct);
            if (records.Profile is not null)
                db.Profiles.Add(records.Profile);

            // Custom foods first (new ids), then recipes with their ingredients pointed at the new custom food ids, then entries.
            db.CustomFoods.AddRange(records.CustomFoods.Select(c => c.Record));
            await db.SaveChangesAsync(ct);
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (docId, record) in records.CustomFoods)
                map[docId] = new CustomFoodId(record.Id).ToString();
            foreach (var (_, record) in records.Recipes)
            {
                foreach (var i in record.Ingredients)
                    i.FoodRef = map.GetValueOrDefault(i.FoodRef, i.FoodRef);
            }

            db.Recipes.AddRange(records.Recipes.Select(r => r.Record));
            await db.SaveChangesAsync(ct);
            foreach (var (docId, record) in records.Recipes)
                map[docId] = new RecipeId(record.Id).ToString();
            db.ChangeTracker.Clear();
            for (var start = 0; start < records.Entries.Count; start += ImportBatch)
            {
                foreach (var e in records.Entries.Skip(start).Take(ImportBatch))
                {
                    if (e.FoodRef is not null)
                        e.FoodRef = map.GetValueOrDefault(e.FoodRef, e.FoodRef);
                    db.Entries.Add(e);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            foreach (var f in records.Favourites)
                f.FoodRef = map.GetValueOrDefault(f.FoodRef, f.FoodRef);
            db.Favourites.AddRange(records.Favourites);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Deletes what a diary document holds — entries, favourites, recipes, custom foods, the profile — inside the caller's transaction.</summary>
    internal static async Task DeleteDiaryAsync(MagnesiaDbContext db, string userId, CancellationToken ct)
    {
        await db.Entries.Where(e => e.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Favourites.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Recipes.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.CustomFoods.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ProfilePeriods.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Profiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
    }

    // Rows saved (and food ids looked up) per round trip: well under SQLite's 32,766 variables a statement.
    private const int ImportBatch = 2_000;

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    private sealed record Records(ProfileRecord? Profile, List<(string DocId, CustomFoodRecord Record)> CustomFoods, List<(string DocId, RecipeRecord Record)> Recipes, List<EntryRecord> Entries, List<FavouriteFoodRecord> Favourites);

    // The catalogue foods among <paramref name="ids"/> that the store holds, looked up a batch at a time.
    private static async Task<HashSet<string>> KnownFoodsAsync(MagnesiaDbContext db, List<string> ids, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(ImportBatch))
            known.UnionWith(await db.Foods.AsNoTracking().Where(f => chunk.Contains(f.Ndb)).Select(f => f.Ndb).ToListAsync(ct));
        return known;
    }

    private static async Task<Records> ValidateAsync(MagnesiaDbContext db, DiaryDocument doc, string userId, string file, DateOnly today, CancellationToken ct)
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        void Fail(string field, string problem) => throw new DiaryImportException($"{file}: {field}: {problem}");
        void Name(string field, string? name)
        {
            if (name is null || name.Length > EntryLimits.MaxNameLength)
                Fail(field, $"must be 1–{EntryLimits.MaxNameLength} characters");
            if (Magnesia.Text.TextInput.CheckName(name) is { } problem)
                Fail(field, Magnesia.Text.TextInput.Describe(problem, "the name"));
        }

        if (doc.Format != DiaryDocument.FormatName)
            Fail("format", $"expected \"{DiaryDocument.FormatName}\", found \"{doc.Format}\"");
        if (doc.Version != DiaryDocument.CurrentVersion)
            Fail("version", $"version {doc.Version} is not supported (expected {DiaryDocument.CurrentVersion})");
        if (doc.CustomFoods is null || doc.Recipes is null || doc.Entries is null)
            Fail("customFoods/recipes/entries", "missing (use [] for none)");

        ProfileRecord? profile = null;
        DateOnly? born = null;
        if (doc.Profile is { } p)
        {
            var sex = LifeStage.ParseSex(p.Sex);
            if (sex is null)
                Fail("profile.sex", $"must be female or male, not \"{p.Sex}\"");
            var domain = new DiaryProfile(sex!.Value, p.BirthDate, p.AgeYears, p.AgeRecordedOn ?? (p.AgeYears is null ? null : today),
                [.. (p.Pregnancies ?? []).Select(x => new DatePeriod(x.From, x.To))], [.. (p.Lactations ?? []).Select(x => new DatePeriod(x.From, x.To))],
                p.WeightKg, [.. (p.Medications ?? []).Select(m => m.Trim().ToLowerInvariant())]);
            if (domain.Validate(today) is { } problem)
            {
                static string Json(ProfileField f) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(f.ToString());
                Fail("profile." + Json(problem.Field), problem.Describe(Json));
            }

            profile = DiaryStore.ToRecord(domain, userId);
            born = domain.BirthDate;
        }

        var customs = new List<(string, CustomFoodRecord)>();
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.CustomFoods!.Count; i++)
        {
            var c = doc.CustomFoods[i];
            var at = $"customFoods[{i}]";
            if (FoodRef.Parse(c.Id) is not { Source: FoodSource.Custom } cref || !customIds.Add(cref.Id))
                Fail($"{at}.id", $"\"{c.Id}\" is not a unique custom food id (c1, c2, …)");
            Name($"{at}.name", c.Name);
            foreach (var (name, v, max) in new[] { ("magnesiumMgPer100g", c.MagnesiumMgPer100g, 100_000.0), ("calciumMgPer100g", c.CalciumMgPer100g, 100_000.0), ("potassiumMgPer100g", c.PotassiumMgPer100g, 100_000.0), ("energyKcalPer100g", c.EnergyKcalPer100g, 1_000.0) })
            {
                if (!double.IsFinite(v) || v < 0 || v > max)
                    Fail($"{at}.{name}", $"must be between 0 and {max:0}");
            }

            if (c.ServingGrams is { } sg && Amounts.Check(sg, out var servingProblem) is null)
                Fail($"{at}.servingGrams", servingProblem!);
            customs.Add((cref.Id, new CustomFoodRecord
            {
                UserId = userId, Name = c.Name.Trim(), ServingGrams = c.ServingGrams,
                Nutrients = CustomFoodNutrients.Rows(new Nutrients(
                    Mass.FromMilligrams(c.MagnesiumMgPer100g), Mass.FromMilligrams(c.CalciumMgPer100g), Mass.FromMilligrams(c.PotassiumMgPer100g), c.EnergyKcalPer100g)),
            }));
        }

        // Every catalogue food the document mentions must be in the store.
        var foodIds = doc.Recipes!.SelectMany(r => r.Ingredients ?? []).Select(i => i.Food)
            .Concat(doc.Entries!.Select(e => e.Food)).Concat((doc.Favourites ?? []).Select(f => f?.Food)).Select(FoodRef.Parse)
            .Where(r => r is { Source: FoodSource.Catalog }).Select(r => r!.Value.Id).Distinct().ToList();
        var known = await KnownFoodsAsync(db, foodIds, ct);

        var recipes = new List<(string, RecipeRecord)>();
        var recipeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Recipes.Count; i++)
        {
            var r = doc.Recipes[i];
            var at = $"recipes[{i}]";
            if (FoodRef.Parse(r.Id) is not { Source: FoodSource.Recipe } rref || !recipeIds.Add(rref.Id))
                Fail($"{at}.id", $"\"{r.Id}\" is not a unique recipe id (r1, r2, …)");
            Name($"{at}.name", r.Name);
            if (!double.IsFinite(r.Servings) || r.Servings <= 0 || r.Servings > EntryLimits.MaxServings)
                Fail($"{at}.servings", $"must be between 0 and {EntryLimits.MaxServings:0}");
            if (r.Ingredients is null || r.Ingredients.Count == 0)
                Fail($"{at}.ingredients", "a recipe needs at least one ingredient");
            var ingredients = new List<RecipeIngredientRecord>();
            for (var k = 0; k < r.Ingredients!.Count; k++)
            {
                var ing = r.Ingredients[k];
                var ref_ = FoodRef.Parse(ing.Food);
                if (ref_ is not { } f || f.Source == FoodSource.Recipe || (f.Source == FoodSource.Catalog && !known.Contains(f.Id)) || (f.Source == FoodSource.Custom && !customIds.Contains(f.Id)))
                    Fail($"{at}.ingredients[{k}].food", $"\"{ing.Food}\" is not a food in the store or a custom food of this document");
                if (Amounts.Check(ing.Grams, out var problem) is null)
                    Fail($"{at}.ingredients[{k}].grams", problem!);
                ingredients.Add(new RecipeIngredientRecord { FoodRef = ref_!.Value.Id, Grams = ing.Grams, Sequence = k + 1 });
            }

            recipes.Add((rref.Id, new RecipeRecord { UserId = userId, Name = r.Name.Trim(), Servings = r.Servings, Ingredients = ingredients }));
        }

        // The food of a food entry or a favourite: in the store, or a custom food or recipe of this document.
        FoodRef DocumentFood(string field, string? text)
        {
            if (FoodRef.Parse(text) is { } food && (food.Source != FoodSource.Catalog || known.Contains(food.Id))
                && (food.Source != FoodSource.Custom || customIds.Contains(food.Id)) && (food.Source != FoodSource.Recipe || recipeIds.Contains(food.Id)))
                return food;
            Fail(field, $"\"{text}\" is not a food in the store, or a custom food or recipe of this document");
            return default;
        }

        void PortionAndQuantity(string at, string? portion, bool portionRequired, double? quantity)
        {
            if ((portion is null && portionRequired) || (portion is not null && (portion.Length > EntryLimits.MaxPortionLength || Magnesia.Text.TextInput.CheckName(portion) is not null)))
                Fail($"{at}.portion", $"must be one line of 1–{EntryLimits.MaxPortionLength} characters");
            if (quantity is { } q && (!double.IsFinite(q) || q <= 0 || q > EntryLimits.MaxQuantity))
                Fail($"{at}.quantity", $"must be more than 0 and at most {EntryLimits.MaxQuantity:0}");
        }

        var entries = new List<EntryRecord>(doc.Entries.Count);
        var entryIds = new HashSet<long>();
        for (var i = 0; i < doc.Entries.Count; i++)
        {
            var e = doc.Entries[i];
            var at = $"entries[{i}]";
            if (e.Id <= 0 || !entryIds.Add(e.Id))
                Fail($"{at}.id", $"{e.Id} is not a unique positive id");
            if (DiaryDates.Check(e.Date, today) is { } dateProblem)
                Fail($"{at}.date", dateProblem);
            if (born is { } birth && e.Date < birth)
                Fail($"{at}.date", $"{e.Date:yyyy-MM-dd} is before the profile's birth date {birth:yyyy-MM-dd}");
            EntryKind? kind = e.Kind switch { "food" => EntryKind.Food, "supplement" => EntryKind.Supplement, "symptom" => EntryKind.Symptom, _ => null };
            var record = new EntryRecord { UserId = userId, Date = e.Date, Kind = kind ?? EntryKind.Food };
            switch (kind)
            {
                case EntryKind.Food:
                    var food = DocumentFood($"{at}.food", e.Food);
                    if (Amounts.Check(e.Grams ?? double.NaN, out var gramsProblem) is null)
                        Fail($"{at}.grams", gramsProblem!);
                    if (e.Meal is not null && ContractNames.Parse<Meal>(e.Meal) is null)
                        Fail($"{at}.meal", $"\"{e.Meal}\" is not breakfast, lunch, dinner or snack");
                    PortionAndQuantity(at, e.Portion, portionRequired: false, e.Quantity);
                    record.FoodRef = food.Id;
                    record.Grams = e.Grams;
                    record.Meal = ContractNames.Parse<Meal>(e.Meal);
                    record.PortionEntered = e.Portion?.Trim() ?? "g";
                    record.QuantityEntered = e.Quantity ?? e.Grams;
                    break;
                case EntryKind.Supplement:
                    if (SupplementForms.Find(e.Form ?? "") is null)
                        Fail($"{at}.form", $"\"{e.Form}\" is not a supplement form ({SupplementForms.KnownIds})");
                    if (Supplements.Check(e.ElementalMg ?? double.NaN) is { } doseProblem)
                        Fail($"{at}.elementalMg", doseProblem);
                    if (e.CalciumMg is { } ca && (!double.IsFinite(ca) || ca < 0 || ca > EntryLimits.MaxCalciumMilligrams))
                        Fail($"{at}.calciumMg", $"must be between 0 and {EntryLimits.MaxCalciumMilligrams:0}");
                    if (e.CompoundMg is { } cm && (!double.IsFinite(cm) || cm <= 0 || cm > EntryLimits.MaxCompoundMilligrams))
                        Fail($"{at}.compoundMg", $"must be more than 0 and at most {EntryLimits.MaxCompoundMilligrams:0}");
                    record.FormId = SupplementForms.Find(e.Form!)!.Id;
                    record.ElementalMagnesiumUg = Ug(e.ElementalMg!.Value);
                    record.CompoundMg = e.CompoundMg;
                    record.CalciumUg = Ug(e.CalciumMg ?? 0);
                    break;
                case EntryKind.Symptom:
                    if (DeficiencySigns.Find(e.Sign ?? "") is null)
                        Fail($"{at}.sign", $"\"{e.Sign}\" is not a deficiency sign id");
                    if (e.Severity is not { } severity)
                        Fail($"{at}.severity", "is required (1 to 5)");
                    else if (EntryLimits.SeverityRange.Check(severity) is { } bad)
                        Fail($"{at}.severity", bad);
                    if (e.Note is { Length: > EntryLimits.MaxNoteLength })
                        Fail($"{at}.note", $"must be at most {EntryLimits.MaxNoteLength} characters");
                    record.SignId = DeficiencySigns.Find(e.Sign!)!.Id;
                    record.Severity = e.Severity;
                    record.Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim();
                    break;
                default:
                    Fail($"{at}.kind", $"\"{e.Kind}\" is not food, supplement or symptom");
                    break;
            }

            entries.Add(record);
        }

        // Reports are computed against the profile of each day: entries without one could never be read back.
        if (doc.Profile is null && entries.Count > 0)
            Fail("profile", "the document has entries but no profile; add the profile (sex and birth date or age) they belong to");

        var favourites = new List<FavouriteFoodRecord>();
        var starred = new HashSet<string>(StringComparer.Ordinal);
        var added = DateTime.UtcNow;
        for (var i = 0; i < (doc.Favourites?.Count ?? 0); i++)
        {
            var fav = doc.Favourites![i];
            var at = $"favourites[{i}]";
            if (fav is null)
                Fail(at, "must be an object");
            var food = DocumentFood($"{at}.food", fav.Food);
            if (!starred.Add(food.Id))
                Fail($"{at}.food", $"\"{fav.Food}\" is starred twice");
            PortionAndQuantity(at, fav.Portion, portionRequired: true, fav.Quantity);
            if (Amounts.Check(fav.Grams, out var gramsProblem) is null)
                Fail($"{at}.grams", gramsProblem!);
            // Kept in the document's order (the newest first): each one a millisecond older than the one before.
            favourites.Add(new FavouriteFoodRecord { UserId = userId, FoodRef = food.Id, Portion = fav.Portion!.Trim(), Quantity = fav.Quantity, Grams = fav.Grams, AddedAt = added.AddMilliseconds(-i) });
        }

        return new Records(profile, customs, recipes, entries, favourites);
    }
}
