using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Tests.Planning;

public sealed class SupplementPlannerTests
{
    // IOM 1997: women 31–50 y, RDA 320 mg, supplemental UL 350 mg; infants 0–6 mo have an AI and no UL.
    private static readonly MagnesiumDri Woman = MagnesiumDris.For(LifeStage.Create(40, 0, Sex.Female));
    private static readonly MagnesiumDri Infant = MagnesiumDris.For(LifeStage.Infant(3, Sex.Female));

    private static SupplementPlan Plan(double usualMg, MagnesiumDri? dri = null, double? perUnit = null, double? egfr = null, bool kidney = false, string? form = null, params (string Id, int Hour, int Minute)[] meds) =>
        SupplementPlanner.Plan(new SupplementPlanRequest(dri ?? Woman, true, Mass.FromMilligrams(usualMg), form is null ? null : SupplementForms.Find(form), perUnit, egfr, kidney,
            [.. meds.Select(m => new MedicationTime(Medications.Find(m.Id)!, new TimeOnly(m.Hour, m.Minute)))]));

    [Fact]
    public void Plan_FillsTheGapToTheRda_InOneDoseUpToHalfTheUl()
    {
        var p = Plan(200); // 320 − 200 = 120 mg ≤ 175 mg (half of 350)
        Assert.Equal(120, p.Gap.Milligrams);
        Assert.Equal(120, p.Elemental.Milligrams);
        Assert.Single(p.Schedule);
    }

    [Fact]
    public void Plan_SplitsADailyAmountAboveHalfTheUl_IntoTwoDosesHoursApart()
    {
        var p = Plan(100); // 220 mg > 175 mg
        Assert.Equal(2, p.Schedule.Count);
        Assert.All(p.Schedule, d => Assert.Equal(110, d.Elemental.Milligrams));
        Assert.True((p.Schedule[1].Time - p.Schedule[0].Time).TotalHours >= 4);
    }

