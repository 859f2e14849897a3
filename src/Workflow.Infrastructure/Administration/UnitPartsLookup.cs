using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Administration;

/// <summary>Reads who plays each part for a unit on a day: the latest <see cref="UnitAssignment"/> per part that has started.</summary>
public static class UnitPartsLookup
{
    public static async Task<UnitParts> UnitPartsAsync(this WorkflowDbContext db, string unitCode, DateOnly day, CancellationToken ct) =>
        (await db.UnitPartsAsync([unitCode], day, ct)).GetValueOrDefault(unitCode, UnitParts.Unassigned);

    /// <summary>The parts of several units at once (an inbox page spans units); units without assignments are absent.</summary>
    public static async Task<IReadOnlyDictionary<string, UnitParts>> UnitPartsAsync(this WorkflowDbContext db, IReadOnlyCollection<string> unitCodes, DateOnly day, CancellationToken ct)
    {
        var rows = await (from a in db.UnitAssignments.AsNoTracking()
                          join agency in db.Agencies.AsNoTracking() on a.AgencyCode equals agency.Code
                          where unitCodes.Contains(a.UnitCode) && a.ValidFrom <= day
                          select new { a.UnitCode, a.Part, a.ValidFrom, a.AgencyCode, AgencyUnit = agency.UnitCode }).ToListAsync(ct);
        return rows.GroupBy(r => r.UnitCode).ToDictionary(g => g.Key, g =>
        {
            AssignedAgency? InForce(UnitPart part) =>
                g.Where(r => r.Part == part).MaxBy(r => r.ValidFrom) is { } r ? new AssignedAgency(r.AgencyCode, r.AgencyUnit) : null;
            return new UnitParts(InForce(UnitPart.Appraiser), InForce(UnitPart.Approver), InForce(UnitPart.Treasury));
        });
    }
}
