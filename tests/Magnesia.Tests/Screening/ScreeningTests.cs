using Magnesia.Metabolic;
using Magnesia.References;
using Magnesia.Screening;

namespace Magnesia.Tests.Screening;

public sealed class MagnesiumDepletionScoreTests
{
    // Fan et al., J Nutr 2021: diuretic 1, PPI 1, eGFR 60–<90 1, eGFR <60 2, heavy drinking 1; total 0–5.
    [Theory]
    [InlineData(false, false, 95, false, 0)]
    [InlineData(true, false, 95, false, 1)]
    [InlineData(false, true, 95, false, 1)]
    [InlineData(false, false, 95, true, 1)]
    [InlineData(false, false, 90, false, 0)]
    [InlineData(false, false, 89.9, false, 1)]
    [InlineData(false, false, 60, false, 1)]
    [InlineData(false, false, 59.9, false, 2)]
    [InlineData(true, true, 45, true, 5)]
    public void Compute_FollowsThePublishedPoints(bool diuretic, bool ppi, double egfr, bool alcohol, int score) =>
        Assert.Equal(score, MagnesiumDepletionScore.Compute(diuretic, ppi, egfr, alcohol).Score);

    // Later NHANES papers group 0–1 low, 2 middle, 3–5 high (Zhang 2025; Song 2025).
    [Theory]
    [InlineData(false, false, 95, "low")]
    [InlineData(true, false, 75, "middle")]
    [InlineData(true, true, 75, "high")]
    public void Group_FollowsTheNhanesGrouping(bool diuretic, bool ppi, double egfr, string group) =>
        Assert.Equal(group, MagnesiumDepletionScore.Compute(diuretic, ppi, egfr, false).Group);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Compute_RejectsImpossibleEgfr(double egfr) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MagnesiumDepletionScore.Compute(false, false, egfr, false));
}

public sealed class ScreenerTests
{
    // The weights table (also in README): early signs 1, worsening/severe signs 2, situations 1,
    // medications 2, conditions 2 except older age 1.
    [Theory]
    [InlineData(ScreeningCategory.Symptom, "fatigue", 1)]
    [InlineData(ScreeningCategory.Symptom, "muscle-cramps", 2)]
    [InlineData(ScreeningCategory.Symptom, "low-calcium-or-potassium", 2)]
    [InlineData(ScreeningCategory.Situation, "low-magnesium-diet", 1)]
    [InlineData(ScreeningCategory.Medication, "ppi", 2)]
    [InlineData(ScreeningCategory.Medication, "loop-diuretic", 2)]
    [InlineData(ScreeningCategory.Condition, "type-2-diabetes", 2)]
    [InlineData(ScreeningCategory.Condition, "older-age", 1)]
    public void Weights_MatchTheTable(ScreeningCategory category, string id, int points) =>
        Assert.Equal(points, Screener.Find(category, id)!.Points);

    // CKD-EPI 2021 gives eGFR above 200 for the lowest plausible creatinine (0.1 mg/dL): still scored, as ≥ 90 (0 points).
    [Fact]
    public void Mds_ScoresAnEgfrAbove200AsNormal() =>
        Assert.Equal(0, MagnesiumDepletionScore.Compute(false, false, 250, false).Score);

    [Theory]
    [InlineData(0, "low")]
    [InlineData(2, "low")]
    [InlineData(3, "moderate")]
    [InlineData(5, "moderate")]
    [InlineData(6, "high")]
    public void Level_MapsPointsToBands(int points, string level) => Assert.Equal(level, Screener.Level(points));

    [Fact]
    public void Score_AddsPointsOnceEach()
    {
        var fatigue = Screener.Find(ScreeningCategory.Symptom, "fatigue")!;
        var ppi = Screener.Find(ScreeningCategory.Medication, "ppi")!;
        var r = Screener.Score([fatigue, ppi, fatigue]);
        Assert.Equal(3, r.Points);
        Assert.Equal("moderate", r.Level);
        Assert.Equal(2, r.Items.Count);
    }

    [Fact]
    public void EveryItem_HasAReasonAndASource() =>
        Assert.All(Screener.All, i => { Assert.False(string.IsNullOrWhiteSpace(i.Reason)); Assert.NotEmpty(i.Sources); });

