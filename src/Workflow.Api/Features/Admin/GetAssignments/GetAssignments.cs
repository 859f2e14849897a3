using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.GetAssignments;

/// <summary>Which agency plays which part for a unit the caller manages: the assignments in force today and every one recorded.</summary>
public sealed record GetAssignmentsQuery(string Code) : IRequest<UnitAssignmentsView>;

public sealed record AssignmentView(UnitPart Part, string PartName, string AgencyCode, string AgencyName, string AgencyUnitCode, DateOnly ValidFrom);

/// <param name="Current">Per part, the latest assignment that has started by today (parts never assigned are left out).</param>
/// <param name="History">Every assignment, by part, newest first (including ones starting later).</param>
public sealed record UnitAssignmentsView(string UnitCode, IReadOnlyList<AssignmentView> Current, IReadOnlyList<AssignmentView> History);

public sealed class GetAssignmentsHandler(WorkflowDbContext db, AdminScope scope, TimeProvider clock) : IRequestHandler<GetAssignmentsQuery, UnitAssignmentsView>
{
    public async Task<UnitAssignmentsView> Handle(GetAssignmentsQuery request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        return await ViewAsync(db, unit.Code, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    public static async Task<UnitAssignmentsView> ViewAsync(WorkflowDbContext db, string unitCode, DateOnly today, CancellationToken ct)
    {
        var rows = await (from a in db.UnitAssignments.AsNoTracking()
                          join g in db.Agencies.AsNoTracking() on a.AgencyCode equals g.Code
                          where a.UnitCode == unitCode
                          select new { a.Part, a.AgencyCode, g.Name, g.UnitCode, a.ValidFrom }).ToListAsync(ct);
        var history = rows.OrderBy(r => r.Part).ThenByDescending(r => r.ValidFrom)
            .Select(r => new AssignmentView(r.Part, UnitAssignment.PartName(r.Part), r.AgencyCode, r.Name, r.UnitCode, r.ValidFrom)).ToList();
        var current = history.Where(h => h.ValidFrom <= today).GroupBy(h => h.Part).Select(g => g.First()).ToList();
        return new UnitAssignmentsView(unitCode, current, history);
    }
}
