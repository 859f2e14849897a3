using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.ListPlans;

public sealed record ListPlansQuery(int? Year, string? Unit) : IRequest<IReadOnlyList<PlanSummary>>;

public sealed record PlanSummary(
    Guid Id, int FiscalYear, string UnitCode, string UnitName, int Version, string? DecisionNumber, int LineCount,
    IReadOnlyDictionary<FundingSource, long> Totals, long Total, DateTimeOffset UpdatedAt);

public sealed class ListPlansHandler(WorkflowDbContext db, PlanAccess access) : IRequestHandler<ListPlansQuery, IReadOnlyList<PlanSummary>>
{
    public async Task<IReadOnlyList<PlanSummary>> Handle(ListPlansQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleUnitsAsync(cancellationToken);
        var plans = db.Plans.AsNoTracking();
        if (visible is not null) plans = plans.Where(p => visible.Contains(p.UnitCode));
        if (request.Year is { } year) plans = plans.Where(p => p.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(request.Unit)) plans = plans.Where(p => p.UnitCode == request.Unit);

        var totals = db.PlanLines.GroupBy(l => l.PlanId).Select(g => new
        {
            PlanId = g.Key,
            LineCount = g.Count(),
            Central = g.Sum(l => l.Amounts.Central),
            Provincial = g.Sum(l => l.Amounts.Provincial),
            District = g.Sum(l => l.Amounts.District),
            Commune = g.Sum(l => l.Amounts.Commune),
        });

        var rows = await (
            from p in plans
            join u in db.AdminUnits on p.UnitCode equals u.Code
            join t in totals on p.Id equals t.PlanId
            orderby p.FiscalYear descending, u.Name
            select new
            {
                p.Id, p.FiscalYear, p.UnitCode, UnitName = u.Name, p.Version, p.DecisionNumber, p.UpdatedAt,
                t.LineCount, t.Central, t.Provincial, t.District, t.Commune,
            }).ToListAsync(cancellationToken);

        return rows.Select(r => new PlanSummary(r.Id, r.FiscalYear, r.UnitCode, r.UnitName, r.Version, r.DecisionNumber, r.LineCount,
            new Dictionary<FundingSource, long>
            {
                [FundingSource.Central] = r.Central, [FundingSource.Provincial] = r.Provincial,
                [FundingSource.District] = r.District, [FundingSource.Commune] = r.Commune,
            },
            checked(r.Central + r.Provincial + r.District + r.Commune), r.UpdatedAt)).ToList();
    }
}
