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

public sealed partial class DiaryStore
{
    /// <summary>Resolves a food reference to its name, portions and per-100 g nutrients; null when unknown.</summary>
    public Task<EdibleInfo?> FindEdibleAsync(FoodRef food, CancellationToken ct = default) => FindEdibleAsync(food, withPortions: true, ct);

    /// <summary>The food, custom food or recipe, with its household portions only when <paramref name="withPortions"/> (an amount in grams needs none); null when unknown.</summary>
    public async Task<EdibleInfo?> FindEdibleAsync(FoodRef food, bool withPortions, CancellationToken ct = default) =>
        await ReadAsync(async (c, tx) => (await NutrientResolver.LoadAsync(c, tx, _userId, [food.Id], ct, withPortions, _store?.Catalog)).Find(food), ct);

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
        var found = await FindEdibleAsync(new FoodRef(FoodSource.Catalog, hits[0].FoodId), ct);
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

    /// <summary>Adds many food entries in one transaction (an import or a batch: all or none); returns their ids, in order.</summary>
    public async Task<IReadOnlyList<long>> AddFoodsAsync(IReadOnlyList<(DateOnly Date, Meal? Meal, FoodRef Food, double Grams, AmountEntered Entered)> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var rows = entries.Select(e => FoodRow(e.Date, e.Meal, e.Food, e.Grams, e.Entered)).ToList();
        Db.Entries.AddRange(rows);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        return [.. rows.Select(r => r.Id)];
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

    // An edit keeps the entry's id: every field is rewritten in one UPDATE of this user's row.
    private async Task<long> ReplaceEntryAsync(long id, EntryRecord entry, CancellationToken ct)
    {
        var existing = await Db.Entries.FirstOrDefaultAsync(e => e.UserId == _userId && e.Id == id, ct);
        if (existing is null)
            return 0;
        entry.Id = id;
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

    private async Task<long> AddAsync(long? replaces, EntryRecord entry, CancellationToken ct)
    {
        if (replaces is { } id)
            return await ReplaceEntryAsync(id, entry, ct); // apart: the EF Core edit stays out of the insert's compiled code

        // With a key: the entry and its key commit together; a racing request with the key wins (0, Idempotency.Raced).
        return await WriteAsync(async (connection, tx) =>
        {
            await using var insert = Sql.Command(connection, tx, """
                INSERT INTO diary_entries ("UserId", "Date", "Kind", "Meal", "FoodRef", "Grams", "PortionEntered", "QuantityEntered",
                                           "FormId", "ElementalMagnesiumUg", "CompoundMg", "CalciumUg", "SignId", "Severity", "Note")
                VALUES (@user, @date, @kind, @meal, @food, @grams, @portion, @quantity, @form, @elemental, @compound, @calcium, @sign, @severity, @note)
                RETURNING "Id"
                """,
                ("@user", _userId), ("@date", entry.Date), ("@kind", ContractNames.Name(entry.Kind)), ("@meal", Sql.OrNull(entry.Meal is { } m ? ContractNames.Name(m) : null)),
                ("@food", Sql.OrNull(entry.FoodRef)), ("@grams", Sql.OrNull(entry.Grams)), ("@portion", Sql.OrNull(entry.PortionEntered)), ("@quantity", Sql.OrNull(entry.QuantityEntered)),
                ("@form", Sql.OrNull(entry.FormId)), ("@elemental", Sql.OrNull(entry.ElementalMagnesiumUg)), ("@compound", Sql.OrNull(entry.CompoundMg)),
                ("@calcium", Sql.OrNull(entry.CalciumUg)), ("@sign", Sql.OrNull(entry.SignId)), ("@severity", Sql.OrNull(entry.Severity)), ("@note", Sql.OrNull(entry.Note)));
            var id = (long)(await insert.ExecuteScalarAsync(ct))!;
            return await RecordKeyAsync(connection, tx, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct) ? id : 0;
        }, ct);
    }

    /// <summary>Deletes an entry of this user; false when there is none with that id.</summary>
    public async Task<bool> DeleteEntryAsync(long id, CancellationToken ct = default) =>
        await Db.Entries.Where(e => e.UserId == _userId && e.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>One entry of this user with what it contributes; null when there is none with that id (or it is another user's).</summary>
    public async Task<(DateOnly Date, IntakeItem? Item, SymptomEntry? Symptom)?> FindEntryAsync(long id, CancellationToken ct = default)
    {
        var (items, symptoms) = await EntriesAsync(DateOnly.MinValue, DateOnly.MaxValue, id, ct);
        if (items.FirstOrDefault(i => i.Id == id) is { } item)
            return (item.Date, item, null);
        return symptoms.FirstOrDefault(s => s.Id == id) is { } symptom ? (symptom.Date, null, symptom) : null;
    }

    /// <summary>Every food, supplement and symptom entry, optionally of one day, in date then id order.</summary>
    public Task<(IReadOnlyList<IntakeItem> Items, IReadOnlyList<SymptomEntry> Symptoms)> EntriesAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        EntriesAsync(from, to, null, ct);

    // The entries of a window, or only entry <paramref name="onlyId"/> (found by id, not by reading its whole day).
    private async Task<(IReadOnlyList<IntakeItem> Items, IReadOnlyList<SymptomEntry> Symptoms)> EntriesAsync(DateOnly from, DateOnly to, long? onlyId, CancellationToken ct)
    {
        var rows = await ReadEntriesAsync(from, to, onlyId, ct);
        var refs = rows.Where(r => r.FoodRef is not null).Select(r => r.FoodRef!).Distinct().ToList();
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, refs, ct, withPortions: false, _store?.Catalog), ct);
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
                    items.Add(SupplementItem(r.Id, r.Date, r.FormId ?? "", Mass.FromMicrograms(r.ElementalMagnesiumUg ?? 0), Mass.FromMicrograms(r.CalciumUg ?? 0)));
                    break;
                case EntryKind.Symptom:
                    symptoms.Add(new SymptomEntry(r.Id, r.Date, r.SignId!, r.Severity ?? 1, r.Note));
                    break;
            }
        }

        return (items, symptoms);
    }

