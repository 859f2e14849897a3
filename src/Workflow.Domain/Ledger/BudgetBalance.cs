using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;

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
    /// <summary>Unspent allocation of a closed year is cancelled (hủy dự toán, RULES.md 25).</summary>
    Lapse,
}

/// <summary>
/// One plan line's money in one source: allocated ≥ committed ≥ disbursed ≥ settled. Every change goes through a
/// method that checks that order and returns the entry explaining it; <see cref="Revision"/> is the concurrency
/// token, so two approvals that read the same balance cannot both commit against it.
/// </summary>
/// <remarks>
/// The row's entries form a chain of their own (<see cref="LedgerEntry.Sequence"/>, <see cref="LedgerEntry.PreviousHash"/>),
/// so money on different lines never waits on one chain head; the row keeps its head, so appending reads nothing more
/// than the row the change already loads, and the revision that guards the money guards the head as well.
/// </remarks>
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

    /// <summary>The sequence of the row's last ledger entry (0 before the first).</summary>
    public int HeadSequence { get; private set; }

    /// <summary>The seal of the row's last sealed ledger entry; <see cref="JournalEntry.Genesis"/> before the first.</summary>
    public string HeadHash { get; private set; } = JournalEntry.Genesis;

    /// <summary>What approvals may still commit.</summary>
    public long Uncommitted => Allocated - Committed;

    public LedgerEntry Apply(LedgerEntryKind kind, long amount, LedgerReference reference)
    {
        if (amount < 0 && kind != LedgerEntryKind.Allocate)
            throw new ArgumentOutOfRangeException(nameof(amount), "Only allocation changes may be negative.");
        var effect = Effect(kind, amount);
        var allocated = checked(Allocated + effect.Allocated);
        var committed = checked(Committed + effect.Committed);
        var disbursed = checked(Disbursed + effect.Disbursed);
        var settled = checked(Settled + effect.Settled);
        if (!(allocated >= committed && committed >= disbursed && disbursed >= settled && settled >= 0))
            throw new ConflictException(
                $"Sổ theo dõi {Component} – {FundingSources.NameOf(Source)} sẽ mất cân đối ({kind} {Vnd.Format(amount)}): " +
                $"giao {Vnd.Format(allocated)}, cam kết {Vnd.Format(committed)}, giải ngân {Vnd.Format(disbursed)}, quyết toán {Vnd.Format(settled)}.",
                "ledger.unbalanced");
        (Allocated, Committed, Disbursed, Settled) = (allocated, committed, disbursed, settled);
        Revision++;
        HeadSequence++;
        return new LedgerEntry(this, HeadSequence, kind, amount, reference);
    }

    /// <summary>
    /// Seals the next entry of this row's chain after the current head and makes it the head. Entries are sealed when
    /// they are saved, in the order <see cref="Apply"/> made them.
    /// </summary>
    public void Seal(LedgerEntry entry, JournalKey key)
    {
        if (entry.PlanLineId != PlanLineId || entry.Source != Source)
            throw new InvalidOperationException($"Ledger entry {entry.Sequence} of line {entry.PlanLineId} {entry.Source} does not belong to balance {PlanLineId} {Source}.");
        entry.Seal(key, HeadHash);
        HeadHash = entry.Hash;
    }

    /// <summary>
    /// The one mapping of an entry kind to the column it moves: what an entry of <paramref name="kind"/> adds to each
    /// column. <see cref="Apply"/> moves the balance by it, and the report proves each balance is the sum of its entries with it.
    /// </summary>
    public static BalanceColumns Effect(LedgerEntryKind kind, long amount) => kind switch
    {
        LedgerEntryKind.Allocate or LedgerEntryKind.CarryIn => new(amount, 0, 0, 0),
        LedgerEntryKind.CarryOut or LedgerEntryKind.Lapse => new(-amount, 0, 0, 0),
        LedgerEntryKind.Commit => new(0, amount, 0, 0),
        LedgerEntryKind.Release => new(0, -amount, 0, 0),
        LedgerEntryKind.Disburse => new(0, 0, amount, 0),
        LedgerEntryKind.Refund => new(0, 0, -amount, 0),
        LedgerEntryKind.Settle => new(0, 0, 0, amount),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
    };
}

/// <summary>The four columns of a balance, or a change to them.</summary>
public readonly record struct BalanceColumns(long Allocated, long Committed, long Disbursed, long Settled)
{
    public static BalanceColumns operator +(BalanceColumns a, BalanceColumns b) =>
        new(checked(a.Allocated + b.Allocated), checked(a.Committed + b.Committed), checked(a.Disbursed + b.Disbursed), checked(a.Settled + b.Settled));
}

/// <summary>What caused a ledger movement: the subject and, for workflow steps, the transition.</summary>
public sealed record LedgerReference(DateTimeOffset At, string Actor, string Note, Guid? ProposalId = null, Guid? DisbursementId = null,
    Guid? SettlementId = null, Guid? InstanceId = null, int? JournalSequence = null);

/// <summary>
/// One append-only movement of one balance column. The balances are the sums of these. Each is the next link of its
/// balance row's chain, sealed with the journal key over its fields, its place in the chain and the journal entry of
/// the transition that caused it (<see cref="InstanceId"/>, <see cref="JournalSequence"/>), if one did.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { }

    internal LedgerEntry(BudgetBalance balance, int sequence, LedgerEntryKind kind, long amount, LedgerReference reference)
    {
        PlanId = balance.PlanId;
        PlanLineId = balance.PlanLineId;
        Source = balance.Source;
        Sequence = sequence;
        Scheme = HashScheme.HmacSha256;
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

    /// <summary>The entry's place in its balance row's chain, from 1.</summary>
    public int Sequence { get; private set; }

    /// <summary>The seal of the row's entry before this one; <see cref="JournalEntry.Genesis"/> for the first sealed one.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>The key's seal of <see cref="SealedText"/>; empty for entries from before the chain (<see cref="HashScheme.Unsealed"/>).</summary>
    public string Hash { get; private set; } = "";

    public string? KeyId { get; private set; }

    public HashScheme Scheme { get; private set; }

    public bool IsSealed => Hash.Length > 0;

    internal void Seal(JournalKey key, string previousHash)
    {
        if (IsSealed) throw new InvalidOperationException($"Ledger entry {PlanLineId} {Source} #{Sequence} is already sealed.");
        Scheme = HashScheme.HmacSha256;
        KeyId = key.Id;
        PreviousHash = previousHash;
        Hash = key.Sign(SealedText());
    }

    /// <summary>What the seal covers: every field of the movement, what caused it, the key and the link.</summary>
    public string SealedText() => new CanonicalFields()
        .Add("scheme", (long)Scheme).Add("key", KeyId)
        .Add("plan", PlanId).Add("line", PlanLineId).Add("source", Source.ToString()).Add("sequence", Sequence)
        .Add("kind", Kind.ToString()).Add("amount", Amount).Add("at", At).Add("actor", Actor).Add("note", Note)
        .Add("proposal", ProposalId).Add("disbursement", DisbursementId).Add("settlement", SettlementId)
        .Add("instance", InstanceId).Add("journalSequence", JournalSequence)
        .Add("previous", PreviousHash)
        .ToString();
}
