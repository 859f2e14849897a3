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

    /// <summary>The disbursement process's action by which the treasury confirms payment.</summary>
    public const string Action = "confirm-payment";

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

    /// <summary>
    /// The treasury confirms against the order it received: when the order names a payee, the payee account and
    /// the amount it paid; when it declares a contract or support decision, that reference. What it enters must match
    /// the order (accounts compare by their digits). Returns what it confirmed, to keep with the confirmation.
    /// </summary>
    public static (TreasuryCheck Check, IReadOnlyList<Violation> Problems) CheckAgainstOrder(Disbursement order, string? payeeAccount, long? amount, bool amountUnreadable, string? ceilingReference)
    {
        var v = new List<Violation>();
        var account = BudgetCodesClean(payeeAccount);
        var reference = BudgetCodesClean(ceilingReference);
        if (order.PayeeAccount is { } declared)
        {
            if (account is null)
                v.Add(new("data.payeeAccount", $"{RuleText.Prefix(Number)} giấy rút dự toán ghi người nhận {order.PayeeName} (tài khoản {declared}); kho bạc nhập số tài khoản đã kiểm soát."));
            else if (PaymentDetails.AccountDigits(account) != PaymentDetails.AccountDigits(declared))
                v.Add(new("data.payeeAccount", $"{RuleText.Prefix(Number)} tài khoản {account} khác tài khoản người nhận ghi trên giấy rút dự toán ({declared})."));
            if (amount is null && !amountUnreadable)
                v.Add(new("data.amount", $"{RuleText.Prefix(Number)} kho bạc nhập số tiền đã kiểm soát ({Vnd.Format(order.Total)} theo đề nghị giải ngân)."));
        }
        if (amountUnreadable)
            v.Add(new("data.amount", $"{RuleText.Prefix(Number)} số tiền là số nguyên đồng."));
        else if (amount is { } paid && paid != order.Total)
            v.Add(new("data.amount", $"{RuleText.Prefix(Number)} số tiền {Vnd.Format(paid)} khác số tiền của đề nghị giải ngân {Vnd.Format(order.Total)} (chênh {Vnd.Format(Math.Abs(paid - order.Total))})."));
        if (order.CeilingReference is { } ceiling)
        {
            if (reference is null)
                v.Add(new("data.ceilingReference", $"{RuleText.Prefix(Number)} giấy rút dự toán khai {ceiling}; kho bạc nhập số hợp đồng / quyết định đã đối chiếu mức trần."));
            else if (!string.Equals(reference, ceiling, StringComparison.OrdinalIgnoreCase))
                v.Add(new("data.ceilingReference", $"{RuleText.Prefix(Number)} {reference} khác hợp đồng / quyết định khai trên giấy rút dự toán ({ceiling})."));
        }
        else if (reference is not null && reference.Length > PaymentDetails.MaxReferenceLength)
            v.Add(new("data.ceilingReference", $"{RuleText.Prefix(Number)} số hợp đồng / quyết định tối đa {PaymentDetails.MaxReferenceLength} ký tự."));
        if (account is not null && account.Length > Catalog.BudgetCodes.MaxAccountLength)
            v.Add(new("data.payeeAccount", $"{RuleText.Prefix(Number)} số tài khoản tối đa {Catalog.BudgetCodes.MaxAccountLength} ký tự."));
        return (new TreasuryCheck(account, amount, reference), v);
    }

    private static string? BudgetCodesClean(string? text) => Catalog.BudgetCodes.Clean(text);
}
