using System.Data.Common;
using Magnesia.Data.Foods;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.Screening;
using Magnesia.References;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magnesia.Data.Diary;

/// <summary>Something that can be eaten, resolved for logging: its name, portions and nutrients per 100 g.</summary>
/// <param name="Ref">The reference.</param>
/// <param name="Name">Display name.</param>
/// <param name="Portions">Household portions (custom foods and recipes: "serving").</param>
/// <param name="Per100g">Nutrients per 100 g.</param>
public sealed record EdibleInfo(FoodRef Ref, string Name, IReadOnlyList<FoodPortion> Portions, Nutrients Per100g);

/// <summary>A custom food or recipe in the user's lists.</summary>
/// <param name="Id"><c>c1</c> or <c>r1</c>.</param>
/// <param name="Name">Name.</param>
/// <param name="MagnesiumMgPer100g">Custom foods: magnesium per 100 g.</param>
/// <param name="ServingGrams">Custom foods: the label serving.</param>
/// <param name="Servings">Recipes: servings made.</param>
/// <param name="Ingredients">Recipes: number of ingredients.</param>
public sealed record OwnFood(string Id, string Name, double? MagnesiumMgPer100g, double? ServingGrams, double? Servings, int? Ingredients);

/// <summary>
/// The one door to one user's data: profile, custom foods, recipes, entries, labs, the day and period reports and the
/// combined assessment computed from them, export and import. Constructed with the store, the user id and the clock;
/// every read and write of a user's data goes through it. Nutrients are computed at read time from the foods' current
/// values, never copied.
/// </summary>
public sealed class DiaryStore : IAsyncDisposable
{
    private readonly Store? _store;
    private readonly string _userId;
    private MagnesiaDbContext? _db;
    private DbConnection? _connection; // the door's own plain connection for reads, when opened over a store

    /// <summary>Opens the door to <paramref name="userId"/>'s data in <paramref name="store"/>.</summary>
    public DiaryStore(Store store, string userId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _userId = userId;
        Clock = clock;
    }

    /// <summary>Over an existing context (the caller owns it), for tests and the web face's scoped context.</summary>
    public DiaryStore(MagnesiaDbContext db, string userId, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _userId = userId;
        Clock = clock ?? TimeProvider.System;
    }

    /// <summary>"Now".</summary>
    public TimeProvider Clock { get; }

