using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Presentation;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows.Diagram;

/// <summary>The state diagram as SVG; for an instance, on the version it follows, with its state and path marked.</summary>
public sealed record GetDiagramQuery(string DefinitionId, int? Version, Guid? InstanceId) : IRequest<string>;

public sealed class GetDiagramHandler(WorkflowDbContext db, DefinitionCatalog catalog, InstanceAccess access) : IRequestHandler<GetDiagramQuery, string>
{
    public async Task<string> Handle(GetDiagramQuery request, CancellationToken cancellationToken)
    {
        if (request.InstanceId is not { } instanceId)
        {
            var definition = request.Version is { } v ? FindVersion(request.DefinitionId, v) : catalog.CurrentOf(request.DefinitionId);
            return WorkflowDiagram.Render(definition);
        }

        var instance = await access.FindAsync(instanceId, cancellationToken);
        if (instance.DefinitionId != request.DefinitionId)
            throw new Domain.Common.NotFoundException($"Hồ sơ {instanceId} không theo quy trình '{request.DefinitionId}'.");
        var pinned = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var path = await db.Journal.AsNoTracking()
            .Where(e => e.InstanceId == instanceId && e.FromState != null)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.FromState, e.Action, e.ToState })
            .ToListAsync(cancellationToken);
        return WorkflowDiagram.Render(pinned, instance.State, path.Select(p => (p.FromState!, p.Action, p.ToState)).ToList());
    }

    private WorkflowDefinition FindVersion(string id, int version) =>
        catalog.All.FirstOrDefault(d => d.Id == id && d.Version == version)
        ?? throw new Domain.Common.NotFoundException($"Không có quy trình '{id}' phiên bản {version}.");
}
