using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Tests.Intake;

public sealed class AmountsTests
{
    private static readonly FoodPortion[] SpinachPortions = [new("1 cup", 30), new("1 bunch", 340)]; // SR28 11457

    [Theory]
    [InlineData("1 cup", 2, 60)]
    [InlineData(" 1 CUP ", 1, 30)]
    [InlineData("1 bunch", 0.5, 170)]
    [InlineData("g", 125, 125)]
    [InlineData("oz", 1, 28.349523125)]   // avoirdupois ounce, exact
    [InlineData("lb", 2, 907.18474)]      // avoirdupois pound, exact
    public void ToGrams_ResolvesPortionsAndUnits(string portion, double quantity, double grams) =>
        Assert.Equal(grams, Amounts.ToGrams(portion, quantity, SpinachPortions, out _)!.Value, 9);

    [Fact]
    public void ToGrams_UnknownPortion_ListsTheFoodsPortions()
    {
        Assert.Null(Amounts.ToGrams("1 bowl", 1, SpinachPortions, out var problem));
        Assert.Equal("unknown portion \"1 bowl\"; this food's portions: \"1 cup\", \"1 bunch\", g, oz, lb", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ToGrams_RejectsNonPositiveQuantities(double quantity) =>
        Assert.Null(Amounts.ToGrams("1 cup", quantity, SpinachPortions, out _));

    [Fact]
    public void ToGrams_RejectsMoreThan5KgInOneEntry()
    {
        Assert.Null(Amounts.ToGrams("1 bunch", 15, SpinachPortions, out var problem));
        Assert.Contains("implausible", problem, StringComparison.Ordinal);
    }
}

public sealed class FoodRefTests
{
    [Theory]
    [InlineData("11457", FoodSource.Catalog, "11457")]
    [InlineData("9040", FoodSource.Catalog, "09040")]
    [InlineData("c3", FoodSource.Custom, "c3")]
    [InlineData("R12", FoodSource.Recipe, "r12")]
    public void Parse_ReadsTheThreeKinds(string text, FoodSource source, string id) =>
        Assert.Equal(new FoodRef(source, id), FoodRef.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("c")]
    [InlineData("c0")]
    [InlineData("x1")]
    [InlineData("spinach")]
    public void Parse_RejectsEverythingElse(string text) => Assert.Null(FoodRef.Parse(text));

    [Theory]
    [InlineData("fdc:2346403", "fdc:2346403")]
    [InlineData(" FDC:2346403 ", "fdc:2346403")]
    [InlineData("ifct:a001", "ifct:A001")]
    [InlineData("9040", "09040")]
    public void FoodId_HasOneNormalForm(string text, string normal)
    {
        Assert.True(FoodId.TryParse(text, out var id));
        Assert.Equal(normal, id.Value);
        Assert.Equal(FoodRef.Catalog(id), FoodRef.Parse(text));
    }

    [Theory]
    [InlineData("fdc:0123")]
    [InlineData("fdc:1234567890")]
    [InlineData("ifct:A01")]
    [InlineData("ifct:1001")]
    [InlineData("ndb:11457")]
    public void FoodId_RefusesOtherShapes(string text)
    {
        Assert.False(FoodId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => FoodId.Parse(text));
    }

    [Fact]
    public void FoodId_NotFound_NamesTheIdsKind()
    {
        Assert.Equal("no food with NDB number 99999", FoodId.Parse("99999").NotFound());
        Assert.Equal("no food with id fdc:1", FoodId.Parse("fdc:1").NotFound());
    }

    // The store's own ids: printed and read back the same, each kind only under its own letter.
    [Theory]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(long.MaxValue)]
    public void OwnIds_RoundTrip(long row)
    {
        Assert.True(CustomFoodId.TryParse(new CustomFoodId(row).ToString(), out var c) && c.Value == row);
        Assert.True(RecipeId.TryParse(new RecipeId(row).ToString(), out var r) && r.Value == row);
        Assert.True(ProductId.TryParse(new ProductId(row).ToString(), out var p) && p.Value == row);
        Assert.Equal(row, FoodRef.Custom(new CustomFoodId(row)).RowId);
        Assert.Equal(row, FoodRef.Recipe(new RecipeId(row)).RowId);
        Assert.False(RecipeId.TryParse(new CustomFoodId(row).ToString(), out _));
        Assert.False(ProductId.TryParse(new RecipeId(row).ToString(), out _));
    }

    [Theory]
    [InlineData("p0")]
    [InlineData("p01")]
    [InlineData("p-1")]
    [InlineData("p+1")]
    [InlineData("p9223372036854775808")]
    [InlineData("p1.5")]
    public void ProductId_RefusesWhatTheStoreNeverIssues(string text) => Assert.False(ProductId.TryParse(text, out _));

    [Fact]
    public void RowId_OfACatalogueFood_Throws() =>
        Assert.Throws<InvalidOperationException>(() => FoodRef.Catalog(FoodId.Parse("11457")).RowId);
}

public sealed class DiaryProfileTests
{
    private static DiaryProfile Born(DateOnly birth, Sex sex = Sex.Female, DatePeriod[]? pregnancies = null) =>
        new(sex, birth, null, null, pregnancies ?? [], [], null, []);