    /// <summary>Today in the clock's local time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    private MagnesiaDbContext Db => _db ??= _store!.CreateContext();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = null;
        if (_store is not null && _db is not null)
            await _db.DisposeAsync();
        _db = null;
    }

    /// <summary>
    /// Runs a plain read: on a connection of the door's own when it was opened over a store (no EF Core on the read
    /// path), else on the context's connection inside its current transaction.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> read, CancellationToken ct)
    {
        if (_store is not null && _db is null)
            return await read(_connection ??= await _store.OpenConnectionAsync(ct), null);
        return await Sql.OnContextConnectionAsync(Db, read, ct);
    }

    /// <summary>The portion name of a custom food's label serving or a recipe serving.</summary>
    public const string Serving = "serving";

    /// <summary>The profile, or null before <c>profile set</c>.</summary>
    public Task<DiaryProfile?> GetProfileAsync(CancellationToken ct = default) => ReadAsync(async (connection, tx) =>
    {
        ProfileRecord? p = null;
        await using (var command = Sql.Command(connection, tx, """
            SELECT "Sex", "BirthDate", "AgeYears", "AgeRecordedOn", "WeightKg", "Medications" FROM profiles WHERE "UserId" = @user
            """, ("@user", _userId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (reader.Read())
            {
                p = new ProfileRecord
                {
                    UserId = _userId, Sex = reader.GetString(0), BirthDate = Sql.ReadNullableDate(reader, 1), AgeYears = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    AgeRecordedOn = Sql.ReadNullableDate(reader, 3), WeightKg = reader.IsDBNull(4) ? null : reader.GetDouble(4), Medications = reader.IsDBNull(5) ? null : reader.GetString(5),
                };
            }
        }

        if (p is null)
            return null;
        await using (var command = Sql.Command(connection, tx, """SELECT "Kind", "From", "To" FROM profile_periods WHERE "UserId" = @user""", ("@user", _userId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                p.Periods.Add(new ProfilePeriodRecord
                {
                    UserId = _userId, Kind = ContractNames.Parse<PeriodKind>(reader.GetString(0)) ?? PeriodKind.Pregnancy, From = Sql.ReadDate(reader, 1), To = Sql.ReadDate(reader, 2),
                });
            }
        }

        return (DiaryProfile?)ToProfile(p);
    }, ct);

    internal static DiaryProfile ToProfile(ProfileRecord p) => new(
        LifeStage.ParseSex(p.Sex) ?? Sex.Female,
        p.BirthDate,
        p.AgeYears,
        p.AgeRecordedOn,
        [.. p.Periods.Where(x => x.Kind == PeriodKind.Pregnancy).OrderBy(x => x.From).Select(x => new DatePeriod(x.From, x.To))],
        [.. p.Periods.Where(x => x.Kind == PeriodKind.Lactation).OrderBy(x => x.From).Select(x => new DatePeriod(x.From, x.To))],
        p.WeightKg,
        p.Medications is null ? [] : [.. p.Medications.Split(',', StringSplitOptions.RemoveEmptyEntries)]);

    /// <summary>Creates or replaces the profile (the caller has checked it).</summary>
    public async Task SetProfileAsync(DiaryProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // Replace in one transaction: a process killed between the delete and the insert must not leave no profile.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var existing = await Db.Profiles.Include(x => x.Periods).SingleOrDefaultAsync(x => x.UserId == _userId, ct);
        if (existing is not null)
            Db.Profiles.Remove(existing);
        await Db.SaveChangesAsync(ct);
        Db.Profiles.Add(ToRecord(profile, _userId));
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    internal static ProfileRecord ToRecord(DiaryProfile p, string userId) => new()
    {
        UserId = userId,
        Sex = p.Sex == Sex.Male ? "male" : "female",
        BirthDate = p.BirthDate,
        AgeYears = p.AgeYears,
        AgeRecordedOn = p.AgeRecordedOn,
        WeightKg = p.WeightKg,
        Medications = p.Medications.Count == 0 ? null : string.Join(',', p.Medications),
        Periods =
        [
            .. p.Pregnancies.Select(x => new ProfilePeriodRecord { UserId = userId, Kind = PeriodKind.Pregnancy, From = x.From, To = x.To }),
            .. p.Lactations.Select(x => new ProfilePeriodRecord { UserId = userId, Kind = PeriodKind.Lactation, From = x.From, To = x.To }),
        ],
    };

    /// <summary>Resolves a food reference to its name, portions and per-100 g nutrients; null when unknown.</summary>
    public async Task<EdibleInfo?> FindEdibleAsync(FoodRef food, CancellationToken ct = default)
    {
        return await ReadAsync(async (c, tx) => (await NutrientResolver.LoadAsync(c, tx, _userId, [food.Id], ct)).Find(food), ct);
    }

    /// <summary>
    /// Reads what the user typed as a food: an NDB number, custom food id or recipe id means exactly that; any other
    /// words are searched and the best hit is taken (returned as the match). Null when nothing matches.
    /// </summary>
    public async Task<(EdibleInfo Food, FoodHit? Matched)?> ResolveFoodAsync(string text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FoodRef.Parse(text) is { } exact)
            return await FindEdibleAsync(exact, ct) is { } info ? (info, null) : null;
        if (_store is null)
            return null;
        var hits = await _store.SearchFoodsAsync(text, 1, ct);
        if (hits.Count == 0)
            return null;
        var found = await FindEdibleAsync(new FoodRef(FoodSource.Sr28, hits[0].Ndb), ct);
        return found is null ? null : (found, hits[0]);
    }

    /// <summary>
    /// Reads a sentence such as "2 slices white bread" as an SR28 food and its weight (see <see cref="Store.ReadSentenceAsync"/>).
    /// </summary>
    public Task<FoodSentence> ReadSentenceAsync(string text, CancellationToken ct = default) =>
        (_store ?? throw new InvalidOperationException("reading sentences needs an opened store")).ReadSentenceAsync(text, ct: ct);

    /// <summary>Adds a food entry; returns its id.</summary>
    public Task<long> AddFoodAsync(DateOnly date, Meal? meal, FoodRef food, double grams, AmountEntered entered, CancellationToken ct = default) =>
        ReplaceFoodAsync(null, date, meal, food, grams, entered, ct);

    /// <summary>Rewrites entry <paramref name="id"/> of this user in place as a food entry (null: adds one); returns its id, 0 when there is no such entry.</summary>
    public Task<long> ReplaceFoodAsync(long? id, DateOnly date, Meal? meal, FoodRef food, double grams, AmountEntered entered, CancellationToken ct = default) =>
        AddAsync(id, FoodRow(date, meal, food, grams, entered), ct);

    private EntryRecord FoodRow(DateOnly date, Meal? meal, FoodRef food, double grams, AmountEntered entered) => new()
    {
        UserId = _userId, Date = date, Kind = EntryKind.Food, Meal = meal, FoodRef = food.Id, Grams = grams,
        PortionEntered = entered.Portion, QuantityEntered = entered.Quantity,
    };

    /// <summary>Adds many food entries in one transaction (an import: all or none); returns how many.</summary>
    public async Task<int> AddFoodsAsync(IReadOnlyList<(DateOnly Date, Meal? Meal, FoodRef Food, double Grams, AmountEntered Entered)> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.Entries.AddRange(entries.Select(e => FoodRow(e.Date, e.Meal, e.Food, e.Grams, e.Entered)));
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        return entries.Count;
    }

    /// <summary>Adds a supplement entry; returns its id.</summary>
    public Task<long> AddSupplementAsync(DateOnly date, string formId, Mass elemental, double? compoundMg, Mass calcium, CancellationToken ct = default) =>
        ReplaceSupplementAsync(null, date, formId, elemental, compoundMg, calcium, ct);

    /// <summary>Rewrites entry <paramref name="id"/> as a supplement entry (null: adds one); returns its id, 0 when there is no such entry.</summary>
    public Task<long> ReplaceSupplementAsync(long? id, DateOnly date, string formId, Mass elemental, double? compoundMg, Mass calcium, CancellationToken ct = default) =>
        AddAsync(id, new EntryRecord
        {
            UserId = _userId, Date = date, Kind = EntryKind.Supplement, FormId = formId, ElementalMagnesiumUg = elemental.Micrograms,
            CompoundMg = compoundMg, CalciumUg = calcium.Micrograms,
        }, ct);

    /// <summary>Adds a symptom entry; returns its id.</summary>
    public Task<long> AddSymptomAsync(DateOnly date, string signId, int severity, string? note, CancellationToken ct = default) =>
        ReplaceSymptomAsync(null, date, signId, severity, note, ct);

    /// <summary>Rewrites entry <paramref name="id"/> as a symptom entry (null: adds one); returns its id, 0 when there is no such entry.</summary>
    public Task<long> ReplaceSymptomAsync(long? id, DateOnly date, string signId, int severity, string? note, CancellationToken ct = default) =>
        AddAsync(id, new EntryRecord { UserId = _userId, Date = date, Kind = EntryKind.Symptom, SignId = signId, Severity = severity, Note = note }, ct);

    /// <summary>
    /// The idempotency key the next added entry carries (the web face sets it from the request's
    /// <c>Idempotency-Key</c>); when an entry of this user already has the key, adding throws
    /// <see cref="IdempotentReplayException"/> and writes nothing.
    /// </summary>
    public Idempotency? Idempotency { get; set; }

    /// <summary>The entry created with <paramref name="key"/>, and its request hash; null when none.</summary>
    public async Task<(long Id, string? RequestHash)?> FindByIdempotencyKeyAsync(string key, CancellationToken ct = default)
    {
        var row = await Db.Entries.AsNoTracking().Where(e => e.UserId == _userId && e.IdempotencyKey == key)
            .Select(e => new { e.Id, e.RequestHash }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.RequestHash);
    }

    private async Task<long> AddAsync(long? replaces, EntryRecord entry, CancellationToken ct)
    {
        if (replaces is null && Idempotency is { } idempotency)
            return await AddOnceAsync(entry, idempotency, ct);

        if (replaces is { } id)
        {
            // An edit keeps the entry's id: every field is rewritten in one UPDATE of this user's row.
            var existing = await Db.Entries.FirstOrDefaultAsync(e => e.UserId == _userId && e.Id == id, ct);
            if (existing is null)
                return 0;
            entry.Id = id;
            // The Idempotency-Key belongs to the request that created the entry, not to its current content.
            entry.IdempotencyKey = existing.IdempotencyKey;
            entry.RequestHash = existing.RequestHash;
            Db.Entry(existing).CurrentValues.SetValues(entry);
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0; // deleted by another request since it was read: as if it never existed
            }
            finally
            {
                Db.ChangeTracker.Clear();
            }

            return id;
        }

        Db.Entries.Add(entry);
        await Db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>What the request with <paramref name="key"/> created (labs, products, custom foods, recipes); null when none.</summary>
    public async Task<(string CreatedId, string RequestHash)?> FindCreatedByIdempotencyKeyAsync(string key, CancellationToken ct = default)
    {
        var row = await Db.IdempotentRequests.AsNoTracking().Where(r => r.UserId == _userId && r.Key == key).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.CreatedId, row.RequestHash);
    }

    // Saves a new row; with an Idempotency set, records the key with the row's id in the same transaction, and a key
    // already recorded (now, or by a racing instance) becomes an IdempotentReplayException with nothing written.
    private async Task SaveCreatedAsync(Func<string> createdId, CancellationToken ct)
    {
        if (Idempotency is not { } idempotency)
        {
            await Db.SaveChangesAsync(ct);
            return;
        }

        if (await FindCreatedByIdempotencyKeyAsync(idempotency.Key, ct) is { } found)
        {
            Db.ChangeTracker.Clear();
            throw new IdempotentReplayException(found.CreatedId, found.RequestHash == idempotency.RequestHash);
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        try
        {
            await Db.SaveChangesAsync(ct);
            Db.IdempotentRequests.Add(new IdempotentRequestRecord
            {
                UserId = _userId, Key = idempotency.Key, RequestHash = idempotency.RequestHash, CreatedId = createdId(), CreatedAt = Clock.GetUtcNow(),
            });
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            Db.ChangeTracker.Clear();
            if (await FindCreatedByIdempotencyKeyAsync(idempotency.Key, ct) is not { } raced)
                throw;
            throw new IdempotentReplayException(raced.CreatedId, raced.RequestHash == idempotency.RequestHash);
        }
    }

    // Inserts the entry with its key; the unique index (user, key) decides a race between two instances.
    private async Task<long> AddOnceAsync(EntryRecord entry, Idempotency idempotency, CancellationToken ct)
    {
        if (await FindByIdempotencyKeyAsync(idempotency.Key, ct) is { } found)
            throw new IdempotentReplayException(found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), found.RequestHash == idempotency.RequestHash);
        entry.IdempotencyKey = idempotency.Key;
        entry.RequestHash = idempotency.RequestHash;
        Db.Entries.Add(entry);
        try
        {
            await Db.SaveChangesAsync(ct);
            return entry.Id;
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            if (await FindByIdempotencyKeyAsync(idempotency.Key, ct) is not { } raced)
                throw;
            throw new IdempotentReplayException(raced.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), raced.RequestHash == idempotency.RequestHash);
        }
    }

    /// <summary>Deletes an entry of this user; false when there is none with that id.</summary>
    public async Task<bool> DeleteEntryAsync(long id, CancellationToken ct = default) =>
        await Db.Entries.Where(e => e.UserId == _userId && e.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>One entry of this user with what it contributes; null when there is none with that id (or it is another user's).</summary>
    public async Task<(DateOnly Date, IntakeItem? Item, SymptomEntry? Symptom)?> FindEntryAsync(long id, CancellationToken ct = default)
    {
        var date = await Db.Entries.AsNoTracking().Where(e => e.UserId == _userId && e.Id == id).Select(e => (DateOnly?)e.Date).FirstOrDefaultAsync(ct);
        if (date is not { } day)
            return null;
        var (items, symptoms) = await EntriesAsync(day, day, id, ct);
        var item = items.FirstOrDefault(i => i.Id == id);
        var symptom = symptoms.FirstOrDefault(s => s.Id == id);
        // Deleted by a concurrent request between the two reads: as if it never existed.
        return item is null && symptom is null ? null : (day, item, symptom);
    }

    /// <summary>Deletes everything this user has — profile, entries, custom foods, recipes, labs, products, prices — in one transaction.</summary>
    public async Task DeleteAllAsync(CancellationToken ct = default)
    {
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        await DiaryTransfer.DeleteDiaryAsync(Db, _userId, ct);
        await Db.IdempotentRequests.Where(r => r.UserId == _userId).ExecuteDeleteAsync(ct);
        await Db.Labs.Where(l => l.UserId == _userId).ExecuteDeleteAsync(ct);
        await Db.Products.Where(p => p.UserId == _userId).ExecuteDeleteAsync(ct);
        await Db.Prices.Where(p => p.UserId == _userId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Deletes a lab result of this user; false when there is none with that id.</summary>
    public async Task<bool> DeleteLabAsync(long id, CancellationToken ct = default) =>
        await Db.Labs.Where(l => l.UserId == _userId && l.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Adds a custom food; returns its id (<c>c1</c>…).</summary>
    public async Task<string> AddCustomFoodAsync(string name, Nutrients per100g, double? servingGrams, CancellationToken ct = default)
    {
        var r = new CustomFoodRecord
        {
            UserId = _userId, Name = name, ServingGrams = servingGrams, Nutrients = CustomFoodNutrients.Rows(per100g),
        };
        Db.CustomFoods.Add(r);
        await SaveCreatedAsync(() => $"c{r.Id}", ct);
        return $"c{r.Id}";
    }

    /// <summary>Adds a recipe (the caller has checked every ingredient); returns its id (<c>r1</c>…).</summary>
    public async Task<string> AddRecipeAsync(string name, double servings, IReadOnlyList<RecipeIngredient> ingredients, CancellationToken ct = default)
    {
        var r = new RecipeRecord
        {
            UserId = _userId, Name = name, Servings = servings,
            Ingredients = [.. ingredients.Select((x, i) => new RecipeIngredientRecord { FoodRef = x.Food.Id, Grams = x.Grams, Sequence = i + 1 })],
        };
        Db.Recipes.Add(r);
        await SaveCreatedAsync(() => $"r{r.Id}", ct);
        return $"r{r.Id}";
    }

    /// <summary>The recipe and the resolved nutrients of each ingredient and of one serving; null when unknown.</summary>
    public async Task<(Recipe Recipe, IReadOnlyList<(RecipeIngredient Ingredient, string Name, Nutrients Nutrients)> Lines, Nutrients PerServing)?> GetRecipeAsync(string id, CancellationToken ct = default)
    {
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, [id], ct), ct);
        if (!resolver.Recipes.TryGetValue(id, out var recipe))
            return null;
        var lines = recipe.Ingredients.Select(i => (i, resolver.Find(i.Food)?.Name ?? i.Food.Id, resolver.NutrientsOf(i.Food, i.Grams))).ToList();
        var total = lines.Aggregate(Nutrients.Zero, (sum, l) => sum + l.Item3);
        return (recipe, lines, total.Scale(1 / recipe.Servings));
    }

    /// <summary>Every food, supplement and symptom entry, optionally of one day, in date then id order.</summary>
    public Task<(IReadOnlyList<IntakeItem> Items, IReadOnlyList<SymptomEntry> Symptoms)> EntriesAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        EntriesAsync(from, to, null, ct);

    // The entries of a window, or only entry <paramref name="onlyId"/> (found by id, not by reading its whole day).
    private async Task<(IReadOnlyList<IntakeItem> Items, IReadOnlyList<SymptomEntry> Symptoms)> EntriesAsync(DateOnly from, DateOnly to, long? onlyId, CancellationToken ct)
    {
        var rows = await ReadEntriesAsync(from, to, onlyId, ct);
        var refs = rows.Where(r => r.FoodRef is not null).Select(r => r.FoodRef!).Distinct().ToList();
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, refs, ct, withPortions: false), ct);
        var items = new List<IntakeItem>(rows.Count);
        var symptoms = new List<SymptomEntry>();
        foreach (var r in rows)
        {
            switch (r.Kind)
            {
                case EntryKind.Food:
                    var food = FoodRef.Parse(r.FoodRef)!.Value;
                    var info = resolver.Find(food);
                    items.Add(new IntakeItem(
                        r.Id, KindOf(food), food.Id, info?.Name ?? $"(deleted food {food.Id})", r.Date, r.Meal, r.Grams,
                        resolver.NutrientsOf(food, r.Grams ?? 0)));
                    break;
                case EntryKind.Supplement:
                    var form = SupplementForms.Find(r.FormId ?? "");
                    items.Add(new IntakeItem(
                        r.Id, IntakeKind.Supplement, $"supplement:{r.FormId}", $"{form?.Name ?? r.FormId} supplement", r.Date, null, null,
                        new Nutrients(Mass.FromMicrograms(r.ElementalMagnesiumUg ?? 0), Mass.FromMicrograms(r.CalciumUg ?? 0), Mass.Zero, 0)));
                    break;
                case EntryKind.Symptom:
                    symptoms.Add(new SymptomEntry(r.Id, r.Date, r.SignId!, r.Severity ?? 1, r.Note));
                    break;
            }
        }

        return (items, symptoms);
    }

    /// <summary>The day report for <paramref name="day"/>.</summary>
    public async Task<DayReport> DayAsync(DiaryProfile profile, DateOnly day, CancellationToken ct = default)
    {
        var (items, symptoms) = await EntriesAsync(day, day, ct);
        return DayReport.Compute(day, profile, items, symptoms);
    }

    /// <summary>The period report from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<PeriodReport> PeriodAsync(DiaryProfile profile, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var (items, symptoms) = await EntriesAsync(from, to, ct);
        return PeriodReport.Compute(from, to, profile, items, symptoms);
    }

    /// <summary>The user's custom foods and recipes, without loading the diary.</summary>
    public async Task<(IReadOnlyList<OwnFood> CustomFoods, IReadOnlyList<OwnFood> Recipes)> OwnFoodsAsync(CancellationToken ct = default)
    {
        var customs = await Db.CustomFoods.AsNoTracking().Where(c => c.UserId == _userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, MagnesiumUgPer100g = c.Nutrients.Where(n => n.Nutrient == Nutrient.Magnesium).Select(n => n.Amount).FirstOrDefault(), c.ServingGrams }).ToListAsync(ct);
        var recipes = await Db.Recipes.AsNoTracking().Where(r => r.UserId == _userId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Servings, Ingredients = r.Ingredients.Count }).ToListAsync(ct);
        return (
            [.. customs.Select(c => new OwnFood($"c{c.Id}", c.Name, c.MagnesiumUgPer100g / 1_000.0, c.ServingGrams, null, null))],
            [.. recipes.Select(r => new OwnFood($"r{r.Id}", r.Name, null, null, r.Servings, r.Ingredients))]);
    }

    /// <summary>Adds a lab result (the caller has checked kind, value and unit); returns it with its id.</summary>
    public async Task<LabResult> AddLabAsync(DateOnly date, LabKind kind, double value, string unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var record = new LabRecord { UserId = _userId, Date = date, Loinc = kind.Loinc, Value = value, Unit = unit };
        Db.Labs.Add(record);
        await SaveCreatedAsync(() => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return new LabResult(record.Id, date, kind, value, unit);
    }

    /// <summary>Adds a supplement product (the caller has checked the values); returns it with its id (<c>p1</c>, …).</summary>
    public async Task<Magnesia.Planning.SupplementProduct> AddProductAsync(string name, Magnesia.References.SupplementForm form, double elementalMgPerUnit, int units, double price, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var record = new SupplementProductRecord { UserId = _userId, Name = name, FormId = form.Id, ElementalMgPerUnit = elementalMgPerUnit, Units = units, Price = price };
        Db.Products.Add(record);
        await SaveCreatedAsync(() => $"p{record.Id}", ct);
        return new Magnesia.Planning.SupplementProduct($"p{record.Id}", name, form, elementalMgPerUnit, units, price);
    }

    /// <summary>The user's supplement products, by id.</summary>
    public async Task<IReadOnlyList<Magnesia.Planning.SupplementProduct>> ProductsAsync(CancellationToken ct = default) =>
        [.. (await Db.Products.AsNoTracking().Where(p => p.UserId == _userId).OrderBy(p => p.Id).ToListAsync(ct))
            .Where(p => Magnesia.References.SupplementForms.Find(p.FormId) is not null)
            .Select(p => new Magnesia.Planning.SupplementProduct($"p{p.Id}", p.Name, Magnesia.References.SupplementForms.Find(p.FormId)!, p.ElementalMgPerUnit, p.Units, p.Price))];

    /// <summary>Sets (or replaces) the price of a catalogue food: <paramref name="price"/> per 100 g, kg or lb.</summary>
    /// <remarks>One upsert statement (SQLite and PostgreSQL share the syntax): two requests at once both succeed, the later wins.</remarks>
    public async Task SetPriceAsync(string ndb, double price, string per, double pricePerGram, CancellationToken ct = default)
    {
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO food_prices ("UserId", "Ndb", "Price", "Per", "PricePerGram") VALUES ({_userId}, {ndb}, {price}, {per}, {pricePerGram})
            ON CONFLICT ("UserId", "Ndb") DO UPDATE SET "Price" = excluded."Price", "Per" = excluded."Per", "PricePerGram" = excluded."PricePerGram"
            """, ct);
    }

    /// <summary>The user's food prices: NDB number, price as entered, its quantity, and price per gram.</summary>
    public async Task<IReadOnlyList<(string Ndb, double Price, string Per, double PricePerGram)>> PricesAsync(CancellationToken ct = default) =>
        [.. (await Db.Prices.AsNoTracking().Where(p => p.UserId == _userId).OrderBy(p => p.Ndb).ToListAsync(ct)).Select(p => (p.Ndb, p.Price, p.Per, p.PricePerGram))];

    /// <summary>Every lab result of the user, by date then id.</summary>
    public async Task<IReadOnlyList<LabResult>> LabsAsync(CancellationToken ct = default) =>
        [.. (await Db.Labs.AsNoTracking().Where(l => l.UserId == _userId).OrderBy(l => l.Date).ThenBy(l => l.Id).ToListAsync(ct))
            .Where(l => Magnesia.Metabolic.Labs.Find(l.Loinc) is not null)
            .Select(l => new LabResult(l.Id, l.Date, Magnesia.Metabolic.Labs.Find(l.Loinc)!, l.Value, l.Unit))];

    /// <summary>The combined assessment for today over the window <paramref name="from"/>–<paramref name="to"/>.</summary>
    public async Task<AssessmentReport> AssessAsync(DiaryProfile profile, DateOnly from, DateOnly to, AssessmentAnswers answers, CancellationToken ct = default)
    {
        var period = await PeriodAsync(profile, from, to, ct);
        return Assessment.Compute(profile, period, await LabsAsync(ct), answers, Today);
    }

    /// <summary>What the diary holds, counted without loading it.</summary>
    public Task<DiaryCounts> CountAsync(CancellationToken ct = default) => DiaryTransfer.CountAsync(Db, _userId, ct);

    /// <summary>The whole diary as one document.</summary>
    public Task<DiaryDocument> ExportAsync(CancellationToken ct = default) => DiaryTransfer.ExportAsync(Db, _userId, ct);

    /// <summary>Validates a document in full, then replaces the diary with it in one transaction.</summary>
    /// <exception cref="DiaryImportException">When the document is malformed; nothing is written.</exception>
    public Task ImportAsync(string json, string fileName, CancellationToken ct = default) =>
        DiaryTransfer.ImportAsync(Db, _userId, json, fileName, Today, ct);

    // Reports over years read tens of thousands of rows: a plain data reader over the few columns a report needs,
    // with NULLs folded in SQL, is several times cheaper than materialising EF Core entities (bench/README.md).
    // Quoted identifiers and @-parameters work on SQLite and PostgreSQL alike.
    private Task<List<EntryRow>> ReadEntriesAsync(DateOnly from, DateOnly to, long? onlyId, CancellationToken ct) => ReadAsync(async (connection, tx) =>
    {
        (string, object)[] range = [("@user", _userId), ("@from", from), ("@to", to), ("@id", onlyId ?? 0L)];
        var rows = new List<EntryRow>();
        await using (var intake = Sql.Command(connection, tx, """
            SELECT "Id", "Date", CASE "Kind" WHEN 'food' THEN 0 ELSE 1 END,
                   CASE "Meal" WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'dinner' THEN 3 WHEN 'snack' THEN 4 ELSE 0 END,
                   COALESCE("FoodRef", ''), COALESCE("Grams", 0), COALESCE("FormId", ''), COALESCE("ElementalMagnesiumUg", 0), COALESCE("CalciumUg", 0)
            FROM diary_entries WHERE "UserId" = @user AND "Date" >= @from AND "Date" <= @to AND (@id = 0 OR "Id" = @id) AND "Kind" <> 'symptom' ORDER BY "Date", "Id"
            """, range))
        await using (var reader = await intake.ExecuteReaderAsync(ct))
        {
            while (reader.Read()) // Microsoft.Data.Sqlite reads synchronously; ReadAsync only adds a task per row
            {
                // Kind and meal come back as small integers: strings are the expensive part of reading a row.
                var food = reader.GetString(4);
                var form = reader.GetString(6);
                rows.Add(new EntryRow(
                    reader.GetInt64(0), Sql.ReadDate(reader, 1), reader.GetInt32(2) == 0 ? EntryKind.Food : EntryKind.Supplement, Meals[reader.GetInt32(3)],
                    food.Length == 0 ? null : food, reader.GetDouble(5), form.Length == 0 ? null : form, reader.GetInt64(7), reader.GetInt64(8), null, null, null));
            }
        }

        await using (var symptoms = Sql.Command(connection, tx, """
            SELECT "Id", "Date", "SignId", "Severity", "Note"
            FROM diary_entries WHERE "UserId" = @user AND "Date" >= @from AND "Date" <= @to AND (@id = 0 OR "Id" = @id) AND "Kind" = 'symptom' ORDER BY "Date", "Id"
            """, range))
        await using (var reader = await symptoms.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                rows.Add(new EntryRow(
                    reader.GetInt64(0), Sql.ReadDate(reader, 1), EntryKind.Symptom, null, null, null, null, null, null,
                    reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        return rows;
    }, ct);

    private static readonly Meal?[] Meals = [null, Meal.Breakfast, Meal.Lunch, Meal.Dinner, Meal.Snack];

    private sealed record EntryRow(long Id, DateOnly Date, EntryKind Kind, Meal? Meal, string? FoodRef, double? Grams, string? FormId, long? ElementalMagnesiumUg, long? CalciumUg, string? SignId, int? Severity, string? Note);

    private static IntakeKind KindOf(FoodRef food) => food.Source switch
    {
        FoodSource.Custom => IntakeKind.Custom,
        FoodSource.Recipe => IntakeKind.Recipe,
        _ => IntakeKind.Food,
    };
}
