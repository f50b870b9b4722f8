using Magnesia.References;

namespace Magnesia.Metabolic;

/// <summary>A population whose waist-circumference thresholds the harmonized definition names.</summary>
/// <param name="Id">Stable id used by the CLI, e.g. <c>europid</c>.</param>
/// <param name="Description">Population and the organisation behind the threshold.</param>
/// <param name="MenCm">Threshold for men, cm (at or above = elevated).</param>
/// <param name="WomenCm">Threshold for women, cm.</param>
public sealed record WaistThreshold(string Id, string Description, double MenCm, double WomenCm);

/// <summary>The five criteria of the harmonized definition.</summary>
public enum MetabolicCriterion
{
    /// <summary>Elevated waist circumference (population-specific).</summary>
    Waist,

    /// <summary>Triglycerides ≥ 150 mg/dL (1.7 mmol/L) or drug treatment for elevated triglycerides.</summary>
    Triglycerides,

    /// <summary>HDL-C &lt; 40 mg/dL (1.0 mmol/L) in men, &lt; 50 mg/dL (1.3 mmol/L) in women, or drug treatment.</summary>
    Hdl,

    /// <summary>Systolic ≥ 130 and/or diastolic ≥ 85 mmHg, or antihypertensive drug treatment.</summary>
    BloodPressure,

    /// <summary>Fasting glucose ≥ 100 mg/dL (5.6 mmol/L) or drug treatment of elevated glucose.</summary>
    Glucose,
}

/// <summary>
/// Drug classes taken for lipids, as Alberti 2009 (Table 1, footnotes) counts them: "The most commonly used drugs for
/// elevated triglycerides and reduced HDL-C are fibrates and nicotinic acid. A patient taking one of these drugs can be
/// presumed to have high triglycerides and low HDL-C. High-dose ω-3 fatty acids presumes high triglycerides." Statins
/// are not in the definition: they meet neither criterion.
/// </summary>
[Flags]
public enum LipidDrugs
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A fibrate (fenofibrate, gemfibrozil…): meets the triglyceride and the HDL criterion.</summary>
    Fibrate = 1,

    /// <summary>Nicotinic acid (niacin): meets the triglyceride and the HDL criterion.</summary>
    NicotinicAcid = 2,

    /// <summary>High-dose omega-3 fatty acids: meets the triglyceride criterion only.</summary>
    Omega3 = 4,

    /// <summary>A statin: meets neither criterion (recorded so the answer is not lost).</summary>
    Statin = 8,
}

/// <summary>Inputs of the metabolic syndrome assessment; each may be missing.</summary>
public sealed record MetabolicInputs(
    Sex? Sex = null,
    double? WaistCm = null,
    WaistThreshold? Population = null,
    double? TriglyceridesMgPerDl = null,
    double? HdlMgPerDl = null,
    double? SystolicMmHg = null,
    double? DiastolicMmHg = null,
    double? GlucoseMgPerDl = null,
    bool OnBloodPressureDrugs = false,
    bool OnGlucoseDrugs = false,
    LipidDrugs LipidDrugs = LipidDrugs.None)
{
    /// <summary>Whether a lipid drug presumes high triglycerides: fibrates, nicotinic acid, high-dose omega-3.</summary>
    public bool TreatedForTriglycerides => (LipidDrugs & (LipidDrugs.Fibrate | LipidDrugs.NicotinicAcid | LipidDrugs.Omega3)) != 0;

    /// <summary>Whether a lipid drug presumes low HDL-C: fibrates and nicotinic acid only.</summary>
    public bool TreatedForHdl => (LipidDrugs & (LipidDrugs.Fibrate | LipidDrugs.NicotinicAcid)) != 0;
}

/// <summary>The result: criteria met, criteria that could not be judged, and whether the syndrome is present.</summary>
/// <param name="CriteriaMet">Criteria met.</param>
/// <param name="CriteriaUnknown">Criteria whose inputs are missing.</param>
public sealed record MetabolicSyndromeResult(IReadOnlyList<MetabolicCriterion> CriteriaMet, IReadOnlyList<MetabolicCriterion> CriteriaUnknown)
{
    /// <summary>Number of criteria met.</summary>
    public int Count => CriteriaMet.Count;

    /// <summary>True when 3 or more of 5 are met; false when it cannot reach 3 even with the unknowns; null when undecided.</summary>
    public bool? Present => Count >= 3 ? true : Count + CriteriaUnknown.Count < 3 ? false : null;
}

