using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Domain.Disbursements;

/// <summary>
/// What the payment order (Giấy rút dự toán / Ủy nhiệm chi, NĐ 347/2025/NĐ-CP Điều 6) needs from the request beyond
/// the amount: who receives the money and where, the contract or support decision whose ceiling the treasury checks
/// cumulative payments against, and the economic-content code when it differs from the component's.
/// </summary>
/// <param name="PayeeName">Đơn vị nhận tiền / người nhận.</param>
/// <param name="PayeeAccount">The payee's account number.</param>
/// <param name="PayeeBank">The bank or treasury office that holds the payee's account.</param>
/// <param name="CeilingReference">Số hợp đồng or số quyết định hỗ trợ declared on the order.</param>
/// <param name="EconomicContentCode">Mã NDKT (tiểu mục), 4 digits; absent → the component's code from the catalogue.</param>
public sealed record PaymentDetails(string? PayeeName, string? PayeeAccount, string? PayeeBank, string? CeilingReference, string? EconomicContentCode)
{
    public const int MaxReferenceLength = 128;

    public static readonly PaymentDetails None = new(null, null, null, null, null);

    public bool HasPayee => PayeeAccount is not null;

    /// <summary>
    /// Every problem at once, by JSON path under <paramref name="prefix"/>: the payee is named with its account and
    /// bank, or not at all; codes and account have their shapes.
    /// </summary>
    public static IReadOnlyList<Violation> Check(PaymentDetails details, string prefix = "")
    {
        var v = new List<Violation>();
        BudgetCodes.CheckText(details.PayeeName, BudgetCodes.MaxNameLength, prefix + "payeeName", "Tên người nhận", v);
        BudgetCodes.CheckPayeeAccount(details.PayeeAccount, prefix + "payeeAccount", v);
        BudgetCodes.CheckText(details.PayeeBank, BudgetCodes.MaxNameLength, prefix + "payeeBank", "Ngân hàng hoặc kho bạc của người nhận", v);
        BudgetCodes.CheckText(details.CeilingReference, MaxReferenceLength, prefix + "ceilingReference", "Số hợp đồng hoặc quyết định hỗ trợ", v);
        BudgetCodes.CheckDigits(details.EconomicContentCode, BudgetCodes.EconomicContentLength, prefix + "economicContentCode", "Mã nội dung kinh tế (NDKT)", v);

        var named = new[] { (details.PayeeName, "payeeName", "tên người nhận"), (details.PayeeAccount, "payeeAccount", "số tài khoản"), (details.PayeeBank, "payeeBank", "ngân hàng hoặc kho bạc") };
        if (named.Any(n => !string.IsNullOrWhiteSpace(n.Item1)))
            foreach (var (value, path, label) in named.Where(n => string.IsNullOrWhiteSpace(n.Item1)))
                v.Add(new(prefix + path, $"Giấy rút dự toán ghi đủ người nhận tiền: thiếu {label}."));
        return v;
    }

    public PaymentDetails Cleaned() => new(BudgetCodes.Clean(PayeeName), BudgetCodes.Clean(PayeeAccount), BudgetCodes.Clean(PayeeBank),
        BudgetCodes.Clean(CeilingReference), BudgetCodes.Clean(EconomicContentCode));

    /// <summary>Accounts compare by their digits: "0123 456 789" and "0123-456-789" are one account.</summary>
    public static string AccountDigits(string account) => new(account.Where(char.IsAsciiDigit).ToArray());
}

/// <summary>
/// What the treasury checked when it confirmed payment: the payee account and amount it found on the order and
/// the contract or decision reference it checked the ceiling against. Kept with the confirmation so the dossier shows
/// what was verified, not only that it was paid.
/// </summary>
public sealed record TreasuryCheck(string? PayeeAccount, long? Amount, string? CeilingReference);
