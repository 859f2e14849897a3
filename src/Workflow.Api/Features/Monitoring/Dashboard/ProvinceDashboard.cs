using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Monitoring;
using Workflow.Domain.Plans;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Api.Features.Monitoring.Dashboard;

/// <summary>
/// <c>GET /api/monitoring/dashboard?unit=&amp;year=</c>: how a province's plans of a year are being spent and what their
/// people gained, for the province's monitor (docs/monitoring.md, "Web pages and the province dashboard").
/// </summary>
/// <param name="Unit">The province (default: the caller's unit); the dashboard covers it and every unit below it.</param>
/// <param name="Year">The plan year (default: this year in Vietnam).</param>
public sealed record ProvinceDashboardQuery(string? Unit, int? Year) : IRequest<ProvinceDashboard>;

/// <summary>Allocated, committed (approved) and disbursed (confirmed paid by the treasury) in đồng, and the disbursement rate.</summary>
/// <param name="DisbursedPerMille">Disbursed ÷ allocated in whole thousandths (‰), from the amounts (<see cref="PerMille"/>).</param>
public sealed record Spending(long Allocated, long Committed, long Disbursed, int DisbursedPerMille)
{
    public static Spending Of(long allocated, long committed, long disbursed) => new(allocated, committed, disbursed, PerMille.Of(disbursed, allocated));

    public static Spending Sum(IEnumerable<Spending> parts)
    {
        long a = 0, c = 0, d = 0;
        foreach (var p in parts) (a, c, d) = (checked(a + p.Allocated), checked(c + p.Committed), checked(d + p.Disbursed));
        return Of(a, c, d);
    }
}

/// <summary>A unit holding a plan of the year, with the plan to drill into.</summary>
public sealed record UnitSpending(string Unit, string Name, Guid PlanId, Spending Spending);

public sealed record AgencySpending(string Agency, string Name, Spending Spending);

public sealed record ComponentSpending(string Component, string Name, Spending Spending);

/// <summary>
/// Approved money not yet paid on a line whose year closes: after the close (<see cref="FiscalYearClose"/>) it can only be
/// paid if the finance office carries the line over, else it lapses. Lines already carried over or lapsed are not listed.
/// </summary>
/// <param name="AtRisk">Committed − disbursed, đồng.</param>
/// <param name="Closed">Whether the close has passed: the money waits on a carry-over decision.</param>
public sealed record LapseRisk(string Unit, string UnitName, Guid PlanId, Guid PlanLineId, string Component, string AgencyName,
    long Committed, long Disbursed, long AtRisk, DateTimeOffset ClosesAt, bool Closed);

/// <summary>
/// Poor households lifted in a unit in the year against its target: escaped is what the year-end review of the year
/// counts as having left poverty (its flows); the target is the year's "reduce by N poor households" for the whole unit.
/// </summary>
/// <param name="BaselinePoor">Poor households at the review that opened the year.</param>
/// <param name="EscapedPoor">Households escaped during the year, from the review at its end; null until that review is entered.</param>
/// <param name="EndPoor">Poor households at the review at the year's end.</param>
/// <param name="TargetReduction">The year's ReduceCount target of poor households (whole unit, all groups); null when none is set.</param>
/// <param name="AchievedPerMille">Escaped ÷ target in ‰; null when either is missing.</param>
public sealed record HouseholdsLifted(string Unit, string Name, int? BaselinePoor, int? EscapedPoor, int? EndPoor, long? TargetReduction, int? AchievedPerMille);

public sealed record ProvinceDashboard(
    string Unit, string UnitName, int Year, DateTimeOffset GeneratedAt, Spending Total,
    IReadOnlyList<UnitSpending> ByUnit, IReadOnlyList<AgencySpending> ByAgency, IReadOnlyList<ComponentSpending> ByComponent,
    IReadOnlyList<LateItem> Late, IReadOnlyList<LapseRisk> AtRisk, long AtRiskTotal, IReadOnlyList<HouseholdsLifted> Lifted);

