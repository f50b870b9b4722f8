using CsCheck;
using Magnesia.Units;

namespace Magnesia.Tests.Units;

public sealed class MassTests
{
    [Theory]
    [InlineData(79.0, 79_000L)]
    [InlineData(0.0005, 1L)]      // half a microgram rounds away from zero
    [InlineData(0.0004, 0L)]
    [InlineData(592.123456, 592_123L)]
    public void FromMilligrams_RoundsToWholeMicrograms(double mg, long expected) =>
        Assert.Equal(expected, Mass.FromMilligrams(mg).Micrograms);

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromMilligrams_RejectsNegativeAndNonFinite(double mg) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Mass.FromMilligrams(mg));

    [Fact]
    public void FromMicrograms_RejectsNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Mass.FromMicrograms(-1));

    [Fact]
    public void Sum_IsIndependentOfOrder() =>
        Gen.Long[0, 10_000_000_000].Array[0, 50].Sample(values =>
        {
            var masses = values.Select(Mass.FromMicrograms).ToArray();
            var forward = masses.Aggregate(Mass.Zero, (a, b) => a + b);
            var backward = masses.Reverse().Aggregate(Mass.Zero, (a, b) => a + b);
            return forward == backward && forward.Micrograms == values.Sum();
        });

    [Fact]
    public void Milligrams_RoundTripsThroughFromMilligrams() =>
        Gen.Long[0, 1_000_000_000_000].Sample(ug => Mass.FromMilligrams(Mass.FromMicrograms(ug).Milligrams).Micrograms == ug);

    [Fact]
    public void Scale_IsMonotonicInTheFactor() =>
        Gen.Select(Gen.Long[0, 100_000_000], Gen.Double[0, 100], Gen.Double[0, 100]).Sample((ug, a, b) =>
        {
            var m = Mass.FromMicrograms(ug);
            return a <= b ? m.Scale(a) <= m.Scale(b) : m.Scale(a) >= m.Scale(b);
        });

    [Fact]
    public void Addition_ThrowsOnOverflowRatherThanWrapping() =>
        Assert.Throws<OverflowException>(() => Mass.FromMicrograms(long.MaxValue) + Mass.FromMicrograms(1));

    [Fact]
    public void ToString_PrintsMilligrams() => Assert.Equal("79 mg", Mass.FromMilligrams(79).ToString());
}
