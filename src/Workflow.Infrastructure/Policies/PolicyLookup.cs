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
    /// Read from this process's copy of the reference data (<see cref="ReferenceSnapshot"/>), which a new policy version
    /// invalidates on every server from the next unit of work on; memoised per unit of work, since a firing's guards and
    /// its deadline ask for the same policy several times within the same instant.
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
        var reference = await ReferenceSnapshot.OfAsync(db, ct);
        var province = ProvinceOf(reference, unitCode);
        var yearStart = new DateOnly(fiscalYear, 1, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ProvincePolicy? own = null;
        for (var code = province?.Code ?? unitCode; code is not null && seen.Add(code);)
        {
            var unit = reference.Units.GetValueOrDefault(code);
            var found = ProvincePolicy.InForce(reference.PoliciesByProvince[code], fiscalYear, at);
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

    /// <summary>One version by id: what a plan, proposal or disbursement recorded; null for none. From the reference copy,
    /// which holds every version (a firing asks for the one its subject recorded, often twice).</summary>
    public static async Task<ProvincePolicy?> PolicyVersionAsync(this WorkflowDbContext db, int? id, CancellationToken ct) =>
        id is { } key ? (await ReferenceSnapshot.OfAsync(db, ct)).PolicyVersions.GetValueOrDefault(key) : null;

    /// <summary>The province above a unit (itself when it is one); null when the unit is unknown.</summary>
    public static async Task<AdminUnit?> ProvinceOfAsync(WorkflowDbContext db, string unitCode, CancellationToken ct) =>
        ProvinceOf(await ReferenceSnapshot.OfAsync(db, ct), unitCode);

    private static AdminUnit? ProvinceOf(ReferenceSnapshot reference, string unitCode)
    {
        var code = unitCode;
        for (var depth = 0; depth < 5 && code is not null; depth++)
        {
            if (!reference.Units.TryGetValue(code, out var unit)) return null;
            if (unit.Level == AdminLevel.Province) return unit;
            code = unit.ParentCode;
        }
        return null;
    }
}
