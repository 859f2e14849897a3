using System.Globalization;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Plans.Rules;

namespace Workflow.Domain.Plans;

/// <summary>
/// RULES.md 1–5 and 23 over a plan file. Returns every violation at once, each keyed by the JSON path of the field it
/// concerns and worded for the official who will correct the file.
/// </summary>
public static class PlanRules
{
    /// <summary>No single plan cell is larger than this: a trillion-trillion typo is caught before any sum overflows.</summary>

    public const int FirstFiscalYear = 2021;

    /// <summary>Plans are written in triệu đồng: a million is the rounding unit when neither the file nor the province states one.</summary>
    public const long DefaultRoundingUnit = Vnd.OneMillion;
    public const int LastFiscalYear = 2035;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="provincePolicy">The province's policy for the year, or null when none is recorded (from 2026: none for that very year).</param>
    /// <param name="unitAgencies">Agencies known in the plan's unit; null when the unit is new and its agencies come from the file.</param>
    /// <param name="catalogue">The programme period the plan's fiscal year uses (<see cref="ProgrammeCatalogue.For"/>): rules 1 and 2 read its tree.</param>
    public static IReadOnlyList<Violation> Validate(PlanContent plan, CounterpartTerms? provincePolicy, IReadOnlyCollection<Agency>? unitAgencies, ProgrammePeriod catalogue)
    {
        var v = new List<Violation>();

        if (plan.FiscalYear is < FirstFiscalYear or > LastFiscalYear)
            v.Add(new("fiscalYear", $"Năm kế hoạch {plan.FiscalYear} nằm ngoài giai đoạn {FirstFiscalYear}–{LastFiscalYear} mà hệ thống quản lý."));

        CheckUnit(plan.Unit, v);
        CheckLines(plan, unitAgencies, catalogue, v);
        CheckTotals(plan, v);
        var terms = CheckCounterpart(plan, provincePolicy, catalogue, v);
        if (terms is not null) CheckShares(plan, terms, v);
        if (AmountsUsable(plan)) v.AddRange(TypedInMillions.Check(plan, terms?.RoundingUnit ?? DefaultRoundingUnit));
        return v;
    }

    private static void CheckUnit(UnitRef unit, List<Violation> v)
    {
        if (unit.Level == AdminLevel.Province && unit.Parent is not null)
            v.Add(new("unit.parent", "Đơn vị cấp tỉnh không có đơn vị cấp trên."));
        if (unit.Level != AdminLevel.Province && unit.Parent is null)
            v.Add(new("unit.parent", $"Đơn vị cấp {AdminUnit.LevelName(unit.Level).ToLowerInvariant()} phải nêu đơn vị cấp trên."));
        if (unit.Parent is { } parent && parent.Level >= unit.Level)
            v.Add(new("unit.parent.level", $"Đơn vị cấp trên phải ở cấp cao hơn {AdminUnit.LevelName(unit.Level).ToLowerInvariant()}."));
    }

