using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Disbursements.Rules;

/// <summary>
/// PROCESSES.md (disbursement): a disbursement whose amount is above the threshold the province sets
/// (policy <c>approverAlsoAbove</c>, e.g. 500,000,000 đ) is also approved by the Approver, after the finance office;
/// at or below it — and wherever the province sets no threshold — the finance office's approval sends it to the treasury.
/// </summary>
public static class ApproverThreshold
{
    /// <param name="threshold">The province's threshold in đồng; null when its policy sets none.</param>
    public static bool Applies(long amount, long? threshold) => threshold is { } above && amount > above;

    /// <summary>Why the Approver's step does not apply, when it does not: what a <c>when</c> or a guard reports.</summary>
    /// <param name="basis">The threshold's legal basis as the policy cites it.</param>
    public static IEnumerable<Violation> CheckApplies(long amount, long? threshold, string? basis)
    {
        if (Applies(amount, threshold)) yield break;
        yield return new("amount", threshold is { } above
            ? $"Số tiền {Vnd.Format(amount)} không vượt mức {Vnd.Format(above)}{RuleText.Basis(basis)}: không cần lãnh đạo UBND duyệt thêm."
            : $"Chính sách của tỉnh không đặt mức giải ngân phải lãnh đạo UBND duyệt: số tiền {Vnd.Format(amount)} không cần lãnh đạo duyệt thêm.");
    }
}
