using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.GetCeilings;

/// <summary>A unit's medium-term ceilings for a period (<c>2026-2030</c>), with what its annual plans allocate against each.</summary>
public sealed record GetCeilingsQuery(string Code, string Period) : IRequest<CeilingsView>;

/// <param name="Allocated">What the unit's plans of the period's years allocate to the component and its sub-projects.</param>
public sealed record CeilingLineView(string Component, string ComponentName, IReadOnlyDictionary<FundingSource, long> Amounts,
    IReadOnlyDictionary<FundingSource, long> Allocated, IReadOnlyDictionary<FundingSource, long> Remaining);

/// <param name="Limited">False while the unit has no ceilings for the period: its plans are then not limited.</param>
public sealed record CeilingsView(string UnitCode, string Period, int FromYear, int ToYear, bool Limited, string? Basis, string? SetBy,
    DateTimeOffset? SetAt, IReadOnlyList<CeilingLineView> Lines);

public sealed class GetCeilingsHandler(WorkflowDbContext db, AdminScope scope, ProgrammeCatalogues catalogues) : IRequestHandler<GetCeilingsQuery, CeilingsView>
{
    public async Task<CeilingsView> Handle(GetCeilingsQuery request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        var (from, to) = CeilingPeriod.Parse(request.Period, "period");
        return await ViewAsync(db, catalogues, unit.Code, from, to, cancellationToken);
    }

    public static async Task<CeilingsView> ViewAsync(WorkflowDbContext db, ProgrammeCatalogues catalogues, string unitCode, int from, int to, CancellationToken ct)
    {
        var ceilings = await db.MediumTermCeilings.AsNoTracking()
            .Where(c => c.UnitCode == unitCode && c.FromYear == from && c.ToYear == to).OrderBy(c => c.Component).ToListAsync(ct);
        var allocated = await MediumTermCeilings.AllocatedAsync(db, unitCode, from, to, null, ct);
        var catalogue = catalogues.For(from).Period;
        var lines = ceilings.Select(c =>
        {
            var used = c.Against(allocated, catalogue);
            return new CeilingLineView(c.Component, catalogue.NameOf(c.Component), Map(c.Amounts), Map(used), Map(c.Amounts - used));
        }).ToList();
        var first = ceilings.FirstOrDefault();
        return new CeilingsView(unitCode, $"{from}-{to}", from, to, ceilings.Count > 0, first?.Basis, first?.SetBy, first?.SetAt, lines);
    }

    private static IReadOnlyDictionary<FundingSource, long> Map(SourceAmounts amounts) =>
        FundingSources.Budget.Where(s => amounts[s] != 0).ToDictionary(s => s, s => amounts[s]);
}

/// <summary>A medium-term period as written in the route: <c>from-to</c>, both programme years.</summary>
public static class CeilingPeriod
{
    public static (int From, int To) Parse(string? period, string path)
    {
        var parts = (period ?? "").Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to)
            && from >= PlanRules.FirstFiscalYear && to <= PlanRules.LastFiscalYear && from <= to)
            return (from, to);
        throw new ValidationFailedException(path, $"Giai đoạn ghi năm đầu-năm cuối trong {PlanRules.FirstFiscalYear}–{PlanRules.LastFiscalYear}, ví dụ 2026-2030 (đã ghi '{period}').");
    }
}
