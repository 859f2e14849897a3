using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;

namespace Workflow.Domain.Tests;

public sealed class BudgetBalanceTests
{
    private static readonly LedgerReference Reference = new(DateTimeOffset.UnixEpoch, "test", "test");

    private static BudgetBalance Funded()
    {
        var balance = new BudgetBalance(Guid.NewGuid(), Guid.NewGuid(), "DA2", FundingSource.Central);
        balance.Apply(LedgerEntryKind.Allocate, 1_000, Reference);
        balance.Apply(LedgerEntryKind.Commit, 600, Reference);
        balance.Apply(LedgerEntryKind.Disburse, 400, Reference);
        balance.Apply(LedgerEntryKind.Settle, 100, Reference);
        return balance;
    }

    // the expected columns are written out by hand, not derived from Effect: this is the test of the one mapping
    [Theory]
    [InlineData(LedgerEntryKind.Allocate, 10, 1_010, 600, 400, 100)]
    [InlineData(LedgerEntryKind.CarryIn, 10, 1_010, 600, 400, 100)]
    [InlineData(LedgerEntryKind.CarryOut, 10, 990, 600, 400, 100)]
    [InlineData(LedgerEntryKind.Lapse, 10, 990, 600, 400, 100)]
    [InlineData(LedgerEntryKind.Commit, 10, 1_000, 610, 400, 100)]
    [InlineData(LedgerEntryKind.Release, 10, 1_000, 590, 400, 100)]
    [InlineData(LedgerEntryKind.Disburse, 10, 1_000, 600, 410, 100)]
    [InlineData(LedgerEntryKind.Refund, 10, 1_000, 600, 390, 100)]
    [InlineData(LedgerEntryKind.Settle, 10, 1_000, 600, 400, 110)]
    public void Apply_WhenEachKind_MovesExactlyItsColumn(LedgerEntryKind kind, long amount, long allocated, long committed, long disbursed, long settled)
    {
        var balance = Funded();
        var revision = balance.Revision;

        var entry = balance.Apply(kind, amount, Reference);

        Assert.Equal((allocated, committed, disbursed, settled), (balance.Allocated, balance.Committed, balance.Disbursed, balance.Settled));
        Assert.Equal((kind, amount), (entry.Kind, entry.Amount));
        Assert.Equal(revision + 1, balance.Revision);
    }

    [Fact]
    public void Apply_WhenACommitWouldExceedTheAllocation_RefusesAndChangesNothing()
    {
        var balance = Funded();

        var conflict = Assert.Throws<ConflictException>(() => balance.Apply(LedgerEntryKind.Commit, 401, Reference));

        Assert.Equal("ledger.unbalanced", conflict.Code);
        Assert.Equal((1_000L, 600L, 400L, 100L, 4), (balance.Allocated, balance.Committed, balance.Disbursed, balance.Settled, balance.Revision));
    }

    [Fact]
    public void Apply_WhenCommittingExactlyTheUncommitted_Passes()
    {
        var balance = Funded();

        balance.Apply(LedgerEntryKind.Commit, balance.Uncommitted, Reference);

        Assert.Equal(0, balance.Uncommitted);
    }
}