    [Fact]
    public void LifeStageOn_ChangesBandOnTheBirthday()
    {
        // Born 1995-03-10: 30 the day before the 2026 birthday (Females 19–30 y, RDA 310), 31 on it (31–50 y, RDA 320).
        var p = Born(new DateOnly(1995, 3, 10));
        Assert.Equal(AgeBand.Years19To30, p.LifeStageOn(new DateOnly(2026, 3, 9)).Band);
        Assert.Equal(AgeBand.Years31To50, p.LifeStageOn(new DateOnly(2026, 3, 10)).Band);
    }

    [Fact]
    public void LifeStageOn_FollowsAPregnancy()
    {
        var p = Born(new DateOnly(1995, 1, 1), pregnancies: [new DatePeriod(new DateOnly(2026, 5, 1), new DateOnly(2027, 1, 15))]);
        Assert.Equal(Reproduction.None, p.LifeStageOn(new DateOnly(2026, 4, 30)).Reproduction);
        Assert.Equal(Reproduction.Pregnant, p.LifeStageOn(new DateOnly(2026, 5, 1)).Reproduction);
        Assert.Equal(Reproduction.None, p.LifeStageOn(new DateOnly(2027, 1, 16)).Reproduction);
    }

    [Fact]
    public void AgeOn_GrowsFromTheDayTheAgeWasRecorded()
    {
        var p = new DiaryProfile(Sex.Male, null, 30, new DateOnly(2026, 6, 1), [], [], null, []);
        Assert.Equal((30, 0), p.AgeOn(new DateOnly(2027, 5, 31)));
        Assert.Equal((31, 0), p.AgeOn(new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void AgeOn_CountsMonthsForInfants() =>
        Assert.Equal((0, 7), Born(new DateOnly(2026, 3, 15)).AgeOn(new DateOnly(2026, 10, 15)));

    [Theory]
    [InlineData("male-pregnant", ProfileField.Pregnancies, "pregnancy applies only to females")]
    [InlineData("too-old", ProfileField.Pregnancies, "the IOM 1997 tables end at 50")]
    [InlineData("reversed", ProfileField.Pregnancies, "ends (2026-01-01) before it starts (2026-02-01)")]
    [InlineData("future-birth", ProfileField.BirthDate, "must be in the past")]
    [InlineData("long", ProfileField.Pregnancies, "longer than 44 weeks")]
    public void Validate_RejectsImpossibleProfiles_NamingTheField(string kind, ProfileField field, string message)
    {
        var today = new DateOnly(2026, 11, 26);
        var p = kind switch
        {
            "male-pregnant" => Born(new DateOnly(1990, 1, 1), Sex.Male, [new DatePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 1))]),
            "too-old" => Born(new DateOnly(1970, 1, 1), pregnancies: [new DatePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 1))]),
            "reversed" => Born(new DateOnly(1990, 1, 1), pregnancies: [new DatePeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1))]),
            "future-birth" => Born(new DateOnly(2027, 1, 1)),
            _ => Born(new DateOnly(1990, 1, 1), pregnancies: [new DatePeriod(new DateOnly(2025, 1, 1), new DateOnly(2026, 9, 1))]),
        };
        var problem = p.Validate(today);
        Assert.NotNull(problem);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    // A problem that names other fields says them in the caller's words, with or without its own name in front.
    [Fact]
    public void Validate_NamesTheOtherFieldsInTheFacesWords()
    {
        var both = new DiaryProfile(Sex.Female, new DateOnly(1990, 1, 1), 36, new DateOnly(2026, 11, 26), [], [], null, []);
        var problem = both.Validate(new DateOnly(2026, 11, 26));
        Assert.NotNull(problem);
        Assert.Equal(ProfileField.BirthDate, problem.Field);
        Assert.Equal("give exactly one of birthDate and ageYears", problem.Describe(f => f == ProfileField.BirthDate ? "birthDate" : "ageYears"));
        Assert.Equal("--birth-date: give exactly one of --birth-date and --age", problem.Render(f => f == ProfileField.BirthDate ? "--birth-date" : "--age"));
    }
}

