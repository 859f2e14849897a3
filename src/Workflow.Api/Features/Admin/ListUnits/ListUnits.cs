using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.ListUnits;

/// <summary>The units the caller manages, optionally the children of one unit and/or of one level, by code.</summary>
public sealed record ListAdminUnitsQuery(string? Parent, AdminLevel? Level) : IRequest<IReadOnlyList<AdminUnitView>>;

public sealed class ListAdminUnitsHandler(WorkflowDbContext db, AdminScope scope) : IRequestHandler<ListAdminUnitsQuery, IReadOnlyList<AdminUnitView>>
{
    public async Task<IReadOnlyList<AdminUnitView>> Handle(ListAdminUnitsQuery request, CancellationToken cancellationToken)
    {
        var managed = (await scope.ManagedUnitsAsync(cancellationToken)).ToList();
        var units = db.AdminUnits.AsNoTracking().Where(u => managed.Contains(u.Code));
        if (!string.IsNullOrWhiteSpace(request.Parent)) units = units.Where(u => u.ParentCode == request.Parent.Trim());
        if (request.Level is { } level) units = units.Where(u => u.Level == level);
        var list = await units.OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return list.Select(AdminUnitView.Of).ToList();
    }
}
