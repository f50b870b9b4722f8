using CsCheck;
using Magnesia.Metabolic;
using Magnesia.References;

namespace Magnesia.Tests.Metabolic;

public sealed class EgfrTests
{
    // CKD-EPI 2021 (Inker et al., NEJM 2021), computed exactly from the published equation:
    // F 55 y, Scr 0.9: 142 × (0.9/0.7)^−1.200 × 0.9938^55 × 1.012 = 75.50 (the NKF calculator's worked example, "about 76").
    [Theory]
    [InlineData(Sex.Female, 55, 0.9, 75.50)]
    [InlineData(Sex.Male, 50, 1.0, 91.69)]
    [InlineData(Sex.Female, 40, 0.7, 112.05)]
    [InlineData(Sex.Male, 40, 0.9, 110.73)]
    [InlineData(Sex.Male, 65, 1.5, 51.35)]
    [InlineData(Sex.Female, 30, 0.6, 123.76)]
    [InlineData(Sex.Female, 70, 2.0, 26.38)]
    [InlineData(Sex.Male, 60, 0.8, 101.32)]
    public void CkdEpi2021_MatchesTheEquation(Sex sex, int age, double scr, double expected) =>
        Assert.Equal(expected, Egfr.CkdEpi2021(scr, age, sex), 2);

    [Fact]
    public void Creatinine_ConvertsFromMicromoles() => Assert.Equal(1.0, Egfr.CreatinineMgPerDl(88.4, CreatinineUnit.UmolPerL), 9);

    [Theory]
    [InlineData(95, GfrCategory.G1)]
    [InlineData(90, GfrCategory.G1)]
    [InlineData(89.9, GfrCategory.G2)]
    [InlineData(59, GfrCategory.G3a)]
    [InlineData(44, GfrCategory.G3b)]
    [InlineData(29, GfrCategory.G4)]
    [InlineData(14.9, GfrCategory.G5)]
    public void Category_FollowsKdigo(double egfr, GfrCategory category) => Assert.Equal(category, Egfr.Category(egfr));

    [Theory]
    [InlineData(0.05, 50)]
    [InlineData(25, 50)]
    [InlineData(1.0, 17)]
    [InlineData(double.NaN, 50)]
    public void CkdEpi2021_RejectsImpossibleInputs(double scr, double age) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Egfr.CkdEpi2021(scr, age, Sex.Male));

    [Fact]
    public void CkdEpi2021_FallsAsCreatinineRises() =>
        Gen.Double[0.1, 19].Sample(scr => Egfr.CkdEpi2021(scr, 50, Sex.Female) > Egfr.CkdEpi2021(scr + 0.5, 50, Sex.Female));
}

public sealed class InsulinResistanceTests
{
    // Matthews 1985: HOMA-IR = insulin (µU/mL) × glucose (mmol/L) / 22.5.
    // 10 µU/mL × 5.0 mmol/L / 22.5 = 2.2222; the mg/dL form gives the same: 10 × 90.078 / 405 = 2.2242 (405 = 22.5 × 18).
    [Fact]
    public void HomaIr_WorkedExample() => Assert.Equal(2.2222, InsulinResistance.HomaIr(10, 5.0), 4);

    // Katz 2000: QUICKI = 1 / (log10 I + log10 G[mg/dL]); 10 µU/mL, 90 mg/dL → 1 / (1 + 1.9542) = 0.3385.
    [Fact]
    public void Quicki_WorkedExample() => Assert.Equal(0.3385, InsulinResistance.Quicki(10, 90), 4);

    // Simental-Mendía 2008: TyG = ln(TG × G / 2); TG 150 mg/dL, G 100 mg/dL → ln(7500) = 8.9227.
    [Fact]
    public void TyG_WorkedExample() => Assert.Equal(8.9227, InsulinResistance.TyG(150, 100), 4);

