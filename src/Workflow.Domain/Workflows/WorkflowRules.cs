using Workflow.Domain.Identity;

namespace Workflow.Domain.Workflows;

/// <summary>Why an action is refused, worded for the person who tried it.</summary>
public enum Refusal
{
    None,
    /// <summary>The action does not exist in the current state (409).</summary>
    NotAvailable,
    /// <summary>The actor's role or place does not allow it (403).</summary>
    NotAllowed,
    /// <summary>Maker ≠ checker: the actor already acted as maker on this subject (403).</summary>
    SameActor,
}

/// <summary>The checks that decide whether an actor may fire an action, apart from guards: pure, so the inbox and the runtime agree.</summary>
public static class WorkflowRules
{
    /// <param name="history">Who did what on the instance so far (maker ≠ checker).</param>
    /// <param name="parts">Who administration assigned to appraise, approve and pay for the instance's unit.</param>
    public static (Refusal Refusal, string Reason) Check(WorkflowDefinition definition, WorkflowInstance instance,
        string action, Actor actor, IReadOnlyCollection<PastAction> history, UnitParts parts)
    {
        var state = definition.State(instance.State);
        if (instance.IsCompleted)
            return (Refusal.NotAvailable, $"Hồ sơ đã kết thúc ở trạng thái '{state.DisplayName}'.");

        var transition = definition.Find(instance.State, action);
        if (transition is null)
        {
            var possible = definition.From(instance.State).Select(t => $"{t.Action} ({t.DisplayName})").Distinct().ToList();
            return (Refusal.NotAvailable, $"Thao tác '{action}' không thực hiện được ở trạng thái '{state.DisplayName}'." +
                (possible.Count > 0 ? $" Các thao tác hiện có: {string.Join(", ", possible)}." : ""));
        }

        if (actor.IsSystem) return (Refusal.None, "");

        var role = RoleFor(transition, state, instance, actor, parts);
        if (role is null)
            return (Refusal.NotAllowed, $"'{transition.DisplayName}' chỉ dành cho {string.Join(" / ", transition.Roles.Select(RoleName))} phụ trách hồ sơ này.");

        var made = history.Where(e => e.ActorId == actor.Id && transition.SeparateFrom.Contains(e.Action)).Select(e => e.Action).Distinct().ToList();
        if (made.Count > 0)
            return (Refusal.SameActor, $"Người đã thực hiện '{string.Join(", ", made.Select(a => definition.Transitions.First(t => t.Action == a).DisplayName))}' " +
                $"không được '{transition.DisplayName}' cùng hồ sơ (nguyên tắc người lập khác người duyệt).");

        return (Refusal.None, "");
    }

    /// <summary>The role the actor acts in for this transition, if any: one the transition allows, held by the actor, within its scope.</summary>
    public static string? RoleFor(TransitionDefinition transition, StateDefinition from, WorkflowInstance instance, Actor actor, UnitParts parts) =>
        transition.Roles.FirstOrDefault(role => actor.IsIn(role) && InScope(ScopeFor(role, from), role, instance, actor, parts));

    /// <summary>The state's task says the scope for its own role; other roles act within their natural scope.</summary>
    public static TaskScope ScopeFor(string role, StateDefinition state) =>
        state.Task is { } task && task.Role == role ? task.Scope
        : role == Roles.LeadAgency ? TaskScope.SameAgency
        : TaskScope.SameUnit;

    /// <summary>
    /// Whether the actor may act in <paramref name="role"/> on the instance. A unit-wide part administration assigned to
    /// one agency (a commune's economic office, a regional treasury in the province) is that agency's alone.
    /// </summary>
    public static bool InScope(TaskScope scope, string role, WorkflowInstance instance, Actor actor, UnitParts parts) => scope switch
    {
        TaskScope.SameUnit or TaskScope.ParentUnit when parts.For(role) is { } assigned =>
            actor.AgencyCode == assigned.Code && actor.UnitCode == assigned.UnitCode,
        TaskScope.SameAgency => actor.UnitCode == instance.UnitCode && actor.AgencyCode == instance.AgencyCode,
        TaskScope.SameUnit => actor.UnitCode == instance.UnitCode,
        TaskScope.ParentUnit => actor.UnitCode == (instance.ParentUnitCode ?? instance.UnitCode),
        _ => false,
    };

    /// <summary>Where a task of this scope lands: the unit whose officers see it, and the agency when only one agency's may act.</summary>
    public static (string Unit, string? Agency) TargetOf(TaskScope scope, string role, WorkflowInstance instance, UnitParts parts) => scope switch
    {
        TaskScope.SameUnit or TaskScope.ParentUnit when parts.For(role) is { } assigned => (assigned.UnitCode, assigned.Code),
        TaskScope.SameAgency => (instance.UnitCode, instance.AgencyCode),
        TaskScope.ParentUnit => (instance.ParentUnitCode ?? instance.UnitCode, null),
        _ => (instance.UnitCode, null),
    };

    public static IReadOnlyList<TransitionDefinition> AvailableActions(WorkflowDefinition definition, WorkflowInstance instance,
        Actor actor, IReadOnlyCollection<PastAction> history, UnitParts parts) =>
        definition.From(instance.State).DistinctBy(t => t.Action) // alternatives are one action: which is taken is decided when it is fired
            .Where(t => Check(definition, instance, t.Action, actor, history, parts).Refusal == Refusal.None).ToList();

    public static string RoleName(string role) => role switch
    {
        Roles.LeadAgency => "cơ quan chủ trì",
        Roles.FinanceOffice => "phòng Tài chính - Kế hoạch",
        Roles.Approver => "lãnh đạo UBND",
        Roles.Treasury => "Kho bạc",
        Roles.Monitor => "cơ quan theo dõi",
        Roles.Admin => "quản trị",
        _ => role,
    };
}
