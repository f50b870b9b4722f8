using Magnesia.References;

namespace Magnesia.Tests.References;

public sealed class MagnesiumDriTests
{
    // Every row of the magnesium DRI table, mg/day. RDA/AI: IOM 1997 ch. 6 summary table, reproduced in NIH ODS
    // "Magnesium: Fact Sheet for Health Professionals" Table 1 and NASEM NBK545442 Appendix J Table 3.
    // EAR: IOM 1997 p. 219 (14–18 y 340/300), p. 239 (pregnancy 335/290/300), p. 241 (lactation 300/255/265),
    // and the adult/child EARs of ch. 6 (65, 110, 200, 330, 350, 255, 265).
    // UL (supplemental Mg only): IOM 1997 — none for infants, 65 (1–3 y), 110 (4–8 y), 350 (≥9 y).
    // -1 stands for "not set".
    [Theory]
    [InlineData(0, 3, "female", "", -1, -1, 30, -1)]
    [InlineData(0, 9, "male", "", -1, -1, 75, -1)]
    [InlineData(2, 0, "male", "", 65, 80, -1, 65)]
    [InlineData(6, 0, "female", "", 110, 130, -1, 110)]
    [InlineData(11, 0, "male", "", 200, 240, -1, 350)]
    [InlineData(11, 0, "female", "", 200, 240, -1, 350)]
    [InlineData(16, 0, "male", "", 340, 410, -1, 350)]
    [InlineData(16, 0, "female", "", 300, 360, -1, 350)]
    [InlineData(25, 0, "male", "", 330, 400, -1, 350)]
    [InlineData(25, 0, "female", "", 255, 310, -1, 350)]
    [InlineData(40, 0, "male", "", 350, 420, -1, 350)]
    [InlineData(40, 0, "female", "", 265, 320, -1, 350)]
    [InlineData(60, 0, "male", "", 350, 420, -1, 350)]
    [InlineData(60, 0, "female", "", 265, 320, -1, 350)]
    [InlineData(80, 0, "male", "", 350, 420, -1, 350)]
    [InlineData(80, 0, "female", "", 265, 320, -1, 350)]
    [InlineData(16, 0, "female", "pregnant", 335, 400, -1, 350)]
    [InlineData(25, 0, "female", "pregnant", 290, 350, -1, 350)]
    [InlineData(40, 0, "female", "pregnant", 300, 360, -1, 350)]
    [InlineData(16, 0, "female", "lactating", 300, 360, -1, 350)]
    [InlineData(25, 0, "female", "lactating", 255, 310, -1, 350)]
    [InlineData(40, 0, "female", "lactating", 265, 320, -1, 350)]
    public void For_MatchesThePublishedTable(int years, int months, string sex, string status, int ear, int rda, int ai, int ul)
    {
        var reproduction = status switch { "pregnant" => Reproduction.Pregnant, "lactating" => Reproduction.Lactating, _ => Reproduction.None };
        var dri = MagnesiumDris.For(LifeStage.Create(years, months, LifeStage.ParseSex(sex)!.Value, reproduction));
        Assert.Equal(ear, (int?)dri.Ear?.Milligrams ?? -1);
        Assert.Equal(rda, (int?)dri.Rda?.Milligrams ?? -1);
        Assert.Equal(ai, (int?)dri.Ai?.Milligrams ?? -1);
        Assert.Equal(ul, (int?)dri.SupplementalUl?.Milligrams ?? -1);
    }

    // IOM 1997 p. 239: the pregnancy EAR is the non-pregnant EAR of the same age plus 35 mg/day.
    [Theory]
    [InlineData(16)]
    [InlineData(25)]
    [InlineData(40)]
    public void PregnancyEar_IsNonPregnantEarPlus35(int years)
    {
        var pregnant = MagnesiumDris.For(LifeStage.Adult(years, Sex.Female, Reproduction.Pregnant)).Ear!.Value;
        var not = MagnesiumDris.For(LifeStage.Adult(years, Sex.Female)).Ear!.Value;
        Assert.Equal(35, pregnant.Milligrams - not.Milligrams);
    }

    // The popular article this project grew from lost the "Men" heading above the 410/400/420/420 rows.
    [Fact]
    public void MenAndWomenDiffer_FromAge14()
    {
        foreach (var years in new[] { 16, 25, 40, 60, 80 })
            Assert.True(MagnesiumDris.For(LifeStage.Adult(years, Sex.Male)).Rda > MagnesiumDris.For(LifeStage.Adult(years, Sex.Female)).Rda);
    }

    [Fact]
    public void Infants_HaveAnAiButNoRdaEarOrUl()
    {
        var dri = MagnesiumDris.For(LifeStage.Infant(5, Sex.Female));
        Assert.Null(dri.Rda);
        Assert.Null(dri.Ear);
        Assert.Null(dri.SupplementalUl);
        Assert.Equal(30, dri.Goal.Milligrams);
    }

    [Fact]
    public void EveryRow_CitesTheIomReport() =>
        Assert.Contains(Sources.Iom1997, MagnesiumDris.For(LifeStage.Adult(30, Sex.Female)).Sources);
}
