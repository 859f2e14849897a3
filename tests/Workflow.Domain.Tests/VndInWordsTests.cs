using Workflow.Domain.Money;

namespace Workflow.Domain.Tests;

public class VndInWordsTests
{
    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(5, "Năm đồng")]
    [InlineData(10, "Mười đồng")]
    [InlineData(11, "Mười một đồng")]
    [InlineData(15, "Mười lăm đồng")]
    [InlineData(20, "Hai mươi đồng")]
    [InlineData(21, "Hai mươi mốt đồng")]
    [InlineData(24, "Hai mươi bốn đồng")]
    [InlineData(25, "Hai mươi lăm đồng")]
    [InlineData(105, "Một trăm lẻ năm đồng")]
    [InlineData(110, "Một trăm mười đồng")]
    [InlineData(1_000, "Một nghìn đồng")]
    [InlineData(1_005, "Một nghìn không trăm lẻ năm đồng")]
    [InlineData(1_050, "Một nghìn không trăm năm mươi đồng")]
    [InlineData(1_000_005, "Một triệu không trăm lẻ năm đồng")]
    [InlineData(15_500_000, "Mười lăm triệu năm trăm nghìn đồng")]
    [InlineData(1_320_005_000, "Một tỷ ba trăm hai mươi triệu không trăm lẻ năm nghìn đồng")]
    [InlineData(1_200_000_000, "Một tỷ hai trăm triệu đồng")]
    [InlineData(2_000_000_000_001, "Hai nghìn tỷ không trăm lẻ một đồng")]
    [InlineData(1_000_000_000_000_000, "Một triệu tỷ đồng")]
    public void Of_WhenAmountGiven_ReadsItAsTreasuryFormsWriteIt(long amount, string expected)
    {
        Assert.Equal(expected, VndInWords.Of(amount));
    }

    [Fact]
    public void Of_WhenNegative_SaysAm()
    {
        Assert.Equal("Âm hai triệu đồng", VndInWords.Of(-2_000_000));
    }

    [Fact]
    public void Of_WhenLargestLong_DoesNotOverflow()
    {
        Assert.StartsWith("Chín tỷ tỷ", VndInWords.Of(long.MaxValue));
        Assert.StartsWith("Âm chín tỷ tỷ", VndInWords.Of(long.MinValue));
    }
}
