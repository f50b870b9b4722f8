using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Diary;

public sealed partial class DiaryStore
{
    /// <summary>
    /// The <c>Idempotency-Key</c> this door's creating writes carry (given at construction by a face that received one),
    /// or null. Each creating write stores it with what it created, in the same transaction.
    /// </summary>
    public Idempotency? Idempotency { get; }

    /// <summary>
    /// The same door for a request that carries <paramref name="idempotency"/>: its creating writes store the key. The
    /// new door takes over this one's connection; this one is spent.
    /// </summary>
    public DiaryStore WithIdempotency(Idempotency idempotency)
    {
        ArgumentNullException.ThrowIfNull(idempotency);
        if (_store is null || _db is not null)
            throw new InvalidOperationException("an idempotent door is opened over a store, before any EF Core work");
        var door = new DiaryStore(_store, _userId, Clock, idempotency) { _connection = _connection };
        _connection = null;
        return door;
    }

    /// <summary>What the request with <paramref name="key"/> created (an entry id, a lab id, <c>c1</c>, <c>r1</c>, <c>p1</c>) and its request hash; null when none.</summary>
    public async Task<(string CreatedId, string RequestHash)?> FindCreatedByIdempotencyKeyAsync(string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await ReadAsync(async (connection, tx) =>
        {
            await using var command = Sql.Command(connection, tx, """
                SELECT "CreatedId", "RequestHash" FROM idempotent_requests WHERE "UserId" = @user AND "Key" = @key
                """, ("@user", _userId), ("@key", key));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : ((string, string)?)null;
        }, ct);
    }

    // Within a write transaction (WriteAsync): records this request's key as having created createdId, unless a
    // racing request recorded the key first — then reports that request on Idempotency.Raced and returns false, and
    // the caller's write is rolled back.
    private async Task<bool> RecordKeyAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string createdId, CancellationToken ct)
    {
        if (Idempotency is not { } idempotency)
            return true;
        await using var insert = Sql.Command(connection, tx, """
            INSERT INTO idempotent_requests ("UserId", "Key", "RequestHash", "CreatedId", "CreatedAt") VALUES (@user, @key, @hash, @created, @at)
            ON CONFLICT DO NOTHING
            """, ("@user", _userId), ("@key", idempotency.Key), ("@hash", idempotency.RequestHash), ("@created", createdId), ("@at", Clock.GetUtcNow()));
        if (await insert.ExecuteNonQueryAsync(ct) == 1)
            return true;
        await using var read = Sql.Command(connection, tx, """
            SELECT "CreatedId", "RequestHash" FROM idempotent_requests WHERE "UserId" = @user AND "Key" = @key
            """, ("@user", _userId), ("@key", idempotency.Key));
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (await reader.ReadAsync(ct))
            idempotency.Raced = new IdempotentReplay(reader.GetString(0), reader.GetString(1) == idempotency.RequestHash);
        return false;
    }

    // Saves the pending new row; with a key, records the key with the row's id in the same transaction. A key that a
    // racing request (another instance, a parallel retry) recorded first rolls this write back and is reported on
    // Idempotency.Raced for the face to answer as that request; returns whether this request's row was written.
    private async Task<bool> SaveCreatedAsync(Func<string> createdId, CancellationToken ct)
    {
        if (Idempotency is not { } idempotency)
        {
            await Db.SaveChangesAsync(ct);
            return true;
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
            return true;
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            Db.ChangeTracker.Clear();
            if (await FindCreatedByIdempotencyKeyAsync(idempotency.Key, ct) is not { } raced)
                throw;
            idempotency.Raced = new IdempotentReplay(raced.CreatedId, raced.RequestHash == idempotency.RequestHash);
            return false;
        }
    }
}
