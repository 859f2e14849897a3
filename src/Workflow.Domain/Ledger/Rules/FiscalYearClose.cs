using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Ledger.Rules;

/// <summary>
/// RULES.md 19 (chỉnh lý quyết toán): a plan's year takes disbursements until 31 January of the next
/// year; from the first instant of 1 February (Vietnam time, whatever the server's zone) it is closed, and only a
/// line the finance office carried over (chuyển nguồn) keeps disbursing. Carrying over is possible once the year has
/// ended (from 1 January) and moves the uncommitted allocation; commitments stay on their line. A closed year takes no
/// new commitments either: no proposal on its plan is submitted or approved after the close.
/// </summary>
public static class FiscalYearClose
{
    public const int Number = 19;

    /// <summary>
    /// The first instant the year is closed: the day after the end of the adjustment period, 00:00 in Vietnam — 1 February
    /// of the next year unless the province's policy (<see cref="Policies.PolicyValues.AdjustmentPeriodEnd"/>) sets another end.
    /// </summary>
    public static DateTimeOffset ClosesAt(int fiscalYear, DateOnly? adjustmentPeriodEnd = null)
    {
        var end = adjustmentPeriodEnd ?? Policies.PolicyValues.DefaultAdjustmentPeriodEnd(fiscalYear);
        return new(end.AddDays(1).ToDateTime(TimeOnly.MinValue), WorkingCalendar.VietnamOffset);
    }

    /// <summary>The first instant the year has ended and may be carried over: 1 January of the next year, 00:00 in Vietnam.</summary>
    public static DateTimeOffset EndsAt(int fiscalYear) => new(fiscalYear + 1, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset);

    public static bool IsClosed(int fiscalYear, DateTimeOffset now, DateOnly? adjustmentPeriodEnd = null) => now >= ClosesAt(fiscalYear, adjustmentPeriodEnd);

    /// <param name="adjustmentPeriodEnd">The end of the adjustment period in the province's policy in force; null for 31 January.</param>
    /// <param name="basis">The legal basis recorded with that end, named in the refusal.</param>
    public static IEnumerable<Violation> CheckDisbursement(int fiscalYear, string component, DateTimeOffset now, bool lineCarriedOver,
        DateOnly? adjustmentPeriodEnd = null, string? basis = null)
    {
        if (!IsClosed(fiscalYear, now, adjustmentPeriodEnd) || lineCarriedOver) yield break;
        yield return new("fiscalYear",
            $"{RuleText.Prefix(Number)} năm ngân sách {fiscalYear} đã khóa sổ từ {ClosesAt(fiscalYear, adjustmentPeriodEnd):dd/MM/yyyy}{RuleText.Basis(basis)}; không giải ngân thêm trừ khi phòng Tài chính - Kế hoạch chuyển nguồn dòng {component} sang năm {fiscalYear + 1}.");
    }

    /// <summary>A closed year takes no new commitments: no proposal on its plan is submitted or approved after the close.</summary>
    public static IEnumerable<Violation> CheckCommitment(int fiscalYear, DateTimeOffset now, DateOnly? adjustmentPeriodEnd = null, string? basis = null)
    {
        if (!IsClosed(fiscalYear, now, adjustmentPeriodEnd)) yield break;
        yield return new("fiscalYear",
            $"{RuleText.Prefix(Number)} năm ngân sách {fiscalYear} đã khóa sổ từ {ClosesAt(fiscalYear, adjustmentPeriodEnd):dd/MM/yyyy}{RuleText.Basis(basis)}; không gửi hay phê duyệt đề xuất mới trên kế hoạch năm này — số còn lại chỉ được chuyển nguồn hoặc hủy dự toán.");
    }

    public static IEnumerable<Violation> CheckCarryover(int fiscalYear, DateTimeOffset now)
    {
        if (now < EndsAt(fiscalYear))
            yield return new("fiscalYear", $"{RuleText.Prefix(Number)} năm {fiscalYear} chưa kết thúc; chuyển nguồn từ {EndsAt(fiscalYear):dd/MM/yyyy}.");
    }

    /// <summary>A line lapses (RULES.md 25) only after the close, when its year can no longer spend it.</summary>
    public static IEnumerable<Violation> CheckLapse(int fiscalYear, DateTimeOffset now, DateOnly? adjustmentPeriodEnd = null, string? basis = null)
    {
        if (!IsClosed(fiscalYear, now, adjustmentPeriodEnd))
            yield return new("fiscalYear", $"Quy tắc 25: năm {fiscalYear} chưa khóa sổ (khóa từ {ClosesAt(fiscalYear, adjustmentPeriodEnd):dd/MM/yyyy}{RuleText.Basis(basis)}); chưa hủy dự toán được — số còn lại vẫn có thể cam kết hoặc chuyển nguồn.");
    }

    /// <summary>What a carryover moves, or a lapse cancels: the uncommitted allocation of each source.</summary>
    public static SourceAmounts CarriedAmounts(SourceAmounts allocated, SourceAmounts committed) => (allocated - committed).AtLeastZero();
}
