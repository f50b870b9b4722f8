using Magnesia.Planning;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Tests.Planning;

public sealed class SupplementPlannerTests
{
    // IOM 1997: women 31–50 y, RDA 320 mg, supplemental UL 350 mg; infants 0–6 mo have an AI and no UL.
    private static readonly MagnesiumDri Woman = MagnesiumDris.For(LifeStage.Create(40, 0, Sex.Female));
    private static readonly MagnesiumDri Infant = MagnesiumDris.For(LifeStage.Infant(3, Sex.Female));

    private static SupplementPlanRequest Request(double usualMg, IReadOnlyList<MedicationTime>? meds = null) =>
        new(Woman, true, Mass.FromMilligrams(usualMg), null, null, null, false, meds ?? []);

    private static SupplementPlan Plan(double usualMg, MagnesiumDri? dri = null, double? perUnit = null, double? egfr = null, bool kidney = false, string? form = null, params (string Id, int Hour, int Minute)[] meds) =>
        SupplementPlanner.Plan(new SupplementPlanRequest(dri ?? Woman, true, Mass.FromMilligrams(usualMg), form is null ? null : SupplementForms.Find(form), perUnit, egfr, kidney,
            [.. meds.Select(m => new MedicationTime(Medications.Find(m.Id)!, new TimeOnly(m.Hour, m.Minute)))]));

    [Fact]
    public void Plan_FillsTheGapToTheRda_InOneDoseUpToThePerDoseLimit()
    {
        var p = Plan(200); // 320 − 200 = 120 mg ≤ 125 mg a dose (BfR 2017: 250 mg a day in at least two intakes)
        Assert.Equal(120, p.Gap.Milligrams);
        Assert.Equal(120, p.Elemental.Milligrams);
        Assert.Single(p.Schedule);
    }

