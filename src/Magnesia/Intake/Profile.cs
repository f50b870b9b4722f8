using Magnesia.Inputs;
using Magnesia.References;

namespace Magnesia.Intake;

/// <summary>An inclusive range of days.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day; not before <paramref name="From"/>.</param>
public sealed record DatePeriod(DateOnly From, DateOnly To)
{
    /// <summary>Whether <paramref name="day"/> falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// The person a diary belongs to. Age is a birth date, or an age in years recorded on a date (the age then grows by
/// one each anniversary of that date). The life stage for any diary day is derived from the profile on that day.
/// </summary>
/// <param name="Sex">Sex.</param>
/// <param name="BirthDate">Birth date, when known.</param>
/// <param name="AgeYears">Age in years on <paramref name="AgeRecordedOn"/>, when no birth date is given.</param>
/// <param name="AgeRecordedOn">The day <paramref name="AgeYears"/> was true.</param>
/// <param name="Pregnancies">Days of pregnancy.</param>
/// <param name="Lactations">Days of breastfeeding.</param>
/// <param name="WeightKg">Body weight, kg.</param>
/// <param name="Medications">Medication ids, for screening.</param>
public sealed record DiaryProfile(
    Sex Sex,
    DateOnly? BirthDate,
    int? AgeYears,
    DateOnly? AgeRecordedOn,
    IReadOnlyList<DatePeriod> Pregnancies,
    IReadOnlyList<DatePeriod> Lactations,
    double? WeightKg,
    IReadOnlyList<string> Medications)
{
    /// <summary>Age in whole years and extra whole months on <paramref name="day"/>.</summary>
    public (int Years, int Months) AgeOn(DateOnly day)
    {
        if (BirthDate is { } birth)
        {
            var months = (day.Year - birth.Year) * 12 + day.Month - birth.Month - (day.Day < birth.Day ? 1 : 0);
            months = Math.Max(0, months);
            return (months / 12, months % 12);
        }

        var recorded = AgeRecordedOn ?? day;
        var years = day.Year - recorded.Year - (day.Month < recorded.Month || (day.Month == recorded.Month && day.Day < recorded.Day) ? 1 : 0);
        return (Math.Max(0, (AgeYears ?? 0) + years), 0);
    }

    /// <summary>Pregnant, lactating or neither on <paramref name="day"/> (pregnancy wins if periods overlap).</summary>
    public Reproduction ReproductionOn(DateOnly day) =>
        Pregnancies.Any(p => p.Contains(day)) ? Reproduction.Pregnant
        : Lactations.Any(p => p.Contains(day)) ? Reproduction.Lactating
        : Reproduction.None;

    /// <summary>The DRI life stage on <paramref name="day"/>.</summary>
    /// <exception cref="ArgumentException">When the profile gives an invalid life stage on that day
    /// (for example a pregnancy period reaching past age 50).</exception>
    public LifeStage LifeStageOn(DateOnly day)
    {
        var (years, months) = AgeOn(day);
        return LifeStage.Create(Math.Min(years, LifeStage.MaximumAgeYears), months, Sex, ReproductionOn(day));
    }

    /// <summary>Body weight, kg.</summary>
    public static NumberRange WeightKgRange { get; } = new(0.5, 500, "kg");

    /// <summary>Age in years.</summary>
    public static NumberRange AgeYearsRange => LifeStage.AgeYearsRange;

    /// <summary>The longest pregnancy period accepted, days (44 weeks).</summary>
    public const int MaximumPregnancyDays = 310;

    /// <summary>
    /// Checks the profile: one of birth date or age, periods in order, pregnancy and lactation only for females of
    /// an age with published values on every day of each period, a plausible weight, known medications. The first
    /// problem, or null.
    /// </summary>
    public InputProblem<ProfileField>? Validate(DateOnly today)
    {
        if (BirthDate is null == AgeYears is null)
            return new(ProfileField.BirthDate, ": give exactly one of {BirthDate} and {AgeYears}");
        if (BirthDate is { } b && (b > today || b.Year < today.Year - LifeStage.MaximumAgeYears))
            return new(ProfileField.BirthDate, $"{b:yyyy-MM-dd} must be in the past {LifeStage.MaximumAgeYears} years");
        if (AgeYears is { } age && AgeYearsRange.Check(age) is { } ageProblem)
            return new(ProfileField.AgeYears, ageProblem);
        if (WeightKg is { } w && WeightKgRange.Check(w) is { } weightProblem)
            return new(ProfileField.WeightKg, weightProblem);
        foreach (var m in Medications)
        {
            if (Planning.Medications.Find(m) is null)
                return new(ProfileField.Medications, $": unknown medication '{(m.Length > 40 ? m[..40] + "…" : m)}'; known: {Planning.Medications.KnownIds}");
        }

        foreach (var (periods, what, field) in new[] { (Pregnancies, Reproduction.Pregnant, ProfileField.Pregnancies), (Lactations, Reproduction.Lactating, ProfileField.Lactations) })
        {
            foreach (var p in periods)
            {
                if (p.To < p.From)
                    return new(field, $": a period ends ({p.To:yyyy-MM-dd}) before it starts ({p.From:yyyy-MM-dd})");
                if (what == Reproduction.Pregnant && p.To.DayNumber - p.From.DayNumber > MaximumPregnancyDays)
                    return new(field, ": a pregnancy period cannot be longer than 44 weeks");
                foreach (var day in new[] { p.From, p.To })
                {
                    var (years, months) = AgeOn(day);
                    if (LifeStage.Check(years, months, Sex, what) is { } problem)
                        return new(field, $": {problem} (on {day:yyyy-MM-dd})");
                }
            }
        }

        return null;
    }
}

/// <summary>A field of <see cref="DiaryProfile"/>, for the problems that name it.</summary>
public enum ProfileField
{
    /// <summary>Sex.</summary>
    Sex,

    /// <summary>Birth date.</summary>
    BirthDate,

    /// <summary>Age in years.</summary>
    AgeYears,

    /// <summary>Body weight.</summary>
    WeightKg,

    /// <summary>Medication ids.</summary>
    Medications,

    /// <summary>Pregnancy periods.</summary>
    Pregnancies,

    /// <summary>Lactation periods.</summary>
    Lactations,
}
