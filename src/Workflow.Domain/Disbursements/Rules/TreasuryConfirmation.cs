using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Disbursements.Rules;

/// <summary>
/// RULES.md 16: only the treasury confirms that money was paid, with its voucher reference and the date paid;
/// nothing counts as disbursed before. The confirmation adds to the line's disbursed balance the cash it releases:
/// a payment first clears outstanding advances (rule 15), so it adds only what exceeds them.
/// </summary>
public static class TreasuryConfirmation
{
    public const int Number = 16;

    public const int MaxReferenceLength = 128;

    /// <summary>The new cash this disbursement releases, given what the treasury had already paid on the proposal.</summary>
    public static SourceAmounts CashReleased(DisbursementPosition paidBefore, DisbursementKind kind, SourceAmounts amounts) =>
        paidBefore.With(kind, amounts).Cash - paidBefore.Cash;

    public static IEnumerable<Violation> Check(string? treasuryReference, DateOnly? paidOn)
    {
        if (string.IsNullOrWhiteSpace(treasuryReference))
            yield return new("data.treasuryReference", $"{RuleText.Prefix(Number)} kho bạc xác nhận thanh toán bằng số chứng từ.");
        else if (treasuryReference.Trim().Length > MaxReferenceLength || treasuryReference.Any(char.IsControl))
            yield return new("data.treasuryReference", $"{RuleText.Prefix(Number)} số chứng từ tối đa {MaxReferenceLength} ký tự, không chứa ký tự điều khiển.");
        if (paidOn is null)
            yield return new("data.paidOn", $"{RuleText.Prefix(Number)} nhập ngày thanh toán.");
    }
}
