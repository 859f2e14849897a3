using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring.Reports;

public enum MonitoringReportStatus
{
    /// <summary>Being prepared: recompiled as often as needed.</summary>
    Draft,

    /// <summary>Sent to the level above: frozen; only a correction (a new version) changes what it says.</summary>
    Submitted,
}

/// <summary>
/// A unit's report for one period on one template version (docs/monitoring.md, Reports). Its content is the compiled
/// snapshot of the figures; once submitted it never changes, and a correction is a new version that names the one it
/// corrects and why, so the level above sees both.
/// </summary>
public sealed class MonitoringReport
{
    public const int MaxReasonLength = 2000;

    private MonitoringReport() { UnitCode = UnitName = TemplateId = Period = Content = CreatedBy = ""; }

    private MonitoringReport(Guid id, string unitCode, string unitName, ReportTemplate template, ReportPeriod period, int version, DateOnly dueDate,
        string content, string createdBy, DateTimeOffset createdAt, Guid? correctsId, string? correctionReason)
    {
        Id = id;
        UnitCode = unitCode;
        UnitName = unitName;
        TemplateId = template.Id;
        TemplateVersion = template.Version;
        Period = period.Code;
        Version = version;
        DueDate = dueDate;
        Status = MonitoringReportStatus.Draft;
        Content = content;
        CompiledAt = createdAt;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        CorrectsId = correctsId;
        CorrectionReason = correctionReason;
    }

    public Guid Id { get; private set; }
    public string UnitCode { get; private set; }
    public string UnitName { get; private set; }
    public string TemplateId { get; private set; }
    public int TemplateVersion { get; private set; }

    /// <summary>The period's code (<c>2026-H1</c>, <c>2026</c>).</summary>
    public string Period { get; private set; }

    /// <summary>1 for the first report of the unit, period and template; each correction adds one.</summary>
    public int Version { get; private set; }
    public DateOnly DueDate { get; private set; }
    public MonitoringReportStatus Status { get; private set; }

    /// <summary>The compiled figures as JSON: what the report says, frozen at submission.</summary>
    public string Content { get; private set; }
    public DateTimeOffset CompiledAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The submitted version this one corrects; null for the first version.</summary>
    public Guid? CorrectsId { get; private set; }
    public string? CorrectionReason { get; private set; }

    public bool IsSubmitted => Status == MonitoringReportStatus.Submitted;

    public ReportPeriod ReportPeriod => ReportPeriod.ParseOrThrow(Period);

    /// <summary>A first report of a unit for a period: a draft with the figures compiled now.</summary>
    public static MonitoringReport Create(Guid id, string unitCode, string unitName, ReportTemplate template, ReportPeriod period, DateOnly dueDate,
        string content, string createdBy, DateTimeOffset at)
    {
        EnsureTemplateFits(template, period);
        return new(id, unitCode, unitName, template, period, 1, dueDate, content, createdBy, at, null, null);
    }

    /// <summary>Replaces the compiled figures of a draft; a submitted report refuses (<c>report.submitted</c>).</summary>
    public void Recompile(string content, DateTimeOffset at)
    {
        EnsureDraft("cập nhật số liệu");
        Content = content;
        CompiledAt = at;
    }

    /// <summary>Sends the report up: from now on its figures are frozen.</summary>
    public void Submit(string by, DateTimeOffset at)
    {
        EnsureDraft("gửi lại");
        Status = MonitoringReportStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
    }

    /// <summary>
    /// A new draft version that corrects this submitted one, with the reason (required) and figures compiled now, on the
    /// same template version so the two compare column for column.
    /// </summary>
    public MonitoringReport Correct(Guid id, string? reason, ReportTemplate template, DateOnly dueDate, string content, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "Ghi lý do điều chỉnh: báo cáo đã gửi chỉ được sửa bằng một phiên bản mới có lý do.");
        if (reason.Trim().Length > MaxReasonLength)
            throw new ValidationFailedException("reason", $"Lý do điều chỉnh tối đa {MaxReasonLength} ký tự.");
        if (!IsSubmitted)
            throw new ConflictException($"Báo cáo {Describe()} chưa gửi: bản nháp được cập nhật trực tiếp (làm mới số liệu), không cần điều chỉnh.", "report.notSubmitted");
        if (template.Id != TemplateId || template.Version != TemplateVersion)
            throw new ArgumentException($"a correction keeps template {TemplateId} version {TemplateVersion}", nameof(template));
        return new(id, UnitCode, UnitName, template, ReportPeriod, Version + 1, dueDate, content, by, at, Id, reason.Trim());
    }

    public string Describe() => $"{TemplateId} kỳ {Period} của {UnitName} (phiên bản {Version})";

    private void EnsureDraft(string action)
    {
        if (IsSubmitted)
            throw new ConflictException(
                $"Báo cáo {Describe()} đã gửi ngày {SubmittedAt!.Value.ToOffset(Workflows.WorkingCalendar.VietnamOffset):dd/MM/yyyy}: nội dung đã chốt, không {action}. " +
                "Muốn sửa, lập bản điều chỉnh có lý do (POST …/corrections).", "report.submitted");
    }

    private static void EnsureTemplateFits(ReportTemplate template, ReportPeriod period)
    {
        if (!template.Accepts(period.Kind))
            throw new ValidationFailedException("period",
                $"Mẫu {template.Id} ({template.Title}) không dùng cho kỳ {period.Code}; mẫu này dùng cho kỳ: {string.Join(", ", template.Periods)}.");
    }
}