    // Reports over years read tens of thousands of rows: a plain data reader over the few columns a report needs,
    // with NULLs folded in SQL, is several times cheaper than materialising EF Core entities (bench/README.md).
    // Quoted identifiers and @-parameters work on SQLite and PostgreSQL alike.
    private Task<List<EntryRow>> ReadEntriesAsync(DateOnly from, DateOnly to, long? onlyId, CancellationToken ct) => ReadAsync(async (connection, tx) =>
    {
        (string, object)[] range = onlyId is { } id ? [("@user", _userId), ("@id", id)] : [("@user", _userId), ("@from", from), ("@to", to)];
        // One entry by its key (the primary key), or a window by the (user, date) index.
        var where = onlyId is null ? "\"UserId\" = @user AND \"Date\" >= @from AND \"Date\" <= @to" : "\"UserId\" = @user AND \"Id\" = @id";
        var rows = new List<EntryRow>();
        await using (var intake = Sql.Command(connection, tx, $"""
            SELECT "Id", "Date", CASE "Kind" WHEN 'food' THEN 0 ELSE 1 END,
                   CASE "Meal" WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'dinner' THEN 3 WHEN 'snack' THEN 4 ELSE 0 END,
                   COALESCE("FoodRef", ''), COALESCE("Grams", 0), COALESCE("FormId", ''), COALESCE("ElementalMagnesiumUg", 0), COALESCE("CalciumUg", 0)
            FROM diary_entries WHERE {where} AND "Kind" <> 'symptom' ORDER BY "Date", "Id"
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

        await using (var symptoms = Sql.Command(connection, tx, $"""
            SELECT "Id", "Date", "SignId", "Severity", "Note"
            FROM diary_entries WHERE {where} AND "Kind" = 'symptom' ORDER BY "Date", "Id"
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

    /// <summary>
    /// What a just-written food entry contributes, as <see cref="EntriesAsync(DateOnly, DateOnly, CancellationToken)"/>
    /// reads it back, from the food as resolved for the write; null for a recipe (its nutrients are the sum of its
    /// ingredients: read the entry back).
    /// </summary>
    public static IntakeItem? FoodItem(long id, DateOnly date, Meal? meal, EdibleInfo food, double grams)
    {
        ArgumentNullException.ThrowIfNull(food);
        return food.Ref.Source == FoodSource.Recipe ? null
            : new IntakeItem(id, KindOf(food.Ref), food.Ref.Id, food.Name, date, meal, grams, food.Per100g.Scale(grams / 100.0));
    }

    /// <summary>What a supplement entry contributes: its elemental magnesium and calcium.</summary>
    public static IntakeItem SupplementItem(long id, DateOnly date, string formId, Mass elemental, Mass calcium) =>
        new(id, IntakeKind.Supplement, $"supplement:{formId}", $"{SupplementForms.Find(formId)?.Name ?? formId} supplement", date, null, null,
            new Nutrients(elemental, calcium, Mass.Zero, 0));

    private static IntakeKind KindOf(FoodRef food) => food.Source switch
    {
        FoodSource.Custom => IntakeKind.Custom,
        FoodSource.Recipe => IntakeKind.Recipe,
        _ => IntakeKind.Food,
    };
}