public sealed class ProvinceDashboardHandler(
    WorkflowDbContext db, ICurrentUser user, MonitoringAccess access, ProgrammeCatalogues catalogues, IEnumerable<IDashboardLateItems> lateSources,
    TimeProvider clock) : IRequestHandler<ProvinceDashboardQuery, ProvinceDashboard>
{
    public async Task<ProvinceDashboard> Handle(ProvinceDashboardQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (!user.IsIn(Roles.Monitor) && !user.IsIn(Roles.Admin))
            throw new ForbiddenException("Tổng quan của tỉnh dành cho cán bộ theo dõi, giám sát của tỉnh (Monitor) và quản trị.");
        var now = clock.GetUtcNow();
        var year = request.Year ?? now.ToOffset(WorkingCalendar.VietnamOffset).Year;
        if (year is < PlanRules.FirstFiscalYear or > PlanRules.LastFiscalYear)
            throw new ValidationFailedException("year", $"Năm {year} nằm ngoài các năm {PlanRules.FirstFiscalYear}–{PlanRules.LastFiscalYear} mà hệ thống quản lý.");
        var code = string.IsNullOrWhiteSpace(request.Unit) ? user.UnitCode : request.Unit.Trim();
        await access.EnsureVisibleAsync(code, ct);
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var units = snapshot.UnitAndBelow(code);
        var unitCodes = units.ToList();
        string NameOf(string unit) => snapshot.Units.TryGetValue(unit, out var u) ? u.Name : unit;

        var lines = await (from l in db.PlanLines.AsNoTracking()
                           join p in db.Plans.AsNoTracking() on l.PlanId equals p.Id
                           where p.FiscalYear == year && unitCodes.Contains(p.UnitCode)
                           select new { l.Id, l.PlanId, p.UnitCode, l.ComponentCode, l.LeadAgencyCode }).ToListAsync(ct);
        var planIds = lines.Select(l => l.PlanId).Distinct().ToList();
        // the balances are the ledger's sums per line and source: added here per line
        var balances = (await db.Balances.AsNoTracking().Where(b => planIds.Contains(b.PlanId))
                .Select(b => new { b.PlanLineId, b.Allocated, b.Committed, b.Disbursed }).ToListAsync(ct))
            .GroupBy(b => b.PlanLineId)
            .ToDictionary(g => g.Key, g => Spending.Of(g.Sum(b => b.Allocated), g.Sum(b => b.Committed), g.Sum(b => b.Disbursed)));
        var lineIds = lines.Select(l => l.Id).ToList();
        var agencyCodes = lines.Select(l => l.LeadAgencyCode).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var period = catalogues.For(year).Period;
        var spent = lines.Select(l => (Line: l, Spending: balances.GetValueOrDefault(l.Id) ?? Spending.Of(0, 0, 0))).ToList();

        var byUnit = spent.GroupBy(x => (x.Line.UnitCode, x.Line.PlanId))
            .Select(g => new UnitSpending(g.Key.UnitCode, NameOf(g.Key.UnitCode), g.Key.PlanId, Spending.Sum(g.Select(x => x.Spending))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byAgency = spent.GroupBy(x => x.Line.LeadAgencyCode)
            .Select(g => new AgencySpending(g.Key, agencyNames.GetValueOrDefault(g.Key, g.Key), Spending.Sum(g.Select(x => x.Spending))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byComponent = spent.GroupBy(x => x.Line.ComponentCode)
            .Select(g => new ComponentSpending(g.Key, period.NameOf(g.Key), Spending.Sum(g.Select(x => x.Spending))))
            .OrderBy(r => r.Component, StringComparer.Ordinal).ToList();

        // a line carried over keeps paying in the next year, and a lapsed one has nothing left to lose
        var carried = await db.Carryovers.AsNoTracking().Where(c => lineIds.Contains(c.FromPlanLineId)).Select(c => c.FromPlanLineId).ToListAsync(ct);
        var lapsed = await db.Lapses.AsNoTracking().Where(x => lineIds.Contains(x.PlanLineId)).Select(x => x.PlanLineId).ToListAsync(ct);
        var settledElsewhere = carried.Concat(lapsed).ToHashSet();
        var closes = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var unit in lines.Select(l => l.UnitCode).Distinct())
            closes[unit] = FiscalYearClose.ClosesAt(year, (await db.AdjustmentPeriodEndAsync(unit, year, now, ct))?.Value);
        var atRisk = spent.Where(x => !settledElsewhere.Contains(x.Line.Id) && x.Spending.Committed > x.Spending.Disbursed)
            .Select(x => new LapseRisk(x.Line.UnitCode, NameOf(x.Line.UnitCode), x.Line.PlanId, x.Line.Id, x.Line.ComponentCode,
                agencyNames.GetValueOrDefault(x.Line.LeadAgencyCode, x.Line.LeadAgencyCode), x.Spending.Committed, x.Spending.Disbursed,
                x.Spending.Committed - x.Spending.Disbursed, closes[x.Line.UnitCode], now >= closes[x.Line.UnitCode]))
            .OrderByDescending(r => r.AtRisk).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.Component, StringComparer.Ordinal).ToList();

        var late = new List<LateItem>();
        var scope = new DashboardScope(code, units, year, now);
        foreach (var source in lateSources) late.AddRange((await source.LateAsync(scope, ct)).Select(i => i with { UnitName = NameOf(i.Unit) }));

        return new ProvinceDashboard(code, NameOf(code), year, now, Spending.Sum(byUnit.Select(u => u.Spending)), byUnit, byAgency, byComponent,
            [.. late.OrderBy(i => i.DueAt).ThenBy(i => i.Title, StringComparer.Ordinal)], atRisk, atRisk.Sum(r => r.AtRisk),
            await LiftedAsync(unitCodes, year, NameOf, ct));
    }

    private async Task<IReadOnlyList<HouseholdsLifted>> LiftedAsync(List<string> units, int year, Func<string, string> nameOf, CancellationToken ct)
    {
        var censuses = await db.PovertyCensuses.AsNoTracking()
            .Where(c => units.Contains(c.UnitCode) && c.Scope == "" && (c.Year == year - 1 || c.Year == year)).ToListAsync(ct);
        var targets = await db.MonitoringTargets.AsNoTracking()
            .Where(t => units.Contains(t.UnitCode) && t.Year == year && t.SubUnitCode == null && t.Group == null
                        && t.Kind == TargetKind.ReduceCount && t.Subject == TargetSubjects.PoorHouseholds).ToListAsync(ct);
        return [.. censuses.Select(c => c.UnitCode).Concat(targets.Select(t => t.UnitCode)).Distinct()
            .Select(unit =>
            {
                var start = censuses.SingleOrDefault(c => c.UnitCode == unit && c.Year == year - 1);
                var end = censuses.SingleOrDefault(c => c.UnitCode == unit && c.Year == year);
                // two targets of the same aim are a TargetsAgree warning on the unit's page; the dashboard takes the latest entered
                var target = targets.Where(t => t.UnitCode == unit).MaxBy(t => t.RecordedAt);
                var escaped = end?.Flows?.EscapedPoor;
                long? reduction = target is null ? null : (long)target.Value;
                int? achieved = escaped is { } e && reduction is { } r && r > 0 ? PerMille.Of(e, r) : null;
                return new HouseholdsLifted(unit, nameOf(unit), start?.Poor?.Households, escaped, end?.Poor?.Households, reduction, achieved);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }
}
