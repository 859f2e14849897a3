using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Plans;
using Workflow.Domain.Plans.Rules;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Api.Features.Plans;

/// <summary>
/// Everything a plan file is checked against besides itself: the unit it names, that unit's agencies, the
/// province's counterpart policy, and whether the caller may manage plans there.
/// </summary>
public sealed class PlanOrganisation(WorkflowDbContext db, ICurrentUser user, ProgrammeCatalogues catalogues, TimeProvider clock)
{
    /// <param name="PolicyVersionId">The province's policy version the plan was checked against (<see cref="Workflow.Domain.Policies.ProvincePolicy"/>), null when none.</param>
    public sealed record Context(CounterpartTerms Applied, IReadOnlyCollection<Agency> Agencies, IReadOnlyList<AdminUnit> NewUnits, int? PolicyVersionId);

    /// <summary>Runs RULES.md 1–5, 22 and the organisation checks; throws with every violation, or returns what the plan applies.</summary>
    public async Task<Context> CheckAsync(PlanContent content, CancellationToken ct)
    {
        var chain = Chain(content.Unit).ToList();
        EnsureMayManage(chain);

        var violations = new List<Violation>();
        var newUnits = new List<AdminUnit>();
        var codes = chain.Select(c => c.Unit.Code).ToList();
        var known = await db.AdminUnits.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, ct);
        foreach (var (unit, path) in chain)
        {
            if (known.TryGetValue(unit.Code, out var existing))
            {
                if (!string.Equals(existing.Name, unit.Name, StringComparison.Ordinal))
                    violations.Add(new($"{path}.name", $"Đơn vị {unit.Code} có tên '{existing.Name}' trong danh mục, không phải '{unit.Name}'."));
                if (existing.Level != unit.Level)
                    violations.Add(new($"{path}.level", $"Đơn vị {unit.Code} là cấp {AdminUnit.LevelName(existing.Level).ToLowerInvariant()} trong danh mục."));
                if (unit.Parent is { } parent && existing.ParentCode is { } knownParent && parent.Code != knownParent)
                    violations.Add(new($"{path}.parent.code", $"Đơn vị {unit.Code} trực thuộc {knownParent} trong danh mục, không phải {parent.Code}."));
            }
            else
                // a plan file's chain ends at the province, which the catalogue places under the national root
                newUnits.Add(new AdminUnit(unit.Code, unit.Name, unit.Level, unit.Parent?.Code ?? (unit.Level == AdminLevel.Province ? AdminUnit.NationalCode : null)));
        }

        var province = chain.Select(c => c.Unit).FirstOrDefault(u => u.Level == AdminLevel.Province);
        if (province is null)
            violations.Add(new("unit", "Không xác định được tỉnh của đơn vị: chuỗi đơn vị cấp trên phải kết thúc ở cấp tỉnh (level: Province)."));

        // the province's policy in force now for the plan's year (a merged province's successor's); the file's own
        // counterpart block may ask for more local money than it, never less (PlanRules)
        var version = province is null ? null : await db.PolicyInForceAsync(province.Code, content.FiscalYear, clock.GetUtcNow(), ct);
        // from 2026 a policy carried forward from an earlier year does not count: the new programme's rules are not the old one's
        if (version is not null && TwoLevelGovernment.Applies(content.FiscalYear) && version.FiscalYear != content.FiscalYear)
            version = null;
        var policy = version?.Values;

        var recorded = known.GetValueOrDefault(content.Unit.Code);
        var successor = recorded?.SuccessorCode is { } successorCode
            ? await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == successorCode, ct) : null;
        violations.AddRange(TwoLevelGovernment.Check(content, recorded, successor));

        // a unit seen for the first time brings its lead agencies with its plan; a known one must name its own
        var agencies = await db.Agencies.Where(a => a.UnitCode == content.Unit.Code).ToListAsync(ct);
        var unitIsNew = agencies.Count == 0;

        var catalogue = catalogues.For(content.FiscalYear).Period;
        violations.AddRange(PlanRules.Validate(content, policy?.Counterpart, unitIsNew ? null : agencies, catalogue));
        if (violations.Count == 0)
            violations.AddRange(await CeilingViolationsAsync(content, catalogue, ct));
        if (violations.Count > 0) throw new ValidationFailedException(violations);

        if (unitIsNew)
            agencies = content.Lines.Select(l => l.LeadAgency).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select((name, i) => new Agency($"{content.Unit.Code}.CT{i + 1}", name, AgencyKind.LeadAgency, content.Unit.Code))
                .ToList();

        return new Context(content.Counterpart ?? policy!.Counterpart, agencies, newUnits, version?.Id);
    }

    /// <summary>The unit's medium-term ceilings against its other years' plans and this one (a revision replaces its own year).</summary>
    private async Task<IEnumerable<Violation>> CeilingViolationsAsync(PlanContent content, ProgrammePeriod catalogue, CancellationToken ct)
    {
        var year = content.FiscalYear;
        var ceilings = await db.MediumTermCeilings.AsNoTracking()
            .Where(c => c.UnitCode == content.Unit.Code && c.FromYear <= year && c.ToYear >= year).ToListAsync(ct);
        if (ceilings.Count == 0) return [];
        var others = await MediumTermCeilings.AllocatedAsync(db, content.Unit.Code, ceilings[0].FromYear, ceilings[0].ToYear, year, ct);
        return WithinMediumTermCeiling.Check(content, ceilings, others, catalogue);
    }

    /// <summary>Finance officers and administrators manage the plans of their own unit and the units below it; national administrators any.</summary>
    private void EnsureMayManage(IReadOnlyList<(UnitRef Unit, string Path)> chain)
    {
        if (user.SeesEveryUnit()) return;
        if (!chain.Any(c => c.Unit.Code == user.UnitCode))
            throw new ForbiddenException($"Chỉ quản lý được kế hoạch của đơn vị mình ({user.UnitCode}) và các đơn vị trực thuộc.");
    }

    private static IEnumerable<(UnitRef Unit, string Path)> Chain(UnitRef unit)
    {
        var path = "unit";
        for (var u = unit; u is not null; u = u.Parent, path += ".parent")
            yield return (u, path);
    }

    /// <summary>Registers what the plan brought with it: its unit chain and, for a new unit, its lead agencies.</summary>
    public void AddNewOrganisation(Context context)
    {
        db.AdminUnits.AddRange(context.NewUnits);
        foreach (var agency in context.Agencies)
            if (db.Entry(agency).State == EntityState.Detached)
                db.Agencies.Add(agency);
    }
}
