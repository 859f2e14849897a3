using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Ledger;

/// <summary>What each ledger entry moves: one column of one balance, up or down.</summary>
public enum LedgerEntryKind
{
    /// <summary>Allocation from the plan (import, or a revision's difference).</summary>
    Allocate,
    /// <summary>An approved proposal reserves money (cam kết chi).</summary>
    Commit,
    /// <summary>Unused commitment returns to the line (settlement, carryover).</summary>
    Release,
    /// <summary>The treasury confirmed a payment or an advance.</summary>
    Disburse,
    /// <summary>Paid money came back (nộp trả).</summary>
    Refund,
    /// <summary>A settlement accepted actual spending (quyết toán).</summary>
    Settle,
    /// <summary>Unspent allocation leaves a closed year (chuyển nguồn) …</summary>
    CarryOut,
    /// <summary>… and arrives in the next year's line.</summary>
    CarryIn,
}

/// <summary>
/// One plan line's money in one source: allocated ≥ committed ≥ disbursed ≥ settled. Every change goes through a
/// method that checks that order and returns the entry explaining it; <see cref="Revision"/> is the concurrency
/// token, so two approvals that read the same balance cannot both commit against it.
/// </summary>
public sealed class BudgetBalance
{
    private BudgetBalance() { }

    public BudgetBalance(Guid planId, Guid planLineId, string component, FundingSource source)
    {
        PlanId = planId;
        PlanLineId = planLineId;
        Component = component;
        Source = source;
    }

    public long Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid PlanLineId { get; private set; }
    public string Component { get; private set; } = "";
    public FundingSource Source { get; private set; }
    public long Allocated { get; private set; }
    public long Committed { get; private set; }
    public long Disbursed { get; private set; }
    public long Settled { get; private set; }
    public int Revision { get; private set; }

    /// <summary>What approvals may still commit.</summary>
    public long Uncommitted => Allocated - Committed;

    public LedgerEntry Apply(LedgerEntryKind kind, long amount, LedgerReference reference)
    {
        if (amount < 0 && kind != LedgerEntryKind.Allocate)
            throw new ArgumentOutOfRangeException(nameof(amount), "Only allocation changes may be negative.");
        switch (kind)
        {
            case LedgerEntryKind.Allocate:
            case LedgerEntryKind.CarryIn:
                Allocated = checked(Allocated + amount);
                break;
            case LedgerEntryKind.CarryOut:
                Allocated = checked(Allocated - amount);
                break;
            case LedgerEntryKind.Commit:
                Committed = checked(Committed + amount);
                break;
            case LedgerEntryKind.Release:
                Committed = checked(Committed - amount);
                break;
            case LedgerEntryKind.Disburse:
                Disbursed = checked(Disbursed + amount);
                break;
            case LedgerEntryKind.Refund:
                Disbursed = checked(Disbursed - amount);
                break;
            case LedgerEntryKind.Settle:
                Settled = checked(Settled + amount);
                break;
        }
        if (!(Allocated >= Committed && Committed >= Disbursed && Disbursed >= Settled && Settled >= 0))
            throw new ConflictException(
                $"Sổ theo dõi {Component} – {FundingSources.NameOf(Source)} sẽ mất cân đối ({kind} {Vnd.Format(amount)}): " +
                $"giao {Vnd.Format(Allocated)}, cam kết {Vnd.Format(Committed)}, giải ngân {Vnd.Format(Disbursed)}, quyết toán {Vnd.Format(Settled)}.",
                "ledger.unbalanced");
        Revision++;
        return new LedgerEntry(this, kind, amount, reference);
    }

    /// <summary>The amount of <paramref name="kind"/> this entry adds to each column, to prove balances from entries.</summary>
    public static (long Allocated, long Committed, long Disbursed, long Settled) Effect(LedgerEntryKind kind, long amount) => kind switch
    {
        LedgerEntryKind.Allocate or LedgerEntryKind.CarryIn => (amount, 0, 0, 0),
        LedgerEntryKind.CarryOut => (-amount, 0, 0, 0),
        LedgerEntryKind.Commit => (0, amount, 0, 0),
        LedgerEntryKind.Release => (0, -amount, 0, 0),
        LedgerEntryKind.Disburse => (0, 0, amount, 0),
        LedgerEntryKind.Refund => (0, 0, -amount, 0),
        _ => (0, 0, 0, amount),
    };
}

/// <summary>What caused a ledger movement: the subject and, for workflow steps, the transition.</summary>
public sealed record LedgerReference(DateTimeOffset At, string Actor, string Note, Guid? ProposalId = null, Guid? DisbursementId = null,
    Guid? SettlementId = null, Guid? InstanceId = null, int? JournalSequence = null);

/// <summary>One append-only movement of one balance column. The balances are the sums of these.</summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { }

    internal LedgerEntry(BudgetBalance balance, LedgerEntryKind kind, long amount, LedgerReference reference)
    {
        PlanId = balance.PlanId;
        PlanLineId = balance.PlanLineId;
        Source = balance.Source;
        Kind = kind;
        Amount = amount;
        At = reference.At;
        Actor = reference.Actor;
        Note = reference.Note;
        ProposalId = reference.ProposalId;
        DisbursementId = reference.DisbursementId;
        SettlementId = reference.SettlementId;
        InstanceId = reference.InstanceId;
        JournalSequence = reference.JournalSequence;
    }

    public long Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid PlanLineId { get; private set; }
    public FundingSource Source { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    public long Amount { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Note { get; private set; } = "";
    public Guid? ProposalId { get; private set; }
    public Guid? DisbursementId { get; private set; }
    public Guid? SettlementId { get; private set; }
    public Guid? InstanceId { get; private set; }
    public int? JournalSequence { get; private set; }
}
