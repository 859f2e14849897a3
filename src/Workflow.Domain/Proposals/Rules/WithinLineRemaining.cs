using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Proposals.Rules;

/// <summary>
/// RULES.md 9: per source, the approved and pending proposals on a line never exceed its allocation — checked at
/// submission against what is committed plus what other proposals are waiting for, and again at approval against
/// the uncommitted balance (atomically, by the balance's concurrency token).
/// </summary>
public static class WithinLineRemaining
{
    public const int Number = 9;

    /// <summary>What a new proposal may still ask for: allocated − committed − pending elsewhere, never below zero.</summary>
    public static SourceAmounts Remaining(SourceAmounts allocated, SourceAmounts committed, SourceAmounts pendingElsewhere) =>
        (allocated - committed - pendingElsewhere).AtLeastZero();

    /// <summary>
    /// How a part above what is left is told while the clerk types (the form's hint and the preview's summary): the
    /// excess first, then what it is measured against — "vượt 97.072.000 ₫ so với số còn lại 1.000.000.000 ₫".
    /// </summary>
    public static string ExcessText(long excess, long remaining) =>
        $"vượt {Vnd.Format(excess)} so với số còn lại {Vnd.Format(remaining)}";

    public static IEnumerable<Violation> CheckAtSubmission(string component, SourceAmounts asked, SourceAmounts allocated, SourceAmounts committed, SourceAmounts pendingElsewhere)
    {
        var remaining = Remaining(allocated, committed, pendingElsewhere);
        foreach (var (source, shortfall) in asked.ExcessOver(remaining))
            yield return new($"split.{source}",
                $"{RuleText.Prefix(Number)} {FundingSources.NameOf(source)} của dòng {component} còn {Vnd.Format(remaining[source])} " +
                $"(giao {Vnd.Format(allocated[source])}, đã cam kết {Vnd.Format(committed[source])}, đề xuất khác đang chờ {Vnd.Format(pendingElsewhere[source])}); " +
                $"đề xuất cần {Vnd.Format(asked[source])}, thiếu {Vnd.Format(shortfall)}.");
    }

    public static IEnumerable<Violation> CheckAtApproval(string component, SourceAmounts asked, SourceAmounts uncommitted)
    {
        foreach (var (source, shortfall) in asked.ExcessOver(uncommitted))
            yield return new($"split.{source}",
                $"{RuleText.Prefix(Number)} {FundingSources.NameOf(source)} của dòng {component} chỉ còn {Vnd.Format(Math.Max(0, uncommitted[source]))} chưa cam kết; " +
                $"phê duyệt cần {Vnd.Format(asked[source])}, thiếu {Vnd.Format(shortfall)}.");
    }
}
