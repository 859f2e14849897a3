using Workflow.Domain.Catalog;

namespace Workflow.Domain.Audit;

/// <summary>
/// One thing a verification found wrong: a machine-readable <see cref="Code"/> (<see cref="AuditProblemCodes"/>), a
/// Vietnamese message with the figures compared, and the ids of what it concerns — the instance and entry, or the
/// balance row and ledger entry, or the plan.
/// </summary>
public sealed record AuditProblem(string Code, string Message)
{
    public Guid? InstanceId { get; init; }
    public string? SubjectType { get; init; }
    public Guid? SubjectId { get; init; }

    /// <summary>The journal entry's sequence within its instance.</summary>
    public int? Sequence { get; init; }
    public long? JournalEntryId { get; init; }
    public Guid? PlanId { get; init; }
    public Guid? PlanLineId { get; init; }
    public FundingSource? Source { get; init; }
    public long? BalanceId { get; init; }
    public long? LedgerEntryId { get; init; }

    /// <summary>The ledger entry's sequence within its balance row.</summary>
    public int? LedgerSequence { get; init; }
}

/// <summary>The problem codes a verification reports; clients and monitoring match on these, never on the message.</summary>
public static class AuditProblemCodes
{
    /// <summary>A journal entry's sequence is not the next one: an entry before it was deleted, or entries were renumbered.</summary>
    public const string JournalSequence = "journal.sequence";
    /// <summary>A journal entry does not name the hash of the entry before it.</summary>
    public const string JournalLink = "journal.link";
    /// <summary>A journal entry's content no longer matches its seal.</summary>
    public const string JournalHash = "journal.hash";
    /// <summary>A journal entry's data no longer matches its data hash.</summary>
    public const string JournalData = "journal.data";
    /// <summary>A journal entry names a key that is neither the journal key nor a previous one: it was sealed again by someone else.</summary>
    public const string JournalRekeyed = "journal.rekeyed";
    /// <summary>A journal entry carries the unkeyed hash of the time before the key, where only a sealed entry can be.</summary>
    public const string JournalDowngraded = "journal.downgraded";
    /// <summary>A journal entry belongs to no instance.</summary>
    public const string JournalOrphan = "journal.orphan";

    /// <summary>An instance has no journal entry at all.</summary>
    public const string InstanceNoJournal = "instance.noJournal";
    /// <summary>An instance's revision is past its last entry: the last entries were deleted.</summary>
    public const string InstanceMissingTail = "instance.missingTail";
    /// <summary>An instance is in a state no journal entry brought it to.</summary>
    public const string InstanceStateWithoutEntry = "instance.stateWithoutEntry";

    /// <summary>A subject's fields (money, title, treasury reference…) no longer match what its last entry attests.</summary>
    public const string SubjectChanged = "subject.changed";
    /// <summary>A proposal, disbursement or settlement has no workflow instance.</summary>
    public const string SubjectNoInstance = "subject.noInstance";

    /// <summary>A ledger entry's sequence is not the next one of its balance row.</summary>
    public const string LedgerSequence = "ledger.sequence";
    /// <summary>A ledger entry does not name the hash of the row's entry before it.</summary>
    public const string LedgerLink = "ledger.link";
    /// <summary>A ledger entry's content no longer matches its seal.</summary>
    public const string LedgerHash = "ledger.hash";
    /// <summary>A ledger entry names a key that is neither the journal key nor a previous one.</summary>
    public const string LedgerRekeyed = "ledger.rekeyed";
    /// <summary>A ledger entry carries no seal where only a sealed entry can be.</summary>
    public const string LedgerDowngraded = "ledger.downgraded";
    /// <summary>A balance row's recorded head is not its last entry: entries at the end were deleted or added.</summary>
    public const string LedgerHead = "ledger.head";
    /// <summary>A balance column is not the sum of its ledger entries.</summary>
    public const string LedgerBalance = "ledger.balance";
    /// <summary>A balance row's allocations do not add up to its plan line's amount for that source.</summary>
    public const string LedgerAllocation = "ledger.allocation";
    /// <summary>The ledger movements of a transition are not those its journal entry attests.</summary>
    public const string LedgerMovements = "ledger.movements";
    /// <summary>Ledger movements name a journal entry that does not exist.</summary>
    public const string LedgerNoJournalEntry = "ledger.noJournalEntry";
    /// <summary>Ledger entries belong to no balance row.</summary>
    public const string LedgerOrphan = "ledger.orphan";

    /// <summary>A head recorded in a checkpoint is no longer on its chain with the same hash: history before the checkpoint was rewritten.</summary>
    public const string CheckpointHead = "checkpoint.head";
}
