using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>The narrow reads of the journal that deciding an action needs: who did what, and the last link of the chain.</summary>
public static class JournalQueries
{
    /// <summary>Who did what on one instance, oldest first.</summary>
    public static async Task<List<PastAction>> PastActionsAsync(this WorkflowDbContext db, Guid instanceId, CancellationToken ct) =>
        await db.Journal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Sequence)
            .Select(e => new PastAction(e.ActorId, e.Action, e.OnBehalfOfId)).ToListAsync(ct);

    /// <summary>Who did what on each of several instances (an inbox page).</summary>
    public static async Task<ILookup<Guid, PastAction>> PastActionsAsync(this WorkflowDbContext db, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct) =>
        (await db.Journal.AsNoTracking().Where(e => instanceIds.Contains(e.InstanceId))
            .Select(e => new { e.InstanceId, e.ActorId, e.Action, e.OnBehalfOfId }).ToListAsync(ct))
        .ToLookup(e => e.InstanceId, e => new PastAction(e.ActorId, e.Action, e.OnBehalfOfId));
}
