namespace Workflow.Domain.Workflows;

/// <summary>A definition version as first loaded: later files with the same id and version must have the same content.</summary>
public sealed class WorkflowDefinitionRecord
{
    private WorkflowDefinitionRecord() { DefinitionId = ContentHash = Content = DisplayName = SubjectType = ""; }

    public WorkflowDefinitionRecord(WorkflowDefinition definition, string content, string contentHash, DateTimeOffset registeredAt)
    {
        DefinitionId = definition.Id;
        Version = definition.Version;
        DisplayName = definition.DisplayName;
        SubjectType = definition.SubjectType;
        Content = content;
        ContentHash = contentHash;
        RegisteredAt = registeredAt;
    }

    public string DefinitionId { get; private set; }
    public int Version { get; private set; }
    public string DisplayName { get; private set; }
    public string SubjectType { get; private set; }
    public string Content { get; private set; }
    public string ContentHash { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}
