using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Every definition version the system knows: the current files, and older versions kept in the database for
/// the instances still pinned to them.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _all = [];
    private readonly Dictionary<string, WorkflowDefinition> _current = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public IReadOnlyCollection<WorkflowDefinition> Current
    {
        get { lock (_gate) return _current.Values.ToList(); }
    }

    public IReadOnlyCollection<WorkflowDefinition> All
    {
        get { lock (_gate) return _all.Values.ToList(); }
    }

    public WorkflowDefinition CurrentOf(string id)
    {
        lock (_gate)
            return _current.TryGetValue(id, out var d) ? d : throw new NotFoundException($"Không có quy trình '{id}'.");
    }

    public WorkflowDefinition Get(string id, int version)
    {
        lock (_gate)
            return _all.TryGetValue((id, version), out var d) ? d
                : throw new InvalidOperationException($"Definition {id} v{version} is not loaded; an instance is pinned to it.");
    }

    public WorkflowDefinition? FindBySubjectType(string subjectType)
    {
        lock (_gate) return _current.Values.FirstOrDefault(d => d.SubjectType == subjectType);
    }

    internal void Replace(IEnumerable<WorkflowDefinition> current, IEnumerable<WorkflowDefinition> older)
    {
        lock (_gate)
        {
            _all.Clear();
            _current.Clear();
            foreach (var d in older) _all[(d.Id, d.Version)] = d;
            foreach (var d in current)
            {
                _all[(d.Id, d.Version)] = d;
                _current[d.Id] = d;
            }
        }
    }
}
