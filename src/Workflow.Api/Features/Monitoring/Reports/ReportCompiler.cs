using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Monitoring.Indicators;
using Workflow.Domain.Catalog;
using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Checks;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.Reports;

/// <summary>
/// Compiles a report's content for a unit, period and template (docs/monitoring.md, "Reports"): the unit's own plans'
/// allocation and disbursement per component and funding source, its outputs, declared funds, baseline, targets and
/// warnings; for a unit with units below it, their latest submitted reports of the same template and period added in,
/// and those with none listed as missing. It checks no access: callers do.
/// </summary>
public sealed class ReportCompiler(WorkflowDbContext db, OutputTotals outputTotals, ProgrammeCatalogues programmes, WorkingCalendar calendar)
{
    /// <summary>When the unit's report is due: a province reports to the centre, every other unit to its own level's standing agency.</summary>
    public async Task<DateOnly> DueDateAsync(string unitCode, ReportPeriod period, CancellationToken ct)
    {
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var reportsToCentral = snapshot.Units.TryGetValue(unitCode, out var unit) && unit.Level == AdminLevel.Province;
        return ReportDeadlines.For(period, reportsToCentral, calendar);
    }

    public async Task<ReportContent> CompileAsync(string unitCode, string unitName, ReportTemplate template, ReportPeriod period, DateOnly dueDate,
        DateTimeOffset at, CancellationToken ct)
    {
        var own = await OwnFiguresAsync(unitCode, period, ct);
        var (children, missing) = await ChildrenAsync(unitCode, template, period, ct);
        var header = new ReportHeader(unitCode, unitName, period.Code, period.Name, period.Start, period.End, dueDate, template.Id, template.Version,
            template.Form, template.Title, template.Source, template.Certainty, at);
        return ReportCompilation.Compile(header, template.MoneyDecimals, own, children, missing);
    }

    private async Task<ReportFigures> OwnFiguresAsync(string unitCode, ReportPeriod period, CancellationToken ct)
    {
        var year = period.Year;
        // the plans' balances as they stand when compiled: allocated (carry-overs in), disbursed as the treasury confirmed it
        var balances = await (from b in db.Balances.AsNoTracking()
                              join p in db.Plans.AsNoTracking() on b.PlanId equals p.Id
                              where p.UnitCode == unitCode && p.FiscalYear == year
                              group b by new { b.Component, b.Source } into g
                              select new { g.Key.Component, g.Key.Source, Allocated = g.Sum(b => b.Allocated), Disbursed = g.Sum(b => b.Disbursed) })
            .ToListAsync(ct);
        var components = programmes.For(year).Period;
        var money = ReportMoney.Combine(balances.Select(b => new MoneyLine(b.Component, components.NameOf(b.Component), b.Source, b.Allocated, b.Disbursed)));

        var totals = await outputTotals.OfAsync(unitCode, year, includeChildUnits: false, ct);
        var outputs = totals.Outputs.Where(o => o.PlannedPercent is null && o.ActualPercent is null && (o.Planned is not null || o.Actual is not null))
            .Select(o => new ReportOutput(o.Indicator, o.Name, o.Unit, o.Planned, o.Actual)).ToList();
        var escaped = new EscapedFigures(totals.EscapedAfterSupport.Proposals, totals.EscapedAfterSupport.Households, totals.EscapedAfterSupport.Of);

        var funds = await db.DeclaredFunds.AsNoTracking().Where(f => f.UnitCode == unitCode && f.Year == year).ToListAsync(ct);

        var censuses = await db.PovertyCensuses.AsNoTracking().Where(c => c.UnitCode == unitCode).ToListAsync(ct);
        var targets = await db.MonitoringTargets.AsNoTracking().Where(t => t.UnitCode == unitCode).ToListAsync(ct);
        var warnings = MonitoringChecks.Run(censuses, targets).Concat(DisbursedWithinAllocated.Check(money)).ToList();

        return new ReportFigures(money, outputs, [.. funds.Select(f => new ReportDeclaredFunds(f.Component, f.Integrated, f.Credit, f.Contribution))],
            Poverty(censuses, targets, period), escaped, warnings);
    }

    /// <summary>
    /// The review at the end of the year before is the baseline; the year's targets; the review at the end of the year is
    /// the result, so only an annual report has one.
    /// </summary>
    private static PovertyFigures Poverty(IReadOnlyList<PovertyCensus> censuses, IReadOnlyList<MonitoringTarget> targets, ReportPeriod period)
    {
        var baseline = censuses.FirstOrDefault(c => c.SubUnitCode is null && c.Year == period.Year - 1);
        var result = period.Kind == ReportPeriodKind.Year ? censuses.FirstOrDefault(c => c.SubUnitCode is null && c.Year == period.Year) : null;
        var mine = targets.Where(t => t.SubUnitCode is null && t.Group is null && t.Year == period.Year).ToList();
        int? EndCount(string subject, int? start)
        {
            if (mine.FirstOrDefault(t => t.Kind == TargetKind.EndCount && t.Subject == subject) is { } end) return (int)end.Value;
            return mine.FirstOrDefault(t => t.Kind == TargetKind.ReduceCount && t.Subject == subject) is { } reduce && start is { } s ? s - (int)reduce.Value : null;
        }
        decimal? EndRate(string subject) => mine.FirstOrDefault(t => t.Kind == TargetKind.EndRate && t.Subject == subject)?.Value;
        return new PovertyFigures(
            baseline?.TotalHouseholds, baseline?.Poor?.Households, baseline?.NearPoor?.Households,
            EndCount(TargetSubjects.PoorHouseholds, baseline?.Poor?.Households), EndCount(TargetSubjects.NearPoorHouseholds, baseline?.NearPoor?.Households),
            EndRate(TargetSubjects.PoorRate), EndRate(TargetSubjects.NearPoorRate),
            result?.TotalHouseholds, result?.Poor?.Households, result?.NearPoor?.Households);
    }

    /// <summary>The units directly below that exist during the period: each with its latest submitted report, or missing.</summary>
    private async Task<(IReadOnlyList<(ReportChild, ReportContent)> Included, IReadOnlyList<MissingChild> Missing)> ChildrenAsync(
        string unitCode, ReportTemplate template, ReportPeriod period, CancellationToken ct)
    {
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var children = snapshot.ChildrenOf[unitCode].Select(c => snapshot.Units[c])
            .Where(u => (u.ValidFrom is null || u.ValidFrom <= period.End) && (u.ValidTo is null || u.ValidTo >= period.Start))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (children.Count == 0) return ([], []);
        var codes = children.Select(c => c.Code).ToList();
        var submitted = MonitoringReportStatus.Submitted;
        var reports = await db.MonitoringReports.AsNoTracking()
            .Where(r => codes.Contains(r.UnitCode) && r.TemplateId == template.Id && r.Period == period.Code && r.Status == submitted)
            .ToListAsync(ct);
        var included = new List<(ReportChild, ReportContent)>();
        var missing = new List<MissingChild>();
        foreach (var child in children)
        {
            var latest = reports.Where(r => r.UnitCode == child.Code).MaxBy(r => r.Version);
            if (latest is null) { missing.Add(new(child.Code, child.Name)); continue; }
            var content = ReportJson.Read(latest.Content);
            included.Add((new ReportChild(child.Code, child.Name, latest.Id, latest.Version, latest.SubmittedAt!.Value, content.Money.Allocated, content.Money.Disbursed), content));
        }
        return (included, missing);
    }
}
