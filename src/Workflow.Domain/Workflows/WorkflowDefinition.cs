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

    /// <summary>The transition an action fires from a state; of alternatives (<see cref="TransitionDefinition.When"/>), the first, which speaks for all of them on who may act.</summary>
    public TransitionDefinition? Find(string state, string action) => Transitions.FirstOrDefault(t => t.From == state && t.Action == action);

    /// <summary>Every transition the action may take from the state, in the file's order: the runtime fires the first whose <c>when</c> holds.</summary>
    public IReadOnlyList<TransitionDefinition> Alternatives(string state, string action) => Transitions.Where(t => t.From == state && t.Action == action).ToList();
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
    IReadOnlyList<StepReference> Effects,
    TransitionCondition? When = null)
{
    /// <summary>The label a diagram draws on the arrow: the button's label and, for one of several alternatives, when it is taken.</summary>
    public string DiagramLabel => When is null ? DisplayName : $"{DisplayName} ({When.DisplayName})";
}

/// <summary>
/// When one of several transitions of the same action from the same state is taken: its guards all pass. Such guards only
/// read; the alternative that comes last in the file has no condition and is taken otherwise.
/// </summary>
public sealed record TransitionCondition(string DisplayName, IReadOnlyList<StepReference> Guards);

/// <summary>A named guard or effect with its JSON arguments, e.g. <c>{"guard":"requireData","args":{"fields":["decisionNumber"]}}</c>.</summary>
public sealed record StepReference(string Name, JsonElement Args);
