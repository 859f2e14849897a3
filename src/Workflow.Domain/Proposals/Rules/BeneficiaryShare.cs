using Workflow.Domain.Common;

namespace Workflow.Domain.Proposals.Rules;

/// <summary>
/// RULES.md 11 (NĐ 27/2022/NĐ-CP): at least the policy's minimum share (50 %) of a project's participants are
/// programme beneficiaries — poor, near-poor, newly escaped, disabled; above the priority share (70 %) it has priority.
/// Activities without participants are exempt.
/// </summary>
public static class BeneficiaryShare
{
    public const int Number = 11;
    public const string Source = "NĐ 27/2022";

    public static IEnumerable<Violation> Check(ProposalKind kind, Beneficiaries b, SupportPolicy policy)
    {
        if (kind == ProposalKind.Activity && b.TotalParticipants == 0) yield break;
        if (b.TotalParticipants <= 0)
        {
            yield return new("beneficiaries.totalParticipants", $"{RuleText.Prefix(Number, Source)} nêu tổng số người (hộ) tham gia dự án.");
            yield break;
        }
        // integer cross-multiplication: beneficiaries / total < minimum  ⇔  beneficiaries < minimum × total
        if (b.ProgramBeneficiaries < policy.MinimumBeneficiaryShare * b.TotalParticipants)
        {
            var share = (decimal)b.ProgramBeneficiaries / b.TotalParticipants;
            yield return new("beneficiaries",
                $"{RuleText.Prefix(Number, Source)} đối tượng của Chương trình (hộ nghèo, cận nghèo, mới thoát nghèo, người khuyết tật) là {b.ProgramBeneficiaries}/{b.TotalParticipants} = {share * 100:0.#} %, dưới mức tối thiểu {policy.MinimumBeneficiaryShare * 100:0.#} %{RuleText.Basis(policy.Bases?.BeneficiaryShares)}.");
        }
    }

    public static bool HasPriority(Beneficiaries b, SupportPolicy policy) =>
        b.TotalParticipants > 0 && b.ProgramBeneficiaries > policy.PriorityBeneficiaryShare * b.TotalParticipants;
}