/// <summary>
/// The harmonized definition of the metabolic syndrome: any 3 of 5 criteria, none obligatory (Alberti KGMM, Eckel RH,
/// Grundy SM, et al. Harmonizing the metabolic syndrome. Circulation 2009;120:1640–1645,
/// doi:10.1161/CIRCULATIONAHA.109.192644, Table 1). Drug treatment counts as meeting the criterion it treats.
/// </summary>
public static class MetabolicSyndrome
{
    /// <summary>Waist thresholds from Alberti 2009, Table 2 ("current recommended thresholds for abdominal obesity").</summary>
    public static IReadOnlyList<WaistThreshold> Populations { get; } =
    [
        new("europid", "Europid (IDF)", 94, 80),
        new("caucasian-who", "Caucasian, increased risk (WHO)", 94, 80),
        new("united-states", "United States (AHA/NHLBI, ATP III)", 102, 88),
        new("canada", "Canada (Health Canada)", 102, 88),
        new("european-cardiovascular", "European (European Cardiovascular Societies)", 102, 88),
        new("asian", "Asian, including Japanese (IDF)", 90, 80),
        new("asian-who", "Asian (WHO)", 90, 80),
        new("japanese", "Japanese (Japanese Obesity Society)", 85, 90),
        new("chinese", "China (Cooperative Task Force)", 85, 80),
        new("middle-east", "Middle East, Mediterranean (IDF)", 94, 80),
        new("sub-saharan-african", "Sub-Saharan African (IDF)", 94, 80),
        new("central-south-american", "Ethnic Central and South American (IDF)", 90, 80),
    ];

    /// <summary>The lipid drug class ids <see cref="ParseLipidDrugs"/> knows, for messages.</summary>
    public const string LipidDrugIds = "fibrate, nicotinic-acid, omega-3, statin";

    /// <summary>Parses lipid drug class ids (<c>fibrate</c>, <c>nicotinic-acid</c>, <c>omega-3</c>, <c>statin</c>); null when one is unknown.</summary>
    public static LipidDrugs? ParseLipidDrugs(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var drugs = LipidDrugs.None;
        foreach (var id in ids)
        {
            LipidDrugs? d = id.Trim().ToLowerInvariant() switch
            {
                "fibrate" => LipidDrugs.Fibrate,
                "nicotinic-acid" or "niacin" => LipidDrugs.NicotinicAcid,
                "omega-3" => LipidDrugs.Omega3,
                "statin" => LipidDrugs.Statin,
                _ => null,
            };
            if (d is null)
                return null;
            drugs |= d.Value;
        }

        return drugs;
    }

    /// <summary>Finds a population by id; null when unknown.</summary>
    public static WaistThreshold? FindPopulation(string id) =>
        Populations.FirstOrDefault(p => string.Equals(p.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Judges each criterion from what is given.</summary>
    public static MetabolicSyndromeResult Assess(MetabolicInputs x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var met = new List<MetabolicCriterion>();
        var unknown = new List<MetabolicCriterion>();
        void Judge(MetabolicCriterion c, bool? value)
        {
            if (value is true)
                met.Add(c);
            else if (value is null)
                unknown.Add(c);
        }

        Judge(MetabolicCriterion.Waist, x.WaistCm is { } w && x.Population is { } p && x.Sex is { } s ? w >= (s == Sex.Male ? p.MenCm : p.WomenCm) : null);
        Judge(MetabolicCriterion.Triglycerides, x.TreatedForTriglycerides ? true : x.TriglyceridesMgPerDl is { } tg ? tg >= 150 : null);
        Judge(MetabolicCriterion.Hdl, x.TreatedForHdl ? true : x.HdlMgPerDl is { } hdl && x.Sex is { } sex ? hdl < (sex == Sex.Male ? 40 : 50) : null);
        Judge(MetabolicCriterion.BloodPressure, x.OnBloodPressureDrugs ? true
            : x.SystolicMmHg is null && x.DiastolicMmHg is null ? null
            : x.SystolicMmHg >= 130 || x.DiastolicMmHg >= 85 ? true
            : x.SystolicMmHg is null || x.DiastolicMmHg is null ? null : false);
        Judge(MetabolicCriterion.Glucose, x.OnGlucoseDrugs ? true : x.GlucoseMgPerDl is { } g ? g >= 100 : null);
        return new MetabolicSyndromeResult(met, unknown);
    }
}
