using Workflow.Domain.Money;
using Workflow.Domain.Proposals.Rules;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class SplitFollowsLineTests
{
    // Hớn Quản 2024, DA2: central 1,521 million, provincial 76 million (5 %), district 152 million (10 %)
    private static readonly SourceAmounts Line = new(1_521_000_000, 76_000_000, 152_000_000, 0);

    [Fact]
    public void ByLine_WhenTheSupportIsSplit_PartsAreThousandsAndAddUpToTheSupport()
    {
        var split = SplitFollowsLine.ByLine(300_000_000, Line);

        Assert.Equal(new SourceAmounts(260_892_000, 13_036_000, 26_072_000, 0), split);
        Assert.Equal(300_000_000, split.Total);
    }

    [Fact]
    public void CheckHandSplit_WhenOneThousandOffTheRatio_Passes()
    {
        var byLine = SplitFollowsLine.ByLine(300_000_000, Line);
        var entered = byLine.With(Catalog.FundingSource.Central, byLine.Central + 1_000).With(Catalog.FundingSource.District, byLine.District - 1_000);

        AssertValid(SplitFollowsLine.CheckHandSplit(300_000_000, entered, byLine).ToList());
    }

    [Fact]
    public void CheckHandSplit_WhenOneDongBeyondTheTolerance_FailsAtThatSource()
    {
        var byLine = SplitFollowsLine.ByLine(300_000_000, Line);
        var entered = byLine.With(Catalog.FundingSource.Central, byLine.Central + 1_001).With(Catalog.FundingSource.District, byLine.District - 1_001);

        var violations = SplitFollowsLine.CheckHandSplit(300_000_000, entered, byLine).ToList();

        AssertBroken(violations, "split.Central", "Quy tắc 8", "1.001 ₫");
        AssertBrokenPaths(violations, "split.Central", "split.District");
    }

    [Fact]
    public void CheckHandSplit_WhenSourcesDoNotAddUpToTheSupport_FailsAtSplitWithTheDifference()
    {
        var byLine = SplitFollowsLine.ByLine(300_000_000, Line);

        var violations = SplitFollowsLine.CheckHandSplit(300_000_000, byLine.With(Catalog.FundingSource.Central, byLine.Central + 500), byLine).ToList();

        AssertBroken(violations, "split", "Quy tắc 8", "300.000.500 ₫", "300.000.000 ₫");
    }

    [Fact]
    public void CheckStillMatches_WhenTheLinesRatioChangedSinceTheDraft_FailsPerChangedSource()
    {
        var savedSplit = SplitFollowsLine.ByLine(300_000_000, Line);
        var revisedLine = Line.With(Catalog.FundingSource.District, 0);

        var violations = SplitFollowsLine.CheckStillMatches("DA2", 300_000_000, savedSplit, splitByHand: false, revisedLine).ToList();

        AssertBroken(violations, "split.District", "Quy tắc 8", "đã thay đổi");
    }

    [Fact]
    public void CheckLineCanFund_WhenTheLineHasNothing_FailsInsteadOfThrowing()
    {
        var violations = SplitFollowsLine.CheckLineCanFund("DA2", 1_000_000, SourceAmounts.Zero).ToList();

        AssertBroken(violations, "stateSupport", "Quy tắc 8");
        Assert.Equal(SourceAmounts.Zero, SplitFollowsLine.ByLine(1_000_000, SourceAmounts.Zero));
    }
}
