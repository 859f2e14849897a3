using System.Text.Json;

namespace Workflow.Domain.Workflows;

/// <summary>A process as data (<c>workflows/*.workflow.json</c>): states, the human task each opens, and the transitions between them.</summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string DisplayName,
    string SubjectType,
    string InitialState,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions)
{
    public StateDefinition State(string name) => States.First(s => s.Name == name);

    public StateDefinition? FindState(string name) => States.FirstOrDefault(s => s.Name == name);

    public IEnumerable<TransitionDefinition> From(string state) => Transitions.Where(t => t.From == state);

    public TransitionDefinition? Find(string state, string action) => Transitions.FirstOrDefault(t => t.From == state && t.Action == action);
}

public sealed record StateDefinition(string Name, string DisplayName, bool Terminal, TaskDefinition? Task);

/// <summary>The human task a state opens: who may act (role within a scope), the deadline in working days, and what happens when it passes.</summary>
public sealed record TaskDefinition(string Role, TaskScope Scope, string Title, int? DeadlineDays, EscalationDefinition? Escalation);

/// <summary>When a task is overdue: tell these roles (in the task's scope, or the unit above), and/or fire an action as the system.</summary>
public sealed record EscalationDefinition(IReadOnlyList<string> NotifyRoles, string? Action);

public enum TaskScope
{
    /// <summary>Officers of the subject's own agency (the lead agency that owns it).</summary>
    SameAgency,
    /// <summary>Officers of any agency in the subject's administrative unit.</summary>
    SameUnit,
    /// <summary>Officers of the unit above the subject's (a district plan escalated to the province).</summary>
    ParentUnit,
}

public sealed record TransitionDefinition(
    string From,
    string Action,
    string To,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool RequiresComment,
    IReadOnlyList<string> SeparateFrom,
    IReadOnlyList<StepReference> Guards,
    IReadOnlyList<StepReference> Effects);

/// <summary>A named guard or effect with its JSON arguments, e.g. <c>{"guard":"requireData","args":{"fields":["decisionNumber"]}}</c>.</summary>
public sealed record StepReference(string Name, JsonElement Args);
