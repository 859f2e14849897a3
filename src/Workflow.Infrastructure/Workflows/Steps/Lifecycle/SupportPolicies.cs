using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Proposals;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

public static class SupportPolicies
{
    /// <summary>The caps in force for a unit's province in a fiscal year; the national ones when the province recorded none.</summary>
    public static async Task<SupportPolicy> SupportPolicyForAsync(this WorkflowDbContext db, string unitCode, int fiscalYear, CancellationToken ct)
    {
        var province = await ProvinceOfAsync(db, unitCode, ct);
        var record = await db.SupportPolicies.AsNoTracking()
            .Where(p => p.ProvinceCode == province && p.FromFiscalYear <= fiscalYear)
            .OrderByDescending(p => p.FromFiscalYear).FirstOrDefaultAsync(ct);
        return record?.Policy ?? SupportPolicy.National;
    }

    private static async Task<string> ProvinceOfAsync(WorkflowDbContext db, string unitCode, CancellationToken ct)
    {
        var code = unitCode;
        for (var depth = 0; depth < 4; depth++)
        {
            var unit = await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null || unit.Level == AdminLevel.Province || unit.ParentCode is null) return code;
            code = unit.ParentCode;
        }
        return code;
    }
}
