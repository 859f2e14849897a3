using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Policies;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Policies;

/// <summary>
/// Who reads and adds a province's policy versions: an administrator whose scope (<see cref="AdminScope"/>) holds the
/// province, or the finance office of the province unit itself. Any other province answers 404, like an unknown code;
/// other roles are refused before (403, <see cref="Common.Policies.ManageProvincePolicies"/>).
/// </summary>
public sealed class PolicyAccess(WorkflowDbContext db, AdminScope scope, ICurrentUser user)
{
    public async Task<AdminUnit> ProvinceAsync(string? code, CancellationToken ct)
    {
        var message = $"Không tìm thấy tỉnh {code}.";
        if (string.IsNullOrWhiteSpace(code)) throw new ValidationFailedException("province", "Chọn tỉnh (mã đơn vị cấp tỉnh).");
        code = code.Trim();
        var allowed = user.IsIn(Roles.Admin) && await scope.ManagesAsync(code, ct)
            || user.IsIn(Roles.FinanceOffice) && string.Equals(user.UnitCode, code, StringComparison.Ordinal);
        if (!allowed) throw new NotFoundException(message);
        var unit = await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null || unit.Level != AdminLevel.Province) throw new NotFoundException(message);
        return unit;
    }
}

/// <summary>One version of a province's policy as the API shows it; also its snapshot in the journal.</summary>
public sealed record PolicyVersionView(int Id, string ProvinceCode, int FiscalYear, int Version, DateOnly EffectiveFrom, PolicyValues Values,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public static PolicyVersionView Of(ProvincePolicy p) => new(p.Id, p.ProvinceCode, p.FiscalYear, p.Version, p.EffectiveFrom, p.Values, p.CreatedBy, p.CreatedAt);
}
