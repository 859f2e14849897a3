using Workflow.Domain.Audit;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Audit;

public sealed class SubjectDigestTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 2, 0, 0, TimeSpan.Zero);

    internal static Proposal Proposal(string title = "Mô hình nuôi bò sinh sản", long central = 260_000_000)
    {
        var content = new ProposalContent(title, ProposalKind.PovertyReductionModel, null, AreaType.Other, ["BP.HQ.TK"],
            new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 15), central + 40_000_000 + 10_000_000, central + 40_000_000, null,
            new ParticipantCounterpart(0, 10_000_000, 0), new Beneficiaries(5, 15, 0, 2, 0, 25), [], null);
        return Domain.Proposals.Proposal.Draft(Guid.NewGuid(), "ĐX-2024-0001", Guid.NewGuid(), Guid.NewGuid(), "DA2", "BP.HQ.NN", "BP.HQ", 2024,
            content, new SourceAmounts(central, 40_000_000, 0, 0), splitByHand: false, "nongnghiep", Now);
    }

    [Fact]
    public void Of_WhenMoneyMovesOnTheProposalsDisbursements_StaysTheSame()
    {
        var proposal = Proposal();
        var before = SubjectDigest.Of(proposal);

        proposal.MarkMoneyMoved(Now.AddDays(30));

        Assert.Equal(before, SubjectDigest.Of(proposal));
    }

    [Fact]
    public void Of_WhenTheProposalPlansNoOutputs_HasNoOutputsLineSoSealsWrittenBeforeOutputsStillMatch()
    {
        Assert.DoesNotContain("plannedOutputs", SubjectDigest.Of(Proposal()), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_WhenThePlannedOutputsChange_Changes()
    {
        var proposal = Proposal();
        var content = new ProposalContent("Mô hình nuôi bò sinh sản", ProposalKind.PovertyReductionModel, null, AreaType.Other, ["BP.HQ.TK"],
            new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 15), 310_000_000, 300_000_000, null,
            new ParticipantCounterpart(0, 10_000_000, 0), new Beneficiaries(5, 15, 0, 2, 0, 25), [], null, [new("DA2.participants", 25)]);
        var before = SubjectDigest.Of(proposal);

        proposal.Edit(content, new SourceAmounts(260_000_000, 40_000_000, 0, 0), false, ProposalProcess.Draft, Now);

        Assert.Contains("plannedOutputs=", SubjectDigest.Of(proposal), StringComparison.Ordinal);
        Assert.NotEqual(before, SubjectDigest.Of(proposal));
    }

    [Fact]
    public void Of_WhenTheDecisionIsRecorded_Changes()
    {
        var proposal = Proposal();
        var before = SubjectDigest.Of(proposal);

        proposal.RecordDecision("125/QĐ-UBND", new DateOnly(2024, 5, 20), Now);

        Assert.NotEqual(before, SubjectDigest.Of(proposal));
    }

    [Fact]
    public void Of_WhenTheTitleOrOneSourcesAmountDiffers_Differs()
    {
        var proposal = Proposal();
        var retitled = Tamper.Set(Proposal(), nameof(Domain.Proposals.Proposal.Title), "Mô hình nuôi bò sinh sản (50 con)");
        var moved = Tamper.Set(Proposal(), nameof(Domain.Proposals.Proposal.Split), new SourceAmounts(259_000_000, 41_000_000, 0, 0));
        foreach (var other in new[] { retitled, moved })
            foreach (var field in new[] { "Id", "PlanLineId", "PlanId" })
                Tamper.Set(other, field, typeof(Proposal).GetProperty(field)!.GetValue(proposal));

        Assert.NotEqual(SubjectDigest.Of(proposal), SubjectDigest.Of(retitled));
        Assert.NotEqual(SubjectDigest.Of(proposal), SubjectDigest.Of(moved));
        Assert.Contains("split.Central=260000000", SubjectDigest.Of(proposal));
    }

    [Fact]
    public void Of_WhenTwoProposalsHoldTheSameFields_IsTheSameText()
    {
        var proposal = Proposal();
        var copy = Proposal();
        foreach (var field in new[] { "Id", "PlanLineId", "PlanId" })
            Tamper.Set(copy, field, typeof(Proposal).GetProperty(field)!.GetValue(proposal));

        Assert.Equal(SubjectDigest.Of(proposal), SubjectDigest.Of(copy));
    }

    [Fact]
    public void Of_WhenADisbursementIsConfirmedPaid_AttestsTheReferenceAndTheCash()
    {
        var disbursement = Disbursement.Request(Guid.NewGuid(), "GN-2024-0001", Guid.NewGuid(), "BP.HQ", DisbursementKind.Advance,
            new SourceAmounts(86_964_000, 4_345_000, 8_691_000, 0), null, null, "nongnghiep", Now);
        var requested = SubjectDigest.Of(disbursement);

        disbursement.ConfirmPaid("KB-2024-0012", new DateOnly(2024, 6, 3), new SourceAmounts(86_964_000, 4_345_000, 8_691_000, 0), Now);

        Assert.NotEqual(requested, SubjectDigest.Of(disbursement));
        Assert.Contains("treasuryReference=\"KB-2024-0012\"", SubjectDigest.Of(disbursement));
        Assert.Contains("cash.Central=86964000", SubjectDigest.Of(disbursement));
    }

    [Fact]
    public void Of_WhenASettlementsRefundIsRecorded_Changes()
    {
        var settlement = Settlement.Open(Guid.NewGuid(), "QT-2024-0001", Guid.NewGuid(), "BP.HQ",
            new SettlementContent("28 lao động được đào tạo", new DateOnly(2024, 12, 15), new Beneficiaries(0, 28, 0, 0, 0, 28), new SourceAmounts(250_000_000, 0, 0, 0)), "nongnghiep", Now);
        var before = SubjectDigest.Of(settlement);

        settlement.RecordRefundDue(new SourceAmounts(2_196_000, 0, 0, 0), Now);

        Assert.NotEqual(before, SubjectDigest.Of(settlement));
    }

    [Fact]
    public void TextOf_WhenTheSubjectDoesNotExist_IsItsOwnTextNamingTheId()
    {
        var id = Guid.NewGuid();

        Assert.Contains(id.ToString("D"), SubjectDigest.TextOf("Proposal", id, null));
        Assert.Contains("exists=false", SubjectDigest.TextOf("Proposal", id, null));
    }

    [Theory]
    [InlineData(ProposalProcess.SubjectType, ProposalProcess.Draft, true)]
    [InlineData(SettlementProcess.SubjectType, SettlementProcess.Draft, true)]
    [InlineData(ProposalProcess.SubjectType, ProposalProcess.Approved, false)]
    [InlineData(DisbursementProcess.SubjectType, DisbursementProcess.Draft, false)]
    public void IsEditableIn_WhenTheStateLetsTheContentChangeWithoutATransition_IsTrue(string subjectType, string state, bool editable)
    {
        Assert.Equal(editable, SubjectDigest.IsEditableIn(subjectType, state));
    }
}
