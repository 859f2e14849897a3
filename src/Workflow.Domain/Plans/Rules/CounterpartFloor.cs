using Workflow.Domain.Common;

namespace Workflow.Domain.Plans.Rules;

/// <summary>
/// RULES.md 5, the legal floor (QĐ 02/2022/QĐ-TTg): for the 2022–2025 plans a declared minimum local counterpart below
/// the lowest band (3 %) is refused — the bands are the floor, a province may only ask for more. For 2026 and later
/// the floor comes from the programme period's data and the province's policy, which are not loaded yet, so the
/// province's recorded counterpart policy is the floor (PlanRules compares the file against it).
/// </summary>
public static class CounterpartFloor
{
    public const int Number = 5;
    public const string Source = "QĐ 02/2022/QĐ-TTg";

    public const int LastYearOfTheBands = 2025;

    public const decimal LowestBand = 0.03m;

    public static IEnumerable<Violation> Check(int fiscalYear, decimal declaredMinimumLocalRate)
    {
        if (fiscalYear <= LastYearOfTheBands && declaredMinimumLocalRate < LowestBand)
            yield return new("counterpart.minimumLocalRate",
                $"{RuleText.Prefix(Number, Source)} tỷ lệ đối ứng tối thiểu {declaredMinimumLocalRate * 100:0.##} % thấp hơn mức sàn {LowestBand * 100:0.##} % của các mức 3 %, 10 %, 15 %; tỉnh chỉ được quy định cao hơn.");
    }
}
