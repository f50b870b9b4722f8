using Magnesia.Foods;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Reports;

/// <summary>The clinician's report as a page readable (and printable) without JavaScript: the same content as the PDF.</summary>
[Authorize]
public sealed class ReportModel(CurrentUser user, FoodCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ClinicianReport? Report { get; private set; }
    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (period, invalid, noProfile) = await ReportsApi.PeriodAsync(From, To, user, ct);
        if (noProfile is not null)
            return Redirect("/account");
        if (invalid is not null)
            (period, _, _) = await ReportsApi.PeriodAsync(null, null, user, ct);
        Query = $"from={period!.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";
        Report = await ReportsApi.ComposeAsync(period, user, catalog, ct);
        return Page();
    }
}
