using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans.Rules;

/// <summary>
/// The unit's annual plans of a period together stay within its medium-term ceiling (kế hoạch trung hạn), per
/// component and source: what the other years of the period allocated plus this plan's lines may not exceed the
/// ceiling. A unit without ceilings for the period is not limited; once it has some, a component without one has
/// none to spend. Each refusal names the ceiling's basis and the three amounts compared.
/// </summary>
public static class WithinMediumTermCeiling
{
    public const string Name = "Kế hoạch trung hạn";

    /// <param name="ceilings">The unit's ceilings for the period that covers the plan's year.</param>
    /// <param name="otherYears">What the unit's plans for the period's other years allocate, by line component.</param>
    /// <param name="catalogue">The programme period's tree: a ceiling on a project covers its sub-projects.</param>
    public static IEnumerable<Violation> Check(PlanContent plan, IReadOnlyCollection<MediumTermCeiling> ceilings,
        IReadOnlyDictionary<string, SourceAmounts> otherYears, ProgrammePeriod catalogue)
    {
        if (ceilings.Count == 0) yield break;
        var period = ceilings.First();
        for (var i = 0; i < plan.Lines.Count; i++)
            if (!ceilings.Any(c => c.CoversComponent(plan.Lines[i].Component, catalogue)))
                yield return new($"lines[{i}].component",
                    $"{Name} {period.FromYear}–{period.ToYear} của đơn vị ({period.Basis}) không có trần cho {plan.Lines[i].Component}: các năm trong giai đoạn không được phân bổ cho dự án này.");

        foreach (var ceiling in ceilings)
        {
            var lines = plan.Lines.Select((l, i) => (Line: l, Index: i)).Where(x => ceiling.CoversComponent(x.Line.Component, catalogue)).ToList();
            if (lines.Count == 0) continue;
            var planned = SourceAmounts.Sum(lines.Select(x => SourceAmounts.From(x.Line.Amounts)));
            var before = ceiling.Against(otherYears, catalogue);
            foreach (var (source, excess) in (before + planned).ExcessOver(ceiling.Amounts))
            {
                var index = lines.FirstOrDefault(x => x.Line.AmountOf(source) > 0).Index;
                yield return new($"lines[{index}].amounts.{source}",
                    $"{Name} {ceiling.FromYear}–{ceiling.ToYear} ({ceiling.Basis}): trần {FundingSources.NameOf(source)} của {ceiling.Component} là {Vnd.Format(ceiling.Amounts[source])}; " +
                    $"các năm khác đã phân bổ {Vnd.Format(before[source])}, kế hoạch năm {plan.FiscalYear} ghi {Vnd.Format(planned[source])} — vượt {Vnd.Format(excess)}.");
            }
        }
    }
}
