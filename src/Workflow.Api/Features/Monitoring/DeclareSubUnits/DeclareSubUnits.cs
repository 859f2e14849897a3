using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.DeclareSubUnits;

/// <summary>
/// <c>PUT /api/monitoring/sub-units</c>: the hamlets or residential groups (thôn, ấp, tổ dân phố…) a unit's census and targets
/// are split into. Declared ones are kept (a census may name them); names are updated.
/// </summary>
public sealed record DeclareSubUnitsCommand(string? Unit, IReadOnlyList<SubUnit>? SubUnits) : IRequest<IReadOnlyList<SubUnit>>;

public sealed record ListSubUnitsQuery(string? Unit) : IRequest<IReadOnlyList<SubUnit>>;

public sealed class DeclareSubUnitsHandler(WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, AdminJournal journal)
    : IRequestHandler<DeclareSubUnitsCommand, IReadOnlyList<SubUnit>>, IRequestHandler<ListSubUnitsQuery, IReadOnlyList<SubUnit>>
{
    public async Task<IReadOnlyList<SubUnit>> Handle(DeclareSubUnitsCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var (unitCode, _) = await access.UnitToRecordAsync(r.Unit, ct);
        var items = r.SubUnits ?? [];
        var problems = MonitoringSubUnit.Check(items);
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        var existing = await db.MonitoringSubUnits.Where(s => s.UnitCode == unitCode).ToDictionaryAsync(s => s.Code, ct);
        db.MonitoringSubUnits.AddRange(MonitoringSubUnit.Declare(unitCode, items, existing));
        journal.Record(AdminObjectTypes.MonitoringFile, unitCode, unitCode, "declare-sub-units", null, items);
        await db.SaveChangesAsync(ct);
        return await Handle(new ListSubUnitsQuery(unitCode), ct);
    }

    public async Task<IReadOnlyList<SubUnit>> Handle(ListSubUnitsQuery r, CancellationToken cancellationToken)
    {
        var unit = string.IsNullOrWhiteSpace(r.Unit) ? user.UnitCode : r.Unit.Trim();
        await access.EnsureVisibleAsync(unit, cancellationToken);
        return await db.MonitoringSubUnits.AsNoTracking().Where(s => s.UnitCode == unit).OrderBy(s => s.Code)
            .Select(s => new SubUnit(s.Code, s.Name, s.Kind)).ToListAsync(cancellationToken);
    }
}
