using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans.Rules;

/// <summary>A proposal awaiting a decision on a line: what it asks per source.</summary>
public sealed record PendingProposal(string Code, string Component, SourceAmounts Asked);

/// <summary>
/// RULES.md 24: a revision identical to the version in force is refused; a revision that cuts a line below what is
/// committed plus what its pending (submitted or appraised) proposals ask needs the finance officer's explicit
/// confirmation (<c>"confirmBelowPending": true</c>), after a refusal that lists those proposals. (Below what is
/// committed it is refused whatever is confirmed: rule 6, <see cref="Plan.Revise"/>.)
/// </summary>
public static class RevisionChanges
{
    public const int Number = 24;

    public static IEnumerable<Violation> CheckNotIdentical(string currentContentJson, string revisedContentJson, int version)
    {
        if (string.Equals(currentContentJson, revisedContentJson, StringComparison.Ordinal))
            yield return new("", $"{RuleText.Prefix(Number)} bản điều chỉnh giống hệt phiên bản {version} đang hiệu lực; không có gì để điều chỉnh.");
    }

    /// <param name="committed">What is committed per (component, source).</param>
    public static IEnumerable<Violation> CheckPending(PlanContent revised, IReadOnlyDictionary<(string Component, FundingSource Source), long> committed,
        IReadOnlyList<PendingProposal> pending)
    {
        foreach (var group in pending.GroupBy(p => p.Component))
        {
            var index = revised.Lines.ToList().FindIndex(l => l.Component == group.Key);
            foreach (var source in FundingSources.Budget)
            {
                var asked = group.Sum(p => p.Asked[source]);
                if (asked == 0) continue;
                var needed = checked(committed.GetValueOrDefault((group.Key, source)) + asked);
                var amount = index < 0 ? 0 : revised.Lines[index].AmountOf(source);
                if (amount >= needed) continue;
                yield return new(index < 0 ? "lines" : $"lines[{index}].amounts.{source}",
                    $"{RuleText.Prefix(Number)} {group.Key} còn {group.Count()} đề xuất đang chờ quyết định xin {Vnd.Format(asked)} {FundingSources.NameOf(source)} " +
                    $"({string.Join(", ", group.Select(p => $"{p.Code}: {Vnd.Format(p.Asked[source])}"))}); cùng số đã cam kết cần {Vnd.Format(needed)}, bản điều chỉnh chỉ còn {Vnd.Format(amount)}. " +
                    "Nếu vẫn điều chỉnh, gửi lại kèm \"confirmBelowPending\": true.");
            }
        }
    }
}
