using Workflow.Domain.Proposals.Rules;

namespace Workflow.Domain.Tests.Rules;

public sealed class LeadAgencyOwnsProposalTests
{
    [Fact]
    public void MayDraft_WhenLeadAgencyOfficerOfTheLinesAgencyAndUnit_IsTrue() =>
        Assert.True(LeadAgencyOwnsProposal.MayDraft("HQ.NN", "HQ", true, "HQ.NN", "HQ"));

    [Theory]
    [InlineData("HQ.YT", "HQ", true)]   // another agency
    [InlineData("HQ.NN", "MT", true)]   // the same agency code in another unit
    [InlineData("HQ.NN", "HQ", false)]  // not a lead-agency officer (e.g. finance)
    public void MayDraft_WhenAgencyUnitOrRoleDiffers_IsFalse(string actorAgency, string actorUnit, bool isLeadAgencyOfficer) =>
        Assert.False(LeadAgencyOwnsProposal.MayDraft("HQ.NN", "HQ", isLeadAgencyOfficer, actorAgency, actorUnit));

    [Fact]
    public void DraftRefusal_NamesTheRule() => Assert.StartsWith("Quy tắc 7:", LeadAgencyOwnsProposal.DraftRefusal);
}
