using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.References;

namespace Magnesia.Screening;

/// <summary>Screening answers given for an assessment beyond what the diary and profile hold.</summary>
/// <param name="HeavyAlcohol">Heavy drinking (women &gt; 1, men &gt; 2 drinks a day), for the MDS; null when not answered.</param>
/// <param name="Situations">Life situation ids (<see cref="RiskSituations"/>).</param>
/// <param name="Conditions">Condition ids (<see cref="Screener.Conditions"/>).</param>
public sealed record AssessmentAnswers(bool? HeavyAlcohol, IReadOnlyList<string> Situations, IReadOnlyList<string> Conditions)
{
    /// <summary>No answers.</summary>
    public static AssessmentAnswers None { get; } = new(null, [], []);
}

/// <summary>Usual intake over the assessment window.</summary>
/// <param name="From">First day of the window.</param>
/// <param name="To">Last day.</param>
/// <param name="DaysLogged">Days with an entry.</param>
/// <param name="DaysBelowEar">Logged days below the EAR.</param>
/// <param name="MeanMagnesiumMg">Mean total magnesium over logged days, mg/day (0.1 mg).</param>
/// <param name="MeanPercentOfRda">Mean percentage of the RDA (0.1 %).</param>
/// <param name="Sources">Sources of the DRIs.</param>
public sealed record IntakeSummary(DateOnly From, DateOnly To, int DaysLogged, int DaysBelowEar, double MeanMagnesiumMg, double MeanPercentOfRda, IReadOnlyList<Citation> Sources);

/// <summary>The latest serum magnesium and its interpretation.</summary>
/// <param name="Date">Day of the sample.</param>
/// <param name="Value">The value.</param>
public sealed record DatedSerum(DateOnly Date, SerumMagnesium Value);

/// <summary>Kidney function from the latest creatinine.</summary>
/// <param name="Date">Day of the sample.</param>
/// <param name="EgfrMlMin173m2">CKD-EPI 2021 eGFR, mL/min/1.73 m².</param>
public sealed record KidneyFunction(DateOnly Date, double EgfrMlMin173m2)
{
    /// <summary>KDIGO category.</summary>
    public GfrCategory Stage => Egfr.Category(EgfrMlMin173m2);
}

/// <summary>One combined assessment; a section is null when its inputs are missing, and <see cref="Missing"/> says what to add.</summary>
/// <param name="Date">The day of the assessment.</param>
/// <param name="LifeStage">The person's life stage that day.</param>
/// <param name="Intake">Usual intake over the window.</param>
/// <param name="Evidence">The evidence applied to that intake.</param>
/// <param name="Serum">The latest serum magnesium.</param>
/// <param name="Kidney">eGFR from the latest creatinine.</param>
/// <param name="Mds">The Magnesium Depletion Score.</param>
/// <param name="Metabolic">Insulin-resistance indices from the latest labs.</param>
/// <param name="Screening">The screener over diary symptoms, profile medications, age and the given answers.</param>
/// <param name="Missing">What to add for the missing sections.</param>
public sealed record AssessmentReport(
    DateOnly Date,
    LifeStage LifeStage,
    IntakeSummary? Intake,
    EvidenceResult? Evidence,
    DatedSerum? Serum,
    KidneyFunction? Kidney,
    MdsResult? Mds,
    MetabolicPanelResult Metabolic,
    ScreeningResult Screening,
    IReadOnlyList<string> Missing);

/// <summary>
/// Composes the combined assessment from the profile, a period of the diary, the lab history and answers: usual
/// intake and the evidence applied to it, serum magnesium, CKD-EPI 2021 eGFR (adults only), the MDS (diuretics and
/// PPIs from the profile's medications), the insulin-resistance indices and the screener (older age over 70, NIH ODS).
/// </summary>
public static class Assessment
{
    private static readonly string[] MetabolicLabs = ["fasting-glucose", "fasting-insulin", "triglycerides", "hdl"];

    /// <summary>Age above which the screener counts <c>older-age</c>.</summary>
    public const int OlderAgeYears = 70;

    /// <summary>
    /// Kidney function from the latest creatinine result: CKD-EPI 2021 at the age on <paramref name="today"/>; null without
    /// a plausible creatinine, or for children (the equation is for adults).
    /// </summary>
    public static KidneyFunction? LatestKidney(DiaryProfile profile, IReadOnlyList<LabResult> labs, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(labs);
        return Kidney(Latest(labs), profile.AgeOn(today).Years, profile.Sex);
    }

