using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Audit;

public sealed class BalanceChainCheckTests
{
    private static readonly JournalKey Key = JournalKey.Parse("unit-tests-journal-key-0123456789-abcdefghijklmnop");
    private static readonly LedgerReference Reference = new(DateTimeOffset.UnixEpoch, "taichinh", "test");

    /// <summary>A line allocated 1,000, with 600 committed and 400 disbursed, every entry sealed in order.</summary>
    private static (BudgetBalance Balance, List<LedgerEntry> Entries) Funded()
    {
        var balance = new BudgetBalance(Guid.NewGuid(), Guid.NewGuid(), "DA2", FundingSource.Central);
        var entries = new List<LedgerEntry>
        {
            balance.Apply(LedgerEntryKind.Allocate, 1_000, Reference),
            balance.Apply(LedgerEntryKind.Commit, 600, Reference),
            balance.Apply(LedgerEntryKind.Disburse, 400, Reference),
        };
        foreach (var entry in entries) balance.Seal(entry, Key);
        return (balance, entries);
    }

    private static List<AuditProblem> Check(BudgetBalance balance, IReadOnlyList<LedgerEntry> entries, long lineAmount = 1_000) =>
        new BalanceChainCheck(new JournalKeyRing(Key), long.MaxValue)
            .Check(balance, entries, 1, BalanceChainCheck.SumsOf(entries.Select(e => (e.Kind, e.Amount))), lineAmount);

    [Fact]
    public void Seal_WhenEntriesAreSealedInTheOrderApplied_ChainsThemFromGenesisAndTheRowHoldsTheLast()
    {
        var (balance, entries) = Funded();

        Assert.Equal([1, 2, 3], entries.Select(e => e.Sequence));
        Assert.Equal(JournalEntry.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal((3, entries[2].Hash), (balance.HeadSequence, balance.HeadHash));
        Assert.Empty(Check(balance, entries));
    }

    [Fact]
    public void Check_WhenAColumnDiffersFromItsEntries_ReportsTheColumnWithBothFigures()
    {
        var (balance, entries) = Funded();
        Tamper.Set(balance, nameof(BudgetBalance.Disbursed), 500L);

        var problem = Assert.Single(Check(balance, entries));

        Assert.Equal(AuditProblemCodes.LedgerBalance, problem.Code);
        Assert.Contains("500 ₫", problem.Message);
        Assert.Contains("400 ₫", problem.Message);
    }

    [Fact]
    public void Check_WhenAnEntrysAmountIsEditedWithItsBalance_ReportsOnlyTheSeal()
    {
        var (balance, entries) = Funded();
        Tamper.Set(entries[1], nameof(LedgerEntry.Amount), 500L);
        Tamper.Set(balance, nameof(BudgetBalance.Committed), 500L);

        var problem = Assert.Single(Check(balance, entries));

        Assert.Equal((AuditProblemCodes.LedgerHash, 2), (problem.Code, problem.LedgerSequence));
    }

    [Fact]
    public void Check_WhenTheLastEntryIsDeleted_ReportsTheHeadAndTheSums()
    {
        var (balance, entries) = Funded();
        entries.RemoveAt(2);

        var codes = Check(balance, entries).Select(p => p.Code).ToList();

        Assert.Contains(AuditProblemCodes.LedgerHead, codes);
        Assert.Contains(AuditProblemCodes.LedgerBalance, codes);
    }

    [Fact]
    public void Check_WhenAMiddleEntryIsDeleted_ReportsTheGapAndTheBrokenLink()
    {
        var (balance, entries) = Funded();
        entries.RemoveAt(1);

        var codes = Check(balance, entries).Select(p => p.Code).ToList();

        Assert.Contains(AuditProblemCodes.LedgerSequence, codes);
        Assert.Contains(AuditProblemCodes.LedgerLink, codes);
    }

    [Fact]
    public void Check_WhenTheAllocationsDoNotAddUpToTheLinesAmount_ReportsTheAllocation()
    {
        var (balance, entries) = Funded();

        var problem = Assert.Single(Check(balance, entries, lineAmount: 1_200));

        Assert.Equal(AuditProblemCodes.LedgerAllocation, problem.Code);
        Assert.Contains("1.200 ₫", problem.Message);
    }

    [Fact]
    public void Check_WhenAnAmountIsMadeHugeByAWriter_ReportsItInsteadOfOverflowing()
    {
        var (balance, entries) = Funded();
        Tamper.Set(entries[2], nameof(LedgerEntry.Amount), long.MaxValue);
        var more = Tamper.Set(balance.Apply(LedgerEntryKind.Disburse, 0, Reference), nameof(LedgerEntry.Amount), long.MaxValue);
        balance.Seal(more, Key);

        var codes = Check(balance, [.. entries, more]).Select(p => p.Code).ToList();

        Assert.Contains(AuditProblemCodes.LedgerBalance, codes);
    }
}
