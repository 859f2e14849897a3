using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Money;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class WithinApprovedTests
{
    private static readonly SourceAmounts Approved = new(260_892_000, 13_036_000, 26_072_000, 0);

    [Fact]
    public void Check_WhenPaymentsReachExactlyTheApprovedAmount_Passes()
    {
        var earlier = DisbursementPosition.None.With(DisbursementKind.Payment, new SourceAmounts(100_000_000, 5_000_000, 10_000_000, 0));

        AssertValid(WithinApproved.Check(DisbursementKind.Payment, Approved - earlier.Payments, earlier, Approved).ToList());
    }

    [Fact]
    public void Check_WhenOneDongOverTheApprovedAmount_FailsWithTheExcess()
    {
        var violations = WithinApproved.Check(DisbursementKind.Payment, Approved.With(Catalog.FundingSource.Central, Approved.Central + 1), DisbursementPosition.None, Approved).ToList();

        AssertBroken(violations, "split.Central", "Quy tắc 12", "thanh toán", "thừa 1 ₫");
        AssertBrokenPaths(violations, "split.Central");
    }

    [Fact]
    public void Check_WhenAdvancesAndPaymentsEachStayWithin_PassesThoughTheirSumExceeds()
    {
        // payments clear advances first (rule 15): the cash paid is max(advances, payments), not their sum
        var earlier = DisbursementPosition.None.With(DisbursementKind.Advance, Approved);

        AssertValid(WithinApproved.Check(DisbursementKind.Payment, Approved, earlier, Approved).ToList());
    }
}

public sealed class DisbursementSplitTests
{
    private static readonly SourceAmounts Approved = new(260_892_000, 13_036_000, 26_072_000, 0);

    [Fact]
    public void ByShares_WhenPartOfTheApprovedAmount_FollowsTheApprovedSharesAndAddsUp()
    {
        var split = DisbursementSplit.ByShares(100_000_000, Approved, SourceAmounts.Zero);

        Assert.Equal(100_000_000, split.Total);
        Assert.Equal(Approved.Apportion(100_000_000, 1_000), split);
    }

    [Fact]
    public void ByShares_WhenExactlyWhatIsLeftOfTheKind_TakesWhatIsLeftOfEachSource()
    {
        var first = DisbursementSplit.ByShares(100_000_000, Approved, SourceAmounts.Zero);

        var rest = DisbursementSplit.ByShares(Approved.Total - 100_000_000, Approved, first);

        Assert.Equal(Approved, first + rest);
    }

    [Fact]
    public void CheckHandSplit_WhenOneThousandOff_PassesAndOneDongMoreFails()
    {
        var byShares = DisbursementSplit.ByShares(100_000_000, Approved, SourceAmounts.Zero);
        AssertValid(DisbursementSplit.CheckHandSplit(100_000_000, byShares.With(Catalog.FundingSource.Central, byShares.Central - 1_000).With(Catalog.FundingSource.Provincial, byShares.Provincial + 1_000), byShares).ToList());

        var violations = DisbursementSplit.CheckHandSplit(100_000_000, byShares.With(Catalog.FundingSource.Central, byShares.Central - 1_001).With(Catalog.FundingSource.Provincial, byShares.Provincial + 1_001), byShares).ToList();

        AssertBroken(violations, "split.Provincial", "Quy tắc 13", "1.001 ₫");
    }

    [Fact]
    public void CheckHandSplit_WhenSourcesDoNotAddUp_FailsAtSplit() =>
        AssertBroken(DisbursementSplit.CheckHandSplit(100_000_000, new SourceAmounts(99_000_000, 0, 0, 0), Approved).ToList(), "split", "Quy tắc 13", "99.000.000 ₫", "100.000.000 ₫");
}

public sealed class AdvanceCapTests
{
    private static readonly AdvanceCapPolicy Policy = AdvanceCapPolicy.National;

    [Fact]
    public void Check_WhenAdvancesReachExactlyHalfTheContract_Passes() =>
        AssertValid(AdvanceCap.Check(DisbursementKind.Advance, 60_000_000, 90_000_000, 300_000_000, Policy).ToList());

    [Fact]
    public void Check_WhenOneDongOverHalfTheContract_FailsNamingTheCapAndExcess()
    {
        var violations = AdvanceCap.Check(DisbursementKind.Advance, 60_000_001, 90_000_000, 300_000_000, Policy).ToList();

        AssertBroken(violations, "amount", "Quy tắc 14 (TT 17/2024/TT-BTC)", "150.000.000 ₫", "vượt 1 ₫");
    }

    [Theory]
    [InlineData(50_000_000)]
    [InlineData(1_000_000)]
    public void Check_WhenTheContractIsAtOrBelowFiftyMillion_IsExempt(long contract) =>
        AssertValid(AdvanceCap.Check(DisbursementKind.Advance, contract, 0, contract, Policy).ToList());

    [Fact]
    public void Check_WhenTheContractIsOneDongAboveFiftyMillion_Applies() =>
        AssertBroken(AdvanceCap.Check(DisbursementKind.Advance, 25_000_001, 0, 50_000_001, Policy).ToList(), "amount", "Quy tắc 14");

