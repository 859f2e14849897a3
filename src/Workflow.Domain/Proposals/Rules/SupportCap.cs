using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Proposals.Rules;

/// <summary>The cap that applies to one proposal: the rate for its kind and area (if any) and the task-based maximum.</summary>
/// <param name="Rate">Share of the total cost the state may support; null for kinds without a rate (models, activities).</param>
/// <param name="Cap">The rate applied to the total cost, floored to the đồng; null without a rate.</param>
public sealed record SupportCapFigure(decimal? Rate, long? Cap, long TaskBasedMaximum)
{
    /// <summary>The lower of the two limits.</summary>
    public long Limit => Cap is { } cap ? Math.Min(cap, TaskBasedMaximum) : TaskBasedMaximum;
}

/// <summary>
/// RULES.md 10 (NĐ 27/2022/NĐ-CP as amended by NĐ 38/2023/NĐ-CP): state support ≤ the rate of the total cost for
/// the project kind and area (value chain 80/70/50 %, community 95/80/60 %; the province may set lower), and every
/// project or task ≤ the task-based maximum (3,000,000,000 đ). Exact: the rate is a decimal, the cap floored to the đồng.
/// </summary>
public static class SupportCap
{
    public const int Number = 10;
    public const string Source = "NĐ 27/2022, NĐ 38/2023";

    public static SupportCapFigure For(ProposalKind kind, AreaType area, long totalCost, SupportPolicy policy)
    {
        if (policy.CapRates.TryGetValue(kind, out var caps) && caps.TryGetValue(area, out var rate))
            return new(rate, totalCost <= 0 ? 0 : (long)decimal.Floor(rate * totalCost), policy.TaskBasedMaximum);
        return new(null, null, policy.TaskBasedMaximum);
    }

    public static IEnumerable<Violation> Check(ProposalKind kind, AreaType area, long totalCost, long stateSupport, SupportPolicy policy)
    {
        var figure = For(kind, area, totalCost, policy);
        if (figure is { Rate: { } rate, Cap: { } cap } && stateSupport > cap)
            yield return new("stateSupport",
                $"{RuleText.Prefix(Number, Source)} {ProposalRules.KindName(kind)} ở {ProposalRules.AreaName(area)} được ngân sách hỗ trợ tối đa {rate * 100:0.##} % tổng kinh phí {Vnd.Format(totalCost)} = {Vnd.Format(cap)}{RuleText.Basis(policy.Bases?.CapRates)}; đề xuất {Vnd.Format(stateSupport)} (vượt {Vnd.Format(stateSupport - cap)}).");
        if (stateSupport > figure.TaskBasedMaximum)
            yield return new("stateSupport",
                $"{RuleText.Prefix(Number, Source)} mỗi dự án, nhiệm vụ được hỗ trợ tối đa {Vnd.Format(figure.TaskBasedMaximum)}{RuleText.Basis(policy.Bases?.TaskBasedMaximum)}; đề xuất {Vnd.Format(stateSupport)} (vượt {Vnd.Format(stateSupport - figure.TaskBasedMaximum)}).");
    }
}
