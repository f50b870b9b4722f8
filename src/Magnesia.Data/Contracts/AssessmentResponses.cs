using Magnesia.Metabolic;
using Magnesia.Screening;

namespace Magnesia.Data.Contracts;

/// <summary>One screening item (<c>magnesia screen --json</c>).</summary>
public sealed record ScreeningItemResponse(string Id, int Points, string Reason, IReadOnlyList<string> Sources);

/// <summary>The screening result; <c>category</c> is the risk level from the points.</summary>
public sealed record ScreeningResponse(int Points, string Category, IReadOnlyList<ScreeningItemResponse> Items, string Disclaimer)
{
    /// <summary>Deprecated alias of <see cref="Category"/> (was <c>level</c>), kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Level => Category;

    /// <summary>Maps a screening result.</summary>
    public static ScreeningResponse From(ScreeningResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Points, r.Level, [.. r.Items.Select(i => new ScreeningItemResponse(i.Id, i.Points, i.Reason, [.. i.Sources.Select(s => s.ToString())]))], ScreeningResult.Disclaimer);
    }
}

/// <summary>eGFR (<c>magnesia egfr --json</c>); <c>category</c> is the KDIGO GFR category (G1–G5).</summary>
public sealed record EgfrResponse(double EgfrMlMin173m2, string Equation, string Category, IReadOnlyList<string> Sources)
{
    /// <summary>Deprecated alias of <see cref="Category"/> (was <c>stage</c>), kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Stage => Category;

    /// <summary>Maps an eGFR value (rounded to 0.1).</summary>
    public static EgfrResponse From(double egfr) =>
        new(Math.Round(egfr, 1), "CKD-EPI 2021", Egfr.Category(egfr).ToString(), [ScreeningSources.Inker2021.ToString()]);
}

/// <summary>The Magnesium Depletion Score (<c>magnesia mds --json</c>); <c>category</c> is the score's group.</summary>
public sealed record MdsResponse(int Score, string Category, IReadOnlyList<MdsComponent> Components, double EgfrMlMin173m2, IReadOnlyList<string> Sources)
{
    /// <summary>Deprecated alias of <see cref="Category"/> (was <c>group</c>), kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Group => Category;

    /// <summary>Maps an MDS result.</summary>
    public static MdsResponse From(MdsResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Score, r.Group, r.Components, Math.Round(r.EgfrMlMin173m2, 1), [ScreeningSources.Fan2021.ToString(), ScreeningSources.Zhang2025.ToString()]);
    }
}

/// <summary>The metabolic syndrome criteria.</summary>
public sealed record MetabolicSyndromeResponse(IReadOnlyList<string> CriteriaMet, IReadOnlyList<string> CriteriaUnknown, int Count, bool? Present);

/// <summary>The conversion factors used.</summary>
public sealed record ConversionsResponse(double GlucoseMgPerDlPerMmolPerL, double InsulinPmolPerMicroUnit, double TriglyceridesMgPerDlPerMmolPerL, double HdlMgPerDlPerMmolPerL);

/// <summary>Insulin-resistance indices and the metabolic syndrome (<c>magnesia metabolic --json</c>).</summary>
public sealed record MetabolicResponse(double? HomaIr, double? Quicki, double? Tyg, MetabolicSyndromeResponse MetabolicSyndrome, ConversionsResponse Conversions, string Notes)
{
    /// <summary>Maps a metabolic panel.</summary>
    public static MetabolicResponse From(MetabolicPanelResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var m = r.MetabolicSyndrome;
        return new(r.HomaIr, r.Quicki, r.TyG,
            new MetabolicSyndromeResponse([.. m.CriteriaMet.Select(c => c.Name())], [.. m.CriteriaUnknown.Select(c => c.Name())], m.Count, m.Present),
            new ConversionsResponse(LabUnits.GlucoseMgPerDlPerMmolPerL, r.InsulinPmolPerMicroUnit, LabUnits.TriglyceridesMgPerDlPerMmolPerL, LabUnits.CholesterolMgPerDlPerMmolPerL),
            MetabolicPanelResult.Notes);
    }
}

/// <summary>Serum magnesium in three units with its interpretation (<c>magnesia serum --json</c>); <c>category</c> is the band the value falls in.</summary>
public sealed record SerumResponse(double MmolPerL, double MgPerDl, double MeqPerL, string Category, string Interpretation, string ReferenceRange, IReadOnlyList<string> Sources)
{
    /// <summary>Deprecated alias of <see cref="Category"/> (was <c>band</c>), kept for one release (see README, "Changelog").</summary>
    [System.Obsolete("A deprecated JSON alias, written for one release (README, Changelog); use the canonical property.")]
    public string Band => Category;

