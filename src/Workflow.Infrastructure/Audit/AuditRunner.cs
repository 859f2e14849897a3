using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Audit;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// Runs verifications and records them as <see cref="AuditRun"/>s: at once for a request, or queued for the
/// background, where a server claims a queued run by a conditional update, renews its claim as it reports progress,
/// and another server takes the run over when a claim expires.
/// </summary>
public sealed class AuditRunner(WorkflowDbContext db, JournalAuditor auditor, JournalKeyOptions options, TimeProvider clock, ILogger<AuditRunner> logger)
{
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Verifies now and records the run; an intact run becomes the next incremental run's starting point.</summary>
    public async Task<AuditReport> VerifyNowAsync(bool full, JournalCheckpoint? checkpoint, string requestedBy, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var outcome = await auditor.VerifyAsync(full, checkpoint, null, ct);
        var report = outcome.Report;
        var run = AuditRun.Answered(report.Full, requestedBy, started, clock.GetUtcNow(), outcome.Checked, report.Intact, report.ProblemCount,
            outcome.JournalThrough, outcome.LedgerThrough, JsonSerializer.Serialize(report, AuditJson.Options));
        db.AuditRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return report with { RunId = run.Id };
    }

    /// <summary>
    /// Queues a full verification (against <paramref name="checkpoint"/> when given) for a background server. The same
    /// verification already waiting or running is answered instead of queueing another: a full run reads everything,
    /// and asking twice must not make the servers read it twice.
    /// </summary>
    public async Task<AuditRun> QueueAsync(JournalCheckpoint? checkpoint, string requestedBy, CancellationToken ct)
    {
        var json = checkpoint is null ? null : JsonSerializer.Serialize(checkpoint, AuditJson.Options);
        var pending = await db.AuditRuns.AsNoTracking()
            .Where(r => (r.Status == AuditRunStatus.Queued || r.Status == AuditRunStatus.Running) && r.Full && r.Checkpoint == json)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (pending is not null) return pending;
        var run = AuditRun.Queue(full: true, requestedBy, clock.GetUtcNow(), json);
        db.AuditRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Claims and runs the oldest queued run (or one whose server stopped renewing its claim).</summary>
    /// <returns>Whether a run was claimed.</returns>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidate = await db.AuditRuns.AsNoTracking()
            .Where(r => r.Status == AuditRunStatus.Queued || (r.Status == AuditRunStatus.Running && r.ClaimedUntil < now))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Checkpoint }).FirstOrDefaultAsync(ct);
        if (candidate is null || !await ClaimAsync(candidate.Id, ct)) return false;

        try
        {
            var checkpoint = candidate.Checkpoint is null ? null : JsonSerializer.Deserialize<JournalCheckpoint>(candidate.Checkpoint, AuditJson.Options);
            var outcome = await auditor.VerifyAsync(true, checkpoint, (done, total, token) => ProgressAsync(candidate.Id, done, total, token), ct);
            var report = outcome.Report with { RunId = candidate.Id };
            var json = JsonSerializer.Serialize(report, AuditJson.Options);
            var node = Node;
            await db.AuditRuns.Where(r => r.Id == candidate.Id && r.ClaimedBy == node).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, AuditRunStatus.Completed).SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Checked, outcome.Checked).SetProperty(r => r.Intact, report.Intact).SetProperty(r => r.ProblemCount, report.ProblemCount)
                .SetProperty(r => r.JournalThrough, outcome.JournalThrough).SetProperty(r => r.LedgerThrough, outcome.LedgerThrough)
                .SetProperty(r => r.Report, json).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Background verification {RunId} failed", candidate.Id);
            var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await db.AuditRuns.Where(r => r.Id == candidate.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, AuditRunStatus.Failed).SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Error, error).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        return true;
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.VerificationClaimDuration;
        var node = Node;
        return await db.AuditRuns
            .Where(r => r.Id == id && (r.Status == AuditRunStatus.Queued || (r.Status == AuditRunStatus.Running && r.ClaimedUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AuditRunStatus.Running).SetProperty(r => r.ClaimedBy, node)
                .SetProperty(r => r.ClaimedUntil, until).SetProperty(r => r.StartedAt, now).SetProperty(r => r.Checked, 0L), ct) == 1;
    }

    /// <summary>Reports progress and renews the claim: a server that stops reporting loses the run to another.</summary>
    private async Task ProgressAsync(long id, long done, long total, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + options.VerificationClaimDuration;
        var node = Node;
        await db.AuditRuns.Where(r => r.Id == id && r.ClaimedBy == node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Checked, done).SetProperty(r => r.Total, total).SetProperty(r => r.ClaimedUntil, until), ct);
    }
}

/// <summary>Runs queued verifications on every server; whichever claims a run first runs it.</summary>
public sealed class AuditRunService(IServiceScopeFactory scopes, JournalKeyOptions options, ILogger<AuditRunService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<AuditRunner>().RunNextAsync(stoppingToken)) continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Looking for queued verifications failed; retrying");
            }
            try { await Task.Delay(options.VerificationPollInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
