using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Catalog.ReadCatalog;

/// <param name="FiscalYear">The year whose programme period to list (provisionally the last period before it); null: the newest period.</param>
public sealed record ListComponentsQuery(int? FiscalYear = null) : IRequest<IReadOnlyList<Component>>;

public sealed record ListFundingSourcesQuery : IRequest<IReadOnlyList<FundingSourceInfo>>;

public sealed record ListUnitsQuery(AdminLevel? Level, string? Parent) : IRequest<IReadOnlyList<UnitInfo>>;

public sealed record ListAgenciesQuery(string? Unit, AgencyKind? Kind) : IRequest<IReadOnlyList<AgencyInfo>>;

public sealed record UnitInfo(string Code, string Name, AdminLevel Level, string LevelName, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record AgencyInfo(string Code, string Name, AgencyKind Kind, string KindName, string UnitCode);

/// <summary>Reference data every user may read: the program tree, funding sources, administrative units and agencies.</summary>
public sealed class ReadCatalogHandler(WorkflowDbContext db, ProgrammeCatalogues catalogues) :
    IRequestHandler<ListComponentsQuery, IReadOnlyList<Component>>,
    IRequestHandler<ListFundingSourcesQuery, IReadOnlyList<FundingSourceInfo>>,
    IRequestHandler<ListUnitsQuery, IReadOnlyList<UnitInfo>>,
    IRequestHandler<ListAgenciesQuery, IReadOnlyList<AgencyInfo>>
{
    public Task<IReadOnlyList<Component>> Handle(ListComponentsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(request.FiscalYear is { } year ? catalogues.For(year).Period.Components : catalogues.Current.Periods[^1].Components);

    public Task<IReadOnlyList<FundingSourceInfo>> Handle(ListFundingSourcesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(FundingSources.All);

    public async Task<IReadOnlyList<UnitInfo>> Handle(ListUnitsQuery request, CancellationToken cancellationToken)
    {
        var units = db.AdminUnits.AsNoTracking();
        if (request.Level is { } level) units = units.Where(u => u.Level == level);
        if (!string.IsNullOrWhiteSpace(request.Parent)) units = units.Where(u => u.ParentCode == request.Parent);
        var list = await units.OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return list.Select(u => new UnitInfo(u.Code, u.Name, u.Level, AdminUnit.LevelName(u.Level), u.ParentCode, u.ValidFrom, u.ValidTo)).ToList();
    }

    public async Task<IReadOnlyList<AgencyInfo>> Handle(ListAgenciesQuery request, CancellationToken cancellationToken)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Unit)) agencies = agencies.Where(a => a.UnitCode == request.Unit);
        if (request.Kind is { } kind) agencies = agencies.Where(a => a.Kind == kind);
        var list = await agencies.OrderBy(a => a.UnitCode).ThenBy(a => a.Name).ToListAsync(cancellationToken);
        return list.Select(a => new AgencyInfo(a.Code, a.Name, a.Kind, Agency.KindName(a.Kind), a.UnitCode)).ToList();
    }
}