    [Theory]
    [InlineData(0, 5)]
    [InlineData(-1, 5)]
    [InlineData(10, double.NaN)]
    [InlineData(double.PositiveInfinity, 5)]
    public void Indices_RejectNonPositiveOrNonFinite(double insulin, double glucose)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InsulinResistance.HomaIr(insulin, glucose));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsulinResistance.TyG(insulin, glucose));
    }

    [Fact]
    public void Insulin_Pmol_UsesSixByDefaultAndTheLabsFactorWhenGiven()
    {
        var insulin = Labs.Find("fasting-insulin")!;
        Assert.Equal(10, Labs.ToCanonical(insulin, 60, "pmol/L"), 9);
        Assert.Equal(10, Labs.ToCanonical(insulin, 69.45, "pmol/L", 6.945), 9);
    }

    // Alberti et al. Circulation 2009;120:1640 (harmonized criteria) print each cut-off in both units: triglycerides
    // 150 mg/dL = 1.7 mmol/L, HDL 40 mg/dL = 1.0 mmol/L and 50 mg/dL = 1.3 mmol/L, fasting glucose 100 mg/dL (5.6 mmol/L
    // in ADA 2003's rounding). The conversion must land within the rounding of the printed SI value.
    [Theory]
    [InlineData("triglycerides", 1.7, 150, 0.05)]
    [InlineData("hdl", 1.0, 40, 0.05)]
    [InlineData("hdl", 1.3, 50, 0.05)]
    [InlineData("fasting-glucose", 5.6, 100, 0.05)]
    public void SiUnits_MatchThePublishedCutOffs(string kind, double mmolPerL, double mgPerDl, double rounding)
    {
        var k = Labs.Find(kind)!;
        var low = Labs.ToCanonical(k, mmolPerL - rounding, "mmol/L");
        var high = Labs.ToCanonical(k, mmolPerL + rounding, "mmol/L");
        Assert.InRange(mgPerDl, low, high);
    }

    // The same labs typed in either unit give the same panel (through the path the faces use).
    [Fact]
    public void Panel_IsTheSameInEitherGlucoseUnit() =>
        Gen.Select(Gen.Double[2, 100], Gen.Double[60, 300]).Sample((insulin, mgPerDl) =>
        {
            var conventional = new MetabolicPanelInput(Glucose: mgPerDl, GlucoseUnit: "mg/dL", Insulin: insulin, InsulinUnit: "uU/mL").Compute();
            var si = new MetabolicPanelInput(Glucose: mgPerDl / LabUnits.GlucoseMgPerDlPerMmolPerL, GlucoseUnit: "mmol/L", Insulin: insulin * 6, InsulinUnit: "pmol/L").Compute();
            return conventional.HomaIr == si.HomaIr && conventional.Quicki == si.Quicki;
        });
}

public sealed class MetabolicSyndromeTests
{
    private static readonly WaistThreshold Europid = MetabolicSyndrome.FindPopulation("europid")!;

    // Alberti 2009 Table 1, case by case.
    [Theory]
    [InlineData("waist", Sex.Male, 94.0, MetabolicCriterion.Waist, true)]
    [InlineData("waist", Sex.Male, 93.9, MetabolicCriterion.Waist, false)]
    [InlineData("waist", Sex.Female, 80.0, MetabolicCriterion.Waist, true)]
    [InlineData("tg", Sex.Female, 150.0, MetabolicCriterion.Triglycerides, true)]
    [InlineData("tg", Sex.Female, 149.9, MetabolicCriterion.Triglycerides, false)]
    [InlineData("hdl", Sex.Male, 39.9, MetabolicCriterion.Hdl, true)]
    [InlineData("hdl", Sex.Male, 40.0, MetabolicCriterion.Hdl, false)]
    [InlineData("hdl", Sex.Female, 49.9, MetabolicCriterion.Hdl, true)]
    [InlineData("hdl", Sex.Female, 50.0, MetabolicCriterion.Hdl, false)]
    [InlineData("sbp", Sex.Male, 130.0, MetabolicCriterion.BloodPressure, true)]
    [InlineData("sbp", Sex.Male, 129.0, MetabolicCriterion.BloodPressure, false)]
    [InlineData("dbp", Sex.Male, 85.0, MetabolicCriterion.BloodPressure, true)]
    [InlineData("glucose", Sex.Male, 100.0, MetabolicCriterion.Glucose, true)]
    [InlineData("glucose", Sex.Male, 99.9, MetabolicCriterion.Glucose, false)]
    public void EachCriterion_UsesItsPublishedCutPoint(string what, Sex sex, double value, MetabolicCriterion criterion, bool met)
    {
        var x = what switch
        {
            "waist" => new MetabolicInputs(sex, WaistCm: value, Population: Europid),
            "tg" => new MetabolicInputs(sex, TriglyceridesMgPerDl: value),
            "hdl" => new MetabolicInputs(sex, HdlMgPerDl: value),
            "sbp" => new MetabolicInputs(sex, SystolicMmHg: value, DiastolicMmHg: 70),
            "dbp" => new MetabolicInputs(sex, SystolicMmHg: 110, DiastolicMmHg: value),
            _ => new MetabolicInputs(sex, GlucoseMgPerDl: value),
        };
        var r = MetabolicSyndrome.Assess(x);
        Assert.Equal(met, r.CriteriaMet.Contains(criterion));
        Assert.DoesNotContain(criterion, r.CriteriaUnknown);
    }

    [Fact]
    public void DrugTreatment_CountsAsMeetingTheCriterion()
    {
        var r = MetabolicSyndrome.Assess(new MetabolicInputs(Sex.Female, OnBloodPressureDrugs: true, OnGlucoseDrugs: true, LipidDrugs: LipidDrugs.Fibrate));
        Assert.Equal([MetabolicCriterion.Triglycerides, MetabolicCriterion.Hdl, MetabolicCriterion.BloodPressure, MetabolicCriterion.Glucose], r.CriteriaMet);
        Assert.True(r.Present);
    }

