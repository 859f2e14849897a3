using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Policies;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Policies;

/// <summary>Finds the province's policy a rule applies: the one place the rules' parameters are read from the database.</summary>
public static class PolicyLookup
{
    /// <summary>
    /// The policy in force for <paramref name="unitCode"/>'s province and <paramref name="fiscalYear"/> at
    /// <paramref name="at"/> (<see cref="ProvincePolicy.InForce"/>). A province closed with a successor before the
    /// fiscal year began (Bình Phước → Đồng Nai from 1/7/2025) takes its successor's policy; a province without any
    /// policy of its own falls back to its successor's too. Null when neither has one.
    /// </summary>
    /// <remarks>
    /// Read once per unit of work (a request, a background iteration): a firing's guards and its deadline ask for the
    /// same policy several times within the same instant. Nothing outlives the unit of work, so a new version applies
    /// from the next request on every server.
    /// </remarks>
    public static async Task<ProvincePolicy?> PolicyInForceAsync(this WorkflowDbContext db, string unitCode, int fiscalYear, DateTimeOffset at, CancellationToken ct)
    {
        if (db.PoliciesInForce.TryGetValue((unitCode, fiscalYear), out var known)) return known;
        var found = await LookUpAsync(db, unitCode, fiscalYear, at, ct);
        db.PoliciesInForce[(unitCode, fiscalYear)] = found;
        return found;
    }

    private static async Task<ProvincePolicy?> LookUpAsync(WorkflowDbContext db, string unitCode, int fiscalYear, DateTimeOffset at, CancellationToken ct)
    {
        var province = await ProvinceOfAsync(db, unitCode, ct);
        var yearStart = new DateOnly(fiscalYear, 1, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ProvincePolicy? own = null;
        for (var code = province?.Code ?? unitCode; code is not null && seen.Add(code);)
        {
            var unit = code == province?.Code ? province : await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);
            var found = await InForceOfAsync(db, code, fiscalYear, at, ct);
            var succeeded = unit is { ValidTo: { } closed, SuccessorCode: not null } && closed < yearStart;
            if (found is not null && !succeeded) return found;
            own ??= found;
            code = unit?.SuccessorCode;
        }
        return own;
    }

    /// <summary>The end of the adjustment period (RULES.md 19) in the policy in force; null for the default 31 January.</summary>
    public static async Task<PolicyValue<DateOnly>?> AdjustmentPeriodEndAsync(this WorkflowDbContext db, string unitCode, int fiscalYear, DateTimeOffset at, CancellationToken ct) =>
        (await db.PolicyInForceAsync(unitCode, fiscalYear, at, ct))?.AdjustmentPeriodEndFor(fiscalYear);

    /// <summary>One version by id: what a plan, proposal or disbursement recorded; null for none.</summary>
    public static async Task<ProvincePolicy?> PolicyVersionAsync(this WorkflowDbContext db, int? id, CancellationToken ct) =>
        id is { } key ? await db.ProvincePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == key, ct) : null;

    private static async Task<ProvincePolicy?> InForceOfAsync(WorkflowDbContext db, string provinceCode, int fiscalYear, DateTimeOffset at, CancellationToken ct) =>
        ProvincePolicy.InForce(await db.ProvincePolicies.AsNoTracking()
            .Where(p => p.ProvinceCode == provinceCode && p.FiscalYear <= fiscalYear).ToListAsync(ct), fiscalYear, at);

    /// <summary>The province above a unit (itself when it is one); null when the unit is unknown.</summary>
    public static async Task<AdminUnit?> ProvinceOfAsync(WorkflowDbContext db, string unitCode, CancellationToken ct)
    {
        var code = unitCode;
        for (var depth = 0; depth < 5 && code is not null; depth++)
        {
            var unit = await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null) return null;
            if (unit.Level == AdminLevel.Province) return unit;
            code = unit.ParentCode;
        }
        return null;
    }
}