    private static KidneyFunction? Kidney(Dictionary<string, LabResult> latest, int ageYears, Sex sex) =>
        latest.TryGetValue("creatinine", out var creatinine) && ageYears >= Egfr.MinimumAgeYears && Egfr.Check(creatinine.Canonical, ageYears) is null
            ? new KidneyFunction(creatinine.Date, Math.Round(Egfr.CkdEpi2021(creatinine.Canonical, ageYears, sex), 1))
            : null;

    /// <summary>Computes the assessment for <paramref name="today"/>.</summary>
    public static AssessmentReport Compute(DiaryProfile profile, PeriodReport period, IReadOnlyList<LabResult> labs, AssessmentAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(labs);
        ArgumentNullException.ThrowIfNull(answers);
        var lifeStage = profile.LifeStageOn(today);
        var (ageYears, _) = profile.AgeOn(today);
        var latest = Latest(labs);
        var missing = new List<string>();

        IntakeSummary? intake = null;
        EvidenceResult? evidence = null;
        if (period.Mean(d => d.MagnesiumTotal.Milligrams) is { } mean)
        {
            intake = new IntakeSummary(period.From, period.To, period.LoggedDays.Count, period.DaysBelowEar, Math.Round(mean, 1),
                Math.Round(period.Mean(d => d.PercentOfRda)!.Value, 1), MagnesiumDris.For(lifeStage).Sources);
            evidence = Evidence.Apply(mean, lifeStage);
        }
        else
        {
            missing.Add($"diary entries between {period.From:yyyy-MM-dd} and {period.To:yyyy-MM-dd} (intake and evidence)");
        }

        DatedSerum? serum = null;
        if (latest.TryGetValue("serum-magnesium", out var mg))
            serum = new DatedSerum(mg.Date, SerumMagnesium.From(mg.Canonical, SerumMagnesiumUnit.MmolPerL));
        else
            missing.Add("a serum magnesium result (a lab)");

        var kidney = Kidney(latest, ageYears, profile.Sex);
        if (kidney is null)
            missing.Add(ageYears < Egfr.MinimumAgeYears ? "eGFR (CKD-EPI 2021 is for adults)" : "a serum creatinine result (eGFR and MDS)");

        var medications = profile.Medications.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (answers.HeavyAlcohol is null)
            missing.Add("whether you drink heavily: more than 1 drink a day for women, 2 for men (MDS)");
        var mds = kidney is null || answers.HeavyAlcohol is not { } heavy ? null : MagnesiumDepletionScore.Compute(
            medications.Contains("loop-diuretic") || medications.Contains("thiazide-diuretic"), medications.Contains("ppi"), kidney.EgfrMlMin173m2, heavy);

        double? Lab(string id) => latest.TryGetValue(id, out var l) ? l.Canonical : null;
        var metabolic = MetabolicPanel.Compute(
            new MetabolicInputs(profile.Sex, GlucoseMgPerDl: Lab("fasting-glucose"), TriglyceridesMgPerDl: Lab("triglycerides"), HdlMgPerDl: Lab("hdl")),
            Lab("fasting-insulin"));
        foreach (var id in MetabolicLabs.Where(i => !latest.ContainsKey(i)))
            missing.Add($"a {id} result (insulin-resistance indices)");
        missing.Add("waist circumference and blood pressure (metabolic syndrome: the metabolic calculator)");

        var answered = period.Days.SelectMany(d => d.Symptoms).Select(s => Screener.Find(ScreeningCategory.Symptom, s.SignId))
            .Concat(profile.Medications.Select(m => Screener.Find(ScreeningCategory.Medication, m)))
            .Concat(answers.Situations.Select(i => Screener.Find(ScreeningCategory.Situation, i)))
            .Concat(answers.Conditions.Select(i => Screener.Find(ScreeningCategory.Condition, i)))
            .Concat(ageYears > OlderAgeYears ? [Screener.Find(ScreeningCategory.Condition, "older-age")] : [])
            .OfType<ScreeningItem>();
        return new AssessmentReport(today, lifeStage, intake, evidence, serum, kidney, mds, metabolic, Screener.Score(answered), missing);
    }

    /// <summary>The latest result of each lab kind (by date, then id), keyed by kind id.</summary>
    public static Dictionary<string, LabResult> Latest(IEnumerable<LabResult> labs) =>
        labs.GroupBy(l => l.Kind.Id).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Date).ThenBy(l => l.Id).Last(), StringComparer.Ordinal);
}
