using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Monitoring;
using Workflow.Api.Features.Monitoring.Reports;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Monitoring;

/// <summary>
/// One version of a periodic monitoring report as the level above reads it, with its versions and what may be done with
/// it: a draft is recompiled and sent, a sent report is corrected by a new version with its reason — all through the
/// API's commands, so freezing, scope and the journal are theirs.
/// </summary>
public sealed class ReportModel(IMediator mediator, MonitoringAccess access, ICurrentUser user) : AppPageModel(mediator)
{
    public const string CorrectionPrefix = "correction";

    public ReportView View { get; private set; } = null!;

    [BindProperty] public CorrectionForm Correction { get; set; } = new();

    public ReportSummary Summary => View.Report;

    public ReportContent Figures => View.Content;

    public bool IsDraft => Summary.Status == MonitoringReportStatus.Draft;

    /// <summary>Whether the caller enters this unit's figures: refreshes a draft and corrects a sent report.</summary>
    public bool MayEnter => access.MayEnter(Summary.Unit);

    /// <summary>Only the unit's own standing office sends its report (the command says why to anyone else).</summary>
    public bool MaySubmit => user.IsIn(Roles.MonitoringOfficer) && user.UnitCode == Summary.Unit;

    public bool MayRefresh => IsDraft && MayEnter;

    public bool MayCorrect => !IsDraft && Summary.Latest && MayEnter;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostRefreshAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!await TryAsync(async () => View = await Mediator.Send(new RefreshReportCommand(id), ct))) return Page();
        Flash = $"Đã cập nhật số liệu của bản nháp đến {Fmt.DateTime(View.Content.Header.CompiledAt)}." + WarningsNote(View.Content.Warnings.Count);
        return Redirect(PathOf(id));
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!await TryAsync(async () => View = await Mediator.Send(new SubmitReportCommand(id), ct))) return Page();
        Flash = $"Đã gửi báo cáo {Summary.Template} kỳ {Summary.Period} (phiên bản {Summary.Version}){(Summary.Late ? ", trễ hạn" : ", đúng hạn")}. Số liệu đã được chốt.";
        return Redirect(PathOf(id));
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ReportView? correction = null;
        if (!await TryAsync(async () => correction = await Mediator.Send(new CorrectReportCommand(id, Correction.Reason), ct), CorrectionPrefix))
            return Page();
        Flash = $"Đã lập bản điều chỉnh phiên bản {correction!.Report.Version}; kiểm tra số liệu rồi gửi lại.";
        return Redirect(PathOf(correction.Report.Id));
    }

    /// <summary>Excel, JSON or CSV, as the API gives it, for the signed-in officer's browser.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        var file = await Mediator.Send(new ExportReportQuery(id, format), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The name the export gives its file, so the browser saves it under the same name.</summary>
    public static string FileName(ReportSummary r, string format) => ExportReportHandler.FileName(r, format);

    private async Task LoadAsync(Guid id, CancellationToken ct) => View = await Mediator.Send(new GetReportQuery(id), ct);

    public static string PathOf(Guid id) => Workflow.Infrastructure.Workflows.Dossiers.PagePath(MonitoringReportProcess.SubjectType, id);

    public static string Millions(decimal millions) => millions.ToString("#,0.######", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    public static string Percent(decimal percent) => PovertyRate.Format(percent);

    /// <summary>A poverty row's figure: a count of households, or a rate in percent.</summary>
    public static string Figure(PovertyRow row, decimal? value) =>
        value is not { } v ? "—" : row.Unit == "%" ? PovertyRate.Format(v) : Fmt.Number((long)v);

    /// <summary>Who made a version: a person's user name, or the deadline scan that opens a report when it comes due.</summary>
    public static string Maker(string userName) =>
        userName == Actor.System.UserName ? "hệ thống (tự lập khi đến kỳ báo cáo)" : userName;

    public static string Count(long? value) => value is { } v ? Fmt.Number(v) : "—";

    public static string CertaintyName(TemplateCertainty certainty) => certainty switch
    {
        TemplateCertainty.Proposed => "đề xuất",
        TemplateCertainty.Confirmed => "đã đối chiếu văn bản",
        _ => certainty.ToString(),
    };

    private static string WarningsNote(int warnings) =>
        warnings == 0 ? " Không có cảnh báo không nhất quán." : $" Có {warnings} cảnh báo không nhất quán — xem mục Cảnh báo.";
}

/// <summary>The correction form: the reason the command requires.</summary>
public sealed class CorrectionForm
{
    public string? Reason { get; set; }
}
