using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests.TestData;

/// <summary>
/// The Hớn Quản 2024 plan (shared/domain/fixtures/hon-quan-2024-plan.json) built in C#, with the Bình Phước
/// counterpart policy and the district's agencies. Domain tests do no I/O, so the numbers are copied here.
/// </summary>
internal static class HonQuan2024
{
    public const string UnitCode = "BP.HQ";

    public const string Agriculture = "Trung tâm Dịch vụ nông nghiệp huyện";
    public const string Health = "Trung tâm Y tế huyện";
    public const string VocationalEducation = "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện";
    public const string Labour = "Phòng Lao động - Thương binh và Xã hội";
    public const string Culture = "Phòng Văn hóa - Thông tin";
    public const string Finance = "Phòng Tài chính - Kế hoạch";

    /// <summary>Line indexes in the plan, in file order.</summary>
    public const int DA2 = 0, DA31 = 1, DA32 = 2, DA41 = 3, DA43 = 4, DA6 = 5, DA7 = 6;

    public static CounterpartTerms ProvincePolicy() => Terms(0.15m, provincial: 0.05m, district: 0.10m);

    public static CounterpartTerms Terms(decimal minimumLocalRate, decimal provincial, decimal district, long roundingUnit = 1_000_000) =>
        new(minimumLocalRate, new Dictionary<FundingSource, decimal>
        {
            [FundingSource.Provincial] = provincial,
            [FundingSource.District] = district,
        }, roundingUnit);

    public static IReadOnlyCollection<Agency> Agencies() =>
    [
        new("BP.HQ.DVNN", Agriculture, AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.TTYT", Health, AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.GDNN", VocationalEducation, AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.LDTBXH", Labour, AgencyKind.StandingOffice, UnitCode),
        new("BP.HQ.VHTT", Culture, AgencyKind.LeadAgency, UnitCode),
        new("BP.HQ.TCKH", Finance, AgencyKind.FinanceOffice, UnitCode),
    ];

    public static PlanContent Plan() => new(
        FiscalYear: 2024,
        Unit: new UnitRef(UnitCode, "Huyện Hớn Quản", AdminLevel.District,
            new UnitRef("BP", "Tỉnh Bình Phước", AdminLevel.Province, null)),
        Decision: new DecisionInfo(
            Number: null,
            Date: null,
            Issuer: "UBND huyện Hớn Quản",
            Title: "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn huyện Hớn Quản",
            Basis: "Tờ trình số 340/TTr-PLĐTBXH ngày 27/3/2024; Kế hoạch số 81/KH-UBND ngày 08/3/2024 của UBND tỉnh Bình Phước"),
        Counterpart: ProvincePolicy(),
        Lines:
        [
            Line("DA2", Agriculture, 1_521_000_000, 76_000_000, 152_000_000),
            Line("DA3.1", Agriculture, 586_000_000, 29_000_000, 59_000_000),
            Line("DA3.2", Health, 244_000_000, 12_000_000, 24_000_000),
            Line("DA4.1", VocationalEducation, 208_000_000, 11_000_000, 21_000_000),
            Line("DA4.3", Labour, 495_000_000, 25_000_000, 50_000_000),
            Line("DA6", Culture, 137_000_000, 7_000_000, 14_000_000),
            Line("DA7", Labour, 316_000_000, 16_000_000, 31_000_000),
        ],
        Totals: Amounts(3_507_000_000, 176_000_000, 351_000_000));

    public static PlanLineContent Line(string component, string leadAgency, long central, long provincial, long district) =>
        new(component, leadAgency, Amounts(central, provincial, district));

    public static Dictionary<FundingSource, long> Amounts(long central, long provincial, long district) => new()
    {
        [FundingSource.Central] = central,
        [FundingSource.Provincial] = provincial,
        [FundingSource.District] = district,
    };
}

/// <summary>Perturbations of a plan for tests: each returns a new plan and leaves the original alone.</summary>
internal static class PlanEdits
{
    public static PlanContent WithAmount(this PlanContent plan, int line, FundingSource source, long amount)
    {
        var target = plan.Lines[line];
        var amounts = new Dictionary<FundingSource, long>(target.Amounts) { [source] = amount };
        return plan.WithLine(line, target with { Amounts = amounts });
    }

    public static PlanContent WithLine(this PlanContent plan, int index, PlanLineContent line)
    {
        var lines = plan.Lines.ToList();
        lines[index] = line;
        return plan with { Lines = lines };
    }

    public static PlanContent WithLeadAgency(this PlanContent plan, int line, string leadAgency) =>
        plan.WithLine(line, plan.Lines[line] with { LeadAgency = leadAgency });

    public static PlanContent WithComponent(this PlanContent plan, int line, string component) =>
        plan.WithLine(line, plan.Lines[line] with { Component = component });

    public static PlanContent WithAddedLine(this PlanContent plan, PlanLineContent line) =>
        plan with { Lines = [.. plan.Lines, line] };

    public static PlanContent WithTotal(this PlanContent plan, FundingSource source, long amount) =>
        plan with { Totals = new Dictionary<FundingSource, long>(plan.Totals) { [source] = amount } };

    /// <summary>Restates the totals as the sums of the lines, so a perturbation breaks only the rule under test.</summary>
    public static PlanContent WithTotalsFromLines(this PlanContent plan) =>
        plan with
        {
            Totals = FundingSources.Budget
                .Where(s => plan.Lines.Any(l => l.Amounts.ContainsKey(s)))
                .ToDictionary(s => s, s => plan.Lines.Sum(l => l.AmountOf(s))),
        };
}
