using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Proposals;

/// <summary>The support caps and beneficiary share a province applies (NĐ 27/2022 as amended by NĐ 38/2023; the province may set lower).</summary>
public sealed record SupportPolicy(
    IReadOnlyDictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>> CapRates,
    long TaskBasedMaximum,
    decimal MinimumBeneficiaryShare,
    decimal PriorityBeneficiaryShare)
{
    /// <summary>The national defaults (RULES.md 10–11).</summary>
    public static readonly SupportPolicy National = new(
        new Dictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>>
        {
            [ProposalKind.ValueChain] = new Dictionary<AreaType, decimal> { [AreaType.EspeciallyDifficult] = 0.80m, [AreaType.Difficult] = 0.70m, [AreaType.Other] = 0.50m },
            [ProposalKind.Community] = new Dictionary<AreaType, decimal> { [AreaType.EspeciallyDifficult] = 0.95m, [AreaType.Difficult] = 0.80m, [AreaType.Other] = 0.60m },
        },
        3_000_000_000, 0.50m, 0.70m);

    /// <summary>The legal basis of the values when they come from a province's policy; null for the national defaults in code.</summary>
    public SupportBases? Bases { get; init; }
}

/// <summary>Where the caps, the task-based maximum and the beneficiary shares of a province's policy come from.</summary>
public sealed record SupportBases(string CapRates, string TaskBasedMaximum, string BeneficiaryShares);

/// <summary>
/// The proposal form's own checks, independent of the plan and the policy (the rules with numbers are in
/// <c>Proposals/Rules</c>), and the Vietnamese names of kinds and areas.
/// </summary>
public static class ProposalRules
{
    public const int MaxTitleLength = 512;
    public const int MaxAttachmentNameLength = 256;
    public const int MaxAttachments = 50;
    public const int MaxCommunes = 50;
    public const int MaxCommuneCodeLength = 64;

    /// <summary>Checks of the content itself, independent of the plan: the form's own rules.</summary>
    public static IEnumerable<Violation> CheckContent(ProposalContent c)
    {
        if (string.IsNullOrWhiteSpace(c.Title)) yield return new("title", "Nhập tên dự án / mô hình / hoạt động.");
        else if (c.Title.Length > MaxTitleLength) yield return new("title", $"Tên dài quá {MaxTitleLength} ký tự.");
        if (c.Kind == ProposalKind.Activity && c.ActivityType is null) yield return new("activityType", "Kế hoạch hoạt động cần nêu loại: Training, Communication, Monitoring hoặc Other.");
        if (c.EndDate < c.StartDate) yield return new("endDate", $"Ngày kết thúc {c.EndDate:dd/MM/yyyy} trước ngày bắt đầu {c.StartDate:dd/MM/yyyy}.");
        if (c.TotalCost <= 0) yield return new("totalCost", "Tổng kinh phí phải lớn hơn 0.");
        if (c.StateSupport <= 0) yield return new("stateSupport", "Kinh phí ngân sách hỗ trợ phải lớn hơn 0.");
        if (c.TotalCost > 0 && c.StateSupport > 0 && checked(c.StateSupport + c.Counterpart.Total) != c.TotalCost)
            yield return new("totalCost", $"Tổng kinh phí {Vnd.Format(c.TotalCost)} phải bằng ngân sách hỗ trợ {Vnd.Format(c.StateSupport)} cộng vốn đối ứng của người dân {Vnd.Format(c.Counterpart.Total)}.");
        if (c.Counterpart.Cash < 0 || c.Counterpart.Labour < 0 || c.Counterpart.InKind < 0) yield return new("counterpart", "Vốn đối ứng không được âm.");
        var b = c.Beneficiaries;
        if (new[] { b.Poor, b.NearPoor, b.NewlyEscaped, b.EthnicMinority, b.Disabled, b.TotalParticipants }.Any(n => n < 0))
            yield return new("beneficiaries", "Số người tham gia không được âm.");
        else if (b.ProgramBeneficiaries > b.TotalParticipants)
            yield return new("beneficiaries.totalParticipants", $"Tổng số tham gia {b.TotalParticipants} ít hơn số đối tượng đã kê ({b.ProgramBeneficiaries}).");
        if (b.EthnicMinority > b.TotalParticipants) yield return new("beneficiaries.ethnicMinority", "Số hộ DTTS vượt tổng số tham gia.");
        if (c.ContractValue is <= 0) yield return new("contractValue", "Giá trị hợp đồng phải lớn hơn 0.");
        if (c.Attachments.Count > MaxAttachments) yield return new("attachments", $"Tối đa {MaxAttachments} tài liệu đính kèm.");
        for (var i = 0; i < c.Attachments.Count; i++)
        {
            var name = c.Attachments[i].Name;
            if (string.IsNullOrWhiteSpace(name)) yield return new($"attachments[{i}].name", "Nhập tên tài liệu.");
            else if (name.Length > MaxAttachmentNameLength) yield return new($"attachments[{i}].name", $"Tên tài liệu dài {name.Length} ký tự, tối đa {MaxAttachmentNameLength}.");
            else if (name.Any(char.IsControl)) yield return new($"attachments[{i}].name", "Tên tài liệu không được chứa xuống dòng, tab hay ký tự điều khiển.");
            var hash = c.Attachments[i].Sha256 ?? "";
            if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
                yield return new($"attachments[{i}].sha256", "Mã SHA-256 phải gồm 64 ký tự thập lục phân.");
        }
        if (c.Communes.Count > MaxCommunes) yield return new("communes", $"Tối đa {MaxCommunes} xã.");
        for (var i = 0; i < c.Communes.Count; i++)
            if (string.IsNullOrWhiteSpace(c.Communes[i]) || c.Communes[i].Length > MaxCommuneCodeLength || c.Communes[i].Any(char.IsControl))
                yield return new($"communes[{i}]", $"Mã xã không hợp lệ (1–{MaxCommuneCodeLength} ký tự, không có ký tự điều khiển).");
    }

    public static string KindName(ProposalKind kind) => kind switch
    {
        ProposalKind.ValueChain => "dự án liên kết chuỗi giá trị",
        ProposalKind.Community => "dự án phát triển sản xuất cộng đồng",
        ProposalKind.PovertyReductionModel => "mô hình giảm nghèo",
        _ => "kế hoạch hoạt động",
    };

    public static string AreaName(AreaType area) => area switch
    {
        AreaType.EspeciallyDifficult => "vùng đặc biệt khó khăn",
        AreaType.Difficult => "vùng khó khăn",
        _ => "địa bàn khác",
    };
}
