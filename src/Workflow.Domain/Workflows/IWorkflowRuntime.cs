using System.Text.Json;

namespace Workflow.Domain.Workflows;

/// <summary>
/// The port the rest of the system drives processes through. Behind it a transition is one transaction:
/// checks, guards, effects, state, tasks, journal and outbox commit together or not at all.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>
    /// Starts the current version of <paramref name="definitionId"/> for a subject and saves it together with
    /// whatever else the caller has pending in the same unit of work (the subject itself).
    /// </summary>
    /// <param name="instanceId">The id to give the instance, so the subject can point to it before anything is saved.</param>
    /// <param name="dueOn">
    /// The day the first task is due when the subject carries its own deadline (a report's due date); null for the
    /// definition's working days.
    /// </param>
    Task<WorkflowInstance> StartAsync(string definitionId, WorkflowSubject subject, Actor actor, CancellationToken ct, Guid? instanceId = null, DateOnly? dueOn = null);

    /// <summary>
    /// Places a new instance of the current version of <paramref name="definitionId"/> directly in <paramref name="state"/>
    /// (an opening position: the subject got there before the system kept its books), journaled as
    /// <paramref name="action"/> with its comment and data, the state's task opened. Left in the caller's unit of work.
    /// </summary>
    WorkflowInstance OpenAt(string definitionId, WorkflowSubject subject, string state, Actor actor, string action, string comment, JsonElement data, Guid instanceId, UnitParts parts);

    /// <summary>Fires an action. Refusals throw (403 not allowed, 409 not available or lost a race, 400 bad data); nothing is applied then.</summary>
    Task<FireResult> FireAsync(Guid instanceId, string action, Actor actor, string? comment, JsonElement? data, CancellationToken ct);

    /// <summary>
    /// The same checks and changes as <see cref="FireAsync"/>, left in the caller's unit of work: for an effect that
    /// moves a second instance (a settlement's approval settles its proposal) in the first one's transaction.
    /// </summary>
    Task<FireResult> FireWithoutSavingAsync(Guid instanceId, string action, Actor actor, string? comment, JsonElement? data, CancellationToken ct);

    /// <summary>
    /// Journals a change a person made to the dossier without moving it (a file attached): an entry from its state to
    /// the same state, in <paramref name="role"/>, with <paramref name="data"/>. Left in the caller's unit of work, to be
    /// saved with the change; a firing on the same dossier meanwhile makes one of the two fail (409).
    /// </summary>
    Task RecordChangeAsync(Guid instanceId, string action, Actor actor, string role, JsonElement data, CancellationToken ct);
}

public sealed record FireResult(Guid InstanceId, string From, string Action, string To, int Revision);
