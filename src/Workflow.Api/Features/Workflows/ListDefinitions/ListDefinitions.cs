using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows.ListDefinitions;

public sealed record ListDefinitionsQuery : IRequest<IReadOnlyList<DefinitionSummary>>;

/// <param name="IsCurrent">The version new instances start on.</param>
/// <param name="RunningInstances">Instances pinned to this version that have not finished.</param>
public sealed record DefinitionSummary(string Id, int Version, string DisplayName, string SubjectType, bool IsCurrent,
    int RunningInstances, int CompletedInstances, DateTimeOffset RegisteredAt);

public sealed class ListDefinitionsHandler(WorkflowDbContext db, DefinitionCatalog catalog) : IRequestHandler<ListDefinitionsQuery, IReadOnlyList<DefinitionSummary>>
{
    public async Task<IReadOnlyList<DefinitionSummary>> Handle(ListDefinitionsQuery request, CancellationToken cancellationToken)
    {
        var counts = await db.WorkflowInstances.AsNoTracking()
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Running = g.Count(i => i.CompletedAt == null), Completed = g.Count(i => i.CompletedAt != null) })
            .ToListAsync(cancellationToken);
        var records = await db.WorkflowDefinitions.AsNoTracking().ToListAsync(cancellationToken);
        var current = catalog.Current.ToDictionary(d => d.Id, d => d.Version);

        return records
            .OrderBy(r => r.DefinitionId).ThenByDescending(r => r.Version)
            .Select(r =>
            {
                var c = counts.FirstOrDefault(x => x.DefinitionId == r.DefinitionId && x.DefinitionVersion == r.Version);
                return new DefinitionSummary(r.DefinitionId, r.Version, r.DisplayName, r.SubjectType,
                    current.GetValueOrDefault(r.DefinitionId) == r.Version, c?.Running ?? 0, c?.Completed ?? 0, r.RegisteredAt);
            }).ToList();
    }
}
