using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Tests.Audit;

namespace Workflow.Domain.Tests.Rules;

/// <summary>An amending decision on an approved proposal: the support, its split and the decision in force change together.</summary>
public sealed class ProposalAmendTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Amend_WhenTheSupportRises_TheTotalCostMovesByTheDifferenceAndTheNewDecisionIsInForce()
    {
        var proposal = SubjectDigestTests.Proposal(central: 260_000_000); // support 300 M, total 310 M with 10 M of labour
        var revision = proposal.Revision;

        proposal.Amend(new SourceAmounts(300_000_000, 20_000_000, 30_000_000, 0), splitByHand: false, "140/QĐ-UBND", new DateOnly(2024, 6, 10), Now);

        Assert.Equal(350_000_000, proposal.StateSupport);
        Assert.Equal(360_000_000, proposal.TotalCost);
        Assert.Equal(new SourceAmounts(300_000_000, 20_000_000, 30_000_000, 0), proposal.Split);
        Assert.Equal("140/QĐ-UBND", proposal.DecisionNumber);
        Assert.Equal(new DateOnly(2024, 6, 10), proposal.DecisionDate);
        Assert.True(proposal.Revision > revision);
    }

    [Fact]
    public void Amend_WhenNothingIsLeftToSupport_IsRefusedAtTheSupportPointingToCancellation()
    {
        var proposal = SubjectDigestTests.Proposal();

        var refused = Assert.Throws<ValidationFailedException>(() => proposal.Amend(SourceAmounts.Zero, false, "141/QĐ-UBND", new DateOnly(2024, 6, 10), Now));

        Assert.Contains(refused.Violations, v => v.Path == "data.stateSupport" && v.Message.Contains("hủy quyết định", StringComparison.Ordinal));
        Assert.Equal(300_000_000, proposal.StateSupport);
    }
}
