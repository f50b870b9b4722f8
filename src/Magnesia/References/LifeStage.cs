namespace Magnesia.References;

/// <summary>Biological sex, as the DRI tables are split.</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}

/// <summary>Whether a DRI life stage is pregnancy or lactation.</summary>
public enum Reproduction
{
    /// <summary>Neither pregnant nor lactating.</summary>
    None,

    /// <summary>Pregnant.</summary>
    Pregnant,

    /// <summary>Lactating (breastfeeding).</summary>
    Lactating,
}

/// <summary>
/// The inputs that key the DRI tables: age, sex and pregnancy or lactation.
/// Invariants: age is 0 to 130 years; only females can be pregnant or lactating, and only aged 10 to 50 years
/// (IOM 1997 publishes pregnancy and lactation values for "≤18", 19–30 and 31–50 y).
/// </summary>
public sealed record LifeStage
{
    /// <summary>The oldest age accepted, in years.</summary>
    public const int MaximumAgeYears = 130;

    /// <summary>Age in years a life stage is made for (0 to <see cref="MaximumAgeYears"/>).</summary>
    public static Inputs.NumberRange AgeYearsRange { get; } = new(0, MaximumAgeYears, "years");

    /// <summary>The extra months of an infant's age (0 to 11).</summary>
    public static Inputs.NumberRange MonthsRange { get; } = new(0, 11, "months");

    /// <summary>The youngest age at which pregnancy or lactation is accepted, in years.</summary>
    public const int MinimumReproductiveAgeYears = 10;

    /// <summary>The oldest age with published pregnancy or lactation values, in years.</summary>
    public const int MaximumReproductiveAgeYears = 50;

    private LifeStage(int ageMonths, Sex sex, Reproduction reproduction)
    {
        AgeMonths = ageMonths;
        Sex = sex;
        Reproduction = reproduction;
    }

    /// <summary>Age in whole completed months.</summary>
    public int AgeMonths { get; }

    /// <summary>Age in whole completed years.</summary>
    public int AgeYears => AgeMonths / 12;

    /// <summary>Sex.</summary>
    public Sex Sex { get; }

    /// <summary>Pregnancy or lactation, if any.</summary>
    public Reproduction Reproduction { get; }

    /// <summary>Checks the inputs without throwing; returns the reason they are invalid, or null when valid.</summary>
    public static string? Check(int years, int months, Sex sex, Reproduction reproduction) =>
        Validate(years, months, sex, reproduction)?.Message;

    /// <summary>
    /// Checks the inputs without throwing; returns which input is wrong and why, or null when valid, so that each
    /// face can name its own field or flag.
    /// </summary>
    public static LifeStageProblem? Validate(int years, int months, Sex sex, Reproduction reproduction)
    {
        if (!AgeYearsRange.Contains(years))
            return new(LifeStageInput.Age, $"age must be between 0 and {MaximumAgeYears} years, not {years}");
        if (!MonthsRange.Contains(months))
            return new(LifeStageInput.Months, $"months must be between 0 and 11, not {months}");
        if (!Enum.IsDefined(sex))
            return new(LifeStageInput.Sex, "sex must be female or male");
        if (!Enum.IsDefined(reproduction))
            return new(LifeStageInput.Reproduction, "unknown pregnancy or lactation status");
        if (reproduction == Reproduction.None)
            return null;
        var what = reproduction == Reproduction.Pregnant ? "pregnancy" : "lactation";
        if (sex == Sex.Male)
            return new(LifeStageInput.Reproduction, $"{what} applies only to females");
        if (years < MinimumReproductiveAgeYears || years > MaximumReproductiveAgeYears)
            return new(LifeStageInput.Reproduction, $"{what} is accepted only for ages {MinimumReproductiveAgeYears} to {MaximumReproductiveAgeYears} years (the IOM 1997 tables end at 50), not {years}");
        return null;
    }

    /// <summary>Creates a life stage from an age in years plus months.</summary>
    /// <exception cref="ArgumentException">When <see cref="Check"/> reports the inputs invalid.</exception>
    public static LifeStage Create(int years, int months, Sex sex, Reproduction reproduction = Reproduction.None)
    {
        var problem = Check(years, months, sex, reproduction);
        if (problem is not null)
            throw new ArgumentException(problem);
        return new LifeStage(years * 12 + months, sex, reproduction);
    }

