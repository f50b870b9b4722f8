using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Community;

/// <summary>A comment as readers see it.</summary>
/// <param name="Id">Comment id.</param>
/// <param name="Page">The Learn page.</param>
/// <param name="Author">Name shown.</param>
/// <param name="Text">Plain text (escaped by whoever renders it).</param>
/// <param name="CreatedAt">When it was posted (UTC).</param>
/// <param name="Mine">Posted by the reader asking.</param>
/// <param name="Hidden">Hidden by an administrator (only administrators see hidden comments).</param>
public sealed record Comment(long Id, string Page, string Author, string Text, DateTimeOffset CreatedAt, bool Mine, bool Hidden);

/// <summary>
/// The comments under the Learn pages, through one reader's door: anyone reads the visible ones; a signed-in reader
/// posts and deletes their own; an administrator also sees and hides any. Every write is filtered by the reader's id.
/// </summary>
public sealed class CommentBoard(Store store, string? userId, bool administrator, TimeProvider clock)
{
    /// <summary>The comments of a page, oldest first (hidden ones only for administrators).</summary>
    public async Task<IReadOnlyList<Comment>> ListAsync(string page, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var rows = await db.Comments.AsNoTracking().Where(c => c.Page == page && (administrator || !c.Hidden))
            .OrderBy(c => c.Id).ToListAsync(ct);
        return [.. rows.Select(c => new Comment(c.Id, c.Page, c.Author, c.Text, c.CreatedAt, c.UserId == userId, c.Hidden))];
    }

    /// <summary>Posts a comment (the caller has checked page and text); returns it.</summary>
    public async Task<Comment> PostAsync(string page, string author, string text, CancellationToken ct = default)
    {
        var owner = userId ?? throw new InvalidOperationException("posting needs a signed-in reader");
        await using var db = store.CreateContext();
        var row = new CommentRecord { Page = page, UserId = owner, Author = author, Text = text, CreatedAt = clock.GetUtcNow() };
        db.Comments.Add(row);
        await db.SaveChangesAsync(ct);
        return new Comment(row.Id, page, author, text, row.CreatedAt, true, false);
    }

    /// <summary>Deletes the reader's own comment; false when there is no such comment of theirs.</summary>
    public async Task<bool> DeleteOwnAsync(long id, CancellationToken ct = default)
    {
        if (userId is null)
            return false;
        await using var db = store.CreateContext();
        return await db.Comments.Where(c => c.Id == id && c.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>Hides (or shows again) any comment; administrators only; false when there is none.</summary>
    public async Task<bool> SetHiddenAsync(long id, bool hidden, CancellationToken ct = default)
    {
        if (!administrator)
            return false;
        await using var db = store.CreateContext();
        return await db.Comments.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Hidden, hidden), ct) > 0;
    }

    /// <summary>Deletes every comment of the reader (account deletion).</summary>
    public async Task DeleteAllOwnAsync(CancellationToken ct = default)
    {
        if (userId is null)
            return;
        await using var db = store.CreateContext();
        await db.Comments.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
