namespace Workflow.Infrastructure.Workflows;

// Events carry ids and the few facts a consumer needs to act, never entities.

/// <summary>A task opened: someone of <see cref="Role"/> in the target unit (and agency) must act by <see cref="DueAt"/>.</summary>
public sealed record TaskOpened(
    Guid TaskId, Guid InstanceId, string SubjectType, Guid SubjectId, string State, string StateName, string Title,
    string Role, string TargetUnitCode, string? TargetAgencyCode, DateTimeOffset? DueAt);

/// <summary>A task passed its deadline; the roles named by the state's escalation are told.</summary>
public sealed record TaskEscalated(
    Guid TaskId, Guid InstanceId, string SubjectType, Guid SubjectId, string StateName, string Title,
    IReadOnlyList<string> NotifyRoles, string TargetUnitCode, DateTimeOffset DueAt);

/// <summary>An instance moved from one state to another.</summary>
public sealed record WorkflowTransitioned(
    Guid InstanceId, string DefinitionId, int DefinitionVersion, string SubjectType, Guid SubjectId,
    string? From, string Action, string To, string ActorName, int Revision);

/// <summary>A definition's <c>notify</c> effect: tell these roles of the subject's unit.</summary>
public sealed record NotificationRequested(
    Guid InstanceId, string SubjectType, Guid SubjectId, IReadOnlyList<string> Roles, string UnitCode, string? AgencyCode, string Message);

public static class MessageTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName =
        new[] { typeof(TaskOpened), typeof(TaskEscalated), typeof(WorkflowTransitioned), typeof(NotificationRequested) }
            .ToDictionary(t => t.Name);
}
