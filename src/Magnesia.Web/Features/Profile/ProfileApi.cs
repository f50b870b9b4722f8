using System.ComponentModel.DataAnnotations;
using Magnesia.Data.Contracts;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Magnesia.Web.Features.Profile;

/// <summary>A range of days in a profile request.</summary>
public sealed class DateRangeRequest
{
    /// <summary>First day.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>The profile to save (<c>magnesia profile set</c>): sex, age or birth date, pregnancy and lactation periods, weight, medications.</summary>
public sealed class ProfileRequest : IValidatableObject
{
    /// <summary>female or male.</summary>
    [Required] public Sex? Sex { get; set; }

    /// <summary>Birth date (or give ageYears).</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Age in years today (or give birthDate).</summary>
    public int? AgeYears { get; set; }

    /// <summary>Body weight, kg.</summary>
    public double? WeightKg { get; set; }

    /// <summary>Medication ids (see GET /api/medications).</summary>
    [MaxLength(20)] public List<string>? Medications { get; set; }

    /// <summary>Pregnancies.</summary>
    [MaxLength(20)] public List<DateRangeRequest>? Pregnancies { get; set; }

    /// <summary>Lactation periods.</summary>
    [MaxLength(20)] public List<DateRangeRequest>? Lactations { get; set; }

    /// <summary>The request without the page form's blank period rows (a half-filled row is a mistake).</summary>
    public ProfileRequest WithoutBlankPeriods() => new()
    {
        Sex = Sex, BirthDate = BirthDate, AgeYears = AgeYears, WeightKg = WeightKg, Medications = Medications,
        Pregnancies = Pregnancies?.Where(p => p.From is not null || p.To is not null).ToList(),
        Lactations = Lactations?.Where(p => p.From is not null || p.To is not null).ToList(),
    };

    /// <inheritdoc />
    // Shape only: the profile's rules are DiaryProfile.Validate's, run by ProfileApi.Check.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var request = WithoutBlankPeriods();
        foreach (var (periods, field) in new[] { (request.Pregnancies, ProfileField.Pregnancies), (request.Lactations, ProfileField.Lactations) })
        {
            if ((periods ?? []).Any(p => p.From is null || p.To is null))
                yield return new($"{InputProblemResults.JsonName(field)}: each period needs from and to.", [field.ToString()]);
        }

        if ((Medications ?? []).Any(string.IsNullOrWhiteSpace))
            yield return new("medications: an id is blank.", [nameof(Medications)]);
    }

    /// <summary>The domain profile (after validation).</summary>
    public DiaryProfile ToProfile(DateOnly today) => new(
        Sex!.Value, BirthDate, AgeYears, AgeYears is null ? null : today,
        [.. (Pregnancies ?? []).Select(p => new DatePeriod(p.From!.Value, p.To!.Value))],
        [.. (Lactations ?? []).Select(p => new DatePeriod(p.From!.Value, p.To!.Value))],
        WeightKg, [.. (Medications ?? []).Select(m => m.Trim().ToLowerInvariant())]);
}

/// <summary><c>GET</c> and <c>PUT /api/profile</c>.</summary>
internal static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/profile").WithTags("Profile").RequireAuthorization();
        group.MapGet("", GetProfile).WithName("GetProfile");
        group.MapPut("", PutProfile).WithName("PutProfile").WithSummary("Creates or replaces the profile (life stage over time comes from it).");
        return app;
    }

    internal static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetProfile(CurrentUser user, CancellationToken ct) =>
        await user.Diary.GetProfileAsync(ct) is { } p ? TypedResults.Ok(ProfileResponse.From(p, user.Today)) : Problems.NotFound("no profile yet");

    internal static async Task<Results<Ok<ProfileResponse>, ValidationProblem>> PutProfile(ProfileRequest request, CurrentUser user, CancellationToken ct)
    {
        var (profile, problems) = Check(request, user.Today);
        if (profile is null)
            return Problems.From(problems);
        await user.Diary.SetProfileAsync(profile, ct);
        return TypedResults.Ok(ProfileResponse.From(profile, user.Today));
    }

    /// <summary>The profile, or the problem the domain finds with it (periods overlapping, before birth, …).</summary>
    internal static (DiaryProfile? Profile, ProblemFields Problems) Check(ProfileRequest request, DateOnly today)
    {
        var problems = new ProblemFields();
        var profile = request.WithoutBlankPeriods().ToProfile(today);
        if (profile.Validate(today) is { } problem)
        {
            problems.Add(InputProblemResults.JsonName(problem.Field), problem.Render(InputProblemResults.JsonName) + ".");
            return (null, problems);
        }

        return (profile, problems);
    }
}
