using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Diary;

/// <summary>A food the user logs again and again, in the amount they log it.</summary>
/// <param name="Ref">The food, custom food or recipe.</param>
/// <param name="Name">Its name.</param>
/// <param name="Entered">The amount as entered ("1 large" × 2, or g × 150).</param>
/// <param name="Grams">The grams that amount weighed the last time.</param>
/// <param name="Times">How many times it was logged in the window.</param>
/// <param name="Last">The last day it was logged.</param>
public sealed record UsualFood(FoodRef Ref, string Name, AmountEntered Entered, double Grams, int Times, DateOnly Last);

/// <summary>A food the user starred, in the amount they usually have it.</summary>
/// <param name="Ref">The food, custom food or recipe.</param>
/// <param name="Name">Its name.</param>
/// <param name="Entered">The amount as entered ("1 large" × 2, or g × 150).</param>
/// <param name="Grams">What that amount weighs.</param>
/// <param name="Magnesium">The magnesium in that amount.</param>
public sealed record FavouriteFood(FoodRef Ref, string Name, AmountEntered Entered, double Grams, Magnesia.Units.Mass Magnesium);

/// <summary>A deleted entry as it was, so that it can be put back (the Today page's "undo").</summary>
/// <param name="Date">Day.</param>
/// <param name="Kind">food, supplement or symptom.</param>
/// <param name="Meal">Meal, for foods.</param>
/// <param name="FoodRef">The food, for foods.</param>
/// <param name="Grams">Grams, for foods.</param>
/// <param name="Portion">Portion as entered.</param>
/// <param name="Quantity">Quantity as entered.</param>
/// <param name="FormId">Salt form, for supplements.</param>
/// <param name="ElementalMagnesiumUg">Elemental magnesium, µg.</param>
/// <param name="CompoundMg">Compound mass, mg.</param>
/// <param name="CalciumUg">Calcium, µg.</param>
/// <param name="SignId">Sign, for symptoms.</param>
/// <param name="Severity">Severity 1–5.</param>
/// <param name="Note">Note.</param>
public sealed record EntrySnapshot(DateOnly Date, EntryKind Kind, Meal? Meal, string? FoodRef, double? Grams, string? Portion, double? Quantity,
    string? FormId, long? ElementalMagnesiumUg, double? CompoundMg, long? CalciumUg, string? SignId, int? Severity, string? Note);

public sealed partial class DiaryStore
{
    /// <summary>Days looked back for recent and frequent foods: about two months of habits.</summary>
    public const int UsualFoodDays = 60;

