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

/// <param name="ClaimedBy">Who holds the task, when an officer claimed it.</param>
public sealed record TaskView(Guid Id, string Title, string Role, DateTimeOffset? DueAt, bool Overdue, TaskHolder? ClaimedBy = null);

/// <summary>The officer who claimed a task: login name, full name and position, and since when ("Đang xử lý: …").</summary>
public sealed record TaskHolder(string UserName, string Name, DateTimeOffset Since)
{
    public static TaskHolder? Of(Domain.Workflows.TaskClaim? claim) => claim is null ? null : new(claim.HolderUserName, claim.HolderName, claim.At);
}

/// <summary>An action the caller may take now: the UI renders one button per entry.</summary>
public sealed record ActionView(string Action, string DisplayName, string To, bool RequiresComment, IReadOnlyList<string> RequiredData);

public sealed class GetInstanceHandler(WorkflowDbContext db, InstanceAccess access, CallerActions callerActions, TimeProvider clock)
    : IRequestHandler<GetInstanceQuery, InstanceView>
{
    public async Task<InstanceView> Handle(GetInstanceQuery request, CancellationToken cancellationToken)
    {
        var instance = await access.FindAsync(request.Id, cancellationToken);
        var standing = await callerActions.OfAsync(instance, cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.InstanceId == instance.Id && t.ClosedAt == null, cancellationToken);
        var now = clock.GetUtcNow();
        return new InstanceView(
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.SubjectType, instance.SubjectId, instance.UnitCode, instance.AgencyCode,
            instance.State, standing.StateName, instance.IsCompleted, instance.Revision, instance.StartedAt, instance.UpdatedAt,
            task is null ? null : new TaskView(task.Id, task.Title, task.Role, task.DueAt, task.IsOverdue(now), TaskHolder.Of(task.Claim)),
            standing.Actions);
    }

    public static ActionView ActionOf(TransitionDefinition t) => new(t.Action, t.DisplayName, t.To, t.RequiresComment,
        t.Guards.Where(g => g.Name == "requireData" && g.Args.TryGetProperty("fields", out _))
            .SelectMany(g => g.Args.GetProperty("fields").EnumerateObject().Select(f => f.Name)).ToList());
}
