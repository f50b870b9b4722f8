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
    [Required] public string? Sex { get; set; }

    /// <summary>Birth date (or give ageYears).</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Age in years today (or give birthDate).</summary>
    [Range(0, 130, ErrorMessage = "ageYears must be 0 to 130.")]
    public int? AgeYears { get; set; }

    /// <summary>Body weight, kg.</summary>
    [Range(0.5, 500, ErrorMessage = "weightKg must be between 0.5 and 500.")]
    public double? WeightKg { get; set; }

    /// <summary>Medication ids (see GET /api/medications).</summary>
    [MaxLength(20)] public List<string>? Medications { get; set; }

    /// <summary>Pregnancies.</summary>
    [MaxLength(20)] public List<DateRangeRequest>? Pregnancies { get; set; }

    /// <summary>Lactation periods.</summary>
    [MaxLength(20)] public List<DateRangeRequest>? Lactations { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A blank row of the page's form is no period; a half-filled one is a mistake.
        Pregnancies = Pregnancies?.Where(p => p.From is not null || p.To is not null).ToList();
        Lactations = Lactations?.Where(p => p.From is not null || p.To is not null).ToList();
        if (Sex is not null && LifeStage.ParseSex(Sex) is null)
            yield return new($"sex must be female or male, not '{Sex}'.", [nameof(Sex)]);
        if (BirthDate is null == AgeYears is null)
            yield return new("give exactly one of birthDate or ageYears.", [nameof(BirthDate)]);
        foreach (var (periods, name) in new[] { (Pregnancies, nameof(Pregnancies)), (Lactations, nameof(Lactations)) })
        {
            if ((periods ?? []).Any(p => p.From is null || p.To is null))
                yield return new($"{char.ToLowerInvariant(name[0])}{name[1..]}: each period needs from and to.", [name]);
        }

        foreach (var m in Medications ?? [])
        {
            if (string.IsNullOrWhiteSpace(m) || m.Length > 40)
                yield return new("medications must be ids of up to 40 characters.", [nameof(Medications)]);
            else if (Magnesia.Planning.Medications.Find(m) is null)
                yield return new($"unknown medication '{m}'; known: {Magnesia.Planning.Medications.KnownIds}.", [nameof(Medications)]);
        }
    }

    /// <summary>The domain profile (after validation).</summary>
    public DiaryProfile ToProfile(DateOnly today) => new(
        LifeStage.ParseSex(Sex)!.Value, BirthDate, AgeYears, AgeYears is null ? null : today,
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
        var profile = request.ToProfile(today);
        if (profile.Check(today) is { } problem)
        {
            var field = problem.Contains("pregnan", StringComparison.OrdinalIgnoreCase) ? "pregnancies"
                : problem.Contains("lactat", StringComparison.OrdinalIgnoreCase) ? "lactations"
                : problem.Contains("birth", StringComparison.OrdinalIgnoreCase) ? "birthDate"
                : problem.Contains("weight", StringComparison.OrdinalIgnoreCase) ? "weightKg" : "ageYears";
            problems.Add(field, problem + ".");
            return (null, problems);
        }

        return (profile, problems);
    }
}
