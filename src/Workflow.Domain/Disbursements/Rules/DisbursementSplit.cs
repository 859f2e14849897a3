using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Domain.Disbursements.Rules;

/// <summary>
/// RULES.md 13: a disbursement's split across sources follows the proposal's approved shares, largest remainder at
/// the proposal's granularity; a hand split adds up to the amount and stays within one granularity unit per source.
/// A request for exactly what is left of its kind takes what is left of each source, so rounding in earlier requests
/// never strands a đồng.
/// </summary>
public static class DisbursementSplit
{
    public const int Number = 13;

    public const long Granularity = SplitFollowsLine.Granularity;

    /// <param name="alreadyOfKind">What the proposal's live disbursements of the same kind already take, per source.</param>
    public static SourceAmounts ByShares(long amount, SourceAmounts approved, SourceAmounts alreadyOfKind)
    {
        var left = (approved - alreadyOfKind).AtLeastZero();
        if (amount == left.Total) return left;
        return approved.Total <= 0 ? SourceAmounts.Zero : approved.Apportion(amount, Granularity);
    }

    public static IEnumerable<Violation> CheckHandSplit(long amount, SourceAmounts entered, SourceAmounts byShares)
    {
        if (entered.Total != amount)
            yield return new("split", $"{RuleText.Prefix(Number)} cộng các nguồn được {Vnd.Format(entered.Total)}, khác số tiền đề nghị {Vnd.Format(amount)} (chênh {Vnd.Format(entered.Total - amount)}).");
        foreach (var (source, value) in entered.Entries)
        {
            var deviation = Math.Abs(value - byShares[source]);
            if (deviation > Granularity)
                yield return new($"split.{source}",
                    $"{RuleText.Prefix(Number)} {FundingSources.NameOf(source)} {Vnd.Format(value)} lệch {Vnd.Format(deviation)} khỏi tỷ lệ được duyệt của đề xuất ({Vnd.Format(byShares[source])}); chỉ được lệch tối đa {Vnd.Format(Granularity)}.");
        }
    }
}
