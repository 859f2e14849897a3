using Workflow.Domain.Monitoring;

namespace Workflow.Domain.Tests.Monitoring;

public sealed class PerMilleTests
{
    [Theory]
    [InlineData(92_000_000, 920_000_000, 100)]
    [InlineData(1, 3, 333)]
    [InlineData(2, 3, 667)]
    [InlineData(1, 2_000, 1)] // 0,5 ‰ rounds away from zero
    [InlineData(0, 920_000_000, 0)]
    [InlineData(4_034_000_000_000, 4_034_000_000_000, 1000)]
    public void Of_WhenAmountsAreWholeDong_GivesThousandthsRoundedHalfAwayFromZero(long part, long whole, int expected) =>
        Assert.Equal(expected, PerMille.Of(part, whole));

    [Fact]
    public void Of_WhenNothingIsAllocated_IsZeroRatherThanAnError() => Assert.Equal(0, PerMille.Of(5_000_000, 0));

    [Fact]
    public void Format_WhenAPerMilleIsShown_ReadsAsAPercentWithADecimalComma() => Assert.Equal("65,8 %", PerMille.Format(658));
}
