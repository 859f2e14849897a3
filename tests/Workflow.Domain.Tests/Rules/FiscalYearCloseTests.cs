using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Money;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class FiscalYearCloseTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void ClosesAt_IsTheFirstInstantOfFebruaryInVietnam() =>
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 17, 0, 0, TimeSpan.Zero), FiscalYearClose.ClosesAt(2024));

    [Fact]
    public void IsClosed_WhenTheLastTickOfThirtyFirstJanuaryInVietnam_IsOpen() =>
        Assert.False(FiscalYearClose.IsClosed(2024, new DateTimeOffset(2025, 2, 1, 0, 0, 0, Vietnam).AddTicks(-1)));

    [Fact]
    public void IsClosed_WhenTheFirstInstantOfFebruaryInVietnam_IsClosed() =>
        Assert.True(FiscalYearClose.IsClosed(2024, new DateTimeOffset(2025, 2, 1, 0, 0, 0, Vietnam)));

    [Fact]
    public void IsClosed_WhenTheServerClockIsUtcAndItIsAlreadyFebruaryInVietnam_IsClosed() =>
        // 31 January 18:00 UTC is 1 February 01:00 in Vietnam
        Assert.True(FiscalYearClose.IsClosed(2024, new DateTimeOffset(2025, 1, 31, 18, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void CheckDisbursement_WhenClosedAndNotCarriedOver_FailsNamingTheCloseDate() =>
        AssertBroken(FiscalYearClose.CheckDisbursement(2024, "DA2", FiscalYearClose.ClosesAt(2024), lineCarriedOver: false).ToList(),
            "fiscalYear", "Quy tắc 19", "01/02/2025", "DA2");

    [Fact]
    public void CheckDisbursement_WhenClosedButTheLineWasCarriedOver_Passes() =>
        AssertValid(FiscalYearClose.CheckDisbursement(2024, "DA2", FiscalYearClose.ClosesAt(2024), lineCarriedOver: true).ToList());

    [Fact]
    public void CheckCarryover_WhenTheYearHasNotEnded_FailsAndFromFirstJanuaryPasses()
    {
        AssertBroken(FiscalYearClose.CheckCarryover(2024, FiscalYearClose.EndsAt(2024).AddTicks(-1)).ToList(), "fiscalYear", "Quy tắc 19", "01/01/2025");
        AssertValid(FiscalYearClose.CheckCarryover(2024, FiscalYearClose.EndsAt(2024)).ToList());
    }

    [Fact]
    public void CheckCommitment_WhenTheYearClosed_RefusesAndTheInstantBeforePasses()
    {
        AssertValid(FiscalYearClose.CheckCommitment(2024, FiscalYearClose.ClosesAt(2024).AddTicks(-1)).ToList());
        AssertBroken(FiscalYearClose.CheckCommitment(2024, FiscalYearClose.ClosesAt(2024)).ToList(), "fiscalYear", "Quy tắc 19", "01/02/2025", "chuyển nguồn");
    }

    [Fact]
    public void CarriedAmounts_AreTheUncommittedAllocationPerSource() =>
        Assert.Equal(new SourceAmounts(400, 0, 30, 0),
            FiscalYearClose.CarriedAmounts(new SourceAmounts(1_000, 50, 100, 0), new SourceAmounts(600, 50, 70, 0)));
}
