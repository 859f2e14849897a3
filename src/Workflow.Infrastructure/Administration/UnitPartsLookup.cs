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
        var reference = await ReferenceSnapshot.OfAsync(db, ct);
        var parts = new Dictionary<string, UnitParts>(StringComparer.Ordinal);
        foreach (var unit in unitCodes.Distinct())
        {
            var started = reference.AssignmentsByUnit[unit].Where(a => a.ValidFrom <= day).ToList();
            if (started.Count == 0) continue;
            AssignedAgency? InForce(UnitPart part) =>
                started.Where(a => a.Part == part).MaxBy(a => a.ValidFrom) is { } a ? new AssignedAgency(a.AgencyCode, a.AgencyUnitCode) : null;
            parts[unit] = new UnitParts(InForce(UnitPart.Appraiser), InForce(UnitPart.Approver), InForce(UnitPart.Treasury));
        }
        return parts;
    }
}
