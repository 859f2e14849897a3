using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring;

/// <summary>
/// Who reads and who enters monitoring figures (docs/monitoring.md). Everyone reads the figures of their unit and the
/// units below it. A unit's standing office (<see cref="Roles.MonitoringOfficer"/>) enters its own unit's baselines and
/// targets; an administrator, those of any unit in scope. Figures of a unit no longer in the catalogue — a district or
/// commune abolished in 2025, loaded from its old documents — are history that administrators and monitors read.
/// </summary>
public sealed class MonitoringAccess(WorkflowDbContext db, ICurrentUser user)
{
    public async Task<bool> MaySeeAsync(string unitCode, CancellationToken ct)
    {
        if (user.SeesEveryUnit()) return true;
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        if (!snapshot.Units.ContainsKey(unitCode)) return user.IsIn(Roles.Admin) || user.IsIn(Roles.Monitor);
        return snapshot.UnitAndBelow(user.UnitCode).Contains(unitCode);
    }

    public async Task EnsureVisibleAsync(string unitCode, CancellationToken ct)
    {
        if (!await MaySeeAsync(unitCode, ct)) throw new NotFoundException($"Không tìm thấy đơn vị {unitCode}.");
    }

    /// <summary>
    /// Whether the caller enters a unit's figures: its own standing office, or an administrator (of a unit in scope, which
    /// <see cref="UnitToRecordAsync"/> checks). Pages ask it before showing a form; the commands enforce it when it is sent.
    /// </summary>
    public bool MayEnter(string unitCode) =>
        user.IsIn(Roles.Admin) || (user.IsIn(Roles.MonitoringOfficer) && unitCode == user.UnitCode);

    /// <summary>The unit whose figures the caller enters: their own for a standing office, any in scope for an administrator.</summary>
    public async Task<(string Code, string Name)> UnitToRecordAsync(string? unitCode, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(unitCode) ? user.UnitCode : unitCode.Trim();
        if (!MayEnter(code))
            throw new ForbiddenException(user.IsIn(Roles.MonitoringOfficer)
                ? $"Cán bộ giám sát, đánh giá nhập số liệu của đơn vị mình ({user.UnitCode}), không nhập cho {code}."
                : "Chỉ cơ quan thường trực của đơn vị (cán bộ giám sát, đánh giá) hoặc quản trị nhập số liệu giám sát.");
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        if (!snapshot.Units.TryGetValue(code, out var unit) || !await MaySeeAsync(code, ct))
            throw new ValidationFailedException("unit", $"Không có đơn vị '{code}' trong phạm vi của bạn.");
        return (unit.Code, unit.Name);
    }

    /// <summary>The sub-unit codes registered for a unit; a census or target naming another is refused.</summary>
    public async Task EnsureSubUnitAsync(string unitCode, string? subUnit, string path, CancellationToken ct)
    {
        if (subUnit is null) return;
        if (!await db.MonitoringSubUnits.AnyAsync(s => s.UnitCode == unitCode && s.Code == subUnit, ct))
            throw new ValidationFailedException(path, $"Đơn vị {unitCode} chưa có thôn/tổ '{subUnit}' (khai báo ở /api/monitoring/sub-units).");
    }
}
