namespace Workflow.Domain.Audit;

public enum AuditRunStatus { Queued, Running, Completed, Failed }

/// <summary>
/// One verification of the journal and the ledger: asked for in a request and answered at once, or queued and run in
/// the background by whichever server claims it first. A completed run that found everything intact is a verified
/// point: the next incremental verification checks only entries with ids above <see cref="JournalThrough"/> and
/// <see cref="LedgerThrough"/>. A database row rather than memory, so any server can report a run's progress and a run
/// left by a server that died is taken over when its claim expires.
/// </summary>
public sealed class AuditRun
{
    private AuditRun() { RequestedBy = ""; }

    public long Id { get; private set; }

    /// <summary>Every chain from its start (true), or only what changed since the last verified point.</summary>
    public bool Full { get; private set; }
    public AuditRunStatus Status { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>Journal and ledger entries to check, and checked so far.</summary>
    public long Total { get; private set; }
    public long Checked { get; private set; }

    public bool? Intact { get; private set; }
    public int? ProblemCount { get; private set; }

    /// <summary>The highest journal entry id the run covered (0 until it completes).</summary>
    public long JournalThrough { get; private set; }

    /// <summary>The highest ledger entry id the run covered (0 until it completes).</summary>
    public long LedgerThrough { get; private set; }

    /// <summary>The checkpoint to verify against, as sent (JSON), if any.</summary>
    public string? Checkpoint { get; private set; }

    /// <summary>The report (JSON) once completed.</summary>
    public string? Report { get; private set; }

    /// <summary>Why the run could not complete.</summary>
    public string? Error { get; private set; }

    public static AuditRun Queue(bool full, string requestedBy, DateTimeOffset now, string? checkpoint = null) =>
        new() { Full = full, Status = AuditRunStatus.Queued, RequestedBy = requestedBy, RequestedAt = now, Checkpoint = checkpoint };

    /// <summary>A run answered in the request that asked for it.</summary>
    public static AuditRun Answered(bool full, string requestedBy, DateTimeOffset startedAt, DateTimeOffset now, long checkedEntries, bool intact, int problems,
        long journalThrough, long ledgerThrough, string report) =>
        new()
        {
            Full = full, Status = AuditRunStatus.Completed, RequestedBy = requestedBy, RequestedAt = startedAt, StartedAt = startedAt, FinishedAt = now,
            Total = checkedEntries, Checked = checkedEntries, Intact = intact, ProblemCount = problems,
            JournalThrough = journalThrough, LedgerThrough = ledgerThrough, Report = report,
        };
}
