using Magnesia.Foods;

namespace Magnesia.Tests.Foods;

public sealed class GtinTests
{
    // GS1 General Specifications, "Check digit calculation" worked example: GTIN-13 629104150021? → check digit 3.
    // UPC-A 036000291452 (a commonly cited UPC-A), worked by hand: 3×(0+6+0+2+1+5) + (3+0+0+9+4) = 58 → 2.
    [Theory]
    [InlineData("629104150021", 3)]
    [InlineData("03600029145", 2)]
    public void CheckDigit_MatchesPublishedExamples(string body, int expected) => Assert.Equal(expected, Gtin.CheckDigit(body));

    [Theory]
    [InlineData("6291041500213", "06291041500213")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("0036000291452", "00036000291452")]
    [InlineData("00036000291452", "00036000291452")]
    [InlineData("0 36000 29145 2", "00036000291452")]
    public void Parse_ValidCodes_GiveOneFourteenDigitKey(string text, string digits)
    {
        Assert.Equal(digits, Gtin.Parse(text, out var problem)!.Value.Digits);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("036000291453", "check digit 3, expected 2")]
    [InlineData("03600029145", "11 digits")]
    [InlineData("0360002914A2", "not all digits")]
    [InlineData("", "empty")]
    public void Parse_InvalidCodes_SayWhy(string text, string why)
    {
        Assert.Null(Gtin.Parse(text, out var problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PrintsTheThirteenDigitForm() => Assert.Equal("0036000291452", Gtin.Parse("036000291452", out _)!.Value.ToString());
}
