using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Monitoring;
using Workflow.Api.Features.Monitoring.Reports;
using Workflow.Api.Features.Monitoring.Units;
using Workflow.Domain.Monitoring.Reports;

namespace Workflow.Api.Pages.Monitoring;

/// <summary>
/// The periodic monitoring reports of a unit: those it still owes, with their due dates, and those it has made. Its
/// standing office starts a report here through the same command as the API, so the period and template rules, the scope
/// and the journal are the API's.
/// </summary>
public sealed class ReportsModel(IMediator mediator, MonitoringAccess access, ICurrentUser user) : AppPageModel(mediator)
{
    public const string CreatePrefix = "create";

    /// <summary>The unit whose reports the page shows: the one asked for, else the caller's.</summary>
    public string Unit { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public IReadOnlyList<DueReport> Due { get; private set; } = [];

    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];

    public IReadOnlyList<ReportTemplate> Templates { get; private set; } = [];

    /// <summary>The units in the caller's scope, for switching between them.</summary>
    public IReadOnlyList<MonitoringUnitRow> Units { get; private set; } = [];

    public bool MayEnter { get; private set; }

    /// <summary>After a refused creation: the report the unit already has for that template and period, to open instead.</summary>
    public ReportSummary? Existing { get; private set; }

    [BindProperty] public CreateReportForm Create { get; set; } = new();

    public async Task OnGetAsync([FromQuery(Name = "don-vi")] string? unit, CancellationToken ct) => await LoadAsync(unit, ct);

    public async Task<IActionResult> OnPostCreateAsync([FromQuery(Name = "don-vi")] string? unit, CancellationToken ct)
    {
        await LoadAsync(unit, ct);
        ReportView? created = null;
        if (!await TryAsync(async () => created = await Mediator.Send(new CreateReportCommand(Create.Template, Unit, Create.Period), ct), CreatePrefix))
        {
            Existing = Reports.Where(r => r.Template == Create.Template?.Trim() && r.Period == Create.Period?.Trim()).MaxBy(r => r.Version);
            return Page();
        }
        var r = created!.Report;
        Flash = $"Đã lập bản nháp báo cáo {r.Template} kỳ {r.Period} của {r.UnitName}. Kiểm tra số liệu rồi gửi báo cáo.";
        return Redirect(ReportModel.PathOf(r.Id));
    }

    private async Task LoadAsync(string? unit, CancellationToken ct)
    {
        Unit = string.IsNullOrWhiteSpace(unit) ? user.UnitCode : unit.Trim();
        Units = await Mediator.Send(new ListMonitoringUnitsQuery(), ct);
        Due = await Mediator.Send(new ListDueReportsQuery(Unit), ct);
        Reports = [.. (await Mediator.Send(new ListReportsQuery(Unit, null, null), ct))
            .OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Template, StringComparer.Ordinal).ThenByDescending(r => r.Version)];
        Templates = [.. (await Mediator.Send(new ListReportTemplatesQuery(), ct)).GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Id, StringComparer.Ordinal)];
        UnitName = Units.FirstOrDefault(u => u.Code == Unit)?.Name ?? Due.FirstOrDefault()?.UnitName ?? Reports.FirstOrDefault()?.UnitName ?? Unit;
        MayEnter = access.MayEnter(Unit);
    }

    public string TemplateTitle(string id) => Templates.FirstOrDefault(t => t.Id == id)?.Title ?? id;

    public static string PathOf(string unit) => $"/giam-sat/bao-cao?don-vi={Uri.EscapeDataString(unit)}";

    public static string StatusName(MonitoringReportStatus status) => status switch
    {
        MonitoringReportStatus.Draft => "Nháp",
        MonitoringReportStatus.Submitted => "Đã gửi",
        _ => status.ToString(),
    };

    /// <summary>Working days to the due date in words, or how far past it.</summary>
    public static string DaysLeft(DueReport d) => d.Overdue
        ? $"quá hạn {Math.Abs(d.WorkingDaysLeft)} ngày làm việc"
        : d.WorkingDaysLeft == 0 ? "hạn hôm nay" : $"còn {d.WorkingDaysLeft} ngày làm việc";

    public static string PeriodKindsName(ReportTemplate t) =>
        string.Join(", ", t.Periods.Select(p => p == ReportPeriodKind.HalfYear ? "6 tháng (2026-H1)" : "năm (2026)"));
}

/// <summary>The create form's fields as typed; the command reads and refuses them.</summary>
public sealed class CreateReportForm
{
    public string? Template { get; set; }
    public string? Period { get; set; }
}
