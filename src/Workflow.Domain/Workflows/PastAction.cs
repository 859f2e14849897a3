namespace Workflow.Domain.Workflows;

/// <summary>
/// Who did what on an instance, as the journal records it: all that maker ≠ checker needs to know about the past, so
/// the runtime and the inbox read these columns instead of whole journal entries.
/// </summary>
/// <param name="OnBehalfOfId">The principal a substitute acted for, who answers for the action as much as the substitute.</param>
public readonly record struct PastAction(Guid ActorId, string Action, Guid? OnBehalfOfId = null)
{
    /// <summary>Whether <paramref name="person"/> did this, in their own name or through a substitute.</summary>
    public bool By(Guid person) => ActorId == person || OnBehalfOfId == person;
}
