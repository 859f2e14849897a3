using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Disbursements.Rules;

/// <summary>
/// RULES.md 12: per source, what is disbursed on a proposal never exceeds its approved amount. Advances and payments
/// requested so far (this one included) each stay within it, so the cash paid out, max(advances, payments), does too.
/// </summary>
public static class WithinApproved
{
    public const int Number = 12;

    /// <param name="others">The proposal's other live disbursements (requested, approved or paid).</param>
    public static IEnumerable<Violation> Check(DisbursementKind kind, SourceAmounts requested, DisbursementPosition others, SourceAmounts approved)
    {
        var cumulative = others.With(kind, requested).OfKind(kind);
        var what = kind == DisbursementKind.Advance ? "tạm ứng" : "thanh toán";
        foreach (var (source, excess) in cumulative.ExcessOver(approved))
            yield return new($"split.{source}",
                $"{RuleText.Prefix(Number)} cộng dồn {what} {FundingSources.NameOf(source)} là {Vnd.Format(cumulative[source])}, vượt số được duyệt {Vnd.Format(approved[source])} (thừa {Vnd.Format(excess)}).");
    }
}