    /// <summary>Maps a value and interprets it.</summary>
    public static SerumResponse From(SerumMagnesium value)
    {
        var i = SerumMagnesiumInterpretation.Interpret(value);
        return new(Math.Round(value.MillimolesPerLitre, 3), Math.Round(value.MilligramsPerDecilitre, 2), Math.Round(value.MilliequivalentsPerLitre, 2),
            i.Band, i.Text, i.ReferenceRange, [.. i.Sources.Select(s => s.ToString())]);
    }
}

/// <summary>A ratio with its 95 % confidence interval.</summary>
public sealed record RatioResponse(double HazardRatio, IReadOnlyList<double> Ci95);

/// <summary>A study finding applied to the intake.</summary>
public sealed record FindingResponse(string Study, string Outcome, string Finding, string Applied, string Source);

/// <summary>The evidence applied to a usual intake (<c>magnesia evidence --json</c>).</summary>
public sealed record EvidenceResponse(
    double IntakeMg, double RdaMg, double PercentOfRda, string VitalCategory, double? HazardRatio, IReadOnlyList<double>? Ci95,
    RatioResponse PerHundredMgDecrement, IReadOnlyList<FindingResponse> Findings, string Caution, IReadOnlyList<string> Sources)
{
    /// <summary>Maps an evidence result.</summary>
    public static EvidenceResponse From(EvidenceResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var per100 = Evidence.VitalPer100MgDecrement;
        return new(Math.Round(r.IntakeMg, 1), r.RdaMg, r.PercentOfRda, r.VitalCategory, r.VitalHazardRatio?.Ratio,
            r.VitalHazardRatio is { } hr ? [hr.Lower, hr.Upper] : null,
            new RatioResponse(per100.Ratio, [per100.Lower, per100.Upper]),
            [.. r.Findings.Select(f => new FindingResponse(f.Study, f.Outcome, f.Finding, f.Applied, f.Source.ToString()))],
            EvidenceResult.Caution, [.. r.Findings.Select(f => f.Source.ToString()).Distinct()]);
    }
}

/// <summary>A dated lab result (<c>magnesia labs add|list --json</c>).</summary>
public sealed record LabResponse(long Id, DateOnly Date, string Kind, string Loinc, double Value, string Unit)
{
    /// <summary>Maps a lab result.</summary>
    public static LabResponse From(LabResult l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.Date, l.Kind.Id, l.Kind.Loinc, l.Value, l.Unit);
    }
}

/// <summary>The assessment window.</summary>
public sealed record WindowResponse(DateOnly From, DateOnly To);

/// <summary>Usual intake in the assessment.</summary>
public sealed record IntakeSummaryResponse(WindowResponse Window, int DaysLogged, int DaysBelowEar, double MeanMagnesiumMg, double MeanPercentOfRda, IReadOnlyList<string> Sources);

/// <summary>The latest serum magnesium in the assessment.</summary>
public sealed record DatedSerumResponse(DateOnly Date, SerumResponse Result);

/// <summary>Kidney function in the assessment.</summary>
public sealed record KidneyResponse(DateOnly Date, double EgfrMlMin173m2, string Equation, string Stage);

/// <summary>The combined assessment (<c>magnesia assess --json</c>).</summary>
public sealed record AssessmentResponse(
    DateOnly Date, string LifeStage, IntakeSummaryResponse? Intake, EvidenceResponse? Evidence, DatedSerumResponse? Serum, KidneyResponse? Kidney,
    MdsResponse? Mds, MetabolicResponse Metabolic, ScreeningResponse Screening, IReadOnlyList<string> Missing)
{
    /// <summary>Maps an assessment.</summary>
    public static AssessmentResponse From(AssessmentReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Date, r.LifeStage.Label,
            r.Intake is { } i ? new IntakeSummaryResponse(new WindowResponse(i.From, i.To), i.DaysLogged, i.DaysBelowEar, i.MeanMagnesiumMg, i.MeanPercentOfRda, [.. i.Sources.Select(s => s.ToString())]) : null,
            r.Evidence is { } e ? EvidenceResponse.From(e) : null,
            r.Serum is { } s ? new DatedSerumResponse(s.Date, SerumResponse.From(s.Value)) : null,
            r.Kidney is { } k ? new KidneyResponse(k.Date, k.EgfrMlMin173m2, "CKD-EPI 2021", k.Stage.ToString()) : null,
            r.Mds is { } m ? MdsResponse.From(m) : null,
            MetabolicResponse.From(r.Metabolic),
            ScreeningResponse.From(r.Screening),
            r.Missing);
    }
}
