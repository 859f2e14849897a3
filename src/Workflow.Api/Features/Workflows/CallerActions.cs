using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows;

/// <summary>Where an instance stands for the caller: the version it follows, its state's label, and the actions the caller may take now.</summary>
public sealed class CallerActions(WorkflowDbContext db, DefinitionCatalog catalog, InstanceAccess access, TimeProvider clock)
{
    /// <param name="OnBehalfOf">Whom the caller's actions would be taken for, when only a delegation lets them act.</param>
    public sealed record Standing(WorkflowDefinition Definition, string StateName, IReadOnlyList<ActionView> Actions, Mandate? OnBehalfOf = null);

    public async Task<Standing> OfAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var history = await db.PastActionsAsync(instance.Id, ct);
        var parts = await db.UnitPartsAsync(instance.UnitCode, WorkingCalendar.VietnamToday(clock), ct);
        var claim = (await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.InstanceId == instance.Id && t.ClosedAt == null, ct))?.Claim;
        var actor = await access.ActorAsync(ct);
        return new Standing(definition, definition.State(instance.State).DisplayName,
            WorkflowRules.AvailableActions(definition, instance, actor, history, parts, claim).Select(GetInstanceHandler.ActionOf).ToList(),
            WorkflowRules.ActingFor(definition, instance, actor, history, parts, claim));
    }
}
