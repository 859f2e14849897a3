using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans.Rules;

/// <summary>
/// RULES.md 23: plans are written in triệu đồng and the file takes đồng, so a positive amount below one rounding unit,
/// or a plan whose total is below 10,000,000 đ, was almost certainly typed in millions (a plan of 4,034 đồng).
/// A safeguard, not a legal rule.
/// </summary>
public static class TypedInMillions
{
    public const int Number = 23;

    /// <summary>No real plan of the programme is smaller than this.</summary>
    public const long SmallestPlanTotal = 10_000_000;

    public static IEnumerable<Violation> Check(PlanContent plan, long roundingUnit)
    {
        for (var i = 0; i < plan.Lines.Count; i++)
            foreach (var (source, amount) in plan.Lines[i].Amounts.Where(a => a.Value > 0 && a.Value < roundingUnit))
                yield return new($"lines[{i}].amounts.{source}",
                    $"{RuleText.Prefix(Number)} {FundingSources.NameOf(source)} {Vnd.Format(amount)} nhỏ hơn một đơn vị làm tròn ({Vnd.Format(roundingUnit)}): có vẻ nhập theo triệu đồng; tệp kế hoạch ghi số tiền bằng đồng ({amount} triệu = {Vnd.Format(checked(amount * Vnd.OneMillion))}).");
        var total = plan.Lines.Sum(l => FundingSources.Budget.Sum(l.AmountOf));
        if (total is > 0 and < SmallestPlanTotal)
            yield return new("totals",
                $"{RuleText.Prefix(Number)} tổng kế hoạch chỉ {Vnd.Format(total)}, dưới {Vnd.Format(SmallestPlanTotal)}: có vẻ nhập theo triệu đồng; tệp kế hoạch ghi số tiền bằng đồng.");
    }
}
