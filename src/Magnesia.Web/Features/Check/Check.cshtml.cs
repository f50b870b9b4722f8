using Magnesia.Data.Contracts;
using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;
using Magnesia.Units;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Magnesia.Web.Features.Check;

/// <summary>
/// Check: the screening questionnaire with its transparent result, labs with history, the calculators (HOMA-IR, QUICKI,
/// TyG, metabolic syndrome, eGFR, MDS, serum magnesium) and the combined assessment.
/// </summary>
[Authorize]
public sealed class CheckModel(CurrentUser user) : PageModel
{
    [BindProperty] public ScreeningRequest Screen { get; set; } = new();
    [BindProperty] public LabRequest Lab { get; set; } = new();
    [BindProperty] public MetabolicRequest Metabolic { get; set; } = new();
    [BindProperty] public EgfrRequest Egfr { get; set; } = new();
    [BindProperty] public AssessmentRequest Assess { get; set; } = new();
    [BindProperty] public MdsRequest Mds { get; set; } = new();
    [BindProperty] public double? SerumValue { get; set; }
    [BindProperty] public string? SerumUnit { get; set; }

    public MdsResponse? Depletion { get; private set; }
    public SerumResponse? Serum { get; private set; }

    public ScreeningResponse? Screening { get; private set; }
    public MetabolicResponse? Panel { get; private set; }
    public EgfrResponse? Kidney { get; private set; }
    public IReadOnlyList<LabResponse> Labs { get; private set; } = [];
    public AssessmentResponse? Assessment { get; private set; }
    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostScreenAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Screen)))
            Screening = ScreeningResponse.From(Screener.Score(Screen.Answers().Select(a => Screener.Find(a.Category, a.Id)!)));
        return ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostLabAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Lab)))
        {
            var day = Lab.Date ?? user.Today;
            if (Intake.DiaryDates.Check(day, user.Today) is { } bad)
            {
                ModelState.AddModelError("Lab.Date", $"date: {bad}.");
            }
            else
            {
                var (kind, value, unit) = Lab.ToInput().Resolve();
                await user.Diary.AddLabAsync(day, kind, value, unit, ct);
                TempData["Message"] = $"{kind.Name} saved.";
                return Redirect("/check#labs");
            }
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteLabAsync(long id, CancellationToken ct)
    {
        TempData["Message"] = await user.Diary.DeleteLabAsync(id, ct) ? "Lab result deleted." : "No such lab result.";
        return Redirect("/check#labs");
    }

    public Task<IActionResult> OnPostMetabolicAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Metabolic)))
            Panel = MetabolicResponse.From(Metabolic.Compute());
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostEgfrAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Egfr)))
            Kidney = EgfrResponse.From(Egfr.ToInput().Compute());
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostMdsAsync(CancellationToken ct)
    {
        if (ModelState.KeepOnly(nameof(Mds)))
            Depletion = MdsResponse.From(Mds.ToInput().Compute());
        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostSerumAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(SerumValue));
        // The domain's checks and words, as GET /api/serum.
        var input = new Magnesia.Metabolic.LabInput("serum-magnesium", SerumValue, SerumUnit);
        foreach (var p in input.Validate())
            ModelState.AddModelError(p.Field == Magnesia.Metabolic.LabField.Unit ? nameof(SerumUnit) : nameof(SerumValue), p.Render(InputProblemResults.JsonName) + ".");
        if (ModelState.IsValid)
            Serum = SerumResponse.From(Magnesia.Metabolic.SerumMagnesium.FromLab(SerumValue!.Value, SerumUnit!));

        return ShowAsync(ct);
    }

    public Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        ModelState.KeepOnly(nameof(Assess));
        return ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Redirect("/account");
        Labs = [.. (await user.Diary.LabsAsync(ct)).Select(LabResponse.From).Reverse()];
        var (first, last, problems) = DiaryApi.Window(Assess.From, Assess.To, user.Today);
        if (problems.Any)
        {
            problems.CopyTo(ModelState, nameof(Assess));
            (first, last, _) = DiaryApi.Window(null, null, user.Today);
        }

        var situations = (Assess.Situations ?? []).Where(i => Screener.Find(ScreeningCategory.Situation, i) is not null).ToList();
        var conditions = (Assess.Conditions ?? []).Where(i => Screener.Find(ScreeningCategory.Condition, i) is not null).ToList();
        Assessment = AssessmentResponse.From(await user.Diary.AssessAsync(profile, first, last, new AssessmentAnswers(Assess.HeavyAlcohol, situations, conditions), ct));
        return Page();
    }

    /// <summary>What a screening item is called on the form.</summary>
    public static string Label(ScreeningItem item) => item.Category switch
    {
        ScreeningCategory.Symptom => DeficiencySigns.Find(item.Id)?.Name ?? item.Id,
        ScreeningCategory.Situation => RiskSituations.Find(item.Id)?.Name ?? item.Id,
        _ => item.Name ?? item.Id,
    };

    public static IEnumerable<ScreeningItem> Items(ScreeningCategory c) => Screener.All.Where(i => i.Category == c);

    public static IReadOnlyList<Magnesia.Metabolic.LabKind> LabKinds => Magnesia.Metabolic.Labs.Kinds;

    public static IReadOnlyList<WaistThreshold> Populations => MetabolicSyndrome.Populations;
}
