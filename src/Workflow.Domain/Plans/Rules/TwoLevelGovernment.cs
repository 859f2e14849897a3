using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Plans.Rules;

/// <summary>
/// RULES.md 22: since 1/7/2025 local government has two levels, province and commune. A plan for fiscal year 2026 or
/// later belongs to a province or a commune that exists on 1 January of that year — never to a district, nor to a unit
/// merged away — and carries no <c>District</c> money: the commune budget takes the district's place. Plans of
/// 2022–2025 are three-level history and stay valid.
/// </summary>
public static class TwoLevelGovernment
{
    public const int Number = 22;
    public const string Source = "Luật Tổ chức chính quyền địa phương 2025, hiệu lực 01/7/2025";

    public const int FirstTwoLevelYear = 2026;

    public static bool Applies(int fiscalYear) => fiscalYear >= FirstTwoLevelYear;

    /// <summary>The day a plan's unit must exist on: 1 January of its fiscal year.</summary>
    public static DateOnly DayOfRecord(int fiscalYear) => new(fiscalYear, 1, 1);

    /// <param name="recorded">The plan's unit as administration records it; null for a unit the file introduces.</param>
    /// <param name="successor">The unit that took <paramref name="recorded"/> over, when it names one.</param>
    public static IEnumerable<Violation> Check(PlanContent plan, AdminUnit? recorded, AdminUnit? successor = null)
    {
        if (!Applies(plan.FiscalYear)) yield break;
        var day = DayOfRecord(plan.FiscalYear);
        var prefix = RuleText.Prefix(Number, Source);

        if (plan.Unit.Level == AdminLevel.District)
            yield return new("unit.level",
                $"{prefix} từ 01/7/2025 không còn cấp huyện; kế hoạch năm {plan.FiscalYear} thuộc tỉnh hoặc xã có hiệu lực ngày {day:dd/MM/yyyy}, không thuộc {plan.Unit.Name} ({plan.Unit.Code}).");
        else if (recorded is not null && !recorded.IsOpenOn(day))
            yield return new("unit.code", recorded.ValidTo is { } end && end < day
                ? $"{prefix} {recorded.Name} ({recorded.Code}) hết hiệu lực từ sau {end:dd/MM/yyyy}, không còn vào ngày {day:dd/MM/yyyy}" +
                  (successor is null ? "." : $"; đơn vị kế thừa là {successor.Name} ({successor.Code}): lập kế hoạch năm {plan.FiscalYear} cho đơn vị đó.")
                : $"{prefix} {recorded.Name} ({recorded.Code}) chỉ có hiệu lực từ {recorded.ValidFrom:dd/MM/yyyy}, chưa có vào ngày {day:dd/MM/yyyy}.");

        if (plan.Unit.Level == AdminLevel.Commune && plan.Unit.Parent is { Level: AdminLevel.District } district)
            yield return new("unit.parent.level",
                $"{prefix} từ 01/7/2025 xã trực thuộc tỉnh; {district.Name} ({district.Code}) là cấp huyện, đã bỏ.");

        for (var i = 0; i < plan.Lines.Count; i++)
            if (plan.Lines[i].Amounts.GetValueOrDefault(FundingSource.District) is var amount and not 0)
                yield return DistrictMoney($"lines[{i}].amounts.District", amount, plan.FiscalYear, prefix);
        if (plan.Totals.GetValueOrDefault(FundingSource.District) is var total and not 0)
            yield return DistrictMoney("totals.District", total, plan.FiscalYear, prefix);

        if (plan.Counterpart?.RateOf(FundingSource.District) is { } rate && rate > 0)
            yield return new("counterpart.rates.District",
                $"{prefix} không còn ngân sách huyện từ năm {FirstTwoLevelYear}; tỷ lệ đối ứng {rate * 100:0.##} % của ngân sách huyện phải chuyển sang ngân sách xã (Commune) hoặc tỉnh (Provincial).");
    }

    /// <summary>A policy for a two-level year asks nothing of the district budget.</summary>
    public static Violation? CheckPolicyRate(int fiscalYear, decimal districtRate, string path) =>
        Applies(fiscalYear) && districtRate > 0
            ? new(path, $"{RuleText.Prefix(Number, Source)} không còn ngân sách huyện từ năm {FirstTwoLevelYear}; chính sách năm {fiscalYear} không đặt tỷ lệ đối ứng cho ngân sách huyện (District).")
            : null;

    private static Violation DistrictMoney(string path, long amount, int fiscalYear, string prefix) =>
        new(path, $"{prefix} kế hoạch năm {fiscalYear} không có nguồn ngân sách huyện (District): {Vnd.Format(amount)} phải ghi vào ngân sách xã (Commune) hoặc tỉnh (Provincial).");
}
