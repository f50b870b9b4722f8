using Magnesia.Data.Community;
using Magnesia.Foods;
using Magnesia.References;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Learn;

/// <summary>One Learn page: reference content from the domain's tables with its sources, and reader comments.</summary>
public sealed class LearnModel(CommentBoards boards, CurrentUser user, FoodCatalog catalog, CommentThrottle throttle, Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser> users) : PageModel
{
    [BindProperty] public CommentRequest Comment { get; set; } = new();

    /// <summary>The name to show with comments, asked for once, before the first comment.</summary>
    [BindProperty] public string? DisplayName { get; set; }

    /// <summary>The reader's display name, when chosen.</summary>
    public string? Shown { get; private set; }

    public LearnPage? Topic { get; private set; }
    public IReadOnlyList<Comment> Comments { get; private set; } = [];
    public bool SignedIn => user.Id is not null;
    public bool Administrator => user.IsAdministrator;

    /// <summary>The foods list of the foods page: richest per 100 g, per 100 kcal and per portion.</summary>
    public IReadOnlyList<RankedFood> Top(NutrientBasis basis, int limit = 15) => catalog.Top(basis, null, limit);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (LearnPages.Find(slug) is not { } page)
            return NotFound();
        Topic = page;
        Comments = await boards.ForReader().ListAsync(slug, ct);
        Shown = await user.DisplayNameAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string slug, CancellationToken ct)
    {
        if (user.Id is null)
            return Challenge();
        if (LearnPages.Find(slug) is not { } page)
            return NotFound();
        if (ModelState.IsValid && !throttle.TryTake(user.Id))
        {
            ModelState.AddModelError("Comment.Text", "Too many comments in a minute: please wait a little.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else if (ModelState.IsValid && !Magnesia.Text.TextInput.IsBlank(Comment.Text))
        {
            Shown = await user.DisplayNameAsync();
            if (Shown is null)
            {
                if (await Account.AccountIdentity.SaveDisplayNameAsync(user, users, DisplayName) is { } problem)
                    ModelState.AddModelError(nameof(DisplayName), problem);
                else
                    Shown = DisplayName!.Trim();
            }

            if (Shown is not null)
            {
                await boards.ForReader().PostAsync(slug, Shown, Comment.Text!.Trim(), ct);
                return Redirect($"/learn/{slug}#comments");
            }
        }

        else if (ModelState.IsValid)
            ModelState.AddModelError("Comment.Text", "text must not be blank.");
        Topic = page;
        Comments = await boards.ForReader().ListAsync(slug, ct);
        Shown ??= await user.DisplayNameAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, long id, CancellationToken ct)
    {
        if (user.Id is null)
            return Challenge();
        await boards.ForReader().DeleteOwnAsync(id, ct);
        return Redirect($"/learn/{slug}#comments");
    }

    public async Task<IActionResult> OnPostHideAsync(string slug, long id, bool hidden, CancellationToken ct)
    {
        if (!user.IsAdministrator)
            return user.Id is null ? Challenge() : Forbid();
        await boards.ForReader().SetHiddenAsync(id, hidden, ct);
        return Redirect($"/learn/{slug}#comments");
    }

    /// <summary>The DRI rows as the IOM table lists them: one representative age per life-stage group.</summary>
    public static IEnumerable<MagnesiumDri> DriRows()
    {
        foreach (var (years, months) in new[] { (0, 3), (0, 9), (2, 0), (6, 0), (11, 0), (16, 0), (25, 0), (40, 0), (60, 0), (75, 0) })
        {
            foreach (var sex in new[] { Sex.Male, Sex.Female })
            {
                if (years < 9 && sex == Sex.Female)
                    continue; // children share one row up to 8 years
                yield return MagnesiumDris.For(LifeStage.Create(years, months, sex, Reproduction.None));
            }
        }

        foreach (var r in new[] { Reproduction.Pregnant, Reproduction.Lactating })
        {
            foreach (var years in new[] { 17, 25, 40 })
                yield return MagnesiumDris.For(LifeStage.Create(years, 0, Sex.Female, r));
        }
    }
}
