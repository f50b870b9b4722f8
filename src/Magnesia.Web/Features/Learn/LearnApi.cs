using System.ComponentModel.DataAnnotations;
using Magnesia.Data;
using Magnesia.Data.Community;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Learn;

/// <summary>A comment to post: plain text, up to <see cref="CommentRecord.MaxLength"/> characters.</summary>
public sealed class CommentRequest
{
    /// <summary>The comment.</summary>
    [Required, StringLength(CommentRecord.MaxLength, MinimumLength = 2, ErrorMessage = "text must be 2 to 2000 characters.")]
    public string? Text { get; set; }
}

/// <summary>A comment as the API returns it.</summary>
public sealed record CommentResponse(long Id, string Page, string Author, string Text, DateTimeOffset CreatedAt, bool Mine, bool Hidden)
{
    /// <summary>Maps a comment.</summary>
    public static CommentResponse From(Comment c) => new(c.Id, c.Page, c.Author, c.Text, c.CreatedAt, c.Mine, c.Hidden);
}

/// <summary>
/// Reader comments under the Learn pages: <c>GET /api/learn/{page}/comments</c> (anyone), <c>POST</c> (signed in,
/// rate-limited), <c>DELETE /api/learn/comments/{id}</c> (own comments), <c>POST /api/learn/comments/{id}/hide</c>
/// and <c>/show</c> (administrators).
/// </summary>
internal static class LearnApi
{
    public static IEndpointRouteBuilder MapLearnApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/learn").WithTags("Learn");
        group.MapGet("", () => TypedResults.Ok(LearnPages.All.Select(p => new LearnPageResponse(p.Slug, p.Title, p.Summary)).ToList())).WithName("ListLearnPages");
        group.MapGet("/{page}/comments", List).WithName("ListComments");
        group.MapPost("/{page}/comments", Post).WithName("PostComment").RequireAuthorization().RequireRateLimiting(Accounts.CommentLimit);
        group.MapDelete("/comments/{id:long}", Delete).WithName("DeleteComment").RequireAuthorization();
        group.MapPost("/comments/{id:long}/hide", (long id, CommentBoards boards, CurrentUser user, CancellationToken ct) => SetHidden(id, true, boards, user, ct))
            .WithName("HideComment").RequireAuthorization();
        group.MapPost("/comments/{id:long}/show", (long id, CommentBoards boards, CurrentUser user, CancellationToken ct) => SetHidden(id, false, boards, user, ct))
            .WithName("ShowComment").RequireAuthorization();
        return app;
    }

    internal static async Task<Results<Ok<List<CommentResponse>>, ProblemHttpResult>> List(string page, CommentBoards boards, CancellationToken ct) =>
        LearnPages.Find(page) is null
            ? Problems.NotFound($"no Learn page '{page}'")
            : TypedResults.Ok((await boards.ForReader().ListAsync(page, ct)).Select(CommentResponse.From).ToList());

    internal static async Task<Results<Created<CommentResponse>, ValidationProblem, ProblemHttpResult>> Post(string page, CommentRequest request, CommentBoards boards, CurrentUser user, CancellationToken ct)
    {
        if (LearnPages.Find(page) is null)
            return Problems.NotFound($"no Learn page '{page}'");
        if (Magnesia.Text.TextInput.IsBlank(request.Text))
            return Problems.Field("text", "text must not be blank.");
        // Comments are public: they show a name the author chose, never a part of their address.
        if (await user.DisplayNameAsync() is not { } author)
            return Problems.Field("displayName", "choose a display name first (PUT /api/account/display-name): comments are public and show it.");
        var c = await boards.ForReader().PostAsync(page, author, request.Text!.Trim(), ct);
        return TypedResults.Created($"/api/learn/{page}/comments", CommentResponse.From(c));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(long id, CommentBoards boards, CancellationToken ct) =>
        await boards.ForReader().DeleteOwnAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"no comment {id} of yours");

    // Administrators only: the role, or an address listed in Magnesia:Administrators (accounts registered through the API).
    private static async Task<Results<NoContent, ProblemHttpResult>> SetHidden(long id, bool hidden, CommentBoards boards, CurrentUser user, CancellationToken ct) =>
        !user.IsAdministrator ? TypedResults.Problem("only an administrator may hide or show comments", statusCode: StatusCodes.Status403Forbidden)
        : await boards.ForReader().SetHiddenAsync(id, hidden, ct) ? TypedResults.NoContent() : Problems.NotFound($"no comment {id}");
}

/// <summary>A Learn page in the list.</summary>
public sealed record LearnPageResponse(string Slug, string Title, string Summary);

/// <summary>Opens the comment board through the current reader's door.</summary>
public sealed class CommentBoards(CurrentUser user, Store store, TimeProvider clock)
{
    public CommentBoard ForReader() => new(store, user.Id, user.IsAdministrator, clock);
}
