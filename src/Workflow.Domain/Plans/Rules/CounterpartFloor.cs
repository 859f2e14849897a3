using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Domain.Plans.Rules;

/// <summary>
/// RULES.md 5, the legal floor of the minimum local counterpart: a plan or a province's policy that declares a minimum
/// below it is refused — the floor is the law, a province may only ask for more. The floor is programme-period data
/// (<see cref="ProgrammePeriod.CounterpartFloor"/>): the 2021–2025 file records QĐ 02/2022/QĐ-TTg's lowest band, 3 %;
/// a period whose rules are not known yet records none, and then the province's policy for the year is the only floor.
/// </summary>
public static class CounterpartFloor
{
    public const int Number = 5;

    /// <param name="period">The period the year uses; its floor applies only when the period really covers the year, not when it stands in provisionally.</param>
    public static IEnumerable<Violation> Check(int fiscalYear, decimal declaredMinimumLocalRate, ProgrammePeriod period, string path = "counterpart.minimumLocalRate")
    {
        if (period.Covers(fiscalYear) && period.CounterpartFloor is { } floor && declaredMinimumLocalRate < floor.Rate)
            yield return new(path,
                $"{RuleText.Prefix(Number, floor.Basis)} tỷ lệ đối ứng tối thiểu {declaredMinimumLocalRate * 100:0.##} % thấp hơn mức sàn {floor.Rate * 100:0.##} % của giai đoạn {period.Years}; tỉnh chỉ được quy định cao hơn.");
    }
}
