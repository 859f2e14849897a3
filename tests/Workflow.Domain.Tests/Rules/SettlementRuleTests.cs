using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Settlements.Rules;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class SettlementWithinDisbursedTests
{
    // the README's story: 300 million approved, 290 paid (100 advanced, then a 290 payment), 287 actually spent
    private static readonly SourceAmounts Approved = new(260_892_000, 13_036_000, 26_072_000, 0);
    private static readonly SourceAmounts Cash = new(252_000_000, 12_600_000, 25_400_000, 0);
    private static readonly SourceAmounts Actual = new(250_000_000, 12_000_000, 25_000_000, 0);

    [Fact]
    public void Check_WhenActualEqualsTheCashPaid_Passes() => AssertValid(SettlementWithinDisbursed.Check(Cash, Cash).ToList());

    [Fact]
    public void Check_WhenActualIsOneDongOverTheCash_FailsAtThatSource()
    {
        var violations = SettlementWithinDisbursed.Check(Cash.With(Catalog.FundingSource.Commune, 1), Cash).ToList();

        AssertBroken(violations, "actualCost.Commune", "Quy tắc 17", "thừa 1 ₫");
        AssertBrokenPaths(violations, "actualCost.Commune");
    }

    [Fact]
    public void Outcome_WhenPaidBeyondActual_ReleasesTheUnpaidNowAndTheRefundLater_ExactlyApprovedMinusActual()
    {
        var outcome = SettlementWithinDisbursed.Outcome(Approved, Actual, Cash);

        Assert.Equal(Approved - Cash, outcome.Release);
        Assert.Equal(Actual, outcome.Settle);
        Assert.Equal(Cash - Actual, outcome.RefundDue);
        // once the refund comes back it is released too: in all, exactly approved − actual per source
        Assert.Equal(Approved - Actual, outcome.Release + outcome.RefundDue);
    }

    [Fact]
    public void Outcome_WhenActualEqualsCash_NoRefundAndTheRestReleased()
    {
        var outcome = SettlementWithinDisbursed.Outcome(Approved, Cash, Cash);

        Assert.True(outcome.RefundDue.IsZero);
        Assert.Equal(Approved - Cash, outcome.Release);
    }
}

public sealed class AcceptanceRecordTests
{
    private static SettlementContent Content(string outputs, Beneficiaries reached, SourceAmounts? actual = null) =>
        new(outputs, new DateOnly(2026, 12, 15), reached, actual ?? new SourceAmounts(1, 0, 0, 0));

    [Fact]
    public void Check_WhenOutputsAndReachedAreConsistent_Passes() =>
        AssertValid(AcceptanceRecord.Check(Content("28 lao động được đào tạo nghề may", new Beneficiaries(5, 23, 0, 4, 0, 28))).ToList());

    [Fact]
    public void Check_WhenNoOutputs_FailsAtOutputs() =>
        AssertBroken(AcceptanceRecord.Check(Content("  ", Beneficiaries.None)).ToList(), "outputs", "Quy tắc 18");

    [Fact]
    public void Check_WhenMoreBeneficiariesThanParticipants_FailsAtReached() =>
        AssertBroken(AcceptanceRecord.Check(Content("x", new Beneficiaries(5, 23, 0, 0, 0, 27))).ToList(), "reached", "Quy tắc 18", "28", "27");

    [Fact]
    public void Check_WhenAnActualCostIsNegative_FailsAtItsSource() =>
        AssertBroken(AcceptanceRecord.Check(Content("x", Beneficiaries.None, new SourceAmounts(0, -1, 0, 0))).ToList(), "actualCost.Provincial", "Quy tắc 18");

    [Fact]
    public void Shortfall_WhenFewerReachedThanPlanned_IsNegativePerGroup() =>
        Assert.Equal(-3, AcceptanceRecord.Shortfall(new Beneficiaries(5, 23, 0, 4, 0, 28), new Beneficiaries(5, 20, 0, 4, 0, 25)).NearPoor);
}
