using System.Globalization;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages;

/// <summary>How the pages write money, dates and people: vi-VN, as officials read them.</summary>
public static class Fmt
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Money(long amount) => Vnd.Format(amount);

    /// <summary>Figures as printed documents write them, dot-grouped, the unit ("đồng") said by the text: <c>1.320.000.000</c>.</summary>
    public static string Figures(long amount) => amount.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>Millions as officials write them in plans and charts: <c>1.521 triệu</c>, <c>674,072 triệu</c> (to the thousand đồng).</summary>
    public static string Millions(long amount) => Vnd.FormatMillions(amount, 3);

    /// <summary>The number of millions without the unit, where the unit follows once: "0 / 674 triệu".</summary>
    public static string MillionsNumber(long amount) => Vnd.FormatMillions(amount, 3, unit: false);

    /// <summary>Labelled parts in millions that add up, as printed, to their total: "NSTW 1.521 triệu / NS tỉnh 76 triệu".</summary>
    public static string MillionsParts(IReadOnlyList<(string Label, long Amount)> parts)
    {
        var rounded = Vnd.RoundMillionsAddingUp(parts.Select(p => p.Amount).ToList(), 3);
        return string.Join(" / ", parts.Select((p, i) => $"{p.Label} {Millions(rounded[i])}"));
    }

    public static string Number(long value) => value.ToString("#,0", Vi);

    public static string Percent(decimal rate) => (rate * 100).ToString("0.0", Vi) + " %";

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTimeOffset? moment) => moment is { } m ? m.ToOffset(WorkingCalendar.VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset moment) => moment.ToOffset(WorkingCalendar.VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);


    public static string SourceName(Domain.Catalog.FundingSource source) => Domain.Catalog.FundingSources.ShortNameOf(source);

    public static string Role(string role) => role switch
    {
        "LeadAgency" => "Cơ quan chủ trì",
        "FinanceOffice" => "Phòng Tài chính - Kế hoạch",
        "Approver" => "Lãnh đạo UBND",
        "Treasury" => "Kho bạc",
        "Monitor" => "Theo dõi",
        "MonitoringOfficer" => "Giám sát, đánh giá",
        "Admin" => "Quản trị",
        "System" => "Hệ thống",
        _ => role,
    };

    public static string Kind(Domain.Proposals.ProposalKind kind) => kind switch
    {
        Domain.Proposals.ProposalKind.ValueChain => "Dự án liên kết chuỗi giá trị",
        Domain.Proposals.ProposalKind.Community => "Dự án phát triển sản xuất cộng đồng",
        Domain.Proposals.ProposalKind.PovertyReductionModel => "Mô hình giảm nghèo",
        _ => "Kế hoạch hoạt động",
    };

    public static string Area(Domain.Proposals.AreaType area) => area switch
    {
        Domain.Proposals.AreaType.EspeciallyDifficult => "Vùng đặc biệt khó khăn",
        Domain.Proposals.AreaType.Difficult => "Vùng khó khăn",
        _ => "Địa bàn khác",
    };

    public static string Settlement(Domain.Settlements.SettlementStatus status) => status switch
    {
        Domain.Settlements.SettlementStatus.NotStarted => "Chưa quyết toán",
        Domain.Settlements.SettlementStatus.InProgress => "Đang lập hồ sơ",
        Domain.Settlements.SettlementStatus.Submitted => "Đã gửi quyết toán",
        Domain.Settlements.SettlementStatus.Approved => "Đã phê duyệt quyết toán",
        _ => "Đã đóng",
    };

    public static string DataLabel(string field) => field switch
    {
        "decisionNumber" => "Số quyết định",
        "decisionDate" => "Ngày quyết định",
        "treasuryReference" => "Số chứng từ kho bạc",
        "paidOn" => "Ngày thanh toán",
        "stateSupport" => "Kinh phí ngân sách hỗ trợ sau điều chỉnh (đồng)",
        "fileName" => "Tệp",
        "contentType" => "Loại tệp",
        "size" => "Dung lượng (byte)",
        "sha256" => "SHA-256",
        Domain.Files.DossierFile.JournalKey => "Tệp đính kèm lúc đó (SHA-256)",
        "payeeAccount" => "Số tài khoản người nhận đã kiểm soát",
        "amount" => "Số tiền đã kiểm soát (đồng)",
        "ceilingReference" => "Số hợp đồng / quyết định đã đối chiếu mức trần",
        _ => field,
    };

    /// <summary>An action's data as officials write it: dates dd/MM/yyyy, the rest as entered.</summary>
    public static string DataValue(string field, string value) =>
        IsDateField(field) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : value;

    /// <summary>What kind of file a media type is, as the attachment list shows it ("PDF", "Word", …).</summary>
    public static string FileKind(string contentType) =>
        Domain.Files.FileKinds.All.FirstOrDefault(k => k.ContentType == contentType)?.Name ?? contentType;

    /// <summary>An action's amount in đồng (the amended support, the amount the treasury checked): typed grouped, sent as digits.</summary>
    public static bool IsMoneyField(string field) => field is "stateSupport" or "amount";

    public static bool IsDateField(string field) => field.EndsWith("Date", StringComparison.Ordinal) || field.EndsWith("On", StringComparison.Ordinal);
}

