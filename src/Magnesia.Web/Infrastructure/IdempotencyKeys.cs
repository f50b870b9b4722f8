using System.Security.Cryptography;
using System.Text.Json;
using Magnesia.Data.Diary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> header of the creating routes: checked, hashed with the route and the request as bound,
/// and handed to the user's door, which stores it with the row it creates. A retry gets the first 201 again; another
/// request with the same key gets 422.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Null when the header is absent or usable (the door then carries it); a 400 naming the header otherwise.</summary>
    public static ValidationProblem? Apply<T>(HttpRequest http, CurrentUser user, string route, T request)
    {
        var key = http.Headers[Header].ToString();
        if (key.Length == 0)
            return null;
        if (!Idempotency.IsValidKey(key))
            return Problems.Field(Header, $"{Header} must be 1–{Idempotency.MaxKeyLength} visible ASCII characters.");
        // The request as bound (not its bytes): a retry with the same fields is the same request; the route keeps a
        // key reused on another route from replaying the wrong thing.
        var hash = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(route + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(request)]));
        user.Diary.Idempotency = new Idempotency(key, hash);
        return null;
    }

    /// <summary>422: the key was used for another request.</summary>
    public static ProblemHttpResult Reused() =>
        TypedResults.Problem($"this {Header} was used for another request; use a new key for a new request",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: $"{Header} reused");
}
