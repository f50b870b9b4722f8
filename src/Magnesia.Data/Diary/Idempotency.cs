namespace Magnesia.Data.Diary;

/// <summary>
/// A client's <c>Idempotency-Key</c> with the hash of the request it came with. Stored on the row the request creates,
/// under a unique index per user, so the row and its key commit together: a retry after any failure — a lost response,
/// a killed instance — finds the row instead of writing a second one.
/// </summary>
/// <param name="Key">The client's key (1–100 visible ASCII characters).</param>
/// <param name="RequestHash">SHA-256 of the request, hex.</param>
public sealed record Idempotency(string Key, string RequestHash)
{
    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>Whether <paramref name="key"/> is a usable key: 1–100 visible ASCII characters.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is > ' ' and < (char)127);
}

/// <summary>A request reused an <c>Idempotency-Key</c> already stored for this user.</summary>
/// <param name="createdId">The id of what the key created: an entry id, <c>c1</c>, <c>r1</c>, <c>p1</c> or a lab id.</param>
/// <param name="sameRequest">Whether the stored request hash equals this request's (a retry) or not (another request).</param>
public sealed class IdempotentReplayException(string createdId, bool sameRequest)
    : Exception(sameRequest ? $"{createdId} was already created by this request" : "the Idempotency-Key was used for another request")
{
    /// <summary>What the key created.</summary>
    public string CreatedId { get; } = createdId;

    /// <summary>Whether this is the same request retried.</summary>
    public bool SameRequest { get; } = sameRequest;
}

/// <summary>
/// A creating request made with an <c>Idempotency-Key</c> (labs, products, custom foods, recipes): written in the same
/// transaction as the row it created, so the key and the row exist together or not at all. Entries carry their key on
/// the entry row itself.
/// </summary>
public sealed class IdempotentRequestRecord
{
    /// <summary>Owner.</summary>
    public required string UserId { get; set; }

    /// <summary>The client's key.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request.</summary>
    public required string RequestHash { get; set; }

    /// <summary>What it created (<c>c1</c>, <c>r1</c>, <c>p1</c>, a lab id).</summary>
    public required string CreatedId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
