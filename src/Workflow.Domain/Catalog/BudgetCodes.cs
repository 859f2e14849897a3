using System.Text.RegularExpressions;
using Workflow.Domain.Common;

namespace Workflow.Domain.Catalog;

/// <summary>
/// The shapes of the budget classification codes a payment order carries (Mục lục NSNN, TT 324/2016/TT-BTC and its
/// amendments; the account format of TT 18/2020/TT-BTC Điều 9). Only the shapes are checked here: which code is right
/// for which spending is data — the unit's codes an administrator keeps on its agency, the sector and economic-content
/// codes of a component in the programme catalogue — because the codes of the 2026–2035 programme are not yet known.
/// </summary>
public static partial class BudgetCodes
{
    /// <summary>Mã đơn vị có quan hệ với ngân sách (mã ĐVQHNS): 7 digits.</summary>
    public const int RelationshipCodeLength = 7;

    /// <summary>Mã chương: 3 digits.</summary>
    public const int ChapterLength = 3;

    /// <summary>Mã ngành kinh tế (loại-khoản) as the form carries it: 3 digits.</summary>
    public const int SectorLength = 3;

    /// <summary>Mã nội dung kinh tế (tiểu mục): 4 digits.</summary>
    public const int EconomicContentLength = 4;

    /// <summary>Mã chương trình mục tiêu, dự án: 5 digits (00000 when none).</summary>
    public const int ProgrammeLength = 5;

    /// <summary>Mã KBNN (the treasury office): 4 digits.</summary>
    public const int TreasuryCodeLength = 4;

    public const int MaxAccountLength = 34;
    public const int MaxNameLength = 256;

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)*$")]
    private static partial Regex DottedDigits();

    [GeneratedRegex(@"^[0-9][0-9 .\-]*[0-9]$|^[0-9]$")]
    private static partial Regex BankAccount();

    public static bool IsDigits(string? code, int length) => code is not null && code.Length == length && code.All(char.IsAsciiDigit);

    /// <summary>An optional fixed-length numeric code: absent is fine, present must have exactly <paramref name="length"/> digits.</summary>
    public static void CheckDigits(string? code, int length, string path, string label, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(code)) return;
        if (!IsDigits(code.Trim(), length))
            v.Add(new(path, $"{label} gồm đúng {length} chữ số; '{Shorten(code)}' không đúng."));
    }

    /// <summary>Tài khoản dự toán / tiền gửi at the treasury: digits in dot-separated groups, e.g. 9523.3.1234567.</summary>
    public static void CheckTreasuryAccount(string? account, string path, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(account)) return;
        var text = account.Trim();
        if (text.Length > MaxAccountLength || !DottedDigits().IsMatch(text))
            v.Add(new(path, $"Tài khoản tại kho bạc gồm các nhóm chữ số cách nhau bởi dấu chấm (ví dụ 9523.3.1234567), tối đa {MaxAccountLength} ký tự; '{Shorten(text)}' không đúng."));
    }

    /// <summary>A bank or treasury account of a payee: digits, optionally grouped by spaces, dots or hyphens.</summary>
    public static void CheckPayeeAccount(string? account, string path, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(account)) return;
        var text = account.Trim();
        if (text.Length > MaxAccountLength || !BankAccount().IsMatch(text))
            v.Add(new(path, $"Số tài khoản người nhận gồm chữ số (có thể cách nhóm bằng dấu cách, chấm hoặc gạch ngang), tối đa {MaxAccountLength} ký tự; '{Shorten(text)}' không đúng."));
    }

    /// <summary>A free-text name on a form: up to <see cref="MaxNameLength"/> characters, no control characters.</summary>
    public static void CheckText(string? text, int maxLength, string path, string label, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        if (text.Trim().Length > maxLength)
            v.Add(new(path, $"{label} dài {text.Trim().Length} ký tự; tối đa {maxLength}."));
        else if (text.Any(char.IsControl))
            v.Add(new(path, $"{label} không được chứa ký tự điều khiển (xuống dòng, tab, …)."));
    }

    /// <summary>Trimmed text, or null for absent or blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>
/// What the treasury needs to know about the unit that sends it payment orders (NĐ 347/2025/NĐ-CP Điều 6): its
/// budget-relationship code, its account and the treasury office that holds it, and its budget chapter. Kept on the
/// agency by an administrator; every field may be absent until the unit's papers are at hand.
/// </summary>
/// <param name="RelationshipCode">Mã ĐVQHNS, 7 digits.</param>
/// <param name="TreasuryAccount">Tài khoản dự toán at the treasury, e.g. 9523.3.1234567.</param>
/// <param name="TreasuryName">Tại KBNN: the treasury office's name.</param>
/// <param name="TreasuryCode">Mã KBNN, 4 digits.</param>
/// <param name="Chapter">Mã chương, 3 digits.</param>
public sealed record AgencyBudgetIdentity(string? RelationshipCode, string? TreasuryAccount, string? TreasuryName, string? TreasuryCode, string? Chapter)
{
    public static readonly AgencyBudgetIdentity None = new(null, null, null, null, null);

    /// <summary>Every broken shape at once, by JSON path; blanks are allowed (not yet known).</summary>
    public static IReadOnlyList<Violation> Check(AgencyBudgetIdentity identity)
    {
        var v = new List<Violation>();
        BudgetCodes.CheckDigits(identity.RelationshipCode, BudgetCodes.RelationshipCodeLength, "relationshipCode", "Mã ĐVQHNS", v);
        BudgetCodes.CheckTreasuryAccount(identity.TreasuryAccount, "treasuryAccount", v);
        BudgetCodes.CheckText(identity.TreasuryName, BudgetCodes.MaxNameLength, "treasuryName", "Tên kho bạc", v);
        BudgetCodes.CheckDigits(identity.TreasuryCode, BudgetCodes.TreasuryCodeLength, "treasuryCode", "Mã KBNN", v);
        BudgetCodes.CheckDigits(identity.Chapter, BudgetCodes.ChapterLength, "chapter", "Mã chương", v);
        return v;
    }

    public AgencyBudgetIdentity Cleaned() => new(BudgetCodes.Clean(RelationshipCode), BudgetCodes.Clean(TreasuryAccount),
        BudgetCodes.Clean(TreasuryName), BudgetCodes.Clean(TreasuryCode), BudgetCodes.Clean(Chapter));
}
