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
    /// <summary>Maker ≠ checker: the actor, or the principal they stand in for, already acted as maker on this subject (403).</summary>
    SameActor,
    /// <summary>Another officer holds the task (claimed it); only they, their substitute or a head taking it over may act (409).</summary>
    Claimed,
}

/// <summary>The outcome of <see cref="WorkflowRules.Authorize"/>: the refusal, if any, and who acts — the caller, or the caller standing in for a principal.</summary>
public readonly record struct Authorization(Refusal Refusal, string Reason, Actor? As)
{
    public bool Allowed => Refusal == Refusal.None;
}

/// <summary>The checks that decide whether an actor may fire an action, apart from guards: pure, so the inbox and the runtime agree.</summary>
public static class WorkflowRules
{
    /// <param name="history">Who did what on the instance so far (maker ≠ checker).</param>
    /// <param name="parts">Who administration assigned to appraise, approve and pay for the instance's unit.</param>
    /// <param name="claim">Who holds the instance's open task, if anyone claimed it.</param>
    public static (Refusal Refusal, string Reason) Check(WorkflowDefinition definition, WorkflowInstance instance,
        string action, Actor actor, IReadOnlyCollection<PastAction> history, UnitParts parts, TaskClaim? claim = null)
    {
        var (refusal, reason, _) = Authorize(definition, instance, action, actor, history, parts, claim);
        return (refusal, reason);
    }

    /// <summary>
    /// Whether the actor may fire the action, and as whom: in their own name when their roles allow it, otherwise standing
    /// in for a principal whose mandate (<see cref="Actor.Mandates"/>) allows it. Either way maker ≠ checker binds both the
    /// person acting and the one they act for, and a task another officer holds is left to them.
    /// </summary>
    public static Authorization Authorize(WorkflowDefinition definition, WorkflowInstance instance,
        string action, Actor actor, IReadOnlyCollection<PastAction> history, UnitParts parts, TaskClaim? claim = null)
    {
        var state = definition.State(instance.State);
        if (instance.IsCompleted)
            return new(Refusal.NotAvailable, $"Hồ sơ đã kết thúc ở trạng thái '{state.DisplayName}'.", null);

        var transition = definition.Find(instance.State, action);
        if (transition is null)
        {
            var possible = definition.From(instance.State).Select(t => $"{t.Action} ({t.DisplayName})").Distinct().ToList();
            var named = definition.Transitions.FirstOrDefault(t => t.Action == action)?.DisplayName;
            return new(Refusal.NotAvailable, $"Thao tác '{action}'{(named is null ? "" : $" ({named})")} không thực hiện được ở trạng thái '{state.DisplayName}'." +
                (possible.Count > 0 ? $" Các thao tác hiện có: {string.Join(", ", possible)}." : ""), null);
        }

        if (actor.IsSystem) return new(Refusal.None, "", actor);

        Authorization? first = null;
        foreach (var candidate in new[] { actor }.Concat(actor.Mandates.Select(actor.Acting)))
        {
            if (RoleFor(transition, state, instance, candidate, parts) is null) continue;
            var outcome = CheckAs(definition, transition, candidate, history, claim);
            if (outcome.Allowed) return outcome;
            first ??= outcome;
        }
        return first ?? new(Refusal.NotAllowed,
            $"'{transition.DisplayName}' chỉ dành cho {string.Join(" / ", transition.Roles.Select(RoleName))} phụ trách hồ sơ này.", null);
    }

    /// <summary>The checks after role and scope, for one way of acting (own name or one mandate): the claim, then maker ≠ checker.</summary>
    private static Authorization CheckAs(WorkflowDefinition definition, TransitionDefinition transition, Actor candidate,
        IReadOnlyCollection<PastAction> history, TaskClaim? claim)
    {
        var persons = candidate.Persons;
        if (claim is not null && !persons.Contains(claim.HolderId))
            return new(Refusal.Claimed, $"Hồ sơ đang do {claim.HolderName} xử lý (nhận từ {claim.At.ToOffset(WorkingCalendar.VietnamOffset):HH:mm dd/MM/yyyy}); " +
                "chỉ người đó, người được họ ủy quyền hoặc lãnh đạo đơn vị nhận lại việc mới thực hiện được.", null);

        var separated = history.Where(e => transition.SeparateFrom.Contains(e.Action)).ToList();
        string Names(IEnumerable<PastAction> done) =>
            string.Join(", ", done.Select(e => e.Action).Distinct().Select(a => definition.Transitions.First(t => t.Action == a).DisplayName));
        var own = separated.Where(e => e.By(candidate.Id)).ToList();
        if (own.Count > 0)
            return new(Refusal.SameActor, $"Người đã thực hiện '{Names(own)}' không được '{transition.DisplayName}' cùng hồ sơ" +
                (candidate.OnBehalfOf is { } m ? $", kể cả khi thay mặt {m.PrincipalName}" : "") + " (nguyên tắc người lập khác người duyệt).", null);
        if (candidate.OnBehalfOf is { } principal && separated.Where(e => e.By(principal.PrincipalId)).ToList() is { Count: > 0 } theirs)
            return new(Refusal.SameActor, $"{principal.PrincipalName} đã thực hiện '{Names(theirs)}' trên hồ sơ này, nên người thay mặt {principal.PrincipalName} " +
                $"cũng không được '{transition.DisplayName}' (nguyên tắc người lập khác người duyệt).", null);

        return new(Refusal.None, "", candidate);
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
        Actor actor, IReadOnlyCollection<PastAction> history, UnitParts parts, TaskClaim? claim = null) =>
        definition.From(instance.State).DistinctBy(t => t.Action) // alternatives are one action: which is taken is decided when it is fired
            .Where(t => Check(definition, instance, t.Action, actor, history, parts, claim).Refusal == Refusal.None).ToList();

    /// <summary>Whom the actor would act for on the instance now: the principal's name when only a mandate lets them act, else null.</summary>
    public static Mandate? ActingFor(WorkflowDefinition definition, WorkflowInstance instance, Actor actor,
        IReadOnlyCollection<PastAction> history, UnitParts parts, TaskClaim? claim = null) =>
        definition.From(instance.State).Select(t => Authorize(definition, instance, t.Action, actor, history, parts, claim))
            .Where(a => a.Allowed).Select(a => a.As?.OnBehalfOf).FirstOrDefault();

    public static string RoleName(string role) => role switch
    {
        Roles.LeadAgency => "cơ quan chủ trì",
        Roles.FinanceOffice => "phòng Tài chính - Kế hoạch",
        Roles.Approver => "lãnh đạo UBND",
        Roles.Treasury => "Kho bạc",
        Roles.Monitor => "cơ quan theo dõi",
        Roles.MonitoringOfficer => "cán bộ giám sát, đánh giá",
        Roles.Admin => "quản trị",
        _ => role,
    };
}
