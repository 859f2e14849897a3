using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;

namespace Workflow.Domain.Settlements.Rules;

/// <summary>
/// RULES.md 18: acceptance (nghiệm thu) records the outputs and the beneficiaries reached, against those the proposal
/// planned; the actual cost is whole đồng per source, none negative.
/// </summary>
public static class AcceptanceRecord
{
    public const int Number = 18;

    public const int MaxOutputsLength = 4000;

    public static IEnumerable<Violation> Check(SettlementContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Outputs) && (content.ActualOutputs is null || content.ActualOutputs.Count == 0))
            yield return new("outputs", $"{RuleText.Prefix(Number)} ghi kết quả nghiệm thu (sản phẩm, khối lượng hoàn thành): theo chỉ số đầu ra (actualOutputs) hoặc bằng lời.");
        else if (content.Outputs.Length > MaxOutputsLength)
            yield return new("outputs", $"{RuleText.Prefix(Number)} kết quả nghiệm thu tối đa {MaxOutputsLength} ký tự.");
        foreach (var (output, i) in (content.ActualOutputs ?? []).Select((o, i) => (o, i)).Where(x => x.o.Quantity < 0))
            yield return new($"actualOutputs[{i}].quantity", $"{RuleText.Prefix(Number)} số lượng đầu ra {output.Quantity} âm.");
        var r = content.Reached;
        if (new[] { r.Poor, r.NearPoor, r.NewlyEscaped, r.EthnicMinority, r.Disabled, r.TotalParticipants }.Any(n => n < 0))
            yield return new("reached", $"{RuleText.Prefix(Number)} số đối tượng đạt được không được âm.");
        else if (r.ProgramBeneficiaries > r.TotalParticipants || r.EthnicMinority > r.TotalParticipants)
            yield return new("reached", $"{RuleText.Prefix(Number)} số đối tượng đạt được ({r.ProgramBeneficiaries}) không vượt tổng số tham gia ({r.TotalParticipants}).");
        foreach (var (source, amount) in content.ActualCost.Entries.Where(e => e.Amount is < 0 or > Vnd.MaxAmount))
            yield return new($"actualCost.{source}", $"{RuleText.Prefix(Number)} chi phí thực tế từ 0 đến {Vnd.Format(Vnd.MaxAmount)}.");
    }

    /// <summary>Beneficiaries reached compared with those planned, per group: reached − planned.</summary>
    public static Beneficiaries Shortfall(Beneficiaries planned, Beneficiaries reached) => new(
        reached.Poor - planned.Poor, reached.NearPoor - planned.NearPoor, reached.NewlyEscaped - planned.NewlyEscaped,
        reached.EthnicMinority - planned.EthnicMinority, reached.Disabled - planned.Disabled, reached.TotalParticipants - planned.TotalParticipants);
}
