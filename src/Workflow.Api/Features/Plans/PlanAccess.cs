using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans;

/// <summary>Which plans a caller may see: their own unit's and those of the units below it; a national administrator (unit VN), all; a province administrator, the province and its units.</summary>
public sealed class PlanAccess(WorkflowDbContext db, ICurrentUser user)
{
    /// <returns>The visible unit codes, or null when every unit is visible.</returns>
    public async Task<HashSet<string>?> VisibleUnitsAsync(CancellationToken ct)
    {
        if (user.SeesEveryUnit()) return null;
        return (await ReferenceSnapshot.OfAsync(db, ct)).UnitAndBelow(user.UnitCode);
    }

    /// <summary>The plan with its lines, or 404 for an unknown id and for one the caller may not see alike.</summary>
    public async Task<Plan> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var query = db.Plans.Include(p => p.Lines).AsQueryable();
        if (!track) query = query.AsNoTracking();
        var plan = await query.SingleOrDefaultAsync(p => p.Id == id, ct);
        var visible = await VisibleUnitsAsync(ct);
        if (plan is null || (visible is not null && !visible.Contains(plan.UnitCode)))
            throw new NotFoundException($"Không tìm thấy kế hoạch {id}.");
        return plan;
    }

    /// <summary>The plan as a plan file, built from what is stored: unit chain and agency names from the catalogue.</summary>
    public async Task<PlanContent> ContentOfAsync(Plan plan, CancellationToken ct)
    {
        var units = (await ReferenceSnapshot.OfAsync(db, ct)).Units;
        var agencyCodes = plan.Lines.Select(l => l.LeadAgencyCode).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);

        UnitRef? RefOf(string? code) =>
            // a plan file's chain ends at the province, not at the national root above it
            code is not null && units.TryGetValue(code, out var u) ? new UnitRef(u.Code, u.Name, u.Level, u.Level == AdminLevel.Province ? null : RefOf(u.ParentCode)) : null;

        return new PlanContent(
            plan.FiscalYear,
            RefOf(plan.UnitCode)!,
            new DecisionInfo(plan.DecisionNumber, plan.DecisionDate, plan.DecisionIssuer, plan.DecisionTitle, plan.DecisionBasis),
            plan.CounterpartStated ? plan.Counterpart : null,
            plan.Lines.OrderBy(l => l.Position)
                .Select(l => new PlanLineContent(l.ComponentCode, agencies[l.LeadAgencyCode], l.Amounts.ToDictionary()))
                .ToList(),
            plan.Totals.ToDictionary());
    }
}
