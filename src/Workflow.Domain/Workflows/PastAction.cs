namespace Workflow.Domain.Workflows;

/// <summary>
/// Who did what on an instance, as the journal records it: all that maker ≠ checker needs to know about the past, so
/// the runtime and the inbox read these two columns instead of whole journal entries.
/// </summary>
public readonly record struct PastAction(Guid ActorId, string Action);