    private static void CheckLines(PlanContent plan, IReadOnlyCollection<Agency>? unitAgencies, ProgrammePeriod catalogue, List<Violation> v)
    {
        if (plan.Lines.Count == 0)
            v.Add(new("lines", "Quy tắc 1: kế hoạch phải có ít nhất một dòng phân bổ."));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Lines.Count; i++)
        {
            var line = plan.Lines[i];
            var path = $"lines[{i}]";
            var component = catalogue.Find(line.Component);
            if (component is null)
                v.Add(new($"{path}.component", $"Quy tắc 1: mã dự án '{line.Component}' không có trong danh mục chương trình giai đoạn {catalogue.Years} ({string.Join(", ", catalogue.InScope.Select(c => c.Code))}…)."));
            else if (!component.InScope)
                v.Add(new($"{path}.component", $"{component.Name} thực hiện theo thủ tục đầu tư công, không thuộc phạm vi quản lý của hệ thống (chỉ Dự án 2, 3, 4, 6, 7)."));

            if (seen.TryGetValue(line.Component, out var first))
                v.Add(new($"{path}.component", $"Quy tắc 2: dự án {line.Component} đã có ở dòng lines[{first}]; mỗi dự án chỉ xuất hiện một lần."));
            else
            {
                foreach (var (other, j) in seen)
                {
                    if (catalogue.IsAncestor(other, line.Component))
                        v.Add(new($"{path}.component", $"Quy tắc 2: {line.Component} là tiểu dự án của {other} (dòng lines[{j}]); không phân bổ đồng thời cho dự án và tiểu dự án của nó (tính trùng)."));
                    else if (catalogue.IsAncestor(line.Component, other))
                        v.Add(new($"{path}.component", $"Quy tắc 2: {line.Component} bao gồm tiểu dự án {other} (dòng lines[{j}]); không phân bổ đồng thời cho dự án và tiểu dự án của nó (tính trùng)."));
                }
                seen[line.Component] = i;
            }

            if (string.IsNullOrWhiteSpace(line.LeadAgency))
                v.Add(new($"{path}.leadAgency", "Mỗi dòng phải nêu cơ quan chủ trì."));
            else if (unitAgencies is not null)
            {
                var agency = unitAgencies.FirstOrDefault(a => a.IsNamed(line.LeadAgency));
                if (agency is null)
                    v.Add(new($"{path}.leadAgency", $"Cơ quan chủ trì '{line.LeadAgency}' không có trong danh sách cơ quan của đơn vị. Các cơ quan có thể chủ trì: {string.Join("; ", unitAgencies.Where(a => a.CanLead).Select(a => a.Name))}."));
                else if (!agency.CanLead)
                    v.Add(new($"{path}.leadAgency", $"{agency.Name} ({Agency.KindName(agency.Kind)}) không phải cơ quan chủ trì dự án."));
            }

            foreach (var (source, amount) in line.Amounts)
                CheckAmount($"{path}.amounts.{source}", amount, v);
            if (FundingSources.Budget.All(s => line.AmountOf(s) <= 0))
                v.Add(new($"{path}.amounts", "Quy tắc 1: mỗi dòng phải có ít nhất một nguồn vốn lớn hơn 0."));
        }
    }

    private static void CheckAmount(string path, long amount, List<Violation> v)
    {
        if (amount < 0)
            v.Add(new(path, $"Quy tắc 1: số tiền không được âm ({Vnd.Format(amount)})."));
        else if (amount > Vnd.MaxAmount)
            v.Add(new(path, $"Số tiền {Vnd.Format(amount)} vượt mức tối đa {Vnd.Format(Vnd.MaxAmount)} cho một ô; kiểm tra lại đơn vị (đồng, không phải phần nghìn đồng)."));
    }

    private static bool AmountsUsable(PlanContent plan) =>
        plan.Lines.All(l => l.Amounts.Values.All(a => a is >= 0 and <= Vnd.MaxAmount))
        && plan.Totals.Values.All(a => a is >= 0 and <= Vnd.MaxAmount);

    private static void CheckTotals(PlanContent plan, List<Violation> v)
    {
        foreach (var (source, amount) in plan.Totals)
            CheckAmount($"totals.{source}", amount, v);
        if (!AmountsUsable(plan)) return;

        foreach (var source in FundingSources.Budget)
        {
            var sum = plan.Lines.Sum(l => l.AmountOf(source)); // ≤ 10^15 per cell and a few hundred lines: no overflow
            var stated = plan.Totals.GetValueOrDefault(source);
            if (sum != stated)
                v.Add(new($"totals.{source}", plan.Totals.ContainsKey(source)
                    ? $"Quy tắc 3: tổng {FundingSources.NameOf(source)} ghi {Vnd.Format(stated)} nhưng cộng các dòng được {Vnd.Format(sum)} (chênh {Vnd.Format(stated - sum)})."
                    : $"Quy tắc 3: thiếu tổng {FundingSources.NameOf(source)}; cộng các dòng được {Vnd.Format(sum)}."));
        }
    }

    private static CounterpartTerms? CheckCounterpart(PlanContent plan, CounterpartTerms? provincePolicy, ProgrammePeriod catalogue, List<Violation> v)
    {
        if (provincePolicy is null && TwoLevelGovernment.Applies(plan.FiscalYear))
        {
            // from 2026 the counterpart rules are the province's for the year, not the file's (RULES.md 5)
            v.Add(new("fiscalYear", $"{RuleText.Prefix(CounterpartFloor.Number)} tỉnh của {plan.Unit.Name} chưa có chính sách năm {plan.FiscalYear} (tỷ lệ đối ứng, mức hỗ trợ…); kế hoạch từ năm {TwoLevelGovernment.FirstTwoLevelYear} chỉ được lập khi tỉnh đã ban hành chính sách năm đó. Quản trị tỉnh hoặc phòng tài chính tạo chính sách tại Quản trị → Chính sách."));
            return null;
        }
        if (plan.Counterpart is null)
        {
            if (provincePolicy is null)
                v.Add(new("counterpart", $"Chưa có chính sách vốn đối ứng của tỉnh {plan.Unit.Parent?.Name ?? plan.Unit.Name} cho năm {plan.FiscalYear}; kế hoạch phải nêu mục counterpart (tỷ lệ đối ứng tối thiểu, tỷ lệ từng nguồn, đơn vị làm tròn)."));
            return provincePolicy;
        }

        var stated = plan.Counterpart;
        var before = v.Count;
        if (stated.MinimumLocalRate is < 0 or > 1)
            v.Add(new("counterpart.minimumLocalRate", $"Tỷ lệ đối ứng tối thiểu phải từ 0 đến 1 (đã ghi {Rate(stated.MinimumLocalRate)})."));
        else if (CounterpartFloor.Check(plan.FiscalYear, stated.MinimumLocalRate, catalogue).ToList() is [_, ..] belowFloor)
            v.AddRange(belowFloor);
        else if (provincePolicy is not null && stated.MinimumLocalRate < provincePolicy.MinimumLocalRate)
            v.Add(new("counterpart.minimumLocalRate", $"{RuleText.Prefix(CounterpartFloor.Number)} tỷ lệ đối ứng tối thiểu {Rate(stated.MinimumLocalRate)} thấp hơn mức {Rate(provincePolicy.MinimumLocalRate)}{RuleText.Basis(provincePolicy.Bases?.MinimumLocalRate)} áp dụng cho tỉnh năm {plan.FiscalYear}; kế hoạch chỉ được nêu mức cao hơn."));

        foreach (var (source, rate) in stated.Rates)
        {
            if (!FundingSources.LocalBudget.Contains(source))
                v.Add(new($"counterpart.rates.{source}", $"Chỉ ngân sách địa phương (Provincial, District, Commune) có tỷ lệ đối ứng; '{source}' không hợp lệ."));
            else if (rate is < 0 or > 1)
                v.Add(new($"counterpart.rates.{source}", $"Tỷ lệ đối ứng phải từ 0 đến 1 (đã ghi {Rate(rate)})."));
        }
        var rateSum = stated.Rates.Values.Sum();
        if (v.Count == before && rateSum < stated.MinimumLocalRate)
            v.Add(new("counterpart.rates", $"Quy tắc 5: tổng tỷ lệ các nguồn địa phương {Rate(rateSum)} thấp hơn tỷ lệ đối ứng tối thiểu {Rate(stated.MinimumLocalRate)}."));
        // a plan may ask for more local money than the province's policy, never less
        if (provincePolicy is not null && v.Count == before)
            foreach (var source in FundingSources.LocalBudget)
            {
                var required = provincePolicy.RateOf(source);
                var asked = stated.RateOf(source);
                if (required > 0 && asked < required)
                    v.Add(new($"counterpart.rates.{source}", $"Quy tắc 4: tỷ lệ {FundingSources.NameOf(source)} {Rate(asked)} thấp hơn mức {Rate(required)}{RuleText.Basis(provincePolicy.Bases?.Rates)} của tỉnh năm {plan.FiscalYear}; kế hoạch chỉ được nêu mức cao hơn."));
            }

        if (stated.RoundingUnit <= 0 || stated.RoundingUnit > 1_000_000_000)
            v.Add(new("counterpart.roundingUnit", $"Đơn vị làm tròn phải lớn hơn 0 và không quá 1.000.000.000 đồng (đã ghi {stated.RoundingUnit.ToString("#,0", Vi)})."));
        else if (provincePolicy is not null && stated.RoundingUnit > provincePolicy.RoundingUnit)
            // a coarser rounding unit would loosen rule 4 past what the province allows
            v.Add(new("counterpart.roundingUnit", $"Quy tắc 4: đơn vị làm tròn {Vnd.Format(stated.RoundingUnit)} lớn hơn mức {Vnd.Format(provincePolicy.RoundingUnit)}{RuleText.Basis(provincePolicy.Bases?.RoundingUnit)} của tỉnh năm {plan.FiscalYear}."));

        return v.Count == before ? stated : null;
    }

    private static void CheckShares(PlanContent plan, CounterpartTerms terms, List<Violation> v)
    {
        if (!AmountsUsable(plan)) return;

        // from 2026 any district money is rule 22's to refuse, once; rule 4 does not repeat it
        var sources = FundingSources.LocalBudget.Where(s => s != FundingSource.District || !TwoLevelGovernment.Applies(plan.FiscalYear)).ToList();
        for (var i = 0; i < plan.Lines.Count; i++)
            CheckShare($"lines[{i}].amounts", plan.Lines[i].Amounts, terms, sources, v);
        CheckShare("totals", plan.Totals, terms, sources, v);

        var central = plan.Totals.GetValueOrDefault(FundingSource.Central);
        var local = FundingSources.LocalBudget.Sum(s => plan.Totals.GetValueOrDefault(s));
        var required = terms.MinimumLocalRate * central;
        if (local < required)
            v.Add(new("totals", $"{RuleText.Prefix(CounterpartFloor.Number)} vốn đối ứng địa phương {Vnd.Format(local)} thấp hơn mức tối thiểu {Rate(terms.MinimumLocalRate)}{RuleText.Basis(terms.Bases?.MinimumLocalRate)} × NSTW {Vnd.Format(central)} = {Vnd.Format((long)Math.Ceiling(required))}."));
    }

    private static void CheckShare(string path, IReadOnlyDictionary<FundingSource, long> amounts, CounterpartTerms terms, IReadOnlyList<FundingSource> sources, List<Violation> v)
    {
        var central = amounts.GetValueOrDefault(FundingSource.Central);
        foreach (var source in sources)
        {
            var rate = terms.RateOf(source);
            var amount = amounts.GetValueOrDefault(source);
            var expected = rate * central;
            var deviation = Math.Abs(amount - expected);
            if (deviation > terms.RoundingUnit)
                v.Add(new($"{path}.{source}", $"Quy tắc 4 (vốn đối ứng): {FundingSources.NameOf(source)} {Vnd.Format(amount)} lệch {Money(deviation)} so với {Rate(rate)}{RuleText.Basis(terms.Bases?.Rates)} × NSTW {Vnd.Format(central)} = {Money(expected)}; chỉ được lệch tối đa {Vnd.Format(terms.RoundingUnit)} (đơn vị làm tròn)."));
        }
    }

    private static string Rate(decimal rate) => (rate * 100).ToString("0.##", Vi) + " %";

    private static string Money(decimal amount) => amount.ToString("#,0.##", Vi) + " ₫";
}
