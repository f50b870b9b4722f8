namespace Magnesia.Screening;

/// <summary>One component of the MDS.</summary>
/// <param name="Id"><c>diuretic</c>, <c>ppi</c>, <c>kidney</c> or <c>heavy-alcohol</c>.</param>
/// <param name="Points">Points it adds.</param>
/// <param name="Reason">Why.</param>
public sealed record MdsComponent(string Id, int Points, string Reason);

/// <summary>The MDS result.</summary>
/// <param name="Score">0–5.</param>
/// <param name="Components">Each component with its points.</param>
/// <param name="EgfrMlMin173m2">The eGFR used.</param>
public sealed record MdsResult(int Score, IReadOnlyList<MdsComponent> Components, double EgfrMlMin173m2)
{
    /// <summary>Group used in later NHANES analyses: low (0–1), middle (2), high (3–5) (Zhang 2025; Song 2025).</summary>
    public string Group => Score <= 1 ? "low" : Score == 2 ? "middle" : "high";
}

/// <summary>
/// Magnesium Depletion Score (Fan L et al. J Nutr 2021;151:2226–2235): current diuretic use 1, current PPI use 1,
/// kidney function by eGFR — 60 to under 90 mL/min/1.73 m² 1, under 60 2 — and heavy drinking (more than 1 drink a day
/// for women, more than 2 for men) 1; total 0–5. Validated against the magnesium tolerance test in 77 adults.
/// </summary>
public static class MagnesiumDepletionScore
{
    /// <summary>Computes the score.</summary>
    public static MdsResult Compute(bool diuretic, bool ppi, double egfrMlMin173m2, bool heavyAlcohol)
    {
        // Any positive eGFR is scored (only the 60 and 90 thresholds matter): CKD-EPI gives values above 200 for the
        // lowest plausible creatinine, and a valid lab history must still give a score.
        if (!double.IsFinite(egfrMlMin173m2) || egfrMlMin173m2 <= 0)
            throw new ArgumentOutOfRangeException(nameof(egfrMlMin173m2), egfrMlMin173m2, "eGFR must be a finite number above 0 mL/min/1.73 m²");
        var kidney = egfrMlMin173m2 < 60 ? 2 : egfrMlMin173m2 < 90 ? 1 : 0;
        MdsComponent[] components =
        [
            new("diuretic", diuretic ? 1 : 0, "Current loop or thiazide diuretic use increases urinary magnesium loss."),
            new("ppi", ppi ? 1 : 0, "Current proton-pump inhibitor use reduces intestinal magnesium absorption."),
            new("kidney", kidney, $"eGFR {egfrMlMin173m2:0.#} mL/min/1.73 m²: {(kidney == 2 ? "under 60 scores 2" : kidney == 1 ? "60 to under 90 scores 1" : "90 or more scores 0")}; reduced kidney function impairs magnesium reabsorption."),
            new("heavy-alcohol", heavyAlcohol ? 1 : 0, "Heavy drinking (women > 1, men > 2 drinks a day) increases urinary magnesium loss."),
        ];
        return new MdsResult(components.Sum(c => c.Points), components, egfrMlMin173m2);
    }
}

/// <summary>A field of <see cref="MdsInput"/>; the last four are the eGFR's own when it is computed from creatinine.</summary>
public enum MdsField
{
    /// <summary>Loop or thiazide diuretic use.</summary>
    Diuretic,

    /// <summary>Proton-pump inhibitor use.</summary>
    Ppi,

    /// <summary>Heavy drinking.</summary>
    HeavyAlcohol,

    /// <summary>eGFR given directly.</summary>
    Egfr,

    /// <summary>Serum creatinine, for the eGFR.</summary>
    Creatinine,

    /// <summary>Its unit.</summary>
    CreatinineUnit,

    /// <summary>Age, for the eGFR.</summary>
    Age,

    /// <summary>Sex, for the eGFR.</summary>
    Sex,
}

/// <summary>The MDS answers as entered: the three yes/no answers and an eGFR, given or from creatinine.</summary>
/// <param name="Diuretic">Taking a loop or thiazide diuretic.</param>
/// <param name="Ppi">Taking a proton-pump inhibitor.</param>
/// <param name="HeavyAlcohol">Heavy drinking.</param>
/// <param name="Egfr">eGFR, mL/min/1.73 m², when known.</param>
/// <param name="Creatinine">Or the inputs to compute it.</param>
public sealed record MdsInput(bool? Diuretic, bool? Ppi, bool? HeavyAlcohol, double? Egfr, Metabolic.EgfrInput? Creatinine)
{
    /// <summary>Every problem; empty when <see cref="Compute"/> may run.</summary>
    public IReadOnlyList<Inputs.InputProblem<MdsField>> Validate()
    {
        var problems = new Inputs.InputProblems<MdsField>();
        if (Diuretic is null)
            problems.Add(MdsField.Diuretic, "is required: yes or no");
        if (Ppi is null)
            problems.Add(MdsField.Ppi, "is required: yes or no");
        if (HeavyAlcohol is null)
            problems.Add(MdsField.HeavyAlcohol, "is required: yes or no");
        if (Egfr is not null && Creatinine is not null)
            problems.Add(MdsField.Egfr, "or {Creatinine} (with its unit, age and sex): give one, not both");
        else if (Egfr is null && Creatinine is null)
            problems.Add(MdsField.Egfr, "or {Creatinine} (with its unit, age and sex) is required");
        problems.Range(MdsField.Egfr, Egfr, Metabolic.Egfr.ValueRange);
        foreach (var p in Creatinine?.Validate() ?? [])
        {
            problems.Add(p.Field switch
            {
                Metabolic.EgfrField.Creatinine => MdsField.Creatinine,
                Metabolic.EgfrField.CreatinineUnit => MdsField.CreatinineUnit,
                Metabolic.EgfrField.Age => MdsField.Age,
                _ => MdsField.Sex,
            }, p.Message);
        }

        return problems;
    }

    /// <summary>The score.</summary>
    /// <exception cref="ArgumentException">When <see cref="Validate"/> reports a problem.</exception>
    public MdsResult Compute()
    {
        if (Validate() is [var first, ..])
            throw new ArgumentException(first.Render(f => f.ToString()));
        return MagnesiumDepletionScore.Compute(Diuretic!.Value, Ppi!.Value, Egfr ?? Creatinine!.Compute(), HeavyAlcohol!.Value);
    }
}
