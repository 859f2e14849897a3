using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Money;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans;

/// <summary>What a unit's annual plans allocate within a medium-term period, the figure its ceilings are compared with.</summary>
public static class MediumTermCeilings
{
    /// <summary>The unit's plan lines (current versions) of <paramref name="fromYear"/>–<paramref name="toYear"/>, by component, leaving out <paramref name="exceptYear"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, SourceAmounts>> AllocatedAsync(WorkflowDbContext db, string unitCode, int fromYear, int toYear,
        int? exceptYear, CancellationToken ct)
    {
        var lines = await (from line in db.PlanLines.AsNoTracking()
                           join plan in db.Plans.AsNoTracking() on line.PlanId equals plan.Id
                           where plan.UnitCode == unitCode && plan.FiscalYear >= fromYear && plan.FiscalYear <= toYear && plan.FiscalYear != exceptYear
                           select new { line.ComponentCode, line.Amounts }).ToListAsync(ct);
        return lines.GroupBy(l => l.ComponentCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => SourceAmounts.Sum(g.Select(l => l.Amounts)), StringComparer.Ordinal);
    }
}
