using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class BeneficiaryShareTests
{
    private static Beneficiaries Of(int poor, int total) => new(poor, 0, 0, 0, 0, total);

    [Fact]
    public void Check_WhenExactlyHalfAreBeneficiaries_Passes() =>
        AssertValid(BeneficiaryShare.Check(ProposalKind.Community, Of(14, 28), SupportPolicy.National).ToList());

    [Fact]
    public void Check_WhenOneFewerThanHalf_FailsWithTheShare()
    {
        var violations = BeneficiaryShare.Check(ProposalKind.Community, Of(13, 28), SupportPolicy.National).ToList();

        AssertBroken(violations, "beneficiaries", "Quy tắc 11", "13/28", "50 %");
    }

    [Fact]
    public void Check_WhenAnActivityHasNoParticipants_IsExempt() =>
        AssertValid(BeneficiaryShare.Check(ProposalKind.Activity, Beneficiaries.None, SupportPolicy.National).ToList());

    [Fact]
    public void Check_WhenAProjectNamesNoParticipants_FailsAtTheTotal() =>
        AssertBroken(BeneficiaryShare.Check(ProposalKind.ValueChain, Beneficiaries.None, SupportPolicy.National).ToList(), "beneficiaries.totalParticipants", "Quy tắc 11");

    [Fact]
    public void HasPriority_WhenAboveSeventyPercent_IsTrueAndAtSeventyIsFalse()
    {
        Assert.True(BeneficiaryShare.HasPriority(Of(71, 100), SupportPolicy.National));
        Assert.False(BeneficiaryShare.HasPriority(Of(70, 100), SupportPolicy.National));
    }
}
