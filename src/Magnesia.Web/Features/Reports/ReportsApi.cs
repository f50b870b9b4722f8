using Magnesia.Data.Contracts;
using Magnesia.Data.Planning;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Screening;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Reports;

/// <summary>
/// <c>GET /api/reports?from=&amp;to=&amp;format=json|csv</c> (the JSON and CSV of <c>magnesia report</c>),
/// <c>GET /api/reports/pdf?from=&amp;to=</c> (for a clinician) and <c>GET /api/reports/chart.svg</c> (the Trends chart).
/// </summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        group.MapGet("", GetReport).WithName("GetReport").WithSummary("A period: per-day series, means, days below EAR, top foods, symptoms (json or csv).");
        group.MapGet("/pdf", GetPdf).WithName("GetReportPdf").WithSummary("The period, its chart, the assessment and the plans as a PDF for a clinician.");
        group.MapGet("/chart.svg", GetChart).WithName("GetReportChart").WithSummary("Daily magnesium with the EAR–RDA band, supplements against the UL and symptoms, as SVG.");
        return app;
    }

    internal static async Task<Results<Ok<PeriodResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReport(
        DateOnly? from, DateOnly? to, string? format, CurrentUser user, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
            return Problems.Field("format", $"format must be json or csv, not '{format}'.");
        var (period, invalid, noProfile) = await PeriodAsync(from, to, user, ct);
        if (invalid is not null)
            return invalid;
        if (period is null)
            return noProfile!;
        var report = PeriodResponse.Create(period);
        return format == "csv"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(report.ToCsv()), "text/csv; charset=utf-8", $"magnesia-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv")
            : TypedResults.Ok(report);
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetPdf(
        DateOnly? from, DateOnly? to, CurrentUser user, FoodCatalog catalog, CancellationToken ct)
    {
        var (period, invalid, noProfile) = await PeriodAsync(from, to, user, ct);
        if (invalid is not null)
            return invalid;
        if (period is null)
            return noProfile!;
        var report = await ComposeAsync(period, user, catalog, ct);
        return TypedResults.File(ReportPdf.Render(report), "application/pdf", $"magnesia-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.pdf");
    }

    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetChart(DateOnly? from, DateOnly? to, CurrentUser user, CancellationToken ct)
    {
        var (period, invalid, noProfile) = await PeriodAsync(from, to, user, ct);
        if (invalid is not null)
            return invalid;
        if (period is null)
            return noProfile!;
        return TypedResults.Content(IntakeChart.Svg(period), "image/svg+xml");
    }

    /// <summary>The checked window's period report, or the answer saying what is wrong (bad window, no profile).</summary>
    internal static async Task<(PeriodReport? Period, ValidationProblem? Invalid, ProblemHttpResult? NoProfile)> PeriodAsync(DateOnly? from, DateOnly? to, CurrentUser user, CancellationToken ct)
    {
        var (first, last, problems) = DiaryApi.Window(from, to, user.Today);
        if (problems.Any)
            return (null, Problems.From(problems), null);
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return (null, null, Problems.NoProfile());
        return (await user.Diary.PeriodAsync(profile, first, last, ct), null, null);
    }

    /// <summary>The period with the assessment and both plans at their defaults, for the PDF and the report page.</summary>
    internal static async Task<ClinicianReport> ComposeAsync(PeriodReport period, CurrentUser user, FoodCatalog catalog, CancellationToken ct)
    {
        var profile = (await user.Diary.GetProfileAsync(ct))!;
        var assessment = AssessmentResponse.From(await user.Diary.AssessAsync(profile, period.From, period.To, AssessmentAnswers.None, ct));
        FoodPlanResponse? foods = null;
        SupplementPlanResponse? supplement = null;
        if (period.LoggedDays.Count > 0)
        {
            var query = new FoodPlanQuery(Magnesia.Planning.PlanMode.Add, false, period.From, period.To, null, Magnesia.Planning.PlanObjective.Energy,
                Magnesia.Planning.FoodPlanner.DefaultMaxFoods, null, null, null, new HashSet<string>(StringComparer.Ordinal), Magnesia.Planning.Diet.Any);
            foods = FoodPlanResponse.From(await user.Diary.PlanFoodsAsync(profile, query, catalog, ct));
            supplement = SupplementPlanResponse.From((await user.Diary.PlanSupplementAsync(profile,
                new SupplementPlanQuery(null, null, period.From, period.To, null, null, false, []), ct)).Plan);
        }

        return new ClinicianReport(period, PeriodResponse.Create(period), profile.LifeStageOn(period.To).Label, assessment, foods, supplement, user.Today);
    }
}
