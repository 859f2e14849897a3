namespace Workflow.Domain.Workflows;

/// <summary>
/// A human task (bookmark): the state waits for someone of <see cref="Role"/> in the target unit (and agency)
/// to act, by <see cref="DueAt"/>. Closed by the transition that leaves the state.
/// </summary>
public sealed class WorkflowTask
{
    private WorkflowTask() { State = Role = TargetUnitCode = Title = SubjectType = ""; }

    public WorkflowTask(Guid id, WorkflowInstance instance, TaskDefinition task, string targetUnitCode, string? targetAgencyCode,
        DateTimeOffset openedAt, DateTimeOffset? dueAt)
    {
        Id = id;
        InstanceId = instance.Id;
        SubjectType = instance.SubjectType;
        SubjectId = instance.SubjectId;
        State = instance.State;
        Role = task.Role;
        Scope = task.Scope;
        TargetUnitCode = targetUnitCode;
        TargetAgencyCode = targetAgencyCode;
        Title = task.Title;
        OpenedAt = openedAt;
        DueAt = dueAt;
    }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public string State { get; private set; }
    public string Role { get; private set; }
    public TaskScope Scope { get; private set; }
    public string TargetUnitCode { get; private set; }
    public string? TargetAgencyCode { get; private set; }
    public string Title { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? ClosedByAction { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>Who claimed the task (<see cref="Claim"/>); the concurrency token that keeps a firing from passing a claim made meanwhile.</summary>
    public Guid? ClaimedById { get; private set; }
    public string? ClaimedBy { get; private set; }
    public string? ClaimedByName { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>The officer holding the task, whom colleagues of the same role leave it to; null while anyone of the role may take it.</summary>
    public TaskClaim? Claim => ClaimedById is { } id ? new TaskClaim(id, ClaimedBy!, ClaimedByName ?? ClaimedBy!, ClaimedAt!.Value) : null;

    public bool IsOpen => ClosedAt is null;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueAt is { } due && due < now;

    public void Close(string actor, string action, DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedBy = actor;
        ClosedByAction = action;
    }
}
