namespace Magnesia.Data.Diary;

/// <summary>
/// A client's <c>Idempotency-Key</c> with the hash of the request it came with, for one request. The door stores it in
/// <c>idempotent_requests</c> with what the request created, in the same transaction as the row, under a unique index
/// per user: a retry after any failure — a lost response, a killed instance — finds the key instead of writing twice.
/// </summary>
/// <param name="key">The client's key (1–100 visible ASCII characters).</param>
/// <param name="requestHash">SHA-256 of the request, hex.</param>
public sealed class Idempotency(string key, string requestHash)
{
    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The client's key.</summary>
    public string Key { get; } = key;

    /// <summary>SHA-256 of the request, hex.</summary>
    public string RequestHash { get; } = requestHash;

    /// <summary>
    /// Set by the door when a racing request stored this key first (its write was rolled back): what that request
    /// created and whether it was the same request. Null while this request's own write stands.
    /// </summary>
    public IdempotentReplay? Raced { get; internal set; }

    /// <summary>Whether <paramref name="key"/> is a usable key: 1–100 visible ASCII characters.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is > ' ' and < (char)127);
}

/// <summary>A key already stored for this user: what it created, and whether the stored request is this one (a retry) or another.</summary>
/// <param name="CreatedId">An entry or lab id, <c>c1</c>, <c>r1</c> or <c>p1</c>.</param>
/// <param name="SameRequest">The stored request hash equals this request's.</param>
public sealed record IdempotentReplay(string CreatedId, bool SameRequest);

/// <summary>
/// A creating request made with an <c>Idempotency-Key</c> (entries, labs, products, custom foods, recipes): written in the same
/// transaction as the row it created, so the key and the row exist together or not at all.
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
