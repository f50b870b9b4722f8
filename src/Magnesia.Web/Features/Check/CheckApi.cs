using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.Screening;
using Magnesia.Units;
using Magnesia.Web.Features.Diary;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Check;

/// <summary>
/// Screening, the calculators, labs and the combined assessment under <c>/api</c>, with the CLI's field names: the
/// calculators are open to anyone (they store nothing); labs and the assessment need an account.
/// </summary>
internal static class CheckApi
{
    public static IEndpointRouteBuilder MapCheckApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api").WithTags("Check");
        open.MapPost("/screening", Screen).WithName("Screen").WithSummary("Deficiency-risk screening (a screening aid, not a diagnosis).");
        open.MapPost("/metabolic", Metabolic).WithName("Metabolic").WithSummary("HOMA-IR, QUICKI, TyG and the harmonized metabolic syndrome.");
        open.MapPost("/egfr", EgfrOf).WithName("Egfr").WithSummary("CKD-EPI 2021 eGFR from creatinine, age and sex.");
        open.MapPost("/mds", Mds).WithName("Mds").WithSummary("Magnesium Depletion Score (Fan et al. 2021).");
        open.MapGet("/serum", Serum).WithName("Serum").WithSummary("Serum magnesium: conversion and interpretation.");

        var mine = app.MapGroup("/api").WithTags("Check").RequireAuthorization();
        mine.MapGet("/labs", ListLabs).WithName("ListLabs");
        mine.MapPost("/labs", AddLab).WithIdempotency<LabRequest>("labs", ReplayLab).WithName("AddLab");
        mine.MapDelete("/labs/{id:long}", DeleteLab).WithName("DeleteLab");
        mine.MapPost("/assessment", Assess).WithName("Assess").WithSummary("One combined assessment from the profile, diary, labs and answers.");
        mine.MapGet("/evidence", EvidenceOf).WithName("Evidence").WithSummary("Usual intake (last 30 days) next to VITAL and the diabetes meta-analyses.");
        return app;
    }

    internal static Ok<ScreeningResponse> Screen(ScreeningRequest request) =>
        TypedResults.Ok(ScreeningResponse.From(Screener.Score(request.Answers().Select(a => Screener.Find(a.Category, a.Id)!))));

    internal static Ok<MetabolicResponse> Metabolic(MetabolicRequest request) => TypedResults.Ok(MetabolicResponse.From(request.Compute()));

    internal static Ok<EgfrResponse> EgfrOf(EgfrRequest request) => TypedResults.Ok(EgfrResponse.From(request.ToInput().Compute()));

    internal static Ok<MdsResponse> Mds(MdsRequest request) =>
        TypedResults.Ok(MdsResponse.From(request.ToInput().Compute()));

    internal static Results<Ok<SerumResponse>, ValidationProblem> Serum(double? value, string? unit) =>
        new LabInput("serum-magnesium", value, unit).Validate() is [var problem, ..]
            ? problem.ToProblem()
            : TypedResults.Ok(SerumResponse.From(SerumMagnesium.FromLab(value!.Value, unit!)));

    internal static async Task<Ok<List<LabResponse>>> ListLabs(CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await user.Diary.LabsAsync(ct)).Select(LabResponse.From).ToList());

    internal static async Task<Results<Created<LabResponse>, ValidationProblem, ProblemHttpResult>> AddLab(LabRequest request, CurrentUser user, CancellationToken ct)
    {
        var day = request.Date ?? user.Today;
        if (DiaryDates.Check(day, user.Today) is { } bad)
            return Problems.Field("date", $"date: {bad}.");
        var (kind, value, unit) = request.ToInput().Resolve();
        var lab = await user.Diary.AddLabAsync(day, kind, value, unit, ct);
        return TypedResults.Created($"/api/labs/{lab.Id}", LabResponse.From(lab));
    }

    // A retried AddLab: the result its key created, as the first time.
    private static async Task<IResult> ReplayLab(CurrentUser user, string createdId, CancellationToken ct) =>
        (await user.Diary.LabsAsync(ct)).FirstOrDefault(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == createdId) is { } lab
            ? TypedResults.Created($"/api/labs/{lab.Id}", LabResponse.From(lab))
            : Problems.NotFound($"lab result {createdId}, created by this request, has since been deleted");

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteLab(long id, CurrentUser user, CancellationToken ct) =>
        await user.Diary.DeleteLabAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"no lab result {id}");

    internal static async Task<Results<Ok<AssessmentResponse>, ValidationProblem, ProblemHttpResult>> Assess(AssessmentRequest request, CurrentUser user, CancellationToken ct)
    {
        var (first, last, problems) = DiaryApi.Window(request.From, request.To, user.Today);
        if (problems.Any)
            return Problems.From(problems);
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Problems.NoProfile();
        var answers = new AssessmentAnswers(request.HeavyAlcohol, [.. request.Situations ?? []], [.. request.Conditions ?? []]);
        return TypedResults.Ok(AssessmentResponse.From(await user.Diary.AssessAsync(profile, first, last, answers, ct)));
    }

    internal static async Task<Results<Ok<EvidenceResponse>, ValidationProblem, ProblemHttpResult>> EvidenceOf(CurrentUser user, CancellationToken ct)
    {
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Problems.NoProfile();
        return await user.Diary.EvidenceAsync(profile, user.Today, ct) is { } evidence
            ? TypedResults.Ok(EvidenceResponse.From(evidence))
            : Problems.Field("intakeMg", $"nothing logged in the last {DiaryWindow.DefaultDays} days: log food first.");
    }
}
