using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Monitoring.Reports;

/// <summary>
/// A report due is a task in the inbox of its unit's standing office (process <c>monitoring-report</c>): opened with the
/// report, due on the report's due date, overdue and escalated after it by the deadline scan like any task, closed when
/// the report is submitted. Without the process definition loaded, reports work without reminders.
/// </summary>
public sealed class ReportReminders(
    WorkflowDbContext db, DefinitionCatalog catalog, IWorkflowRuntime runtime, ReportTemplates templates, ReportCompiler compiler,
    AdminJournal journal, WorkingCalendar calendar, TimeProvider clock)
{
    private bool Enabled => catalog.FindBySubjectType(MonitoringReportProcess.SubjectType) is not null;

    /// <summary>Saves the caller's pending changes with the report's reminder, its task due on the report's due date.</summary>
    public async Task SaveWithReminderAsync(MonitoringReport report, Actor actor, string agencyCode, CancellationToken ct)
    {
        if (!Enabled)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var parent = snapshot.Units.TryGetValue(report.UnitCode, out var unit) ? unit.ParentCode : null;
        await runtime.StartAsync(MonitoringReportProcess.DefinitionId,
            new WorkflowSubject(MonitoringReportProcess.SubjectType, report.Id, report.UnitCode, agencyCode, parent), actor, ct, dueOn: report.DueDate);
    }

    /// <summary>Closes the report's reminder in the caller's unit of work, as the system: the submission is the report's own endpoint.</summary>
    public async Task CloseAsync(MonitoringReport report, string submittedBy, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == MonitoringReportProcess.SubjectType && i.SubjectId == report.Id)
            .Select(i => new { i.Id, i.State }).SingleOrDefaultAsync(ct);
        if (instance?.State != MonitoringReportProcess.Preparing) return;
        await runtime.FireWithoutSavingAsync(instance.Id, MonitoringReportProcess.SubmitAction, Actor.System, $"Báo cáo đã được {submittedBy} gửi.", null, ct);
    }

    /// <summary>
    /// Opens, for every unit with a standing office (an active MonitoringOfficer), the monitoring reports that have come
    /// due for reminding (<see cref="ReportDeadlines.RemindFrom"/>) and that the unit has not begun: a draft compiled now,
    /// with its task. Running it again opens nothing twice.
    /// </summary>
    /// <returns>How many reports it opened.</returns>
    public async Task<int> OpenDueAsync(CancellationToken ct = default)
    {
        if (!Enabled) return 0;
        var today = WorkingCalendar.VietnamToday(clock);
        var officers = (await db.Users.AsNoTracking().Where(u => u.IsActive && u.RoleNames.Contains(Roles.MonitoringOfficer))
                .Select(u => new { u.UnitCode, u.AgencyCode, u.RoleNames }).ToListAsync(ct))
            .Where(u => u.RoleNames.Split(',').Contains(Roles.MonitoringOfficer))
            .GroupBy(u => u.UnitCode).ToDictionary(g => g.Key, g => g.Select(u => u.AgencyCode).Order(StringComparer.Ordinal).First());
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var monitoring = templates.All.Where(t => t.Kind == ReportTemplateKind.Monitoring).GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!).ToList();
        // one read of what is already open for the periods a scan can open, whatever the number of units: the scan runs on every server, every interval
        var periodCodes = PeriodsBegunBy(today).Select(p => p.Code).ToList();
        var existing = (await db.MonitoringReports.AsNoTracking().Where(r => periodCodes.Contains(r.Period))
                .Select(r => new { r.UnitCode, r.TemplateId, r.Period }).ToListAsync(ct))
            .Select(r => (r.UnitCode, r.TemplateId, r.Period)).ToHashSet();
        var opened = 0;
        foreach (var (unitCode, agencyCode) in officers.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!snapshot.Units.TryGetValue(unitCode, out var unit)) continue;
            foreach (var template in monitoring)
                foreach (var period in PeriodsOf(unit, today).Where(p => template.Accepts(p.Kind)))
                {
                    var due = ReportDeadlines.For(period, unit.Level == AdminLevel.Province, calendar);
                    if (today < ReportDeadlines.RemindFrom(due, calendar) || existing.Contains((unitCode, template.Id, period.Code))) continue;
                    var now = clock.GetUtcNow();
                    var content = await compiler.CompileAsync(unit.Code, unit.Name, template, period, due, now, ct);
                    var report = MonitoringReport.Create(Guid.NewGuid(), unit.Code, unit.Name, template, period, due, ReportJson.Write(content), Actor.System.UserName, now);
                    db.MonitoringReports.Add(report);
                    journal.RecordBySystem(AdminObjectTypes.MonitoringReport, report.Id.ToString(), unit.Code, "create", null,
                        ReportJournalView.Of(ReportSummary.Of(report, today, true), content));
                    try
                    {
                        await SaveWithReminderAsync(report, Actor.System, agencyCode, ct);
                        opened++;
                    }
                    catch (Exception e) when (e is DbUpdateException or Domain.Common.ConflictException)
                    {
                        // the officer, or another server, opened the same report meanwhile: the unique version number kept one
                    }
                    db.ChangeTracker.Clear();
                }
        }
        return opened;
    }

    /// <summary>The half-year and the year of this year and the last that have begun and that the unit existed in.</summary>
    public static IEnumerable<ReportPeriod> PeriodsOf(AdminUnit unit, DateOnly today) =>
        PeriodsBegunBy(today).Where(p => (unit.ValidFrom is null || p.End >= unit.ValidFrom) && (unit.ValidTo is null || p.Start <= unit.ValidTo));

    /// <summary>The half-year and the year of this year and the last that have begun, whatever the unit.</summary>
    private static IEnumerable<ReportPeriod> PeriodsBegunBy(DateOnly today) =>
        new[] { today.Year - 1, today.Year }
            .SelectMany(y => new[] { new ReportPeriod(y, ReportPeriodKind.HalfYear), new ReportPeriod(y, ReportPeriodKind.Year) })
            .Where(p => p.Year >= ReportPeriod.FirstYear && p.Start <= today);
}

/// <summary>Opens the reports that come due on every server's deadline scan; a second server finds them opened.</summary>
public sealed class ReportReminderService(IServiceScopeFactory scopes, WorkflowOptions options, ILogger<ReportReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunBackgroundServices) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var opened = await scope.ServiceProvider.GetRequiredService<ReportReminders>().OpenDueAsync(stoppingToken);
                if (opened > 0) logger.LogInformation("Opened {Count} monitoring reports that came due", opened);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Opening due monitoring reports failed; retrying");
            }
            try { await Task.Delay(options.DeadlineScanInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
