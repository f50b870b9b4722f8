using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.References;
using Magnesia.Units;

namespace Magnesia.Tests.Intake;

/// <summary>
/// When an entry asks for confirmation (issue 22). RDA: IOM 1997 Table 6-5, women 31–50 y 320 mg, 1–3 y 80 mg; the
/// infant AI 0–6 months 30 mg. Egg 01123 measures from SR28 WEIGHT.txt: "1 large" 50 g, "1 medium" 44 g.
/// </summary>
public sealed class EntryPlausibilityTests
{
    private static readonly FoodPortion[] Egg = [new("1 large", 50), new("1 extra large", 56), new("1 jumbo", 63), new("1 cup (4.86 large eggs)", 243), new("1 medium", 44), new("1 small", 38)];
    private static readonly FoodPortion[] Cumin = [new("1 tbsp, whole", 6), new("1 tsp, whole", 2.1)]; // SR28 02014

    private static readonly MagnesiumDri Woman45 = MagnesiumDris.For(LifeStage.Adult(45, Sex.Female));

    [Fact]
    public void AMeal_AsksNothing() =>
        Assert.Empty(EntryPlausibility.Check(100, Mass.FromMilligrams(12), new AmountEntered("1 large", 2), Egg, Woman45));

    [Fact]
    public void MagnesiumAboveTheDaysRda_AsksWithTheRda()
    {
        var w = Assert.Single(EntryPlausibility.Check(129, Mass.FromMilligrams(764), new AmountEntered("1 cup", 1), [new("1 cup", 129)], Woman45));
        Assert.Equal(PlausibilityConcern.AboveDayRda, w.Concern);
        Assert.Equal("764 mg magnesium in one entry is more than your RDA for the whole day (320 mg): check the amount", w.Message);
        Assert.Empty(EntryPlausibility.Check(129, Mass.FromMilligrams(320), new AmountEntered("1 cup", 1), [new("1 cup", 129)], Woman45));
    }

    [Fact]
    public void AnInfant_IsMeasuredAgainstTheAi()
    {
        var w = Assert.Single(EntryPlausibility.Check(100, Mass.FromMilligrams(31), new AmountEntered("g", 100), [], MagnesiumDris.For(LifeStage.Infant(3, Sex.Male))));
        Assert.Contains("your AI for the whole day (30 mg)", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanASittingHolds_AsksAboutTheUnit()
    {
        Assert.Contains(EntryPlausibility.Check(1_501, Mass.FromMilligrams(10), new AmountEntered("g", 1_501), [], Woman45), w => w.Concern == PlausibilityConcern.TooHeavy);
        Assert.Empty(EntryPlausibility.Check(1_500, Mass.FromMilligrams(10), new AmountEntered("g", 1_500), [], Woman45));
    }

    [Fact]
    public void ACountTypedAsGrams_OffersTheItems()
    {
        var w = Assert.Single(EntryPlausibility.Check(2, Mass.FromMilligrams(0.24), new AmountEntered("g", 2), Egg, Woman45));
        Assert.Equal(PlausibilityConcern.CountTypedAsGrams, w.Concern);
        Assert.Equal("2 g is less than half of 1 large (50 g): did you mean 2 × 1 large = 100 g?", w.Message);
    }

    [Theory]
    [InlineData(2.0, "g")]    // 2 g of cumin is about a teaspoon: nothing to ask
    [InlineData(25.0, "g")]   // not a count people say of eggs
    [InlineData(2.5, "g")]    // not a whole count
    [InlineData(2.0, "oz")]   // not grams
    public void SmallWeightsThatAreNotCounts_AskNothing(double quantity, string unit)
    {
        var portions = quantity == 2.0 && unit == "g" ? Cumin : Egg;
        Assert.DoesNotContain(EntryPlausibility.Check(unit == "oz" ? 56.7 : quantity, Mass.FromMilligrams(1), new AmountEntered(unit, quantity), portions, Woman45),
            w => w.Concern == PlausibilityConcern.CountTypedAsGrams);
    }
}

/// <summary>The lines of a batch (<c>magnesia log batch</c>, <c>POST /api/diary/entries:batch</c>).</summary>
public sealed class BatchLinesTests
{
    [Fact]
    public void Read_TakesTheOptionalDateAndMealPrefix()
    {
        var (lines, problems) = BatchLines.Read("2 eggs\r\n2026-12-01,breakfast,1 cup brown rice\n,lunch,1 apple\n2026-12-02,,1 banana\n# comment\n\n1 cup, chopped broccoli\n");
        Assert.Empty(problems);
        Assert.Equal(
            [
                new BatchLine(1, null, null, "2 eggs"),
                new BatchLine(2, new DateOnly(2026, 12, 1), Meal.Breakfast, "1 cup brown rice"),
                new BatchLine(3, null, Meal.Lunch, "1 apple"),
                new BatchLine(4, new DateOnly(2026, 12, 2), null, "1 banana"),
                new BatchLine(7, null, null, "1 cup, chopped broccoli"),
            ],
            lines);
    }

    [Fact]
    public void Read_ACommaInASentence_IsNotAPrefix()
    {
        var (lines, _) = BatchLines.Read("rice, brown, cooked 1 cup\n");
        Assert.Equal("rice, brown, cooked 1 cup", Assert.Single(lines).Sentence);
    }

    [Theory]
    [InlineData("2026-13-01,lunch,1 apple", "date '2026-13-01' is not a day as yyyy-mm-dd")]
    [InlineData("2026-12-01,brunch,1 apple", "meal 'brunch' must be breakfast, lunch, dinner or snack (or empty)")]
    [InlineData("2026-12-01,lunch,", "no food after the date and meal")]
    public void Read_ABadPrefix_NamesItsLine(string line, string message)
    {
        var (lines, problems) = BatchLines.Read("1 apple\n" + line);
        Assert.Single(lines);
        Assert.Equal(new BatchLineProblem(2, line, message), Assert.Single(problems));
    }

    [Fact]
    public void Read_ALongSentence_IsAProblem()
    {
        var (_, problems) = BatchLines.Read(new string('a', BatchLines.MaxSentenceLength + 1));
        Assert.Equal("the sentence is longer than 200 characters", Assert.Single(problems).Message);
    }

    [Fact]
    public void UsualItem_IsTheMeasureABareCountMeans()
    {
        Assert.Equal("1 large", FoodSentence.UsualItem([new("1 large", 50), new("1 medium", 44)])?.Description);
        Assert.Equal("1 medium", FoodSentence.UsualItem([new("1 cup, sliced", 150), new("1 medium", 118)])?.Description);
        Assert.Null(FoodSentence.UsualItem([new("1 cup", 30)]));
    }
}
