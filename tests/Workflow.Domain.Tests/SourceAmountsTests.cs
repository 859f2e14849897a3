using Workflow.Domain.Catalog;
using Workflow.Domain.Money;

namespace Workflow.Domain.Tests;

public sealed class SourceAmountsTests
{
    private static readonly SourceAmounts A = new(1_521_000_000, 76_000_000, 152_000_000, 0);

    [Fact]
    public void Indexer_WhenEachBudgetSource_ReadsItsAmountAndOtherSourcesAreZero()
    {
        Assert.Equal([1_521_000_000L, 76_000_000L, 152_000_000L, 0L], FundingSources.Budget.Select(s => A[s]));
        Assert.Equal(0, A[FundingSource.Participant]);
    }

    [Fact]
    public void Total_AddsTheFourSources() => Assert.Equal(1_749_000_000, A.Total);

    [Fact]
    public void PlusAndMinus_WorkPerSource() =>
        Assert.Equal(new SourceAmounts(1_521_000_001, 76_000_000, 151_999_999, 5), A + new SourceAmounts(1, 0, 0, 5) - new SourceAmounts(0, 0, 1, 0));

    [Fact]
    public void Plus_WhenItWouldOverflow_Throws() =>
        Assert.Throws<OverflowException>(() => new SourceAmounts(long.MaxValue, 0, 0, 0) + new SourceAmounts(1, 0, 0, 0));

    [Fact]
    public void ExcessOver_NamesOnlyTheSourcesAboveTheLimit() =>
        Assert.Equal([(FundingSource.District, 2L)], A.ExcessOver(A.With(FundingSource.District, 151_999_998)));

    [Fact]
    public void FitsWithin_WhenEqual_IsTrueAndOneDongOverIsFalse()
    {
        Assert.True(A.FitsWithin(A));
        Assert.False(A.With(FundingSource.Commune, 1).FitsWithin(A));
    }

    [Fact]
    public void Apportion_WhenSplitByTheseAmounts_AddsUpAndFollowsTheRatio()
    {
        var parts = A.Apportion(300_000_000, 1_000);

        Assert.Equal(300_000_000, parts.Total);
        Assert.Equal(new SourceAmounts(260_892_000, 13_036_000, 26_072_000, 0), parts);
    }

    [Fact]
    public void From_WhenADictionaryHasSomeSources_TheRestAreZero() =>
        Assert.Equal(new SourceAmounts(5, 0, 0, 7), SourceAmounts.From(new Dictionary<FundingSource, long> { [FundingSource.Central] = 5, [FundingSource.Commune] = 7 }));

    [Fact]
    public void AtLeastZeroAndMax_ArePerSource()
    {
        Assert.Equal(new SourceAmounts(0, 3, 0, 0), new SourceAmounts(-2, 3, 0, -1).AtLeastZero());
        Assert.Equal(new SourceAmounts(5, 3, 0, 0), SourceAmounts.Max(new SourceAmounts(5, 1, 0, 0), new SourceAmounts(2, 3, 0, 0)));
    }
}
