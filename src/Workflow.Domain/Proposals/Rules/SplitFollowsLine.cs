using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Proposals.Rules;

/// <summary>
/// RULES.md 8: the state support of a proposal is split across the budget sources in the ratio of its plan line,
/// largest remainder at 1,000 đồng; a hand-entered split adds up to the support and stays within one granularity
/// unit of that apportionment in every source.
/// </summary>
public static class SplitFollowsLine
{
    public const int Number = 8;

    /// <summary>Shares are apportioned at 1,000 đồng (also the tolerance of a hand split).</summary>
    public const long Granularity = 1_000;

    /// <summary>The split by the line's ratio; zero everywhere when the line has nothing to split by (see <see cref="CheckLineCanFund"/>).</summary>
    public static SourceAmounts ByLine(long stateSupport, SourceAmounts line) =>
        line.Total <= 0 || stateSupport < 0 ? SourceAmounts.Zero : line.Apportion(stateSupport, Granularity);

    public static IEnumerable<Violation> CheckLineCanFund(string component, long stateSupport, SourceAmounts line)
    {
        if (stateSupport > 0 && line.Total <= 0)
            yield return new("stateSupport", $"{RuleText.Prefix(Number)} dòng kế hoạch {component} không còn vốn giao ở nguồn nào; không chia được {Vnd.Format(stateSupport)}.");
    }

    /// <summary>A hand split: adds up to the support and each source within <see cref="Granularity"/> of <see cref="ByLine"/>.</summary>
    public static IEnumerable<Violation> CheckHandSplit(long stateSupport, SourceAmounts entered, SourceAmounts byLine)
    {
        var sum = entered.Total;
        if (sum != stateSupport)
            yield return new("split", $"{RuleText.Prefix(Number)} cộng các nguồn được {Vnd.Format(sum)}, khác kinh phí ngân sách hỗ trợ {Vnd.Format(stateSupport)} (chênh {Vnd.Format(sum - stateSupport)}).");
        foreach (var (source, amount) in entered.Entries)
        {
            var deviation = Math.Abs(amount - byLine[source]);
            if (deviation > Granularity)
                yield return new($"split.{source}", $"{RuleText.Prefix(Number)} {FundingSources.NameOf(source)} {Vnd.Format(amount)} lệch {Vnd.Format(deviation)} so với tỷ lệ của dòng kế hoạch ({Vnd.Format(byLine[source])}); chỉ được lệch tối đa {Vnd.Format(Granularity)}.");
        }
    }

    /// <summary>At submission: the split still follows the line, whose ratio a revision may have changed since the draft was saved.</summary>
    public static IEnumerable<Violation> CheckStillMatches(string component, long stateSupport, SourceAmounts split, bool splitByHand, SourceAmounts line)
    {
        var problems = CheckLineCanFund(component, stateSupport, line).ToList();
        if (problems.Count > 0) return problems;
        var byLine = ByLine(stateSupport, line);
        if (splitByHand) return CheckHandSplit(stateSupport, split, byLine).ToList();
        return split.Entries.Where(e => e.Amount != byLine[e.Source])
            .Select(e => new Violation($"split.{e.Source}",
                $"{RuleText.Prefix(Number)} tỷ lệ của dòng kế hoạch {component} đã thay đổi; {FundingSources.NameOf(e.Source)} theo tỷ lệ mới là {Vnd.Format(byLine[e.Source])}, đề xuất ghi {Vnd.Format(e.Amount)}. Hãy lưu lại đề xuất để chia lại."))
            .ToList();
    }
}
