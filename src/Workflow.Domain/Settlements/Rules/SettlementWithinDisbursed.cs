using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Settlements.Rules;

/// <summary>What settling a proposal does to its line, per source.</summary>
/// <param name="Release">Commitment returned to the line now: committed − max(actual, cash).</param>
/// <param name="Settle">Actual cost booked as settled.</param>
/// <param name="RefundDue">Cash paid beyond the actual cost, released when it comes back.</param>
public sealed record SettlementOutcome(SourceAmounts Release, SourceAmounts Settle, SourceAmounts RefundDue);

/// <summary>
/// RULES.md 17: per source the actual cost settled is no more than the cash disbursed; the difference between what
/// was committed and the actual cost goes back to the plan line — at once for money never paid, and when the refund
/// comes back for money paid beyond the actual cost. So after the refund, exactly approved − actual is released.
/// </summary>
public static class SettlementWithinDisbursed
{
    public const int Number = 17;

    public static IEnumerable<Violation> Check(SourceAmounts actual, SourceAmounts cash)
    {
        foreach (var (source, excess) in actual.ExcessOver(cash))
            yield return new($"actualCost.{source}",
                $"{RuleText.Prefix(Number)} chi phí thực tế {FundingSources.NameOf(source)} {Vnd.Format(actual[source])} vượt số đã giải ngân {Vnd.Format(cash[source])} (thừa {Vnd.Format(excess)}).");
    }

    /// <param name="committed">What the proposal holds committed on its line (its commits less its releases).</param>
    public static SettlementOutcome Outcome(SourceAmounts committed, SourceAmounts actual, SourceAmounts cash) =>
        // until a refund comes back, the cash paid stays committed: the balance never shows more paid than committed
        new((committed - SourceAmounts.Max(actual, cash)).AtLeastZero(), actual, (cash - actual).AtLeastZero());
}
