using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Monitoring.Indicators;
using Workflow.Api.Features.Monitoring.ReadPosition;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring.Checks;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.Units;

/// <summary>The units whose monitoring figures the caller reads, each with its latest review (the page <c>/giam-sat</c>).</summary>
public sealed record ListMonitoringUnitsQuery : IRequest<IReadOnlyList<MonitoringUnitRow>>;

/// <summary>A unit with the figures of its latest year-end review of the whole unit, and how many warnings its figures raise.</summary>
/// <param name="LatestReviewYear">The year of the latest review; its figures are the baseline of the year after. Null when none is recorded.</param>
/// <param name="MayEnter">Whether the caller enters this unit's figures (its standing office, or an administrator).</param>
public sealed record MonitoringUnitRow(
    string Code, string Name, AdminLevel Level, int? LatestReviewYear, int? TotalHouseholds, int? PoorHouseholds, int? NearPoorHouseholds,
    decimal? PoorRate, decimal? NearPoorRate, int Warnings, bool MayEnter);

/// <summary>
/// One unit's page for a plan year (<c>/giam-sat/{unit}/{year}</c>): the baseline of that year — the review at the end of
/// the year before — with the review before it (where the flows start), the year's targets, every warning, and the
/// outputs of the year's committed proposals.
/// </summary>
public sealed record ReadMonitoringUnitQuery(string Unit, int Year) : IRequest<MonitoringUnitPage>;

/// <param name="Baseline">The review at the end of <c>Year − 1</c> of the whole unit, or null when none is recorded.</param>
/// <param name="PreviousReview">The review at the end of <c>Year − 2</c>: the start the baseline's flows are counted from.</param>
public sealed record MonitoringUnitPage(
    string Unit, string UnitName, int Year, CensusView? Baseline, CensusView? PreviousReview, IReadOnlyList<TargetView> Targets,
    IReadOnlyList<ConsistencyWarning> Warnings, OutputTotalsReport Outputs, bool MayEnter);

public sealed class MonitoringUnitsHandler(WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, OutputTotals totals)
    : IRequestHandler<ListMonitoringUnitsQuery, IReadOnlyList<MonitoringUnitRow>>, IRequestHandler<ReadMonitoringUnitQuery, MonitoringUnitPage>
{
    public async Task<IReadOnlyList<MonitoringUnitRow>> Handle(ListMonitoringUnitsQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var inScope = user.SeesEveryUnit() ? snapshot.Units.Keys.ToHashSet(StringComparer.Ordinal) : snapshot.UnitAndBelow(user.UnitCode);
        var codes = inScope.ToList();
        var censuses = await db.PovertyCensuses.AsNoTracking().Where(c => codes.Contains(c.UnitCode)).ToListAsync(ct);
        var targets = await db.MonitoringTargets.AsNoTracking().Where(t => codes.Contains(t.UnitCode)).ToListAsync(ct);
        var censusesByUnit = censuses.ToLookup(c => c.UnitCode, StringComparer.Ordinal);
        var targetsByUnit = targets.ToLookup(t => t.UnitCode, StringComparer.Ordinal);
        var rows = new List<MonitoringUnitRow>();
        foreach (var code in codes)
        {
            if (!snapshot.Units.TryGetValue(code, out var unit)) continue;
            var own = censusesByUnit[code].ToList();
            // a unit abolished in 2025 is listed only while it has figures to read
            if (unit.IsClosed && own.Count == 0) continue;
            var latest = own.Where(c => c.SubUnitCode is null).MaxBy(c => c.Year);
            var warnings = own.Count == 0 && !targetsByUnit[code].Any() ? 0 : MonitoringChecks.Run(own, [.. targetsByUnit[code]]).Count;
            rows.Add(new(unit.Code, unit.Name, unit.Level, latest?.Year, latest?.TotalHouseholds, latest?.Poor?.Households, latest?.NearPoor?.Households,
                latest?.PoorRate, latest?.NearPoorRate, warnings, access.MayEnter(unit.Code)));
        }
        // the caller's own unit first, then the units below it by level and name
        return [.. rows.OrderBy(r => r.Code == user.UnitCode ? 0 : 1).ThenBy(r => r.Level).ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
    }

    public async Task<MonitoringUnitPage> Handle(ReadMonitoringUnitQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (request.Year is < Domain.Plans.PlanRules.FirstFiscalYear or > Domain.Plans.PlanRules.LastFiscalYear)
            throw new ValidationFailedException("year", $"Năm {request.Year} nằm ngoài các năm {Domain.Plans.PlanRules.FirstFiscalYear}–{Domain.Plans.PlanRules.LastFiscalYear} mà hệ thống quản lý.");
        var code = request.Unit.Trim();
        await access.EnsureVisibleAsync(code, ct);
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var position = await MonitoringPositions.OfAsync(db, code, null, ct);
        var baseline = position.Baselines.SingleOrDefault(c => c.Year == request.Year - 1 && c.SubUnit is null);
        var previous = position.Baselines.SingleOrDefault(c => c.Year == request.Year - 2 && c.SubUnit is null);
        var name = snapshot.Units.TryGetValue(code, out var unit) ? unit.Name : baseline?.UnitName ?? previous?.UnitName ?? code;
        var outputs = await totals.OfAsync(code, request.Year, includeChildUnits: true, ct);
        return new MonitoringUnitPage(code, name, request.Year, baseline, previous, [.. position.Targets.Where(t => t.Year == request.Year)],
            position.Warnings, outputs, unit is not null && access.MayEnter(code));
    }
}
