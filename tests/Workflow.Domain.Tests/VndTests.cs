using Workflow.Domain.Money;

namespace Workflow.Domain.Tests;

public class VndTests
{
    [Theory]
    [InlineData(1_521_000_000, "1.521.000.000 ₫")]
    [InlineData(3_507_000_000, "3.507.000.000 ₫")]
    [InlineData(999, "999 ₫")]
    [InlineData(1000, "1.000 ₫")]
    [InlineData(0, "0 ₫")]
    public void ToString_WhenFormatted_UsesViVnGroupingAndDongSign(long value, string expected)
    {
        Assert.Equal(expected, new Vnd(value).ToString());
        Assert.Equal(expected, Vnd.Format(value));
    }

    [Fact]
    public void Format_WhenNegative_KeepsTheSign()
    {
        Assert.Equal("-2.000.000 ₫", Vnd.Format(-2_000_000));
    }

    [Theory]
    [InlineData(1_521_000_000, "1.521 triệu")]
    [InlineData(76_000_000, "76 triệu")]
    [InlineData(1_500_000, "1,5 triệu")]
    [InlineData(1_234_567, "1,234567 triệu")]
    [InlineData(1, "0,000001 triệu")]
    [InlineData(0, "0 triệu")]
    public void ToMillions_WhenFormatted_ShowsMillionsWithDecimalsOnlyWhenNeeded(long value, string expected)
    {
        Assert.Equal(expected, new Vnd(value).ToMillions());
        Assert.Equal(expected, Vnd.FormatMillions(value));
    }

    [Fact]
    public void Add_WhenSumExceedsLongMaxValue_ThrowsOverflow()
    {
        var max = new Vnd(long.MaxValue);

        Assert.Throws<OverflowException>(() => max + new Vnd(1));
    }

    [Fact]
    public void Subtract_WhenResultIsBelowLongMinValue_ThrowsOverflow()
    {
        var min = new Vnd(long.MinValue);

        Assert.Throws<OverflowException>(() => min - new Vnd(1));
        Assert.Throws<OverflowException>(() => -min);
    }

    [Fact]
    public void Sum_WhenRunningTotalOverflows_ThrowsOverflow()
    {
        Vnd[] amounts = [new(long.MaxValue - 10), new(5), new(6)];

        Assert.Throws<OverflowException>(() => Vnd.Sum(amounts));
    }

    [Fact]
    public void Sum_WhenPlanColumnIsAdded_EqualsStatedTotal()
    {
        Vnd[] central = [new(1_521_000_000), new(586_000_000), new(244_000_000), new(208_000_000), new(495_000_000), new(137_000_000), new(316_000_000)];

        Assert.Equal(new Vnd(3_507_000_000), Vnd.Sum(central));
    }

    [Fact]
    public void Operators_WhenComparingAmounts_OrderByValue()
    {
        var small = new Vnd(76_000_000);
        var large = new Vnd(152_000_000);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= new Vnd(76_000_000));
        Assert.True(large >= small);
        Assert.Equal(new Vnd(76_000_000), large - small - new Vnd(0));
        Assert.True(small.CompareTo(large) < 0);
        Assert.Equal(Vnd.Zero, small + -small);
    }
}
