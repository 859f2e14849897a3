using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Monitoring.ReadPosition;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.SetTarget;

/// <summary>The body of <c>POST /api/monitoring/targets</c>: a target of the unit (default: the caller's) for a year, with its basis.</summary>
public sealed record SetTargetCommand(
    string? Unit, string? SubUnit, int Year, TargetKind? Kind, string? Subject, decimal? Value, string? Group, decimal? Of, string? Per,
    string? Basis, string? Text) : IRequest<TargetResult>;

/// <summary><c>DELETE /api/monitoring/targets/{id}</c>: a target entered by mistake, journaled with what it was.</summary>
public sealed record RemoveTargetCommand(Guid Id) : IRequest<MonitoringPosition>;

public sealed class SetTargetHandler(WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<SetTargetCommand, TargetResult>, IRequestHandler<RemoveTargetCommand, MonitoringPosition>
{
    public async Task<TargetResult> Handle(SetTargetCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var (unitCode, unitName) = await access.UnitToRecordAsync(r.Unit, ct);
        var subUnit = string.IsNullOrWhiteSpace(r.SubUnit) ? null : r.SubUnit.Trim();
        await access.EnsureSubUnitAsync(unitCode, subUnit, "subUnit", ct);
        if (r.Year is < 2021 or > 2035) throw new ValidationFailedException("year", $"Năm {r.Year} nằm ngoài các năm 2021–2035 mà hệ thống quản lý.");
        var target = MonitoringTarget.Set(Guid.NewGuid(), unitCode, unitName, subUnit, r.Year, r.Kind, r.Subject, r.Value, r.Group, r.Of, r.Per,
            r.Basis, r.Text, user.UserName, clock.GetUtcNow());
        db.MonitoringTargets.Add(target);
        journal.Record(AdminObjectTypes.MonitoringTarget, target.Id.ToString(), unitCode, "create", null, TargetView.From(target));
        await db.SaveChangesAsync(ct);
        var position = await MonitoringPositions.OfAsync(db, unitCode, null, ct);
        return new TargetResult(TargetView.From(target), position.Warnings);
    }

    public async Task<MonitoringPosition> Handle(RemoveTargetCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var target = await db.MonitoringTargets.SingleOrDefaultAsync(t => t.Id == r.Id, ct);
        if (target is null || !await access.MaySeeAsync(target.UnitCode, ct)) throw new NotFoundException($"Không tìm thấy chỉ tiêu {r.Id}.");
        await access.UnitToRecordAsync(target.UnitCode, ct);
        db.MonitoringTargets.Remove(target);
        journal.Record(AdminObjectTypes.MonitoringTarget, target.Id.ToString(), target.UnitCode, "remove", TargetView.From(target), null);
        await db.SaveChangesAsync(ct);
        return await MonitoringPositions.OfAsync(db, target.UnitCode, null, ct);
    }
}
