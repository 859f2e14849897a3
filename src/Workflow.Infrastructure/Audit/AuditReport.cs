using Workflow.Domain.Audit;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// What a verification found. <see cref="Intact"/> is true when it found no problem; <see cref="Problems"/> lists the
/// first <see cref="JournalAuditor.MaxListedProblems"/> of <see cref="ProblemCount"/>, each with its code and ids.
/// </summary>
/// <param name="Full">Every chain from its start; false when only what changed since run <paramref name="SinceRunId"/> was checked.</param>
/// <param name="LegacyEntries">Journal entries from before the key, hashed with plain SHA-256: they verify as written, but anyone who can write the database could have rewritten them consistently.</param>
/// <param name="UnsealedLedgerEntries">Ledger entries from before the ledger was chained: only the balance sums vouch for them.</param>
public sealed record AuditReport(
    bool Intact, bool Full, DateTimeOffset CheckedAt, long? SinceRunId,
    int Instances, long Entries, int BalanceRows, long LedgerEntries, long LegacyEntries, long UnsealedLedgerEntries,
    CheckpointOutcome? Checkpoint, int ProblemCount, IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>The run this report was recorded as.</summary>
    public long? RunId { get; init; }
}

/// <summary>The checkpoint a verification was held against, and how many of its heads are still on their chains.</summary>
public sealed record CheckpointOutcome(DateTimeOffset TakenAt, string KeyId, int HeadsChecked, int HeadsChanged);

/// <summary>A report with the highest entry ids it covered and how many entries it checked.</summary>
public sealed record AuditOutcome(AuditReport Report, long JournalThrough, long LedgerThrough, long Checked);
