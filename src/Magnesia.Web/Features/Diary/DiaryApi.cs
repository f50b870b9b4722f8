using Magnesia.Data.Contracts;
using Magnesia.Data.Diary;
using Magnesia.Intake;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Diary;

/// <summary>
/// The diary over HTTP: <c>POST /api/diary/entries</c>, <c>GET</c>/<c>DELETE /api/diary/entries/{id}</c>,
/// <c>GET /api/diary/entries?from=&amp;to=</c> and <c>GET /api/diary/days/{date}</c> (the JSON of <c>magnesia day --json</c>).
/// Another user's entry is 404, as if it did not exist.
/// </summary>
internal static class DiaryApi
{
    public static IEndpointRouteBuilder MapDiaryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/diary").WithTags("Diary").RequireAuthorization();
        group.MapPost("/entries", AddEntry).WithIdempotency<EntryRequest>("entries", ReplayEntry).WithName("AddEntry").WithSummary("Logs a food (ndb, custom food or recipe; grams or a portion), a supplement or a symptom.");
        group.MapGet("/entries", ListEntries).WithName("ListEntries").WithSummary("Entries from one day to another, by date then id.");
        group.MapGet("/entries/{id:long}", GetEntry).WithName("GetEntry");
        group.MapPut("/entries/{id:long}", ReplaceEntry).WithName("ReplaceEntry").WithSummary("Edits an entry: the same fields as POST; the id stays.");
        group.MapDelete("/entries/{id:long}", DeleteEntry).WithName("DeleteEntry");
        group.MapGet("/days/{date}", GetDay).WithName("GetDay").WithSummary("One day against the day's EAR, RDA and supplemental UL (magnesia day --json).");
        return app;
    }

    internal static async Task<Results<Created<EntryResponse>, ValidationProblem, ProblemHttpResult>> AddEntry(
        EntryRequest request, CurrentUser user, CancellationToken ct)
    {
        var (entry, problems) = await Entries.SaveAsync(request, user.Diary, user.Today, ct);
        return entry is null ? Problems.From(problems) : TypedResults.Created($"/api/diary/entries/{entry.Id}", entry);
    }

    // A retried AddEntry: the entry its key created, 201 with its location, as the first time.
    private static async Task<IResult> ReplayEntry(CurrentUser user, string createdId, CancellationToken ct)
    {
        var id = long.Parse(createdId, System.Globalization.CultureInfo.InvariantCulture);
        return await user.Diary.FindEntryAsync(id, ct) is { } e
            ? TypedResults.Created($"/api/diary/entries/{id}", EntryResponse.From(e.Date, e.Item, e.Symptom))
            : Problems.NotFound($"entry {id}, created by this request, has since been deleted");
    }

    internal static async Task<Results<Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> ReplaceEntry(long id, EntryRequest request, CurrentUser user, CancellationToken ct)
    {
        if (await user.Diary.FindEntryAsync(id, ct) is null)
            return Problems.NotFound($"no entry {id}");
        var (entry, problems) = await Entries.SaveAsync(request, user.Diary, user.Today, ct, id);
        return entry is not null ? TypedResults.Ok(entry) : problems.Any ? Problems.From(problems) : Problems.NotFound($"no entry {id}");
    }

    internal static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> GetEntry(long id, CurrentUser user, CancellationToken ct) =>
        await user.Diary.FindEntryAsync(id, ct) is { } e
            ? TypedResults.Ok(EntryResponse.From(e.Date, e.Item, e.Symptom))
            : Problems.NotFound($"no entry {id}");

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteEntry(long id, CurrentUser user, CancellationToken ct) =>
        await user.Diary.DeleteEntryAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"no entry {id}");

    internal static async Task<Results<Ok<List<EntryResponse>>, ValidationProblem>> ListEntries(DateOnly? from, DateOnly? to, CurrentUser user, CancellationToken ct)
    {
        var (first, last, problems) = Window(from, to, user.Today);
        if (problems.Any)
            return Problems.From(problems);
        var (items, symptoms) = await user.Diary.EntriesAsync(first, last, ct);
        return TypedResults.Ok(items.Select(i => EntryResponse.From(i.Date, i, null))
            .Concat(symptoms.Select(s => EntryResponse.From(s.Date, null, s))).OrderBy(e => e.Date).ThenBy(e => e.Id).ToList());
    }

    internal static async Task<Results<Ok<DayResponse>, ValidationProblem, ProblemHttpResult>> GetDay(string date, CurrentUser user, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return Problems.Field("date", $"date must be yyyy-mm-dd, not '{date}'.");
        if (DiaryDates.Check(day, user.Today) is { } bad)
            return Problems.Field("date", $"date: {bad}.");
        if (await user.Diary.GetProfileAsync(ct) is not { } profile)
            return Problems.NoProfile();
        return TypedResults.Ok(DayResponse.From(await user.Diary.DayAsync(profile, day, ct)));
    }

    /// <summary>
    /// A from/to window (both or neither; the 30 days to today by default) checked as the CLI's <c>--from</c>/<c>--to</c> are.
    /// </summary>
    internal static (DateOnly First, DateOnly Last, ProblemFields Problems) Window(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var problems = new ProblemFields();
        switch (DiaryWindow.Check(from, to))
        {
            case WindowProblem.OneEndOnly:
                problems.Add(from is null ? "from" : "to", $"give both from and to, or neither (the last {DiaryWindow.DefaultDays} days).");
                break;
            case WindowProblem.EndBeforeStart:
                problems.Add("to", "to is before from.");
                break;
            case WindowProblem.TooLong:
                problems.Add("to", $"a window may span at most {PeriodReport.MaxDays} days.");
                break;
        }

        var (first, last) = DiaryWindow.Resolve(from, to, today);
        if (!problems.Any && DiaryDates.Check(last, today) is { } badTo)
            problems.Add("to", $"to: {badTo}.");
        if (!problems.Any && DiaryDates.Check(first, today) is { } badFrom)
            problems.Add("from", $"from: {badFrom}.");
        return (first, last, problems);
    }
}