    /// <summary>Parses <c>female</c>/<c>f</c> or <c>male</c>/<c>m</c> (any case); null otherwise.</summary>
    public static Sex? ParseSex(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "female" or "f" => Sex.Female,
        "male" or "m" => Sex.Male,
        _ => null,
    };

    /// <summary>Creates a life stage for an infant of a given age in months (0 to 11).</summary>
    public static LifeStage Infant(int months, Sex sex) => Create(0, months, sex);

    /// <summary>Creates a life stage from an age in years.</summary>
    public static LifeStage Adult(int years, Sex sex, Reproduction reproduction = Reproduction.None) =>
        Create(years, 0, sex, reproduction);

    /// <summary>The DRI age band this life stage falls in.</summary>
    public AgeBand Band => AgeMonths switch
    {
        <= 6 => AgeBand.Months0To6,
        < 12 => AgeBand.Months7To12,
        _ => AgeYears switch
        {
            <= 3 => AgeBand.Years1To3,
            <= 8 => AgeBand.Years4To8,
            <= 13 => AgeBand.Years9To13,
            <= 18 => AgeBand.Years14To18,
            <= 30 => AgeBand.Years19To30,
            <= 50 => AgeBand.Years31To50,
            <= 70 => AgeBand.Years51To70,
            _ => AgeBand.Over70,
        },
    };

    /// <summary>A label naming the DRI group, e.g. <c>Females 19–30 y</c> or <c>Pregnancy 14–18 y</c>.</summary>
    public string Label
    {
        get
        {
            var band = Band;
            // IOM 1997 labels the youngest pregnancy/lactation group "≤18 y"; ODS prints it as "14–18 years".
            var range = Reproduction != Reproduction.None && AgeYears < 14 ? "≤18 y" : band.Label();
            if (band is AgeBand.Months0To6 or AgeBand.Months7To12)
                return $"Infants {range}";
            if (band is AgeBand.Years1To3 or AgeBand.Years4To8)
                return $"Children {range}";
            return Reproduction switch
            {
                Reproduction.Pregnant => $"Pregnancy {range}",
                Reproduction.Lactating => $"Lactation {range}",
                _ => $"{(Sex == Sex.Female ? "Females" : "Males")} {range}",
            };
        }
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>The input of a life stage that a <see cref="LifeStageProblem"/> is about.</summary>
public enum LifeStageInput
{
    /// <summary>Age in years.</summary>
    Age,

    /// <summary>Extra months.</summary>
    Months,

    /// <summary>Sex.</summary>
    Sex,

    /// <summary>Pregnancy or lactation.</summary>
    Reproduction,
}

/// <summary>Why life-stage inputs are invalid, and which input.</summary>
/// <param name="Input">The input at fault.</param>
/// <param name="Message">The reason, in one sentence without a final period.</param>
public sealed record LifeStageProblem(LifeStageInput Input, string Message);

/// <summary>The age bands of the IOM 1997 magnesium DRI tables.</summary>
public enum AgeBand
{
    /// <summary>Birth to 6 months.</summary>
    Months0To6,

    /// <summary>7 to 12 months.</summary>
    Months7To12,

    /// <summary>1 to 3 years.</summary>
    Years1To3,

    /// <summary>4 to 8 years.</summary>
    Years4To8,

    /// <summary>9 to 13 years.</summary>
    Years9To13,

    /// <summary>14 to 18 years (pregnancy and lactation: 18 years and under).</summary>
    Years14To18,

    /// <summary>19 to 30 years.</summary>
    Years19To30,

    /// <summary>31 to 50 years.</summary>
    Years31To50,

    /// <summary>51 to 70 years.</summary>
    Years51To70,

    /// <summary>Over 70 years.</summary>
    Over70,
}

/// <summary>Labels for <see cref="AgeBand"/>.</summary>
public static class AgeBandExtensions
{
    /// <summary>The band as printed in the DRI tables, e.g. <c>19–30 y</c>.</summary>
    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.Months0To6 => "0–6 mo",
        AgeBand.Months7To12 => "7–12 mo",
        AgeBand.Years1To3 => "1–3 y",
        AgeBand.Years4To8 => "4–8 y",
        AgeBand.Years9To13 => "9–13 y",
        AgeBand.Years14To18 => "14–18 y",
        AgeBand.Years19To30 => "19–30 y",
        AgeBand.Years31To50 => "31–50 y",
        AgeBand.Years51To70 => "51–70 y",
        AgeBand.Over70 => ">70 y",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };
}
