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
        group.MapPost("/entries:batch", AddBatch).WithName("AddEntryBatch").WithSummary("Logs many food sentences (\"2 eggs\", \"2026-12-01,lunch,1 cup brown rice\") in one transaction: all, or none with each line's problem.");
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

    internal static async Task<Results<Created<BatchResponse>, ValidationProblem>> AddBatch(BatchRequest request, CurrentUser user, CancellationToken ct)
    {
        var problems = new ProblemFields();
        var day = request.Date ?? user.Today;
        if (DiaryDates.Check(day, user.Today) is { } bad)
            problems.Add("date", $"date: {bad}.");
        if (request.Lines is not { Count: > 0 } lines)
            problems.Add("lines", "lines is required: one food sentence per line, e.g. \"2 eggs\" or \"2026-12-01,lunch,1 cup brown rice\".");
        else if (lines.Count > BatchLines.MaxLines)
            problems.Add("lines", $"lines may hold at most {BatchLines.MaxLines} sentences.");
        else if (lines.FindIndex(l => l is null || l.Contains('\n', StringComparison.Ordinal)) is var i and >= 0)
            problems.Add($"lines[{i}]", $"lines[{i}] must be one line of text.");
        var profile = problems.Any ? null : await user.Diary.GetProfileAsync(ct);
        if (!problems.Any && profile is null)
            problems.Add("profile", "no profile yet: set your sex and age or birth date first (PUT /api/profile, or the Account page).");
        if (problems.Any)
            return Problems.From(problems);
        var report = BatchResponse.From(await user.Diary.LogBatchAsync(string.Join('\n', request.Lines!), day, request.Meal, user.Today, profile!, ct));
        if (report.Logged)
            return TypedResults.Created("/api/diary/entries", report);
        // Line numbers are 1-based, as in a file; the field is the request's 0-based index.
        var errors = report.Lines.Where(l => l.Problem is not null).ToDictionary(l => $"lines[{l.Line - 1}]", l => new[] { $"line {l.Line} ('{l.Text}'): {l.Problem}." });
        if (errors.Count == 0)
            errors["lines"] = ["lines holds no sentence to log (blank lines and # comments are skipped)."];
        return TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["lines"] = report.Lines, ["logged"] = false });
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
