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
}

/// <summary>RULES.md 7–11 as small named checks over a proposal's content and its plan line.</summary>
public static class ProposalRules
{
    /// <summary>Proposal shares are apportioned at 1,000 đồng (RULES.md 8).</summary>
    public const long Granularity = 1_000;

    /// <summary>Rule 8: the state support split in the plan line's ratio, largest remainder at 1,000 đồng.</summary>
    public static Dictionary<FundingSource, long> SplitByLine(long stateSupport, Func<FundingSource, long> lineAmount)
    {
        var weights = FundingSources.Budget.Select(lineAmount).ToArray();
        var parts = Apportion.ByRatio(stateSupport, weights, Granularity);
        return FundingSources.Budget.Select((s, i) => (s, parts[i])).ToDictionary(x => x.s, x => x.Item2);
    }

    /// <summary>Rule 8: a hand split adds up to the support and stays within one granularity unit of the apportionment per source.</summary>
    public static IEnumerable<Violation> CheckHandSplit(long stateSupport, IReadOnlyDictionary<FundingSource, long> split, IReadOnlyDictionary<FundingSource, long> byRatio)
    {
        var sum = split.Values.Sum();
        if (sum != stateSupport)
            yield return new("split", $"Quy tắc 8: cộng các nguồn được {Vnd.Format(sum)}, khác kinh phí ngân sách hỗ trợ {Vnd.Format(stateSupport)}.");
        foreach (var source in FundingSources.Budget)
        {
            var entered = split.GetValueOrDefault(source);
            var expected = byRatio[source];
            if (Math.Abs(entered - expected) > Granularity)
                yield return new($"split.{source}", $"Quy tắc 8: {FundingSources.NameOf(source)} {Vnd.Format(entered)} lệch {Vnd.Format(Math.Abs(entered - expected))} so với tỷ lệ của dòng kế hoạch ({Vnd.Format(expected)}); chỉ được lệch tối đa {Vnd.Format(Granularity)}.");
        }
    }

    /// <summary>Rule 10: state support within the cap for the kind and area, and the task-based maximum.</summary>
    public static IEnumerable<Violation> CheckSupportCap(ProposalKind kind, AreaType area, long totalCost, long stateSupport, SupportPolicy policy)
    {
        if (policy.CapRates.TryGetValue(kind, out var caps) && caps.TryGetValue(area, out var rate))
        {
            var cap = (long)Math.Floor(rate * totalCost);
            if (stateSupport > cap)
                yield return new("stateSupport", $"Quy tắc 10 (NĐ 27/2022, NĐ 38/2023): {KindName(kind)} ở {AreaName(area)} được ngân sách hỗ trợ tối đa {rate * 100:0.##} % tổng kinh phí {Vnd.Format(totalCost)} = {Vnd.Format(cap)}; đề xuất {Vnd.Format(stateSupport)} (vượt {Vnd.Format(stateSupport - cap)}).");
        }
        if (stateSupport > policy.TaskBasedMaximum)
            yield return new("stateSupport", $"Quy tắc 10: mỗi dự án, nhiệm vụ được hỗ trợ tối đa {Vnd.Format(policy.TaskBasedMaximum)}; đề xuất {Vnd.Format(stateSupport)}.");
    }

    /// <summary>Rule 11: at least half the participants are program beneficiaries, for projects and models that have participants.</summary>
    public static IEnumerable<Violation> CheckBeneficiaryShare(ProposalKind kind, Beneficiaries b, SupportPolicy policy)
    {
        if (kind == ProposalKind.Activity && b.TotalParticipants == 0) yield break;
        if (b.TotalParticipants <= 0)
        {
            yield return new("beneficiaries.totalParticipants", "Quy tắc 11: nêu tổng số người (hộ) tham gia dự án.");
            yield break;
        }
        var share = (decimal)b.ProgramBeneficiaries / b.TotalParticipants;
        if (share < policy.MinimumBeneficiaryShare)
            yield return new("beneficiaries", $"Quy tắc 11: đối tượng của Chương trình (hộ nghèo, cận nghèo, mới thoát nghèo, người khuyết tật) là {b.ProgramBeneficiaries}/{b.TotalParticipants} = {share * 100:0.#} %, dưới mức tối thiểu {policy.MinimumBeneficiaryShare * 100:0.#} %.");
    }

    /// <summary>Checks of the content itself, independent of the plan: the form's own rules.</summary>
    public static IEnumerable<Violation> CheckContent(ProposalContent c)
    {
        if (string.IsNullOrWhiteSpace(c.Title)) yield return new("title", "Nhập tên dự án / mô hình / hoạt động.");
        else if (c.Title.Length > 512) yield return new("title", "Tên dài quá 512 ký tự.");
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
        for (var i = 0; i < c.Attachments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(c.Attachments[i].Name)) yield return new($"attachments[{i}].name", "Nhập tên tài liệu.");
            if (c.Attachments[i].Sha256.Length != 64 || !c.Attachments[i].Sha256.All(Uri.IsHexDigit))
                yield return new($"attachments[{i}].sha256", "Mã SHA-256 phải gồm 64 ký tự thập lục phân.");
        }
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
