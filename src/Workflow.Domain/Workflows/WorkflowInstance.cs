namespace Workflow.Domain.Workflows;

/// <summary>
/// One run of a definition for one subject. Pinned to the definition version it started on; <see cref="Revision"/>
/// rises with every transition and is the concurrency token, so of two firings on one revision only one commits.
/// </summary>
public sealed class WorkflowInstance
{
    private WorkflowInstance() { DefinitionId = SubjectType = UnitCode = AgencyCode = State = StartedBy = ""; }

    public WorkflowInstance(Guid id, WorkflowDefinition definition, WorkflowSubject subject, string startedBy, DateTimeOffset now)
    {
        Id = id;
        DefinitionId = definition.Id;
        DefinitionVersion = definition.Version;
        SubjectType = subject.Type;
        SubjectId = subject.Id;
        UnitCode = subject.UnitCode;
        ParentUnitCode = subject.ParentUnitCode;
        AgencyCode = subject.AgencyCode;
        State = definition.InitialState;
        StartedAt = UpdatedAt = now;
        StartedBy = startedBy;
    }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; }
    public int DefinitionVersion { get; private set; }
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public string UnitCode { get; private set; }
    public string? ParentUnitCode { get; private set; }
    public string AgencyCode { get; private set; }
    public string State { get; private set; }
    public int Revision { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public string StartedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsCompleted => CompletedAt is not null;

    public WorkflowSubject Subject => new(SubjectType, SubjectId, UnitCode, AgencyCode, ParentUnitCode);

    /// <summary>
    /// A subject that reached <paramref name="state"/> before the system kept its books (an opening position): the
    /// instance starts there, at revision 0, and its first journal entry says so.
    /// </summary>
    public static WorkflowInstance OpenedAt(Guid id, WorkflowDefinition definition, WorkflowSubject subject, StateDefinition state, string startedBy, DateTimeOffset now)
    {
        var instance = new WorkflowInstance(id, definition, subject, startedBy, now) { State = state.Name };
        if (state.Terminal) instance.CompletedAt = now;
        return instance;
    }

    /// <summary>
    /// A person changed the dossier without moving it (a file attached): the revision rises, so the change has its own
    /// place in the journal and a firing that read the dossier before it cannot commit over it.
    /// </summary>
    public void RecordChange(DateTimeOffset now)
    {
        if (IsCompleted) throw new InvalidOperationException($"Instance {Id} is completed; it takes no more changes.");
        Revision++;
        UpdatedAt = now;
    }

    public void MoveTo(StateDefinition state, DateTimeOffset now)
    {
        State = state.Name;
        Revision++;
        UpdatedAt = now;
        if (state.Terminal) CompletedAt = now;
    }
}

/// <summary>What a workflow runs for: its type and id, and the unit and agency that decide who may act.</summary>
public sealed record WorkflowSubject(string Type, Guid Id, string UnitCode, string AgencyCode, string? ParentUnitCode);