    // Alberti 2009, Table 1 footnotes: fibrates and nicotinic acid presume high TG and low HDL-C; high-dose omega-3
    // presumes high TG only; statins are not in the definition (source audit, issue 8).
    [Theory]
    [InlineData(LipidDrugs.Fibrate, true, true)]
    [InlineData(LipidDrugs.NicotinicAcid, true, true)]
    [InlineData(LipidDrugs.Omega3, true, false)]
    [InlineData(LipidDrugs.Statin, false, false)]
    [InlineData(LipidDrugs.None, false, false)]
    public void LipidDrugClasses_MeetTheCriteriaAlbertiCounts(LipidDrugs drugs, bool triglycerides, bool hdl)
    {
        var r = MetabolicSyndrome.Assess(new MetabolicInputs(Sex.Female, LipidDrugs: drugs));
        Assert.Equal(triglycerides, r.CriteriaMet.Contains(MetabolicCriterion.Triglycerides));
        Assert.Equal(hdl, r.CriteriaMet.Contains(MetabolicCriterion.Hdl));
    }

    [Fact]
    public void ParseLipidDrugs_ReadsClassIdsAndRejectsUnknown()
    {
        Assert.Equal(LipidDrugs.Fibrate | LipidDrugs.Omega3, MetabolicSyndrome.ParseLipidDrugs(["fibrate", "omega-3"]));
        Assert.Null(MetabolicSyndrome.ParseLipidDrugs(["aspirin"]));
    }

    [Fact]
    public void ThreeOfFive_IsPresent_TwoWithNothingUnknown_IsNot()
    {
        var three = MetabolicSyndrome.Assess(new MetabolicInputs(Sex.Male, 102, Europid, 160, 45, 125, 80, 105));
        Assert.Equal(3, three.Count);
        Assert.True(three.Present);
        var two = MetabolicSyndrome.Assess(new MetabolicInputs(Sex.Male, 102, Europid, 160, 45, 125, 80, 95));
        Assert.False(two.Present);
        var undecided = MetabolicSyndrome.Assess(new MetabolicInputs(Sex.Male, TriglyceridesMgPerDl: 160, GlucoseMgPerDl: 105));
        Assert.Null(undecided.Present);
    }

    [Fact]
    public void JapaneseThresholds_AreHigherForWomen() =>
        Assert.True(MetabolicSyndrome.FindPopulation("japanese")!.WomenCm > MetabolicSyndrome.FindPopulation("japanese")!.MenCm);
}

public sealed class SerumMagnesiumTests
{
    // Source audit (issue 8): one plausible range for serum magnesium, shared by the value type and the lab store.
    [Fact]
    public void PlausibleRange_IsTheSameForTheValueTypeAndTheLabStore()
    {
        var kind = Labs.Find("serum-magnesium")!;
        Assert.Equal(SerumMagnesium.MinimumMmolPerL, kind.MinCanonical);
        Assert.Equal(SerumMagnesium.MaximumMmolPerL, kind.MaxCanonical);
        Assert.Throws<ArgumentOutOfRangeException>(() => SerumMagnesium.From(5.01, SerumMagnesiumUnit.MmolPerL));
        Assert.NotNull(LabInput.Check(kind, 5.01, "mmol/L"));
        Assert.Null(LabInput.Check(kind, 5.0, "mmol/L"));
    }

    // 24.305 g/mol, valence 2: 0.75 mmol/L = 1.823 mg/dL = 1.50 mEq/L; 0.85 mmol/L = 2.066 mg/dL (Costello 2016).
    [Theory]
    [InlineData(0.75, 1.8229, 1.50)]
    [InlineData(0.85, 2.0659, 1.70)]
    [InlineData(0.95, 2.3090, 1.90)]
    public void Conversions_FollowMolarMassAndValence(double mmol, double mgDl, double meq)
    {
        var s = SerumMagnesium.From(mmol, SerumMagnesiumUnit.MmolPerL);
        Assert.Equal(mgDl, s.MilligramsPerDecilitre, 4);
        Assert.Equal(meq, s.MilliequivalentsPerLitre, 9);
    }

    [Fact]
    public void Conversions_RoundTrip() =>
        Gen.Double[0.1, 5].Sample(mmol =>
        {
            var a = SerumMagnesium.From(mmol, SerumMagnesiumUnit.MmolPerL);
            var b = SerumMagnesium.From(a.MilligramsPerDecilitre, SerumMagnesiumUnit.MgPerDl);
            var c = SerumMagnesium.From(a.MilliequivalentsPerLitre, SerumMagnesiumUnit.MeqPerL);
            return Math.Abs(b.MillimolesPerLitre - mmol) < 1e-9 && Math.Abs(c.MillimolesPerLitre - mmol) < 1e-9;
        });

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(11)]
    [InlineData(double.NaN)]
    public void From_RejectsImpossibleValues(double mmol) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SerumMagnesium.From(mmol, SerumMagnesiumUnit.MmolPerL));
}