    // Source audit (issue 8): the paper's title is "Higher magnesium depletion score increases the risk of all-cause and
    // cardiovascular mortality in US adults with diabetes" (Zhang, Kuang, Wan, PLoS ONE 2025;20(1):e0314298).
    [Fact]
    public void Zhang2025_CarriesThePublishedTitle() =>
        Assert.Contains("Higher magnesium depletion score increases the risk of all-cause and cardiovascular mortality in US adults with diabetes", ScreeningSources.Zhang2025.Text, StringComparison.Ordinal);

    // Source audit: IOM 1997 RDAs — girls 14–18 y 360 mg vs women 310/320; boys 14–18 y 410 mg vs men 400/420, so
    // "requirements peak at 14–18" is true for girls only. Breastfeeding adds no requirement (IOM: same as non-lactating).
    [Fact]
    public void RiskSituations_SayWhatTheSourcesSay()
    {
        var adolescence = RiskSituations.Find("adolescence")!.Rationale;
        Assert.Contains("Girls' requirements peak at 14–18", adolescence, StringComparison.Ordinal);
        Assert.Contains("410 mg", adolescence, StringComparison.Ordinal);
        Assert.DoesNotContain("Requirements peak", adolescence, StringComparison.Ordinal);
        var pregnancy = RiskSituations.Find("pregnancy-or-lactation")!.Rationale;
        Assert.DoesNotContain("as often as other women", pregnancy, StringComparison.Ordinal);
        Assert.Contains("no extra need", pregnancy, StringComparison.Ordinal);
        var lowEnergy = RiskSituations.Find("low-energy-intake")!;
        Assert.DoesNotContain("rarely reach the EAR", lowEnergy.Rationale, StringComparison.Ordinal);
        Assert.Contains(lowEnergy.Sources, c => c.Id == "wweia-2005-2006");
    }

    [Fact]
    public void All_CoversThe13SignsAnd8Situations()
    {
        Assert.Equal(13, Screener.All.Count(i => i.Category == ScreeningCategory.Symptom));
        Assert.Equal(8, Screener.All.Count(i => i.Category == ScreeningCategory.Situation));
    }
}

public sealed class EvidenceTests
{
    // Dibaba et al., Br J Cancer 2015 (VITAL): vs ≥100% of RDA, 75–99% HR 1.42 (0.91–2.21), <75% HR 1.76 (1.04–2.96).
    // Man of 60: RDA 420 mg; 315 mg = exactly 75%.
    [Theory]
    [InlineData(420, "≥100% of RDA", null)]
    [InlineData(315, "75–99% of RDA", 1.42)]
    [InlineData(314.9, "<75% of RDA", 1.76)]
    [InlineData(0, "<75% of RDA", 1.76)]
    public void Apply_PlacesIntakeInTheVitalCategories(double intake, string category, double? hr)
    {
        var r = Evidence.Apply(intake, LifeStage.Adult(60, Sex.Male));
        Assert.Equal(category, r.VitalCategory);
        Assert.Equal(hr, r.VitalHazardRatio?.Ratio);
        Assert.Equal(420, r.RdaMg);
    }

