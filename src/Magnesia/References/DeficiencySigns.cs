namespace Magnesia.References;

/// <summary>How early a deficiency sign typically appears.</summary>
public enum SignStage
{
    /// <summary>An early, non-specific sign.</summary>
    Early,

    /// <summary>A sign that appears as deficiency worsens.</summary>
    Worsening,

    /// <summary>A sign of severe deficiency, usually found by a blood test.</summary>
    Severe,
}

/// <summary>A sign or symptom of magnesium deficiency, with a stable id used by the diary and screening.</summary>
/// <param name="Id">Stable id, e.g. <c>muscle-cramps</c>.</param>
/// <param name="Name">Plain-language name.</param>
/// <param name="Stage">When it typically appears.</param>
/// <param name="Rationale">Why it is linked to magnesium, in one sentence.</param>
/// <param name="Sources">Where the link is documented.</param>
public sealed record DeficiencySign(string Id, string Name, SignStage Stage, string Rationale, IReadOnlyList<Citation> Sources);

/// <summary>
/// The 13 signs of magnesium deficiency listed by the NIH ODS fact sheet (which follows IOM 1997 ch. 6):
/// early loss of appetite, nausea, vomiting, fatigue and weakness; then numbness, tingling, muscle contractions
/// and cramps, seizures, personality changes, abnormal heart rhythms and coronary spasms; and in severe deficiency
/// low serum calcium or potassium.
/// </summary>
public static class DeficiencySigns
{
    private static readonly Citation[] Ods = [Sources.OdsFactSheet, Sources.Iom1997];

    /// <summary>All 13 signs, early first.</summary>
    public static IReadOnlyList<DeficiencySign> All { get; } =
    [
        new("loss-of-appetite", "Loss of appetite", SignStage.Early, "An early, non-specific sign of magnesium deficiency.", Ods),
        new("nausea", "Nausea", SignStage.Early, "An early, non-specific sign of magnesium deficiency.", Ods),
        new("vomiting", "Vomiting", SignStage.Early, "An early sign; vomiting also causes magnesium loss, so it can be cause and effect.", Ods),
        new("fatigue", "Fatigue", SignStage.Early, "An early, non-specific sign of magnesium deficiency.", Ods),
        new("weakness", "Weakness", SignStage.Early, "An early sign: magnesium is needed for normal muscle and nerve function.", Ods),
        new("numbness", "Numbness", SignStage.Worsening, "Appears as deficiency worsens: low magnesium raises nerve excitability.", Ods),
        new("tingling", "Tingling", SignStage.Worsening, "Appears as deficiency worsens: low magnesium raises nerve excitability.", Ods),
        new("muscle-cramps", "Muscle contractions and cramps", SignStage.Worsening, "Neuromuscular hyperexcitability (up to tetany) is a classic sign of depletion.", Ods),
        new("seizures", "Seizures", SignStage.Worsening, "A sign of marked deficiency from neuronal hyperexcitability; needs urgent care.", Ods),
        new("personality-changes", "Personality changes", SignStage.Worsening, "Listed among the signs of worsening deficiency.", Ods),
        new("abnormal-heart-rhythm", "Abnormal heart rhythms", SignStage.Worsening, "Magnesium stabilises cardiac conduction; arrhythmias appear in worsening deficiency and need urgent care.", Ods),
        new("coronary-spasms", "Coronary spasms", SignStage.Worsening, "Listed among the signs of worsening deficiency; chest pain needs urgent care.", Ods),
        new("low-calcium-or-potassium", "Low blood calcium or potassium", SignStage.Severe, "Severe deficiency disturbs mineral homeostasis, causing hypocalcaemia or hypokalaemia (a lab finding).", Ods),
    ];

    private static readonly Dictionary<string, DeficiencySign> ById = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>Finds a sign by id; null when unknown.</summary>
    public static DeficiencySign? Find(string id) => ById.GetValueOrDefault(id);
}
