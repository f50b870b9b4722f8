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
/// <param name="entryId">The entry the key created.</param>
/// <param name="sameRequest">Whether the stored request hash equals this request's (a retry) or not (another request).</param>
public sealed class IdempotentReplayException(long entryId, bool sameRequest)
    : Exception(sameRequest ? $"entry {entryId} was already created by this request" : "the Idempotency-Key was used for another request")
{
    /// <summary>The entry the key created.</summary>
    public long EntryId { get; } = entryId;

    /// <summary>Whether this is the same request retried.</summary>
    public bool SameRequest { get; } = sameRequest;
}
