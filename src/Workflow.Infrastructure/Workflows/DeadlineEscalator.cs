using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Applies the escalation of every overdue task exactly once, however many servers run it: each task is claimed
/// by a conditional update in the same transaction as its escalation, so only one server's claim commits.
/// </summary>
public sealed class DeadlineEscalator(WorkflowDbContext db, DefinitionCatalog catalog, IWorkflowRuntime runtime, TimeProvider clock, ILogger<DeadlineEscalator> logger)
{
    /// <returns>How many tasks this call escalated.</returns>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var overdue = await db.Tasks.AsNoTracking()
            .Where(t => t.ClosedAt == null && t.EscalatedAt == null && t.DueAt != null && t.DueAt < now)
            .OrderBy(t => t.DueAt)
            .Take(100)
            .ToListAsync(ct);

        var escalated = 0;
        foreach (var task in overdue)
        {
            try
            {
                if (await EscalateAsync(task, now, ct)) escalated++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Escalating task {TaskId} failed; it stays unclaimed and is retried", task.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return escalated;
    }

    private async Task<bool> EscalateAsync(WorkflowTask task, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Tasks
            .Where(t => t.Id == task.Id && t.EscalatedAt == null && t.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.EscalatedAt, now), ct);
        if (claimed == 0) return false; // another server escalated it, or it was acted on meanwhile

        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        var state = catalog.Get(instance.DefinitionId, instance.DefinitionVersion).State(task.State);
        var escalation = state.Task?.Escalation;
        if (escalation is { NotifyRoles.Count: > 0 })
        {
            OutboxWriter.Add(db, new TaskEscalated(task.Id, task.InstanceId, task.SubjectType, task.SubjectId, state.DisplayName, task.Title,
                escalation.NotifyRoles, task.TargetUnitCode, task.DueAt!.Value), now);
            await db.SaveChangesAsync(ct);
        }
        if (escalation?.Action is { } action)
            await runtime.FireAsync(task.InstanceId, action, Actor.System, $"Tự động: quá hạn xử lý ({task.DueAt:dd/MM/yyyy}).", null, ct);

        await transaction.CommitAsync(ct);
        Telemetry.WorkflowTelemetry.TasksOverdue.Add(1, new KeyValuePair<string, object?>("workflow.state", task.State));
        logger.LogInformation("Task {TaskId} ({State}) overdue since {DueAt}: escalated", task.Id, task.State, task.DueAt);
        return true;
    }
}

/// <summary>Looks for overdue tasks on every server; the escalator makes sure each is escalated once.</summary>
public sealed class DeadlineService(IServiceScopeFactory scopes, WorkflowOptions options, ILogger<DeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineEscalator>().EscalateOverdueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Deadline scan failed; retrying");
            }
            try { await Task.Delay(options.DeadlineScanInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
