using Magnesia.Units;

namespace Magnesia.References;

/// <summary>
/// Magnesium Dietary Reference Intakes for one life stage. RDA and AI are total intake (food, water and
/// supplements); the UL applies to magnesium from supplements and medicines only, never to food and water.
/// </summary>
/// <param name="LifeStage">The life stage the values are for.</param>
/// <param name="Ear">Estimated Average Requirement; null for infants (none set).</param>
/// <param name="Rda">Recommended Dietary Allowance; null for infants.</param>
/// <param name="Ai">Adequate Intake; set for infants only.</param>
/// <param name="SupplementalUl">Tolerable Upper Intake Level for supplemental magnesium; null for infants ("not determinable").</param>
/// <param name="Sources">The primary sources of the values.</param>
public sealed record MagnesiumDri(
    LifeStage LifeStage,
    Mass? Ear,
    Mass? Rda,
    Mass? Ai,
    Mass? SupplementalUl,
    IReadOnlyList<Citation> Sources)
{
    /// <summary>The intake goal: the RDA, or the AI where no RDA is set.</summary>
    public Mass Goal => Rda ?? Ai ?? throw new InvalidOperationException("every life stage has an RDA or an AI");
}

/// <summary>
/// The magnesium DRI table of the Food and Nutrition Board (IOM 1997, ch. 6), as reproduced by the NIH ODS
/// fact sheet and the NASEM DRI summary tables. Values in mg/day.
/// </summary>
public static class MagnesiumDris
{
    private static readonly IReadOnlyList<Citation> TableSources = [Sources.Iom1997, Sources.OdsFactSheet, Sources.NasemDriSummary];

    /// <summary>Looks up the DRIs for a life stage.</summary>
    public static MagnesiumDri For(LifeStage lifeStage)
    {
        ArgumentNullException.ThrowIfNull(lifeStage);
        var (ear, rda, ai, ul) = Row(lifeStage.Band, lifeStage.Sex, lifeStage.Reproduction);
        return new MagnesiumDri(lifeStage, Mg(ear), Mg(rda), Mg(ai), Mg(ul), TableSources);
    }

    private static Mass? Mg(int? milligrams) => milligrams is { } mg ? Mass.FromMilligrams(mg) : null;

    /// <summary>
    /// One row of the published table: (EAR, RDA, AI, UL for supplemental Mg), mg/day; null = not set.
    /// </summary>
    /// <remarks>
    /// RDA/AI rows: IOM 1997 summary table; NASEM NBK545442 Appendix J Table 3; ODS Table 1.
    /// EAR rows: IOM 1997 p. 219 (14–18 y: 340 boys, 300 girls), p. 239 (pregnancy = non-pregnant EAR + 35 mg:
    /// 335/290/300), p. 241 (lactation = non-lactating women: 300/255/265); children 1–3 y 65, 4–8 y 110,
    /// 9–13 y 200, men 19–30 y 330, men ≥31 y 350, women 19–30 y 255, women ≥31 y 265 (IOM 1997 ch. 6 EAR
    /// derivations, 5 mg/kg/day × reference weight for 1–8 y).
    /// UL (supplemental only; critical effect osmotic diarrhoea): 65 mg 1–3 y, 110 mg 4–8 y, 350 mg ≥9 y
    /// including pregnancy and lactation; not determinable for infants (IOM 1997 p. 242–248).
    /// Pregnancy and lactation under 14 y take the "≤18 y" row.
    /// </remarks>
    internal static (int? Ear, int? Rda, int? Ai, int? Ul) Row(AgeBand band, Sex sex, Reproduction reproduction) =>
        (band, sex, reproduction) switch
        {
            // Infants: AI only; no EAR, RDA or UL.
            (AgeBand.Months0To6, _, _) => (null, null, 30, null),
            (AgeBand.Months7To12, _, _) => (null, null, 75, null),

            // Children, both sexes.
            (AgeBand.Years1To3, _, _) => (65, 80, null, 65),
            (AgeBand.Years4To8, _, _) => (110, 130, null, 110),

            // Pregnancy (IOM p. 239): "≤18 y", 19–30 y, 31–50 y.
            (AgeBand.Years9To13 or AgeBand.Years14To18, Sex.Female, Reproduction.Pregnant) => (335, 400, null, 350),
            (AgeBand.Years19To30, Sex.Female, Reproduction.Pregnant) => (290, 350, null, 350),
            (AgeBand.Years31To50, Sex.Female, Reproduction.Pregnant) => (300, 360, null, 350),

            // Lactation (IOM p. 241): same as non-lactating women of the same age.
            (AgeBand.Years9To13 or AgeBand.Years14To18, Sex.Female, Reproduction.Lactating) => (300, 360, null, 350),
            (AgeBand.Years19To30, Sex.Female, Reproduction.Lactating) => (255, 310, null, 350),
            (AgeBand.Years31To50, Sex.Female, Reproduction.Lactating) => (265, 320, null, 350),

            // Males.
            (AgeBand.Years9To13, Sex.Male, _) => (200, 240, null, 350),
            (AgeBand.Years14To18, Sex.Male, _) => (340, 410, null, 350),
            (AgeBand.Years19To30, Sex.Male, _) => (330, 400, null, 350),
            (AgeBand.Years31To50, Sex.Male, _) => (350, 420, null, 350),
            (AgeBand.Years51To70, Sex.Male, _) => (350, 420, null, 350),
            (AgeBand.Over70, Sex.Male, _) => (350, 420, null, 350),

            // Females.
            (AgeBand.Years9To13, Sex.Female, Reproduction.None) => (200, 240, null, 350),
            (AgeBand.Years14To18, Sex.Female, Reproduction.None) => (300, 360, null, 350),
            (AgeBand.Years19To30, Sex.Female, Reproduction.None) => (255, 310, null, 350),
            (AgeBand.Years31To50, Sex.Female, Reproduction.None) => (265, 320, null, 350),
            (AgeBand.Years51To70, Sex.Female, Reproduction.None) => (265, 320, null, 350),
            (AgeBand.Over70, Sex.Female, Reproduction.None) => (265, 320, null, 350),

            _ => throw new ArgumentOutOfRangeException(nameof(band), $"no DRI row for {band}, {sex}, {reproduction}"),
        };
}
