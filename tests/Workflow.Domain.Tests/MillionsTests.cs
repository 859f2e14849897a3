using Workflow.Domain.Money;

namespace Workflow.Domain.Tests;

/// <summary>Millions as plans and charts print them: rounded in decimal arithmetic, parts that add up to their total.</summary>
public class MillionsTests
{
    [Theory]
    [InlineData(1_521_000_000, 3, "1.521 triệu")]
    [InlineData(674_072_000, 3, "674,072 triệu")]
    [InlineData(674_072_500, 3, "674,073 triệu")] // half away from zero
    [InlineData(674_072_499, 3, "674,072 triệu")]
    [InlineData(1_500_000, 0, "2 triệu")]
    [InlineData(-1_500_000, 0, "-2 triệu")]
    [InlineData(0, 3, "0 triệu")]
    [InlineData(9_007_199_254_740_993, 6, "9.007.199.254,740993 triệu")] // above 2^53: no digit lost, as a double would
    public void FormatMillions_WhenRounded_DropsTrailingZerosAndRoundsHalfAwayFromZero(long value, int decimals, string expected) =>
        Assert.Equal(expected, Vnd.FormatMillions(value, decimals));

    [Fact]
    public void FormatMillions_WithoutUnit_IsTheNumberAlone() =>
        Assert.Equal("0", Vnd.FormatMillions(0, 3, unit: false));

    [Fact]
    public void RoundMillionsAddingUp_WhenEachPartRoundsUp_GivesTheLastMillionToTheLargestRemainderOnly()
    {
        // 0.4 + 0.4 + 0.4 = 1.2 million: rounded alone each is 0, which would print a total of 0 against 1
        var parts = Vnd.RoundMillionsAddingUp([400_000, 400_000, 400_000], 0);

        Assert.Equal(1_000_000, parts.Sum());
        Assert.Equal([1_000_000, 0, 0], parts);
    }

    [Fact]
    public void RoundMillionsAddingUp_WhenPartsAreWholeThousands_KeepsThemExactly()
    {
        long[] exact = [1_521_000_000, 76_050_000, 152_100_000];

        Assert.Equal(exact, Vnd.RoundMillionsAddingUp(exact, 3));
    }

    [Fact]
    public void RoundMillionsAddingUp_MovesEachPartAtMostOneLastDigit()
    {
        long[] parts = [333_333_333, 333_333_333, 333_333_334];
        var rounded = Vnd.RoundMillionsAddingUp(parts, 1);

        Assert.Equal(1_000_000_000, rounded.Sum());
        Assert.All(rounded.Zip(parts), p => Assert.True(Math.Abs(p.First - p.Second) < 100_000, $"{p.Second} became {p.First}"));
    }
}