    [Fact]
    public void Apply_CitesThePapersAndSaysItIsAnAssociation()
    {
        var r = Evidence.Apply(200, LifeStage.Adult(30, Sex.Female));
        Assert.Contains(r.Findings, f => f.Source == Evidence.Dibaba2015);
        Assert.Contains(r.Findings, f => f.Source == Evidence.Fang2016 && f.Ratio == Evidence.FangT2dPer100Mg);
        Assert.Contains("outside the ages studied", r.Findings[0].Applied, StringComparison.Ordinal);
        Assert.Contains("not your personal risk", EvidenceResult.Caution, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RejectsImpossibleIntakes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Evidence.Apply(-1, LifeStage.Adult(30, Sex.Female)));

    // A diary may hold 5 kg entries: a mean above 10,000 mg/day is implausible but valid and must still give a report.
    [Fact]
    public void Apply_AcceptsAnyFiniteIntake() =>
        Assert.Equal("≥100% of RDA", Evidence.Apply(25_000, LifeStage.Adult(30, Sex.Female)).VitalCategory);

    // Source audit: Dibaba 2015 — the association "appeared to be limited to those taking magnesium supplementation";
    // Dong 2011 — significant with BMI ≥ 25 but not < 25, "although test for interaction was not statistically
    // significant (P interaction = 0.13)".
    [Fact]
    public void Findings_CarryTheSourcesQualifications()
    {
        var findings = Evidence.Apply(300, LifeStage.Adult(60, Sex.Male)).Findings;
        Assert.Contains("appeared limited to people taking magnesium supplements", findings.Single(f => f.Study == "VITAL cohort").Finding, StringComparison.Ordinal);
        Assert.Contains("P = 0.13", findings.Single(f => f.Study.StartsWith("Dong", StringComparison.Ordinal)).Finding, StringComparison.Ordinal);
    }
}

public sealed class SerumInterpretationTests
{
    // IOM 1997 / ODS interval 0.75–0.95 mmol/L; Costello 2016 proposed ≥ 0.85; severe < 0.50; > 1.05 hypermagnesemia.
    [Theory]
    [InlineData(0.49, "severe-hypomagnesemia")]
    [InlineData(0.10, "severe-hypomagnesemia")]
    [InlineData(0.50, "hypomagnesemia")]
    [InlineData(0.74, "hypomagnesemia")]
    [InlineData(0.75, "low-normal")]
    [InlineData(0.84, "low-normal")]
    [InlineData(0.85, "normal")]
    [InlineData(0.95, "normal")]
    [InlineData(0.96, "high-normal")]
    [InlineData(1.05, "high-normal")]
    [InlineData(1.06, "hypermagnesemia")]
    public void Interpret_UsesTheCitedBands(double mmol, string band)
    {
        var i = SerumMagnesiumInterpretation.Interpret(SerumMagnesium.From(mmol, SerumMagnesiumUnit.MmolPerL));
        Assert.Equal(band, i.Band);
        Assert.Contains("does not rule out low body stores", i.Text, StringComparison.Ordinal);
    }

    // Source audit: the < 0.50 and > 1.05 mmol/L bands are clinical-laboratory practice, not IOM/ODS values; they cite
    // where they come from (NHS Lothian guideline; StatPearls laboratory interval).
    [Theory]
    [InlineData(0.40, "nhs-lothian-hypomagnesaemia")]
    [InlineData(1.20, "statpearls-hypomagnesemia")]
    [InlineData(1.20, "nhs-lothian-hypomagnesaemia")]
    public void OuterBands_CiteTheirSources(double mmol, string citation) =>
        Assert.Contains(SerumMagnesiumInterpretation.Interpret(SerumMagnesium.From(mmol, SerumMagnesiumUnit.MmolPerL)).Sources, c => c.Id == citation);
}

public sealed class LabsTests
{
    [Theory]
    [InlineData("serum-magnesium", 1.9449, "mg/dL", 0.8002)]
    [InlineData("fasting-glucose", 5.0, "mmol/L", 90.078)]
    [InlineData("fasting-insulin", 60, "pmol/L", 10)]
    [InlineData("triglycerides", 1.7, "mmol/L", 150.569)]
    [InlineData("hdl", 1.0, "mmol/L", 38.67)]
    [InlineData("creatinine", 88.4, "umol/L", 1.0)]
    public void ToCanonical_UsesTheStatedFactors(string kind, double value, string unit, double canonical) =>
        Assert.Equal(canonical, Labs.ToCanonical(Labs.Find(kind)!, value, unit), 3);

    [Fact]
    public void Find_AcceptsIdsAndLoincCodes() => Assert.Equal("serum-magnesium", Labs.Find("19123-9")!.Id);

    [Theory]
    [InlineData("creatinine", "µmol/L", "umol/L")]
    [InlineData("hdl", "MG/DL", "mg/dL")]
    [InlineData("fasting-insulin", "µIU/mL", "uU/mL")]
    [InlineData("fasting-insulin", "mIU/L", "uU/mL")]
    public void NormalizeUnit_AcceptsMicroSignAndCase(string kind, string typed, string unit) =>
        Assert.Equal(unit, Labs.NormalizeUnit(Labs.Find(kind)!, typed));

    [Theory]
    [InlineData("serum-magnesium", 0.8, "g/L")]
    [InlineData("serum-magnesium", 12, "mmol/L")]
    [InlineData("fasting-glucose", 5, "mg/dL")]
    [InlineData("creatinine", 0.01, "mg/dL")]
    public void Check_RejectsWrongUnitsAndImpossibleValues(string kind, double value, string unit) =>
        Assert.NotNull(LabInput.Check(Labs.Find(kind)!, value, unit));
}
