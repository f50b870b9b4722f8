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
public sealed partial class DiaryStore : IAsyncDisposable
{
    private readonly Store? _store;

    private readonly string _userId;

    // Typed object, not MagnesiaDbContext: ReadyToRun cannot load a type whose field is a type deriving from a package
    // kept out of the composite image (IdentityDbContext), and would leave every method of the door to the JIT at each
    // start. Only the members that touch the context (below, and the EF Core queries) need EF Core's assemblies.
    private object? _db;

    private DbConnection? _connection; // the door's own plain connection for reads, when opened over a store

    /// <summary>
    /// Opens the door to <paramref name="userId"/>'s data in <paramref name="store"/>; with <paramref name="idempotency"/>,
    /// its creating writes store the request's key with what they create.
    /// </summary>
    public DiaryStore(Store store, string userId, TimeProvider clock, Idempotency? idempotency = null)
    {
        Idempotency = idempotency;
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

    private MagnesiaDbContext Db => (MagnesiaDbContext)(_db ??= _store!.CreateContext());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        _connection = null;
        if (_store is not null && _db is IAsyncDisposable context)
            await context.DisposeAsync();
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
        return await ReadOnContextAsync(read, ct);
    }

    private Task<T> ReadOnContextAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> read, CancellationToken ct) =>
        Sql.OnContextConnectionAsync(Db, read, ct);

    /// <summary>
    /// Runs a plain write in one transaction that commits when <paramref name="write"/> returns a non-zero id and rolls
    /// back otherwise: on the door's own connection when it was opened over a store (one writer at a time on SQLite,
    /// taken in this process rather than by SQLite's busy-retry sleeps), else on the context's connection, in its
    /// transaction when one is open.
    /// </summary>
    private async Task<long> WriteAsync(Func<DbConnection, DbTransaction, Task<long>> write, CancellationToken ct)
    {
        if (_store is not null && _db is null)
        {
            var connection = _connection ??= await _store.OpenConnectionAsync(ct);
            using var gate = await _store.WriteGateAsync(ct);
            await using var tx = await Store.BeginWriteAsync(connection, ct);
            var id = await write(connection, tx);
            if (id != 0)
                await tx.CommitAsync(ct);
            else
                await tx.RollbackAsync(ct);
            return id;
        }
        return await WriteOnContextAsync(write, ct);
    }

    private async Task<long> WriteOnContextAsync(Func<DbConnection, DbTransaction, Task<long>> write, CancellationToken ct)
    {
        if (Db.Database.CurrentTransaction is { } current)
            return await Sql.OnContextConnectionAsync(Db, (c, _) => write(c, current.GetDbTransaction()), ct);
        await using var own = await Db.Database.BeginTransactionAsync(ct);
        var written = await write(Db.Database.GetDbConnection(), own.GetDbTransaction());
        if (written != 0)
            await own.CommitAsync(ct);
        else
            await own.RollbackAsync(ct);
        return written;
    }

    /// <summary>The portion name of a custom food's label serving or a recipe serving.</summary>
    public const string Serving = "serving";

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

    /// <summary>The combined assessment for today over the window <paramref name="from"/>–<paramref name="to"/>.</summary>
    public async Task<AssessmentReport> AssessAsync(DiaryProfile profile, DateOnly from, DateOnly to, AssessmentAnswers answers, CancellationToken ct = default)
    {
        var period = await PeriodAsync(profile, from, to, ct);
        return Assessment.Compute(profile, period, await LabsAsync(ct), answers, Today);
    }

    /// <summary>
    /// Usual intake over the default window to <paramref name="today"/> (<see cref="DiaryWindow.Resolve"/>) next to VITAL
    /// and the diabetes meta-analyses; null when nothing is logged in that window.
    /// </summary>
    public async Task<EvidenceResult?> EvidenceAsync(DiaryProfile profile, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (first, last) = DiaryWindow.Resolve(null, null, today);
        var period = await PeriodAsync(profile, first, last, ct);
        return period.Mean(d => d.MagnesiumTotal.Milligrams) is { } mean ? Evidence.Apply(mean, profile.LifeStageOn(today)) : null;
    }

    /// <summary>What the diary holds, counted without loading it.</summary>
    public Task<DiaryCounts> CountAsync(CancellationToken ct = default) => DiaryTransfer.CountAsync(Db, _userId, ct);

    /// <summary>The whole diary as one document.</summary>
    public Task<DiaryDocument> ExportAsync(CancellationToken ct = default) => DiaryTransfer.ExportAsync(Db, _userId, ct);

    /// <summary>Validates a document in full, then replaces the diary with it in one transaction.</summary>
    /// <exception cref="DiaryImportException">When the document is malformed; nothing is written.</exception>
    public Task ImportAsync(string json, string fileName, CancellationToken ct = default) =>
        DiaryTransfer.ImportAsync(Db, _userId, json, fileName, Today, ct);
}