public sealed class DayReportTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static readonly DiaryProfile Woman34 = new(Sex.Female, new DateOnly(1992, 1, 1), null, null, [], [], null, []);

    private static IntakeItem Food(long id, string key, double grams, double mgPer100g, double caPer100g, double kcalPer100g) =>
        new(id, IntakeKind.Food, key, key, Day, null, grams,
            new Nutrients(Mass.FromMilligrams(mgPer100g), Mass.FromMilligrams(caPer100g), Mass.Zero, kcalPer100g).Scale(grams / 100));

    private static IntakeItem Supplement(long id, double mg, double caMg = 0) =>
        new(id, IntakeKind.Supplement, "supplement:citrate", "citrate", Day, null, null, new Nutrients(Mass.FromMilligrams(mg), Mass.FromMilligrams(caMg), Mass.Zero, 0));

    // Hand-computed from SR28 rows: spinach, raw (11457) 79 mg Mg, 99 mg Ca, 23 kcal per 100 g; pumpkin and squash
    // seed kernels, dried (12014) 592 mg Mg, 46 mg Ca, 559 kcal per 100 g.
    // 2 cups spinach = 60 g → 47.4 mg Mg, 59.4 mg Ca, 13.8 kcal; 1 oz seeds = 28.349523125 g → 167.829177 mg Mg
    // (to the µg: 167.829), 13.041 mg Ca, 158.474 kcal; supplement 200 mg Mg and 100 mg Ca.
    // Total Mg = 47.4 + 167.829 + 200 = 415.229 mg; women 31–50 y: EAR 265, RDA 320, UL 350 (IOM 1997).
    [Fact]
    public void Compute_AddsFoodsAndSupplementsExactly()
    {
        IReadOnlyList<IntakeItem> items =
        [
            Food(1, "11457", 60, 79, 99, 23),
            Food(2, "12014", Amounts.GramsPerOunce, 592, 46, 559),
            Supplement(3, 200, 100),
        ];
        var d = DayReport.Compute(Day, Woman34, items, []);
        Assert.Equal(215_229, d.MagnesiumFood.Micrograms);
        Assert.Equal(200_000, d.MagnesiumSupplement.Micrograms);
        Assert.Equal(415_229, d.MagnesiumTotal.Micrograms);
        Assert.Equal(59_400 + 13_041 + 100_000, d.Calcium.Micrograms);
        Assert.Equal(129.76, Math.Round(d.PercentOfRda, 2));   // 415.229 / 320
        Assert.Equal(IntakeStatus.MeetsRda, d.Status);
        Assert.False(d.SupplementalAboveUl);                      // 200 mg ≤ 350 mg
        Assert.Equal(172.441 / 415.229, d.CalciumToMagnesiumRatio!.Value, 6);
        Assert.Equal(215.229 / (13.8 + 158.4738) * 1000, d.MagnesiumMgPer1000Kcal!.Value, 1);
    }

    [Fact]
    public void SupplementalUl_AppliesToSupplementsOnly()
    {
        // 1,200 mg from food is fine however large: the UL excludes food (IOM 1997).
        var foodOnly = DayReport.Compute(Day, Woman34, [Food(1, "12014", 202.7, 592, 46, 559)], []);
        Assert.False(foodOnly.SupplementalAboveUl);
        // 351 mg from supplements exceeds the 350 mg UL even with nothing else.
        Assert.True(DayReport.Compute(Day, Woman34, [Supplement(1, 351)], []).SupplementalAboveUl);
        Assert.False(DayReport.Compute(Day, Woman34, [Supplement(1, 350)], []).SupplementalAboveUl);
    }

    [Theory]
    [InlineData(264.999, IntakeStatus.BelowEar)]
    [InlineData(265, IntakeStatus.EarToRda)]
    [InlineData(319.999, IntakeStatus.EarToRda)]
    [InlineData(320, IntakeStatus.MeetsRda)]
    public void Status_UsesTheEarAndRdaAsThresholds(double mg, IntakeStatus status) =>
        Assert.Equal(status, DayReport.Compute(Day, Woman34, [Supplement(1, mg)], []).Status);

    [Fact]
    public void Infants_AreJudgedAgainstTheAi()
    {
        var baby = new DiaryProfile(Sex.Male, new DateOnly(2026, 6, 1), null, null, [], [], null, []);
        var d = DayReport.Compute(Day, baby, [Food(1, "milk", 100, 3, 32, 70)], []);
        Assert.Equal("Infants 0–6 mo", d.Dri.LifeStage.Label);
        Assert.Equal(10.0, d.PercentOfRda, 6);                  // 3 mg of a 30 mg AI
        Assert.Equal(IntakeStatus.EarToRda, d.Status);
        Assert.False(d.SupplementalAboveUl);
    }

    [Fact]
    public void EmptyDay_HasNoRatiosAndIsNotLogged()
    {
        var d = DayReport.Compute(Day, Woman34, [], []);
        Assert.Null(d.CalciumToMagnesiumRatio);
        Assert.Null(d.MagnesiumMgPer1000Kcal);
        Assert.False(d.Logged);
        Assert.Equal(IntakeStatus.BelowEar, d.Status);
    }
}

