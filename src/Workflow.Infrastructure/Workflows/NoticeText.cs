using System.Globalization;
using System.Text;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// The words of a notice and of its e-mail, as an office writes them: which dossier (its kind, code and title), how
/// much money (<c>1.521.000.000 đồng</c>), by when (<c>09/03/2026</c>, in working days) and where to open it.
/// </summary>
public static class NoticeText
{
    public static string Date(DateTimeOffset moment) =>
        moment.ToOffset(WorkingCalendar.VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The task or event ("Tiếp nhận đề xuất để thẩm định"): the dossier is named in the body, the code beside the title.</summary>
    public static string Title(string what) => Cut(what, 256);

    /// <summary>"Đề xuất ĐX-2026-0001 «Mô hình trồng cây ăn quả», số tiền 92.000.000 đồng"; the kind alone when the dossier is unknown.</summary>
    public static string Dossier(DossierSummary? dossier, string subjectType) =>
        dossier is null ? Dossiers.KindOf(subjectType) : $"{dossier.Kind} {dossier.Code} «{dossier.Title}», số tiền {Vnd.FormatDong(dossier.Amount)}";

    /// <summary>"09/03/2026 (còn 5 ngày làm việc)": the deadline, and the working days left on <paramref name="today"/>.</summary>
    public static string Deadline(DateTimeOffset due, DateOnly today, WorkingCalendar calendar)
    {
        var left = calendar.WorkingDaysBetween(today, DateOnly.FromDateTime(due.ToOffset(WorkingCalendar.VietnamOffset).DateTime));
        var days = left switch
        {
            > 0 => $"còn {left} ngày làm việc",
            0 => "hết hạn trong hôm nay",
            _ => $"quá {-left} ngày làm việc",
        };
        return $"{Date(due)} ({days})";
    }

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The e-mail's subject: the notice's title, the dossier's code and what the dossier is ("Tiếp nhận đề xuất để thẩm định: ĐX-2026-0001 — Mô hình …").</summary>
    public static string MailSubject(Notification notice) =>
        Cut(notice.Title + (notice.SubjectCode is { } code ? $": {code}" : "") + (notice.SubjectTitle is { } title ? $" — {title}" : ""), 500);

    /// <summary>The e-mail's text: greeting, the notice, the dossier's facts one per line, the link, and who sent it.</summary>
    public static string MailBody(Notification notice, string recipientName, string? deadline, string link)
    {
        var text = new StringBuilder();
        text.Append("Kính gửi ").Append(recipientName).AppendLine(",").AppendLine();
        text.AppendLine(notice.Body).AppendLine();
        if (notice.SubjectCode is { } code)
            text.Append("Hồ sơ: ").Append(Dossiers.KindOf(notice.SubjectType)).Append(' ').Append(code)
                .Append(notice.SubjectTitle is { } title ? $" — {title}" : "").AppendLine();
        if (notice.Amount is { } amount) text.Append("Số tiền: ").AppendLine(Vnd.FormatDong(amount));
        if (deadline is not null) text.Append("Hạn xử lý: ").AppendLine(deadline);
        text.Append("Xem hồ sơ: ").AppendLine(link).AppendLine();
        text.AppendLine("Thư này do hệ thống quản lý vốn Chương trình MTQG giảm nghèo bền vững gửi tự động; xin không trả lời thư này.");
        text.AppendLine("Thông báo cũng có trong Hộp việc của bạn trên hệ thống.");
        return text.ToString();
    }
}
