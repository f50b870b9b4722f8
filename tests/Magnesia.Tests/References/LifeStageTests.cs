using Magnesia.References;

namespace Magnesia.Tests.References;

public sealed class LifeStageTests
{
    [Theory]
    [InlineData(5, Sex.Female, Reproduction.Pregnant, "pregnancy is accepted only for ages 10 to 50")]
    [InlineData(30, Sex.Male, Reproduction.Lactating, "lactation applies only to females")]
    [InlineData(30, Sex.Male, Reproduction.Pregnant, "pregnancy applies only to females")]
    [InlineData(55, Sex.Female, Reproduction.Pregnant, "the IOM 1997 tables end at 50")]
    [InlineData(131, Sex.Female, Reproduction.None, "age must be between 0 and 130")]
    [InlineData(-1, Sex.Male, Reproduction.None, "age must be between 0 and 130")]
    public void Create_RejectsInvalidCombinations(int years, Sex sex, Reproduction reproduction, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => LifeStage.Create(years, 0, sex, reproduction));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(-1)]
    public void Create_RejectsMonthsOutsideZeroToEleven(int months) =>
        Assert.Throws<ArgumentException>(() => LifeStage.Create(0, months, Sex.Female));

    [Theory]
    [InlineData(0, 0, AgeBand.Months0To6)]
    [InlineData(0, 6, AgeBand.Months0To6)]
    [InlineData(0, 7, AgeBand.Months7To12)]
    [InlineData(0, 11, AgeBand.Months7To12)]
    [InlineData(1, 0, AgeBand.Years1To3)]
    [InlineData(3, 11, AgeBand.Years1To3)]
    [InlineData(4, 0, AgeBand.Years4To8)]
    [InlineData(8, 0, AgeBand.Years4To8)]
    [InlineData(9, 0, AgeBand.Years9To13)]
    [InlineData(13, 0, AgeBand.Years9To13)]
    [InlineData(14, 0, AgeBand.Years14To18)]
    [InlineData(18, 0, AgeBand.Years14To18)]
    [InlineData(19, 0, AgeBand.Years19To30)]
    [InlineData(30, 0, AgeBand.Years19To30)]
    [InlineData(31, 0, AgeBand.Years31To50)]
    [InlineData(50, 0, AgeBand.Years31To50)]
    [InlineData(51, 0, AgeBand.Years51To70)]
    [InlineData(70, 0, AgeBand.Years51To70)]
    [InlineData(71, 0, AgeBand.Over70)]
    public void Band_FollowsTheIomAgeBands(int years, int months, AgeBand band) =>
        Assert.Equal(band, LifeStage.Create(years, months, Sex.Female).Band);

    [Theory]
    [InlineData(25, Sex.Female, Reproduction.None, "Females 19–30 y")]
    [InlineData(25, Sex.Male, Reproduction.None, "Males 19–30 y")]
    [InlineData(16, Sex.Female, Reproduction.Pregnant, "Pregnancy 14–18 y")]
    [InlineData(12, Sex.Female, Reproduction.Lactating, "Lactation ≤18 y")]
    [InlineData(2, Sex.Male, Reproduction.None, "Children 1–3 y")]
    public void Label_NamesTheDriGroup(int years, Sex sex, Reproduction reproduction, string label) =>
        Assert.Equal(label, LifeStage.Create(years, 0, sex, reproduction).Label);

    [Theory]
    [InlineData("female", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData(" Male ", Sex.Male)]
    public void ParseSex_AcceptsNamesAndInitials(string text, Sex sex) => Assert.Equal(sex, LifeStage.ParseSex(text));

    [Theory]
    [InlineData("woman")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseSex_RejectsAnythingElse(string? text) => Assert.Null(LifeStage.ParseSex(text));
}
