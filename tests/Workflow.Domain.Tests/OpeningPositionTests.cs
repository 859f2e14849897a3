using Workflow.Domain.Disbursements;
using Workflow.Domain.Money;
using Workflow.Domain.Opening;
using Workflow.Domain.Proposals;

namespace Workflow.Domain.Tests;

public sealed class OpeningPositionTests
{
    private static readonly OpeningLine Da2 = new(Guid.NewGuid(), "DA2", "NN", new SourceAmounts(100_000_000, 10_000_000, 0, 0));
    private static readonly DateOnly Today = new(2024, 5, 6);

    private static OpeningProposalRow Proposal(long central, long provincial, string key = "1", int row = 2) =>
        new(row, key, "DA2", null, "Mô hình", ProposalKind.PovertyReductionModel, AreaType.Other, "45/QĐ-UBND", new DateOnly(2024, 3, 15),
            central + provincial, central + provincial, new SourceAmounts(central, provincial, 0, 0));

    private static OpeningFile File(OpeningProposalRow[] proposals, OpeningDisbursementRow[]? paid = null, OpeningSettlementRow[]? settled = null) =>
        new(proposals, paid ?? [], settled ?? [], proposals.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Check_WhenTheProposalsTakeExactlyWhatTheLineHas_Passes()
    {
        var (violations, opened) = OpeningPosition.Check(File([Proposal(60_000_000, 6_000_000), Proposal(40_000_000, 4_000_000, "2", 3)]), [Da2], 2024, Today);
        Assert.Empty(violations);
        Assert.Equal(2, opened.Count);
    }

    [Fact]
    public void Check_WhenTheSecondProposalGoesOneDongOver_FailsAtThatRowAndSource()
    {
        var (violations, opened) = OpeningPosition.Check(File([Proposal(60_000_000, 6_000_000), Proposal(40_000_001, 4_000_000, "2", 3)]), [Da2], 2024, Today);
        var v = Assert.Single(violations);
        Assert.Equal("proposals.rows[3].Central", v.Path);
        Assert.Contains("Quy tắc 9", v.Message);
        Assert.Empty(opened);
    }

    [Fact]
    public void Check_WhenAnAdvanceIsStillOutAtSettlementAndTheActualExceedsTheCash_FailsOnTheSettlementRow()
    {
        var (violations, _) = OpeningPosition.Check(File([Proposal(60_000_000, 0)],
            [new OpeningDisbursementRow(2, "1", DisbursementKind.Advance, new SourceAmounts(30_000_000, 0, 0, 0), "KB-1", new DateOnly(2024, 4, 1)),
             new OpeningDisbursementRow(3, "1", DisbursementKind.Payment, new SourceAmounts(20_000_000, 0, 0, 0), "KB-2", new DateOnly(2024, 4, 2))],
            [new OpeningSettlementRow(2, "1", "Đã nghiệm thu", null, new SourceAmounts(30_000_001, 0, 0, 0))]), [Da2], 2024, Today);
        Assert.Contains(violations, v => v.Path == "settlements.rows[2].advances" && v.Message.Contains("Quy tắc 15"));
        Assert.Contains(violations, v => v.Path == "settlements.rows[2].Central" && v.Message.Contains("Quy tắc 17"));
    }

    [Fact]
    public void Check_WhenAPaymentClearsAnAdvance_OpensCashAsTheLargerAndReleasesApprovedMinusCash()
    {
        var (violations, opened) = OpeningPosition.Check(File([Proposal(60_000_000, 0)],
            [new OpeningDisbursementRow(2, "1", DisbursementKind.Payment, new SourceAmounts(50_000_000, 0, 0, 0), "KB-2", new DateOnly(2024, 4, 2)),
             new OpeningDisbursementRow(3, "1", DisbursementKind.Advance, new SourceAmounts(30_000_000, 0, 0, 0), "KB-1", new DateOnly(2024, 4, 1))],
            [new OpeningSettlementRow(2, "1", "Đã nghiệm thu", null, new SourceAmounts(45_000_000, 0, 0, 0))]), [Da2], 2024, Today);
        Assert.Empty(violations);
        var p = Assert.Single(opened);
        Assert.Equal([30_000_000L, 20_000_000L], p.Disbursements.Select(d => d.Cash.Central)); // paid in date order: the advance first
        Assert.Equal(10_000_000, p.Settlement!.Outcome.Release.Central);
        Assert.Equal(5_000_000, p.Settlement.Outcome.RefundDue.Central);
        Assert.True(p.Settlement.AwaitsRefund);
    }
}
