using System.Text.Json;
using Workflow.Domain.Common;

namespace Workflow.Domain.Workflows;

/// <summary>
/// A named condition a transition must meet. Implementations are small classes registered in DI; a definition
/// names them, with arguments, so a process can change without new code.
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    /// <summary>Checks the definition's arguments at load time; problems are reported with paths relative to <c>args</c>.</summary>
    IEnumerable<Violation> ValidateArgs(JsonElement args);

    /// <returns>Nothing when the guard passes; otherwise what is wrong, worded for the person acting.</returns>
    Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct);
}

/// <summary>A named change a transition makes, in the same transaction as the state change.</summary>
public interface IWorkflowEffect
{
    string Name { get; }

    IEnumerable<Violation> ValidateArgs(JsonElement args);

    Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct);
}

/// <summary>A failed guard: the violations, and whether they concern the request (400) or the current state of things (409).</summary>
public sealed record GuardOutcome(IReadOnlyList<Violation> Violations, bool IsConflict = false)
{
    public static readonly GuardOutcome Pass = new([]);

    public bool Passed => Violations.Count == 0;

    public static GuardOutcome Invalid(string path, string message) => new([new Violation(path, message)]);

    public static GuardOutcome Conflict(string path, string message) => new([new Violation(path, message)], IsConflict: true);
}

/// <summary>What a guard or effect sees of a firing.</summary>
public sealed class TransitionContext(
    WorkflowInstance instance, WorkflowDefinition definition, TransitionDefinition transition,
    Actor actor, string? comment, JsonElement data, DateTimeOffset now)
{
    private readonly List<object> _messages = [];
    private readonly List<FollowUp> _followUps = [];

    public WorkflowInstance Instance { get; } = instance;
    public WorkflowDefinition Definition { get; } = definition;
    public TransitionDefinition Transition { get; } = transition;
    public Actor Actor { get; } = actor;
    public string? Comment { get; } = comment;

    /// <summary>The action's form data (<c>{"comment": "...", "data": {...}}</c>); an empty object when none was sent.</summary>
    public JsonElement Data { get; } = data;
    public DateTimeOffset Now { get; } = now;

    /// <summary>The journal sequence this firing will write, for ledger entries that point back to it.</summary>
    public int Sequence => Instance.Revision + 1;

    /// <summary>Messages an effect wants published; they go to the outbox in the firing's transaction.</summary>
    public IReadOnlyList<object> Messages => _messages;

    public void Publish(object message) => _messages.Add(message);

    /// <summary>Transitions of other instances the runtime fires as the system after this one's effects, in the same transaction.</summary>
    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    /// <summary>Asks for another instance to move with this one (a settlement's approval settles its proposal).</summary>
    public void Then(Guid instanceId, string action, string? comment) => _followUps.Add(new(instanceId, action, comment));
}

/// <summary>A transition an effect asked for on another instance.</summary>
public sealed record FollowUp(Guid InstanceId, string Action, string? Comment);

/// <summary>Who acts: a signed-in user, or the system (deadline escalations).</summary>
public sealed record Actor(Guid Id, string UserName, IReadOnlyList<string> Roles, string AgencyCode, string UnitCode)
{
    public static readonly Actor System = new(Guid.Empty, "system", [Identity.Roles.System], "", "");

    public bool IsSystem => Id == Guid.Empty;

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>The people this actor may stand in for today, each for one role (delegations in force).</summary>
    public IReadOnlyList<Mandate> Mandates { get; init; } = [];

    /// <summary>Whom the actor acts for, when acting as a substitute ("B thay mặt A"); null when acting in their own name.</summary>
    public Mandate? OnBehalfOf { get; init; }

    /// <summary>
    /// The actor standing in for the mandate's principal: the principal's role, agency and unit decide what may be done,
    /// while the journal names both the person who acted and the one they acted for.
    /// </summary>
    public Actor Acting(Mandate mandate) =>
        new(Id, UserName, [mandate.Role], mandate.AgencyCode, mandate.UnitCode) { OnBehalfOf = mandate };

    /// <summary>Everyone answerable for what this actor does: the actor, and the principal they stand in for.</summary>
    public IReadOnlyList<Guid> Persons => OnBehalfOf is { } m ? [Id, m.PrincipalId] : [Id];
}

/// <summary>
/// A delegation in force, as the substitute holds it: the principal (who delegated), the one role delegated, and the
/// principal's agency and unit as they are today.
/// </summary>
/// <param name="PrincipalName">Full name and position, as people read it ("thay mặt Nguyễn Văn A (Chủ tịch)").</param>
public sealed record Mandate(Guid PrincipalId, string PrincipalUserName, string PrincipalName, string Role, string AgencyCode, string UnitCode);

/// <summary>Who holds an open task (claimed it so that colleagues of the same role leave it to them).</summary>
/// <param name="HolderName">Full name and position of the holder, as colleagues see it ("Đang xử lý: …").</param>
public sealed record TaskClaim(Guid HolderId, string HolderUserName, string HolderName, DateTimeOffset At);
