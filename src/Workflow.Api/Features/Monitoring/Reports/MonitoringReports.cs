using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.Reports;

/// <summary>A report without its figures, as lists show it.</summary>
/// <param name="Overdue">Not submitted and past its due date (Vietnam time).</param>
/// <param name="Late">Submitted after its due date.</param>
/// <param name="Latest">No later version corrects it.</param>
public sealed record ReportSummary(
    Guid Id, string Unit, string UnitName, string Template, int TemplateVersion, string Period, int Version, MonitoringReportStatus Status,
    DateOnly DueDate, bool Overdue, bool Late, bool Latest, DateTimeOffset CompiledAt, string CreatedBy, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, Guid? CorrectsId, string? CorrectionReason)
{
    public static ReportSummary Of(MonitoringReport r, DateOnly today, bool latest) => new(
        r.Id, r.UnitCode, r.UnitName, r.TemplateId, r.TemplateVersion, r.Period, r.Version, r.Status, r.DueDate,
        !r.IsSubmitted && today > r.DueDate,
        r.SubmittedAt is { } at && DateOnly.FromDateTime(at.ToOffset(WorkingCalendar.VietnamOffset).DateTime) > r.DueDate,
        latest, r.CompiledAt, r.CreatedBy, r.CreatedAt, r.SubmittedBy, r.SubmittedAt, r.CorrectsId, r.CorrectionReason);
}

/// <summary>A report with its compiled figures and every version of the same unit, template and period.</summary>
public sealed record ReportView(ReportSummary Report, ReportContent Content, IReadOnlyList<ReportSummary> Versions);

/// <summary>What the administration journal keeps of a report's change: who, which version, and its totals.</summary>
public sealed record ReportJournalView(ReportSummary Report, long Allocated, long Disbursed, int Children, IReadOnlyList<string> Missing, int Warnings)
{
    public static ReportJournalView Of(ReportSummary summary, ReportContent content) =>
        new(summary, content.Money.Allocated, content.Money.Disbursed, content.Children.Count, [.. content.Missing.Select(m => m.Unit)], content.Warnings.Count);
}

/// <summary>A report a unit owes: the template and period, its due date and where it stands.</summary>
/// <param name="Status">Of the latest version; null while no report is made.</param>
public sealed record DueReport(string Unit, string UnitName, string Template, string Title, string Period, string PeriodName, DateOnly DueDate,
    bool Overdue, int WorkingDaysLeft, Guid? ReportId, int? Version, MonitoringReportStatus? Status);

public sealed record ListReportTemplatesQuery : IRequest<IReadOnlyList<ReportTemplate>>;

public sealed record ListReportsQuery(string? Unit, string? Period, string? Template) : IRequest<IReadOnlyList<ReportSummary>>;

public sealed record GetReportQuery(Guid Id) : IRequest<ReportView>;

/// <summary><c>POST /api/monitoring/reports</c>: a new draft compiled now. <paramref name="Unit"/> defaults to the caller's.</summary>
public sealed record CreateReportCommand(string? Template, string? Unit, string? Period) : IRequest<ReportView>;

public sealed record RefreshReportCommand(Guid Id) : IRequest<ReportView>;

public sealed record SubmitReportCommand(Guid Id) : IRequest<ReportView>;

public sealed record CorrectReportCommand(Guid Id, string? Reason) : IRequest<ReportView>;

/// <summary>The body of <c>POST /api/monitoring/reports/{id}/corrections</c>.</summary>
public sealed record CorrectionBody(string? Reason);

public sealed record ListDueReportsQuery(string? Unit) : IRequest<IReadOnlyList<DueReport>>;