    [Fact]
    public void Check_WhenAPayment_IsNotAnAdvance() =>
        AssertValid(AdvanceCap.Check(DisbursementKind.Payment, 300_000_000, 150_000_000, 300_000_000, Policy).ToList());

    [Fact]
    public void Check_WhenNoContractValue_DoesNotApply() =>
        AssertValid(AdvanceCap.Check(DisbursementKind.Advance, 300_000_000, 0, null, Policy).ToList());
}

public sealed class DisbursementPositionTests
{
    private static readonly SourceAmounts Hundred = new(100, 0, 0, 0);

    [Fact]
    public void Cash_WhenAPaymentFollowsAnAdvance_IsTheLargerNotTheSum()
    {
        var position = DisbursementPosition.None.With(DisbursementKind.Advance, Hundred).With(DisbursementKind.Payment, new SourceAmounts(290, 0, 0, 0));

        Assert.Equal(290, position.Cash.Central);
        Assert.True(position.AdvanceOutstanding.IsZero);
    }

    [Fact]
    public void CheckNoAdvanceOutstanding_WhenPaymentsHaveNotClearedTheAdvance_FailsWithTheOutstandingAmount()
    {
        var position = DisbursementPosition.None.With(DisbursementKind.Advance, new SourceAmounts(100_000_000, 0, 0, 0)).With(DisbursementKind.Payment, new SourceAmounts(60_000_000, 0, 0, 0));

        AssertBroken(position.CheckNoAdvanceOutstanding().ToList(), "advances", "Quy tắc 15", "40.000.000 ₫");
    }

    [Fact]
    public void CheckNoAdvanceOutstanding_WhenPaymentsEqualTheAdvance_Passes() =>
        AssertValid(DisbursementPosition.None.With(DisbursementKind.Advance, Hundred).With(DisbursementKind.Payment, Hundred).CheckNoAdvanceOutstanding().ToList());
}

public sealed class TreasuryConfirmationTests
{
    [Fact]
    public void CashReleased_WhenAPaymentClearsAnAdvance_AddsOnlyWhatExceedsIt()
    {
        var paid = DisbursementPosition.None.With(DisbursementKind.Advance, new SourceAmounts(100_000_000, 5_000_000, 0, 0));

        var cash = TreasuryConfirmation.CashReleased(paid, DisbursementKind.Payment, new SourceAmounts(290_000_000, 5_000_000, 0, 0));

        Assert.Equal(new SourceAmounts(190_000_000, 0, 0, 0), cash);
    }

    [Fact]
    public void CashReleased_WhenAnAdvance_AddsItWhole() =>
        Assert.Equal(new SourceAmounts(7, 0, 0, 0), TreasuryConfirmation.CashReleased(DisbursementPosition.None, DisbursementKind.Advance, new SourceAmounts(7, 0, 0, 0)));

    [Fact]
    public void Check_WhenReferenceIsBlankOrHasALineBreak_Fails()
    {
        AssertBroken(TreasuryConfirmation.Check(" ", new DateOnly(2026, 6, 3)).ToList(), "data.treasuryReference", "Quy tắc 16");
        AssertBroken(TreasuryConfirmation.Check("KB-1\nKB-2", new DateOnly(2026, 6, 3)).ToList(), "data.treasuryReference", "Quy tắc 16");
        AssertBroken(TreasuryConfirmation.Check("KB-1", null).ToList(), "data.paidOn", "Quy tắc 16");
    }

    [Fact]
    public void Check_WhenReferenceAndDateGiven_Passes() =>
        AssertValid(TreasuryConfirmation.Check("KB-2026-0001", new DateOnly(2026, 6, 3)).ToList());
}

public sealed class ApproverThresholdTests
{
    [Fact]
    public void Applies_WhenOneDongAboveTheThreshold_IsTrue() => Assert.True(ApproverThreshold.Applies(500_000_001, 500_000_000));

    [Fact]
    public void Applies_WhenExactlyAtTheThreshold_IsFalse() => Assert.False(ApproverThreshold.Applies(500_000_000, 500_000_000));

    [Fact]
    public void Applies_WhenTheProvinceSetsNoThreshold_IsFalseWhateverTheAmount() => Assert.False(ApproverThreshold.Applies(Vnd.MaxAmount, null));

    [Fact]
    public void CheckApplies_WhenAtOrBelowTheThreshold_NamesTheAmountTheThresholdAndItsBasis()
    {
        var violations = ApproverThreshold.CheckApplies(500_000_000, 500_000_000, "Nghị quyết 12/2026/NQ-HĐND").ToList();

        AssertBroken(violations, "amount", "500.000.000 ₫", "không vượt mức 500.000.000 ₫", "căn cứ: Nghị quyết 12/2026/NQ-HĐND");
    }

    [Fact]
    public void CheckApplies_WhenAboveTheThreshold_Passes() => AssertValid(ApproverThreshold.CheckApplies(600_000_000, 500_000_000, null).ToList());
}
