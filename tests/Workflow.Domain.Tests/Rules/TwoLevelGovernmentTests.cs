using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;
using Workflow.Domain.Plans.Rules;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class TwoLevelGovernmentTests
{
    private static readonly AdminUnit HonQuan = new("BP.HQ", "Huyện Hớn Quản", AdminLevel.District, "BP", validTo: new DateOnly(2025, 6, 30));
    private static readonly AdminUnit TanKhai = new("DN.TK", "Xã Tân Khai", AdminLevel.Commune, "DN", validFrom: new DateOnly(2025, 7, 1));

    /// <summary>The Hớn Quản plan moved to a year: still the district, still with district money.</summary>
    private static PlanContent HonQuanIn(int year) => HonQuan2024.Plan() with { FiscalYear = year };

    /// <summary>Tân Khai's 2026 plan: the district column moved into the commune budget.</summary>
    private static PlanContent TanKhai2026() => new(
        2026,
        new UnitRef("DN.TK", "Xã Tân Khai", AdminLevel.Commune, new UnitRef("DN", "Tỉnh Đồng Nai", AdminLevel.Province, null)),
        new DecisionInfo(null, null, "UBND xã Tân Khai", "Kế hoạch 2026", null),
        null,
        [new PlanLineContent("DA2", "Trung tâm", new Dictionary<FundingSource, long> { [FundingSource.Central] = 1_200_000_000, [FundingSource.Commune] = 60_000_000 })],
        new Dictionary<FundingSource, long> { [FundingSource.Central] = 1_200_000_000, [FundingSource.Commune] = 60_000_000 });

    [Fact]
    public void Check_WhenA2026PlanBelongsToTheAbolishedDistrict_RefusesTheUnitAndEveryDistrictAmount()
    {
        var violations = TwoLevelGovernment.Check(HonQuanIn(2026), HonQuan).ToList();

        AssertBroken(violations, "unit.level", "Quy tắc 22", "không còn cấp huyện", "01/01/2026");
        AssertBroken(violations, "lines[0].amounts.District", "Quy tắc 22", "152.000.000 ₫");
        AssertBroken(violations, "totals.District", "Quy tắc 22");
        AssertBroken(violations, "counterpart.rates.District", "Quy tắc 22");
    }

    [Fact]
    public void Check_WhenTheSameDistrictPlanIsFor2025_Passes() => AssertValid(TwoLevelGovernment.Check(HonQuanIn(2025), HonQuan).ToList());

    [Fact]
    public void Check_WhenACommune2026PlanHasNoDistrictMoney_Passes() => AssertValid(TwoLevelGovernment.Check(TanKhai2026(), TanKhai).ToList());

    [Fact]
    public void Check_WhenTheCommuneWasMergedAwayBeforeTheYear_RefusesNamingTheSuccessor()
    {
        var former = new AdminUnit("BP.HQ.TK", "Thị trấn Tân Khai", AdminLevel.Commune, "BP.HQ", validTo: new DateOnly(2025, 6, 30));
        var plan = TanKhai2026() with { Unit = new UnitRef("BP.HQ.TK", "Thị trấn Tân Khai", AdminLevel.Commune, new UnitRef("BP", "Tỉnh Bình Phước", AdminLevel.Province, null)) };

        AssertBroken(TwoLevelGovernment.Check(plan, former, TanKhai).ToList(), "unit.code", "Quy tắc 22", "30/06/2025", "Xã Tân Khai (DN.TK)");
    }

    [Fact]
    public void Check_WhenACommuneStillHangsUnderADistrict_RefusesTheParent()
    {
        var plan = TanKhai2026() with { Unit = new UnitRef("X", "Xã X", AdminLevel.Commune, new UnitRef("H", "Huyện H", AdminLevel.District, new UnitRef("P", "Tỉnh P", AdminLevel.Province, null))) };

        AssertBrokenPaths(TwoLevelGovernment.Check(plan, null).ToList(), "unit.parent.level");
    }

    [Fact]
    public void Check_WhenOneDistrictCellHoldsOneDong_RefusesThatCell()
    {
        var plan = TanKhai2026();
        plan = plan with { Lines = [plan.Lines[0] with { Amounts = new Dictionary<FundingSource, long>(plan.Lines[0].Amounts) { [FundingSource.District] = 1 } }] };

        AssertBrokenPaths(TwoLevelGovernment.Check(plan, TanKhai).ToList(), "lines[0].amounts.District");
    }

    [Fact]
    public void CheckPolicyRate_WhenA2026PolicyAsksTheDistrictBudget_Refuses()
    {
        Assert.NotNull(TwoLevelGovernment.CheckPolicyRate(2026, 0.10m, "values.counterpartRates.value.District"));
        Assert.Null(TwoLevelGovernment.CheckPolicyRate(2025, 0.10m, "values.counterpartRates.value.District"));
        Assert.Null(TwoLevelGovernment.CheckPolicyRate(2026, 0m, "values.counterpartRates.value.District"));
    }
}