public sealed class MonitoringReportHandlers(
    WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, AdminJournal journal, ReportTemplates templates, ReportCompiler compiler,
    ReportReminders reminders, WorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<ListReportTemplatesQuery, IReadOnlyList<ReportTemplate>>, IRequestHandler<ListReportsQuery, IReadOnlyList<ReportSummary>>,
      IRequestHandler<GetReportQuery, ReportView>, IRequestHandler<CreateReportCommand, ReportView>, IRequestHandler<RefreshReportCommand, ReportView>,
      IRequestHandler<SubmitReportCommand, ReportView>, IRequestHandler<CorrectReportCommand, ReportView>, IRequestHandler<ListDueReportsQuery, IReadOnlyList<DueReport>>
{
    private DateOnly Today => WorkingCalendar.VietnamToday(clock);

    private Actor Actor => new(user.Id, user.UserName, user.Roles, user.AgencyCode, user.UnitCode);

    public Task<IReadOnlyList<ReportTemplate>> Handle(ListReportTemplatesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(templates.All);

    public async Task<IReadOnlyList<ReportSummary>> Handle(ListReportsQuery r, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(r.Unit) ? user.UnitCode : r.Unit.Trim();
        var period = string.IsNullOrWhiteSpace(r.Period) ? (ReportPeriod?)null : ReportPeriod.ParseOrThrow(r.Period);
        var template = string.IsNullOrWhiteSpace(r.Template) ? null : TemplateOrThrow(r.Template).Id;
        await access.EnsureVisibleAsync(unit, ct);
        var code = period?.Code;
        var reports = await db.MonitoringReports.AsNoTracking()
            .Where(x => x.UnitCode == unit && (code == null || x.Period == code) && (template == null || x.TemplateId == template)).ToListAsync(ct);
        return [.. reports.OrderBy(x => x.Period, StringComparer.Ordinal).ThenBy(x => x.TemplateId, StringComparer.Ordinal).ThenBy(x => x.Version)
            .Select(x => ReportSummary.Of(x, Today, IsLatest(x, reports)))];
    }

    public async Task<ReportView> Handle(GetReportQuery r, CancellationToken ct) => await ViewAsync(await FindVisibleAsync(r.Id, ct), ct);

    public async Task<ReportView> Handle(CreateReportCommand r, CancellationToken ct)
    {
        var problems = new List<Violation>();
        var (period, periodProblem) = ReportPeriod.Parse(r.Period);
        if (periodProblem is not null) problems.Add(periodProblem);
        var template = templates.Latest(r.Template?.Trim());
        if (template is null) problems.Add(TemplateProblem(r.Template));
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        var (unitCode, unitName) = await access.UnitToRecordAsync(r.Unit, ct);

        var existing = await db.MonitoringReports.AsNoTracking()
            .Where(x => x.UnitCode == unitCode && x.TemplateId == template!.Id && x.Period == period!.Value.Code).ToListAsync(ct);
        if (existing.MaxBy(x => x.Version) is { } latest)
            throw new ConflictException(latest.IsSubmitted
                ? $"Đơn vị {unitName} đã gửi báo cáo {template!.Id} kỳ {period!.Value.Code} (phiên bản {latest.Version}, mã {latest.Id}): muốn sửa, lập bản điều chỉnh của báo cáo đó, nêu lý do."
                : $"Đơn vị {unitName} đã có bản nháp báo cáo {template!.Id} kỳ {period!.Value.Code} (mã {latest.Id}): mở bản nháp đó và cập nhật số liệu.",
                "report.exists");

        var now = clock.GetUtcNow();
        var due = await compiler.DueDateAsync(unitCode, period!.Value, ct);
        var content = await compiler.CompileAsync(unitCode, unitName, template!, period.Value, due, now, ct);
        var report = MonitoringReport.Create(Guid.NewGuid(), unitCode, unitName, template!, period.Value, due, ReportJson.Write(content), user.UserName, now);
        db.MonitoringReports.Add(report);
        journal.Record(AdminObjectTypes.MonitoringReport, report.Id.ToString(), unitCode, "create", null, ReportJournalView.Of(ReportSummary.Of(report, Today, true), content));
        await reminders.SaveWithReminderAsync(report, Actor, user.AgencyCode, ct);
        return await ViewAsync(report, ct);
    }

    public async Task<ReportView> Handle(RefreshReportCommand r, CancellationToken ct)
    {
        var report = await FindVisibleAsync(r.Id, ct, track: true);
        await access.UnitToRecordAsync(report.UnitCode, ct);
        var before = ReportJournalView.Of(ReportSummary.Of(report, Today, true), ReportJson.Read(report.Content));
        var template = StoredTemplate(report);
        var now = clock.GetUtcNow();
        var content = await compiler.CompileAsync(report.UnitCode, report.UnitName, template, report.ReportPeriod, report.DueDate, now, ct);
        report.Recompile(ReportJson.Write(content), now);
        journal.Record(AdminObjectTypes.MonitoringReport, report.Id.ToString(), report.UnitCode, "recompile", before, ReportJournalView.Of(ReportSummary.Of(report, Today, true), content));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(report, ct);
    }

    public async Task<ReportView> Handle(SubmitReportCommand r, CancellationToken ct)
    {
        var report = await FindVisibleAsync(r.Id, ct, track: true);
        // the standing office signs for its own unit: an administrator may prepare a report but not send it in the unit's name
        if (!user.IsIn(Roles.MonitoringOfficer) || user.UnitCode != report.UnitCode)
            throw new ForbiddenException($"Chỉ cán bộ giám sát, đánh giá của {report.UnitName} gửi báo cáo của đơn vị.");
        var before = ReportSummary.Of(report, Today, true);
        report.Submit(user.UserName, clock.GetUtcNow());
        journal.Record(AdminObjectTypes.MonitoringReport, report.Id.ToString(), report.UnitCode, "submit", before,
            ReportJournalView.Of(ReportSummary.Of(report, Today, true), ReportJson.Read(report.Content)));
        await reminders.CloseAsync(report, user.UserName, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(report, ct);
    }

    public async Task<ReportView> Handle(CorrectReportCommand r, CancellationToken ct)
    {
        var report = await FindVisibleAsync(r.Id, ct, track: true);
        await access.UnitToRecordAsync(report.UnitCode, ct);
        var later = await db.MonitoringReports.AsNoTracking()
            .Where(x => x.UnitCode == report.UnitCode && x.TemplateId == report.TemplateId && x.Period == report.Period && x.Version > report.Version)
            .OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
        if (later is not null)
            throw new ConflictException($"Báo cáo {report.Describe()} đã có phiên bản {later.Version} (mã {later.Id}, {(later.IsSubmitted ? "đã gửi" : "đang soạn")}): điều chỉnh phiên bản mới nhất.",
                "report.superseded");
        var template = StoredTemplate(report);
        var now = clock.GetUtcNow();
        var content = await compiler.CompileAsync(report.UnitCode, report.UnitName, template, report.ReportPeriod, report.DueDate, now, ct);
        var correction = report.Correct(Guid.NewGuid(), r.Reason, template, report.DueDate, ReportJson.Write(content), user.UserName, now);
        db.MonitoringReports.Add(correction);
        journal.Record(AdminObjectTypes.MonitoringReport, correction.Id.ToString(), correction.UnitCode, "correct", ReportSummary.Of(report, Today, false),
            ReportJournalView.Of(ReportSummary.Of(correction, Today, true), content));
        await reminders.SaveWithReminderAsync(correction, Actor, user.AgencyCode, ct);
        return await ViewAsync(correction, ct);
    }

    /// <summary>
    /// The monitoring reports (Mẫu 01 and any other template of kind Monitoring) the unit owes for the periods of this year
    /// and the last that have begun and that it existed in, until the latest version is submitted.
    /// </summary>
    public async Task<IReadOnlyList<DueReport>> Handle(ListDueReportsQuery r, CancellationToken ct)
    {
        var unitCode = string.IsNullOrWhiteSpace(r.Unit) ? user.UnitCode : r.Unit.Trim();
        await access.EnsureVisibleAsync(unitCode, ct);
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        if (!snapshot.Units.TryGetValue(unitCode, out var unit)) return [];
        var today = Today;
        var periods = ReportReminders.PeriodsOf(unit, today).ToList();
        var reports = await db.MonitoringReports.AsNoTracking().Where(x => x.UnitCode == unitCode).ToListAsync(ct);
        var due = new List<DueReport>();
        foreach (var template in templates.All.Where(t => t.Kind == ReportTemplateKind.Monitoring).GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!))
            foreach (var period in periods.Where(p => template.Accepts(p.Kind)))
            {
                var latest = reports.Where(x => x.TemplateId == template.Id && x.Period == period.Code).MaxBy(x => x.Version);
                if (latest?.IsSubmitted == true) continue;
                var date = latest?.DueDate ?? ReportDeadlines.For(period, unit.Level == Domain.Catalog.AdminLevel.Province, calendar);
                due.Add(new DueReport(unitCode, unit.Name, template.Id, template.Title, period.Code, period.Name, date, today > date,
                    calendar.WorkingDaysBetween(today, date), latest?.Id, latest?.Version, latest?.Status));
            }
        return [.. due.OrderBy(d => d.DueDate).ThenBy(d => d.Template, StringComparer.Ordinal)];
    }

    private async Task<MonitoringReport> FindVisibleAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var query = track ? db.MonitoringReports : db.MonitoringReports.AsNoTracking();
        var report = await query.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (report is null || !await access.MaySeeAsync(report.UnitCode, ct)) throw new NotFoundException($"Không tìm thấy báo cáo {id}.");
        return report;
    }

    private async Task<ReportView> ViewAsync(MonitoringReport report, CancellationToken ct)
    {
        var versions = await db.MonitoringReports.AsNoTracking()
            .Where(x => x.UnitCode == report.UnitCode && x.TemplateId == report.TemplateId && x.Period == report.Period).ToListAsync(ct);
        if (!versions.Any(v => v.Id == report.Id)) versions.Add(report);
        var today = Today;
        return new ReportView(ReportSummary.Of(report, today, IsLatest(report, versions)), ReportJson.Read(report.Content),
            [.. versions.OrderBy(v => v.Version).Select(v => ReportSummary.Of(v, today, IsLatest(v, versions)))]);
    }

    private static bool IsLatest(MonitoringReport report, IEnumerable<MonitoringReport> all) =>
        !all.Any(x => x.UnitCode == report.UnitCode && x.TemplateId == report.TemplateId && x.Period == report.Period && x.Version > report.Version);

    /// <summary>A report is recompiled with the template version it was made with, so its columns never change under it.</summary>
    private ReportTemplate StoredTemplate(MonitoringReport report) =>
        templates.Find(report.TemplateId, report.TemplateVersion)
        ?? throw new ConflictException($"Mẫu {report.TemplateId} phiên bản {report.TemplateVersion} của báo cáo không còn được nạp; nạp lại tệp mẫu trước khi cập nhật.", "report.templateMissing");

    private ReportTemplate TemplateOrThrow(string? id) =>
        templates.Latest(id?.Trim()) ?? throw new ValidationFailedException([TemplateProblem(id)]);

    private Violation TemplateProblem(string? id) => new("template", string.IsNullOrWhiteSpace(id)
        ? $"Chọn mẫu báo cáo: {string.Join(", ", templates.All.Select(t => t.Id).Distinct())}."
        : $"Không có mẫu báo cáo '{id}'; các mẫu: {string.Join(", ", templates.All.Select(t => t.Id).Distinct())}.");
}
