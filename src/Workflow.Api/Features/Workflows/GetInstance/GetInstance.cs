using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows.GetInstance;

public sealed record GetInstanceQuery(Guid Id) : IRequest<InstanceView>;

public sealed record InstanceView(
    Guid Id, string DefinitionId, int DefinitionVersion, string SubjectType, Guid SubjectId, string UnitCode, string AgencyCode,
    string State, string StateName, bool Completed, int Revision, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt,
    TaskView? OpenTask, IReadOnlyList<ActionView> AvailableActions);

public sealed record TaskView(Guid Id, string Title, string Role, DateTimeOffset? DueAt, bool Overdue);

/// <summary>An action the caller may take now: the UI renders one button per entry.</summary>
public sealed record ActionView(string Action, string DisplayName, string To, bool RequiresComment, IReadOnlyList<string> RequiredData);

public sealed class GetInstanceHandler(WorkflowDbContext db, DefinitionCatalog catalog, InstanceAccess access, TimeProvider clock)
    : IRequestHandler<GetInstanceQuery, InstanceView>
{
    public async Task<InstanceView> Handle(GetInstanceQuery request, CancellationToken cancellationToken)
    {
        var instance = await access.FindAsync(request.Id, cancellationToken);
        return await ViewOf(db, catalog, access, clock, instance, cancellationToken);
    }

    public static async Task<InstanceView> ViewOf(WorkflowDbContext db, DefinitionCatalog catalog, InstanceAccess access, TimeProvider clock,
        WorkflowInstance instance, CancellationToken ct)
    {
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var journal = await db.Journal.AsNoTracking().Where(e => e.InstanceId == instance.Id).ToListAsync(ct);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.InstanceId == instance.Id && t.ClosedAt == null, ct);
        var now = clock.GetUtcNow();
        return new InstanceView(
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.SubjectType, instance.SubjectId, instance.UnitCode, instance.AgencyCode,
            instance.State, definition.State(instance.State).DisplayName, instance.IsCompleted, instance.Revision, instance.StartedAt, instance.UpdatedAt,
            task is null ? null : new TaskView(task.Id, task.Title, task.Role, task.DueAt, task.IsOverdue(now)),
            WorkflowRules.AvailableActions(definition, instance, access.Actor, journal).Select(ActionOf).ToList());
    }

    public static ActionView ActionOf(TransitionDefinition t) => new(t.Action, t.DisplayName, t.To, t.RequiresComment,
        t.Guards.Where(g => g.Name == "requireData" && g.Args.TryGetProperty("fields", out _))
            .SelectMany(g => g.Args.GetProperty("fields").EnumerateObject().Select(f => f.Name)).ToList());
}
