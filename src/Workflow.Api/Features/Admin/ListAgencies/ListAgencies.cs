using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.ListAgencies;

/// <summary>The agencies of the units the caller manages, optionally of one unit and/or one kind.</summary>
public sealed record ListAdminAgenciesQuery(string? Unit, AgencyKind? Kind) : IRequest<IReadOnlyList<AdminAgencyView>>;

public sealed class ListAdminAgenciesHandler(WorkflowDbContext db, AdminScope scope) : IRequestHandler<ListAdminAgenciesQuery, IReadOnlyList<AdminAgencyView>>
{
    public async Task<IReadOnlyList<AdminAgencyView>> Handle(ListAdminAgenciesQuery request, CancellationToken cancellationToken)
    {
        var managed = (await scope.ManagedUnitsAsync(cancellationToken)).ToList();
        var agencies = db.Agencies.AsNoTracking().Where(a => managed.Contains(a.UnitCode));
        if (!string.IsNullOrWhiteSpace(request.Unit)) agencies = agencies.Where(a => a.UnitCode == request.Unit.Trim());
        if (request.Kind is { } kind) agencies = agencies.Where(a => a.Kind == kind);
        var list = await agencies.OrderBy(a => a.UnitCode).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        return list.Select(AdminAgencyView.Of).ToList();
    }
}
