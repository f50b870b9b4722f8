using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Reports;

/// <summary>Trends: daily magnesium over a period as a server-drawn chart, top foods, symptoms, and the downloads.</summary>
[Authorize]
public sealed class TrendsModel(CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public PeriodResponse? Report { get; private set; }
    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (first, last, problems) = DiaryApi.Window(From, To, user.Today);
        if (problems.Any)
        {
            problems.CopyTo(ModelState);
            (first, last, _) = DiaryApi.Window(null, null, user.Today);
        }

        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Redirect("/account");
        (From, To) = (first, last);
        Query = $"from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}";
        Report = PeriodResponse.Create(await user.Diary.PeriodAsync(profile, first, last, ct));
        return Page();
    }
}
