using System.Security.Cryptography;
using System.Text.Json;
using Magnesia.Data.Diary;

namespace Magnesia.Web.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> of the creating routes, as one endpoint filter: the header is checked, hashed with the
/// route and the request as bound, and looked up. A retry of a stored key is answered as the first request was (201,
/// re-read through the route's <c>replay</c>); a key stored for another request is 422; a new key is handed to the
/// user's door, which stores it with what the request creates in the same transaction. A racing request that stores
/// the key first (another instance, a parallel retry) is answered the same way after the handler ran.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>What a stored key's route answers for what it created (<c>createdId</c>), as the first response did.</summary>
    public delegate Task<IResult> Replay(CurrentUser user, string createdId, CancellationToken ct);

    /// <summary>Makes the route idempotent under <see cref="Header"/>; <typeparamref name="TRequest"/> is the body the key's hash covers.</summary>
    public static RouteHandlerBuilder WithIdempotency<TRequest>(this RouteHandlerBuilder route, string name, Replay replay) where TRequest : class =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (key.Length == 0)
                return await next(context);
            if (!Idempotency.IsValidKey(key))
                return Problems.Field(Header, $"{Header} must be 1–{Idempotency.MaxKeyLength} visible ASCII characters.");
            var user = http.RequestServices.GetRequiredService<CurrentUser>();
            // The request as bound (not its bytes): a retry with the same fields is the same request; the route's name
            // keeps a key reused on another route from replaying the wrong thing.
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            var hash = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(name + "\n"), .. JsonSerializer.SerializeToUtf8Bytes(request)]));
            if (await user.Diary.FindCreatedByIdempotencyKeyAsync(key, http.RequestAborted) is { } stored)
                return stored.RequestHash == hash ? await replay(user, stored.CreatedId, http.RequestAborted) : Reused();
            var idempotency = new Idempotency(key, hash);
            user.UseIdempotency(idempotency);
            var result = await next(context);
            return idempotency.Raced switch
            {
                null => result,
                { SameRequest: true } raced => await replay(user, raced.CreatedId, http.RequestAborted),
                _ => Reused(),
            };
        }).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>422: the key was used for another request.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Reused() =>
        TypedResults.Problem($"this {Header} was used for another request; use a new key for a new request",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: $"{Header} reused");
}