    [Fact]
    public void Plan_SplitsADailyAmountAboveThePerDoseLimit_IntoDosesHoursApart()
    {
        var p = Plan(100); // 220 mg > 125 mg: two doses
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

    // Audit 1.16: the old rule (half the UL) was unsourced and broken by its own code: one 250 mg tablet gave one 250 mg dose,
    // three 100 mg tablets gave 200 + 100 mg. BfR 2017 (press release 50/2017): "the maximum daily dose be divided between at
    // least two intakes per day" (250 mg): no dose above 125 mg, for every gap and unit size.
    [Fact]
    public void EveryDose_IsAtMostThePerDoseLimit_ForEveryGapAndUnit()
    {
        foreach (var usual in Enumerable.Range(0, 33).Select(i => i * 10.0))
        {
            foreach (var perUnit in (double?[])[null, 25, 40, 50, 62.5, 100, 120, 125, 150, 250])
            {
                var p = Plan(usual, perUnit: perUnit);
                Assert.All(p.Schedule, d => Assert.True(d.Elemental.Milligrams <= SupplementPlanner.PerDoseLimitMg + 1e-9, $"{usual} mg food, {perUnit} mg units: {d.Elemental}"));
                Assert.Equal(p.Elemental.Milligrams, p.Schedule.Sum(d => d.Elemental.Milligrams), 0.5);
                Assert.True(p.Elemental <= p.SupplementalUl!.Value);
                if (perUnit is { } u)
                    Assert.All(p.Schedule, d => Assert.Equal(0, d.Elemental.Milligrams % u, 6));
            }
        }
    }

    [Fact]
    public void OneTabletAboveTheLimit_IsRefused_AndThreeSmallOnesGoInThreeDoses()
    {
        var big = Plan(0, perUnit: 250);
        Assert.Equal(Mass.Zero, big.Elemental);
        Assert.Contains(big.Warnings, w => w.StartsWith("no dose with this product: one unit holds 250 mg, more than the 125 mg a dose may hold", StringComparison.Ordinal));
        var small = Plan(20, perUnit: 100); // gap 300 mg: three 100 mg tablets, one a dose
        Assert.Equal(3, small.Units);
        Assert.Equal([100.0, 100.0, 100.0], small.Schedule.Select(d => d.Elemental.Milligrams));
        Assert.Equal(3, Plan(0).Schedule.Count); // 320 mg elemental: three doses of 106.7 mg
    }

    // Audit 1.17: the cap is IOM's; the EU figure (SCF 2001 UL; BfR 2017 maximum) is 250 mg a day for adults.
    [Fact]
    public void Plan_ShowsTheEuFigureBesideIoms()
    {
        var p = Plan(0);
        Assert.Contains(p.Sources, s => s.Contains("the EU's is 250 mg a day for adults", StringComparison.Ordinal));
        Assert.Contains(p.Warnings, w => w.Contains("above the EU's 250 mg for supplements", StringComparison.Ordinal));
        Assert.DoesNotContain(Plan(200).Warnings, w => w.Contains("EU's", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_CountsTheSupplementAlreadyTaken()
    {
        var more = SupplementPlanner.Plan(Request(100) with { AlreadyTaken = Mass.FromMilligrams(150) }); // gap 220, 150 taken: 70 more
        Assert.Equal(70, more.Elemental.Milligrams, 6);
        Assert.Contains(more.Warnings, w => w.StartsWith("you already take 150 mg a day from supplements: this plan adds 70 mg more, 220 mg in all", StringComparison.Ordinal));
        var none = SupplementPlanner.Plan(Request(200) with { AlreadyTaken = Mass.FromMilligrams(200) });
        Assert.Equal(Mass.Zero, none.Elemental);
        Assert.Contains(none.Warnings, w => w.StartsWith("no more: the 200 mg a day you already take covers the gap", StringComparison.Ordinal));
    }

    // Audit 1.18-1.20 (UK SmPC, magnesium aspartate): GFR < 30 contraindicated; serum magnesium monitored every 3–6 months in
    // renal impairment; bradycardia a contraindication. Above the IOM/ODS serum interval (0.95 mmol/L) no dose is planned.
    [Fact]
    public void Plan_KeepsTheKidneySerumAndHeartRules()
    {
        Assert.Contains(Plan(100, egfr: 45).Warnings, w => w.StartsWith("eGFR 45: the kidneys clear magnesium less well; have serum magnesium checked every 3–6 months", StringComparison.Ordinal));
        Assert.DoesNotContain(Plan(100, egfr: 75).Warnings, w => w.Contains("every 3–6 months", StringComparison.Ordinal));
        Assert.Contains(Plan(100).Warnings, w => w.Contains("bradycardia", StringComparison.Ordinal));
        var high = SupplementPlanner.Plan(Request(100) with { SerumMagnesiumMmolL = 1.0 });
        Assert.Equal(Mass.Zero, high.Elemental);
        Assert.Contains(high.Warnings, w => w.StartsWith("no dose: your latest serum magnesium (1.00 mmol/L) is above the reference interval", StringComparison.Ordinal));
        Assert.Equal(220, SupplementPlanner.Plan(Request(100) with { SerumMagnesiumMmolL = 0.80 }).Elemental.Milligrams, 6);
    }

    // Audit 1b: raltegravir's label advises against Al/Mg antacids "coadministration or staggered administration".
    [Fact]
    public void Raltegravir_StopsThePlan()
    {
        var p = Plan(100, meds: ("raltegravir", 8, 0));
        Assert.Equal(Mass.Zero, p.Elemental);
        Assert.Contains(p.Warnings, w => w.StartsWith("no dose: magnesium antacids and supplements are not recommended with raltegravir", StringComparison.Ordinal));
    }

    // Audit 1.5 and 1.21: a weekly bisphosphonate does not shape every day; it gets a rule for its own day.
    [Fact]
    public void AWeeklyMedicine_GetsADayRule_NotADailyConstraint()
    {
        var weekly = SupplementPlanner.Plan(Request(100, [new MedicationTime(Medications.Find("bisphosphonate")!, new TimeOnly(8, 0), DoseFrequency.Weekly)]));
        Assert.Equal(2, weekly.Schedule.Count);
        Assert.Contains(weekly.Warnings, w => w.StartsWith("on the day you take Oral bisphosphonates (alendronate, risedronate, ibandronate) (weekly, 08:00), skip any magnesium dose less than 4 h before it or 4 h after it", StringComparison.Ordinal));
        // Ciprofloxacin twice a day (08:00 and 20:00): every dose keeps both.
        var twice = Plan(100, meds: [("ciprofloxacin", 8, 0), ("ciprofloxacin", 20, 0)]);
        var cipro = Medications.Find("ciprofloxacin")!;
        Assert.All(twice.Schedule, d => Assert.True(cipro.Allows(d.Time, new TimeOnly(8, 0)) && cipro.Allows(d.Time, new TimeOnly(20, 0)), d.Time.ToString()));
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
    [InlineData("bictegravir", 8, 0)]
    [InlineData("cabotegravir", 8, 0)]
    [InlineData("rilpivirine", 9, 0)]
    [InlineData("dasatinib", 8, 0)]
    [InlineData("iron", 8, 0)]
    [InlineData("hydroxychloroquine", 20, 0)]
    [InlineData("mycophenolate", 8, 0)]
    [InlineData("digoxin", 9, 0)]
    [InlineData("penicillamine", 7, 0)]
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

    // Audit 1.2, 1.4, 1.5, 1.6, 1.9, 1.10: the table's rule "where sources differ the longer interval is used".
    [Theory]
    [InlineData("levofloxacin", 2.0, 6.0)]   // label 2 h either way; ODS 2 h before or 4–6 h after
    [InlineData("tetracycline", 3.0, 6.0)]   // ODS 2 h before / 4–6 h after; UK SmPC emc 12118 2–3 h
    [InlineData("bisphosphonate", 4.0, 4.0)] // UK SmPC emc 12118: magnesium 3–4 h before or after
    [InlineData("cabotegravir", 4.0, 2.0)]   // antacids ≥ 2 h before or ≥ 4 h after oral cabotegravir
    [InlineData("rilpivirine", 4.0, 2.0)]
    [InlineData("penicillamine", 4.0, 4.0)]  // UK SmPC emc 12118 3–4 h
    public void Intervals_UseTheLongerOfTheSources(string id, double before, double after)
    {
        var m = Medications.Find(id)!;
        Assert.Equal(before, m.HoursBefore);
        Assert.Equal(after, m.HoursAfter);
    }

    [Fact]
    public void Citations_AreTheRightOnes()
    {
        // Gabapentin: ODS does not list it (audit 1.10); emc 4841 was cited for two medicines (audit 1.6, 1.9).
        Assert.DoesNotContain(Medications.Find("gabapentin")!.Sources, s => s.Contains("ODS", StringComparison.Ordinal));
        Assert.Contains(Medications.Find("gabapentin")!.Sources, s => s.Contains("Yagi", StringComparison.Ordinal));
        Assert.DoesNotContain(Medications.All.SelectMany(m => m.Sources), s => s.Contains("emc 4841", StringComparison.Ordinal) || s.Contains("emc 2678", StringComparison.Ordinal));
        foreach (var id in (string[])["raltegravir", "bictegravir", "cabotegravir", "rilpivirine", "penicillamine", "iron", "hydroxychloroquine", "mycophenolate", "digoxin", "dasatinib"])
            Assert.NotNull(Medications.Find(id));
        Assert.Equal(MedicationEffect.Avoid, Medications.Find("raltegravir")!.Effect);
        Assert.Equal(MedicationEffect.Depleting, Medications.Find("foscarnet")!.Effect);
        Assert.Equal(MedicationEffect.Depleting, Medications.Find("pentamidine")!.Effect);
    }
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
