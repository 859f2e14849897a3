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
        var problems = new List<Violation>();
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Code) || items[i].Code.Length > 64) problems.Add(new($"subUnits[{i}].code", "Mã thôn/tổ từ 1 đến 64 ký tự."));
            if (string.IsNullOrWhiteSpace(items[i].Name) || items[i].Name.Length > 256) problems.Add(new($"subUnits[{i}].name", "Tên thôn/tổ từ 1 đến 256 ký tự."));
            if (items.Take(i).Any(x => x.Code == items[i].Code)) problems.Add(new($"subUnits[{i}].code", $"Mã '{items[i].Code}' đã có ở dòng trước."));
        }
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        var existing = await db.MonitoringSubUnits.Where(s => s.UnitCode == unitCode).ToDictionaryAsync(s => s.Code, ct);
        foreach (var s in items)
        {
            if (existing.TryGetValue(s.Code.Trim(), out var found)) found.Rename(s.Name.Trim(), s.Kind);
            else db.MonitoringSubUnits.Add(new MonitoringSubUnit(unitCode, s.Code.Trim(), s.Name.Trim(), s.Kind));
        }
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