public sealed class PeriodReportTests
{
    [Fact]
    public void Compute_UsesEachDaysLifeStage_AcrossABirthdayAndAPregnancy()
    {
        // Born 1995-03-10; pregnant from 2026-03-12. RDA: 310 (19–30 y) → 320 (31–50 y, 2026-03-10) → 360 (pregnancy 31–50 y).
        var profile = new DiaryProfile(Sex.Female, new DateOnly(1995, 3, 10), null, null,
            [new DatePeriod(new DateOnly(2026, 3, 12), new DateOnly(2026, 12, 1))], [], null, []);
        var items = new List<IntakeItem>();
        for (var d = new DateOnly(2026, 3, 8); d <= new DateOnly(2026, 3, 13); d = d.AddDays(1))
            items.Add(new IntakeItem(items.Count + 1, IntakeKind.Food, "12014", "seeds", d, null, 50, new Nutrients(Mass.FromMilligrams(296), Mass.Zero, Mass.Zero, 280)));
        var r = PeriodReport.Compute(new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 13), profile, items, []);
        Assert.Equal([310, 310, 320, 320, 360, 360], r.Days.Select(d => (int)d.Dri.Rda!.Value.Milligrams));
        Assert.Equal(["Females 19–30 y", "Females 19–30 y", "Females 31–50 y", "Females 31–50 y", "Pregnancy 31–50 y", "Pregnancy 31–50 y"], r.Days.Select(d => d.Dri.LifeStage.Label));
        // 296 mg: at or above the EAR (255 / 265) until pregnancy raises it to 300.
        Assert.Equal(2, r.DaysBelowEar);
    }

    [Fact]
    public void Compute_AveragesLoggedDaysOnly_RanksFoods_CountsSymptoms()
    {
        var profile = new DiaryProfile(Sex.Male, null, 40, new DateOnly(2026, 1, 1), [], [], null, []);
        var d1 = new DateOnly(2026, 11, 1);
        var d3 = new DateOnly(2026, 11, 3);
        IntakeItem Item(long id, DateOnly day, string key, double mg, IntakeKind kind = IntakeKind.Food) =>
            new(id, kind, key, key, day, null, kind == IntakeKind.Food ? 100 : null, new Nutrients(Mass.FromMilligrams(mg), Mass.Zero, Mass.Zero, 100));
        // Men 31–50 y: EAR 350. Day 1: 300 mg (below); day 2: nothing logged (not counted); day 3: 650 mg.
        var items = new[] { Item(1, d1, "a", 100), Item(2, d1, "b", 200), Item(3, d3, "a", 150), Item(4, d3, "supplement:oxide", 500, IntakeKind.Supplement) };
        var symptoms = new[] { new SymptomEntry(5, d1, "fatigue", 2, null), new SymptomEntry(6, d3, "fatigue", 4, "x"), new SymptomEntry(7, d3, "nausea", 1, null) };
        var r = PeriodReport.Compute(d1, d3, profile, items, symptoms);
        Assert.Equal(3, r.Days.Count);
        Assert.Equal(2, r.LoggedDays.Count);
        Assert.Equal((300 + 650) / 2.0, r.Mean(d => d.MagnesiumTotal.Milligrams));
        Assert.Equal(["a", "b"], r.TopFoods.Select(f => f.Key));      // supplements are not foods
        Assert.Equal(250, r.TopFoods[0].Magnesium.Milligrams);
        Assert.Equal(("fatigue", 2, 4), (r.Symptoms[0].SignId, r.Symptoms[0].Count, r.Symptoms[0].MaxSeverity));
        Assert.Equal(1, r.DaysBelowEar);
    }

    [Fact]
    public void Compute_RejectsReversedAndOverlongPeriods()
    {
        var profile = new DiaryProfile(Sex.Male, null, 40, new DateOnly(2026, 1, 1), [], [], null, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodReport.Compute(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), profile, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodReport.Compute(new DateOnly(1990, 1, 1), new DateOnly(2026, 1, 1), profile, [], []));
    }
}

public sealed class SupplementsTests
{
    // 1,000 mg trimagnesium dicitrate × 16.16 % (3 × 24.305 / 451.11) = 161.6 mg elemental magnesium.
    [Fact]
    public void ElementalFromCompound_UsesTheFormsPercentage() =>
        Assert.Equal(161.6, Supplements.ElementalFromCompound(SupplementForms.Find("citrate")!, 1000).Milligrams, 1);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    [InlineData(double.NaN)]
    public void Check_RejectsImplausibleDoses(double mg) => Assert.NotNull(Supplements.Check(mg));
}
