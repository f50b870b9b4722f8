using Magnesia.Data.Contracts;
using Magnesia.Foods;
using Magnesia.References;
using Magnesia.Web.Features.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features;

/// <summary>The home page: DRI lookup and food search, rendered on the server.</summary>
public sealed class IndexModel(FoodCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AgeYears { get; set; }
    [BindProperty(SupportsGet = true)] public int? Months { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sex { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public DriResponse? Dri { get; private set; }
    public string? DriError { get; private set; }
    public IReadOnlyList<FoodMatch>? Hits { get; private set; }

    public void OnGet()
    {
        if (!ModelState.IsValid)
            DriError = "Age and months must be whole numbers.";
        else if (AgeYears is not null)
        {
            var lifeStage = DriApi.ParseLifeStage(AgeYears, Months, Sex, Status == "pregnant", Status == "lactating", out var problems);
            if (lifeStage is null)
                DriError = string.Join(" ", problems.ToDictionary().Values.SelectMany(v => v));
            else
                Dri = DriResponse.From(MagnesiumDris.For(lifeStage));
        }

        if (!string.IsNullOrWhiteSpace(Q))
            Hits = catalog.Search(Q, 15);
    }
}