    [Fact]
    public void Plan_NeverExceedsTheSupplementalUl()
    {
        var p = Plan(0); // gap 320 mg … still ≤ 350
        Assert.True(p.Elemental <= p.SupplementalUl!.Value);
        var teen = MagnesiumDris.For(LifeStage.Create(16, 0, Sex.Male)); // RDA 410 mg, UL 350 mg
        var capped = Plan(0, teen);
        Assert.Equal(350, capped.Elemental.Milligrams);
        Assert.Contains(capped.Warnings, w => w.Contains("above the supplemental UL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(250.0, 100.0, 2, 200.0)] // rounded down to whole units: 2 × 100 mg
    [InlineData(120.0, 100.0, 1, 100.0)]
    [InlineData(120.0, 150.0, 0, 0.0)]   // one unit is more than the gap: no dose
    public void Plan_RoundsDownToWholeUnits(double gap, double perUnit, int units, double elemental)
    {
        var p = Plan(320 - gap, perUnit: perUnit);
        Assert.Equal(units == 0 ? null : units, p.Units);
        Assert.Equal(elemental, p.Elemental.Milligrams, 6);
        Assert.Equal(elemental, p.Schedule.Sum(d => d.Elemental.Milligrams), 6);
    }

    [Fact]
    public void Plan_RefusesBelowAnEgfrOf30_OrWithKidneyDiseaseAndNoEgfr()
    {
        Assert.Equal(Mass.Zero, Plan(100, egfr: 29.9).Elemental);
        Assert.Contains(Plan(100, egfr: 29.9).Warnings, w => w.StartsWith("no dose: eGFR", StringComparison.Ordinal));
        Assert.Equal(Mass.Zero, Plan(100, kidney: true).Elemental);
        Assert.Equal(220, Plan(100, egfr: 30).Elemental.Milligrams); // stage 3b: planned
    }

    [Fact]
    public void Plan_ForAnInfant_GivesNoDose() => Assert.Equal(Mass.Zero, Plan(0, Infant).Elemental);

    // Glycinate: Mg(C2H4NO2)2, 14.1 % elemental (this project's SupplementForms): 120 mg / 0.141 ≈ 851 mg of the salt.
    [Fact]
    public void Plan_GivesTheCompoundMassOfTheForm()
    {
        var p = Plan(200, form: "glycinate");
        Assert.Equal(120 / (SupplementForms.Find("glycinate")!.ElementalPercent / 100), p.CompoundMg!.Value, 0);
    }

    // Label rules (medications.tsv): ciprofloxacin 2 h before or 6 h after; levothyroxine 4 h; moxifloxacin 4 h before or 8 h after.
    [Theory]
    [InlineData("ciprofloxacin", 8, 0)]
    [InlineData("levofloxacin", 8, 0)]
    [InlineData("moxifloxacin", 8, 0)]
    [InlineData("tetracycline", 12, 0)]
    [InlineData("bisphosphonate", 7, 0)]
    [InlineData("levothyroxine", 6, 30)]
    [InlineData("dolutegravir", 9, 0)]
    [InlineData("atazanavir", 13, 0)]
    [InlineData("eltrombopag", 18, 0)]
    [InlineData("gabapentin", 20, 0)]
    public void Plan_KeepsEverySeparation(string medication, int hour, int minute)
    {
        var p = Plan(100, meds: (medication, hour, minute));
        Assert.NotEmpty(p.Schedule);
        var m = Medications.Find(medication)!;
        foreach (var dose in p.Schedule)
        {
            var gap = (new TimeOnly(hour, minute).ToTimeSpan() - dose.Time.ToTimeSpan()).TotalHours;
            foreach (var shifted in new[] { gap - 24, gap, gap + 24 })
                Assert.True(shifted <= -m.HoursBefore!.Value || shifted >= m.HoursAfter!.Value, $"{medication} at {hour}:{minute:00}, magnesium at {dose.Time}");
        }

        Assert.Contains(p.Interactions, i => i.Medication == medication);
    }

    [Fact]
    public void Plan_SaysWhenNoScheduleFits()
    {
        // Ciprofloxacin 08:00 needs magnesium ≥ 10:00; levothyroxine 12:00 needs ≤ 08:00 or ≥ 16:00; moxifloxacin 20:00 needs ≤ 12:00.
        var p = Plan(200, meds: [("ciprofloxacin", 8, 0), ("levothyroxine", 12, 0), ("moxifloxacin", 20, 0)]);
        Assert.Empty(p.Schedule);
        Assert.Contains(p.Warnings, w => w.Contains("no daily schedule", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 0, true)]   // ciprofloxacin 08:00 is 2 h before
    [InlineData(9, 59, false)]
    [InlineData(2, 0, true)]    // ciprofloxacin 6 h after
    [InlineData(2, 1, false)]
    public void Allows_ReadsBeforeAndAfter(int hour, int minute, bool allowed) =>
        Assert.Equal(allowed, Medications.Find("ciprofloxacin")!.Allows(new TimeOnly(hour, minute), new TimeOnly(8, 0)));

    [Fact]
    public void Medications_CiteASourceForEveryRow() => Assert.All(Medications.All, m => Assert.NotEmpty(m.Sources));
}

public sealed class SupplementProductTests
{
    // 120 capsules × 100 mg elemental for 18.00: 18 / 12,000 mg × 100 = 0.15 per 100 mg; 2 a day for 30 days = 60 of 120 = 9.00.
    [Fact]
    public void Costs_FollowFromThePack()
    {
        var p = new SupplementProduct("p1", "Glycinate 100", SupplementForms.Find("glycinate")!, 100, 120, 18);
        Assert.Equal(0.15, p.CostPer100MgElemental, 10);
        Assert.Equal(9.0, p.CostPerMonth(2), 10);
        Assert.Equal(0.0, p.CostPerMonth(0), 10);
    }
}