    /// <summary>
    /// The foods of the last <see cref="UsualFoodDays"/> days to <paramref name="today"/>, each with the amount it was
    /// logged in: the most recent first, and the most often logged first (ties: the more recent), <paramref name="limit"/> of each.
    /// </summary>
    public async Task<(IReadOnlyList<UsualFood> Recent, IReadOnlyList<UsualFood> Frequent)> UsualFoodsAsync(DateOnly today, int limit = 8, CancellationToken ct = default)
    {
        var from = today.AddDays(-UsualFoodDays);
        var rows = await Db.Entries.AsNoTracking()
            .Where(e => e.UserId == _userId && e.Kind == EntryKind.Food && e.Date >= from && e.Date <= today && e.FoodRef != null)
            .Select(e => new { e.Id, e.Date, e.FoodRef, e.Grams, e.PortionEntered, e.QuantityEntered })
            .ToListAsync(ct);
        var groups = rows
            .GroupBy(r => (r.FoodRef, Portion: r.PortionEntered ?? "g", Quantity: r.QuantityEntered ?? r.Grams ?? 0))
            .Select(g => (g.Key, Times: g.Count(), Latest: g.MaxBy(r => (r.Date, r.Id))!))
            .ToList();
        if (groups.Count == 0)
            return ([], []);
        var refs = groups.Select(g => g.Key.FoodRef!).Distinct().ToList();
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, refs, ct, withPortions: false, _store?.Catalog), ct);
        var usual = groups
            .Select(g => FoodRef.Parse(g.Key.FoodRef!) is { } r && resolver.Find(r) is { } info
                ? new UsualFood(r, info.Name, new AmountEntered(g.Key.Portion, g.Key.Quantity), g.Latest.Grams ?? 0, g.Times, g.Latest.Date)
                : null)
            .OfType<UsualFood>()
            .ToList();
        var recent = usual.OrderByDescending(u => u.Last).ThenByDescending(u => u.Times).Take(limit).ToList();
        var frequent = usual.Where(u => u.Times > 1).OrderByDescending(u => u.Times).ThenByDescending(u => u.Last).Take(limit).ToList();
        return (recent, frequent);
    }

    /// <summary>The amount a food entry of this user was entered in ("1 large" × 2); null for another kind, another user's, or none.</summary>
    public async Task<AmountEntered?> EnteredAmountAsync(long id, CancellationToken ct = default)
    {
        var row = await Db.Entries.AsNoTracking().Where(e => e.UserId == _userId && e.Id == id && e.Kind == EntryKind.Food)
            .Select(e => new { e.PortionEntered, e.QuantityEntered, e.Grams }).FirstOrDefaultAsync(ct);
        return row is null ? null : new AmountEntered(row.PortionEntered ?? "g", row.QuantityEntered ?? row.Grams ?? 0);
    }

    /// <summary>
    /// Copies the foods and supplements of <paramref name="from"/> (only those of <paramref name="meal"/> when given) to
    /// <paramref name="to"/>, in one transaction; returns how many entries were copied. Symptoms are not copied.
    /// </summary>
    public async Task<int> CopyEntriesAsync(DateOnly from, Meal? meal, DateOnly to, CancellationToken ct = default)
    {
        var rows = await Db.Entries.AsNoTracking()
            .Where(e => e.UserId == _userId && e.Date == from && e.Kind != EntryKind.Symptom && (meal == null || e.Meal == meal))
            .OrderBy(e => e.Id).ToListAsync(ct);
        if (rows.Count == 0)
            return 0;
        foreach (var r in rows)
        {
            r.Id = 0;
            r.Date = to;
        }

        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        Db.Entries.AddRange(rows);
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>Deletes an entry of this user and returns it as it was (to put back with <see cref="RestoreEntryAsync"/>); null when there is none.</summary>
    public async Task<EntrySnapshot?> DeleteEntryKeepingAsync(long id, CancellationToken ct = default)
    {
        var e = await Db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == _userId && e.Id == id, ct);
        if (e is null || !await DeleteEntryAsync(id, ct))
            return null;
        return new EntrySnapshot(e.Date, e.Kind, e.Meal, e.FoodRef, e.Grams, e.PortionEntered, e.QuantityEntered, e.FormId,
            e.ElementalMagnesiumUg, e.CompoundMg, e.CalciumUg, e.SignId, e.Severity, e.Note);
    }

    /// <summary>Writes a deleted entry back for this user (a new id); returns the id.</summary>
    public async Task<long> RestoreEntryAsync(EntrySnapshot entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new EntryRecord
        {
            UserId = _userId, Date = entry.Date, Kind = entry.Kind, Meal = entry.Meal, FoodRef = entry.FoodRef, Grams = entry.Grams,
            PortionEntered = entry.Portion, QuantityEntered = entry.Quantity, FormId = entry.FormId, ElementalMagnesiumUg = entry.ElementalMagnesiumUg,
            CompoundMg = entry.CompoundMg, CalciumUg = entry.CalciumUg, SignId = entry.SignId, Severity = entry.Severity, Note = entry.Note,
        };
        Db.Entries.Add(row);
        await Db.SaveChangesAsync(ct);
        Db.ChangeTracker.Clear();
        return row.Id;
    }

    /// <summary>This user's starred foods, the newest first; a starred custom food or recipe since deleted is left out.</summary>
    public async Task<IReadOnlyList<FavouriteFood>> FavouritesAsync(CancellationToken ct = default)
    {
        var rows = await Db.Favourites.AsNoTracking().Where(f => f.UserId == _userId).ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var refs = rows.Select(r => r.FoodRef).ToList();
        var resolver = await ReadAsync((c, tx) => NutrientResolver.LoadAsync(c, tx, _userId, refs, ct, withPortions: false, _store?.Catalog), ct);
        return [.. rows.OrderByDescending(r => r.AddedAt).ThenBy(r => r.FoodRef, StringComparer.Ordinal)
            .Select(r => FoodRef.Parse(r.FoodRef) is { } food && resolver.Find(food) is { } info
                ? new FavouriteFood(food, info.Name, new AmountEntered(r.Portion, r.Quantity), r.Grams, info.Per100g.Magnesium.Scale(r.Grams / 100.0))
                : null)
            .OfType<FavouriteFood>()];
    }

    /// <summary>
    /// Stars <paramref name="food"/> in the amount <paramref name="entered"/> (weighing <paramref name="grams"/>); starring
    /// a starred food again replaces its amount. Returns the starred food; null when this user has no such food.
    /// </summary>
    public async Task<FavouriteFood?> SetFavouriteAsync(FoodRef food, AmountEntered entered, double grams, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entered);
        if (await FindEdibleAsync(food, withPortions: false, ct) is not { } info)
            return null;
        // One statement on both providers, so two stars of one food at once cannot collide on the key.
        return await WriteAsync(async (connection, tx) =>
        {
            // The newest star sorts first even when the clock has not moved since the last one (a frozen test clock).
            var at = Clock.GetUtcNow().UtcDateTime;
            await using (var newest = Sql.Command(connection, tx, """SELECT MAX("AddedAt") FROM favourite_foods WHERE "UserId" = @user""", ("@user", _userId)))
            await using (var reader = await newest.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) && reader.GetDateTime(0) is var last && last >= at)
                    at = DateTime.SpecifyKind(last, DateTimeKind.Utc).AddMilliseconds(1);
            }

            await using var upsert = Sql.Command(connection, tx, """
                INSERT INTO favourite_foods ("UserId", "FoodRef", "Portion", "Quantity", "Grams", "AddedAt")
                VALUES (@user, @food, @portion, @quantity, @grams, @at)
                ON CONFLICT ("UserId", "FoodRef") DO UPDATE SET "Portion" = excluded."Portion", "Quantity" = excluded."Quantity",
                    "Grams" = excluded."Grams", "AddedAt" = excluded."AddedAt"
                """,
                ("@user", _userId), ("@food", food.Id), ("@portion", entered.Portion), ("@quantity", entered.Quantity), ("@grams", grams),
                ("@at", at));
            return await upsert.ExecuteNonQueryAsync(ct);
        }, ct) > 0 ? new FavouriteFood(food, info.Name, entered, grams, info.Per100g.Magnesium.Scale(grams / 100.0)) : null;
    }

    /// <summary>Stars the food of this user's food entry <paramref name="id"/> in the amount it was logged in; false when there is no such entry.</summary>
    public async Task<bool> StarEntryAsync(long id, CancellationToken ct = default)
    {
        var e = await Db.Entries.AsNoTracking().Where(e => e.UserId == _userId && e.Id == id && e.Kind == EntryKind.Food)
            .Select(e => new { e.FoodRef, e.Grams, e.PortionEntered, e.QuantityEntered }).FirstOrDefaultAsync(ct);
        return e is { Grams: { } grams } && FoodRef.Parse(e.FoodRef) is { } food
            && await SetFavouriteAsync(food, new AmountEntered(e.PortionEntered ?? "g", e.QuantityEntered ?? grams), grams, ct) is not null;
    }

    /// <summary>Un-stars <paramref name="food"/>; false when it was not starred.</summary>
    public async Task<bool> RemoveFavouriteAsync(FoodRef food, CancellationToken ct = default) =>
        await Db.Favourites.Where(f => f.UserId == _userId && f.FoodRef == food.Id).ExecuteDeleteAsync(ct) > 0;
}
