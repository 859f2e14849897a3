using Workflow.Domain.Money;
using System.Text;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests;

public class PlanRulesTests
{
    private static IReadOnlyList<Violation> Validate(PlanContent plan) =>
        PlanRules.Validate(plan, HonQuan2024.ProvincePolicy(), HonQuan2024.Agencies(), ShippedCatalogue.Period2021To2025);

    // ---- the real plan --------------------------------------------------------------------------------

    [Fact]
    public void Validate_WhenHonQuanPlanIsAsPublished_ReportsNoViolations()
    {
        AssertValid(Validate(HonQuan2024.Plan()));
    }

    [Fact]
    public void Validate_WhenPlanIsSilentOnCounterpart_AppliesProvincePolicyAndReportsNoViolations()
    {
        AssertValid(Validate(HonQuan2024.Plan() with { Counterpart = null }));
    }

    [Fact]
    public void Validate_WhenPlanIsSilentOnCounterpartAndProvinceHasNoPolicy_ReportsCounterpart()
    {
        var violations = PlanRules.Validate(HonQuan2024.Plan() with { Counterpart = null }, null, HonQuan2024.Agencies(), ShippedCatalogue.Period2021To2025);

        AssertBroken(violations, "counterpart", "Tỉnh Bình Phước", "2024");
    }

    // ---- rule 1: lines and amounts --------------------------------------------------------------------

    [Fact]
    public void Validate_WhenPlanHasNoLines_ReportsLinesRule1()
    {
        var plan = (HonQuan2024.Plan() with { Lines = [] }).WithTotalsFromLines();

        AssertBroken(Validate(plan), "lines", "Quy tắc 1");
    }

    [Fact]
    public void Validate_WhenComponentIsUnknown_ReportsLineComponentRule1()
    {
        var plan = HonQuan2024.Plan().WithComponent(HonQuan2024.DA7, "DA9");

        var violations = Validate(plan);

        AssertBroken(violations, "lines[6].component", "Quy tắc 1", "'DA9'");
        AssertBrokenPaths(violations, "lines[6].component");
    }

    [Theory]
    [InlineData("DA1", "Dự án 1:")]
    [InlineData("DA1.2", "Dự án 1 – Tiểu dự án 2")]
    [InlineData("DA5", "Dự án 5:")]
    public void Validate_WhenComponentIsOutOfScope_ReportsLineComponent(string component, string name)
    {
        var plan = HonQuan2024.Plan().WithComponent(HonQuan2024.DA2, component);

        var violations = Validate(plan);

        AssertBroken(violations, "lines[0].component", name, "không thuộc phạm vi");
        AssertBrokenPaths(violations, "lines[0].component");
    }

    [Fact]
    public void Validate_WhenAmountIsNegative_ReportsTheCellRule1()
    {
        var plan = HonQuan2024.Plan().WithAmount(HonQuan2024.DA31, FundingSource.Provincial, -29_000_000);

        AssertBroken(Validate(plan), "lines[1].amounts.Provincial", "Quy tắc 1", "-29.000.000 ₫");
    }

    [Fact]
    public void Validate_WhenAmountsExceedMaxAmount_ReportsViolationsInsteadOfOverflowing()
    {
        // the column would overflow a long if it were summed
        var plan = HonQuan2024.Plan()
            .WithAmount(HonQuan2024.DA2, FundingSource.Central, long.MaxValue)
            .WithAmount(HonQuan2024.DA31, FundingSource.Central, long.MaxValue)
            .WithTotal(FundingSource.Central, long.MaxValue);

        var violations = Validate(plan);

        const string limit = "1.000.000.000.000.000 ₫", stated = "9.223.372.036.854.775.807 ₫";
        AssertBroken(violations, "lines[0].amounts.Central", limit, stated);
        AssertBroken(violations, "lines[1].amounts.Central", limit, stated);
        AssertBroken(violations, "totals.Central", limit, stated);
    }

    [Fact]
    public void Validate_WhenAmountIsJustAboveMaxAmount_ReportsTheCell()
    {
        var plan = HonQuan2024.Plan().WithAmount(HonQuan2024.DA6, FundingSource.District, Vnd.MaxAmount + 1);

        AssertBroken(Validate(plan), "lines[5].amounts.District", "1.000.000.000.000.001 ₫", "1.000.000.000.000.000 ₫");
    }

    [Fact]
    public void Validate_WhenLineHasOnlyZeroAmounts_ReportsLineAmountsRule1()
    {
        var plan = HonQuan2024.Plan()
            .WithLine(HonQuan2024.DA6, HonQuan2024.Line("DA6", HonQuan2024.Culture, 0, 0, 0))
            .WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[5].amounts", "Quy tắc 1");
        AssertBrokenPaths(violations, "lines[5].amounts");
    }

    // ---- rule 2: no double counting -------------------------------------------------------------------

    [Fact]
    public void Validate_WhenComponentAppearsTwice_ReportsRule2OnTheSecondLine()
    {
        var plan = HonQuan2024.Plan()
            .WithAddedLine(HonQuan2024.Line("DA6", HonQuan2024.Culture, 100_000_000, 5_000_000, 10_000_000))
            .WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[7].component", "Quy tắc 2", "DA6", "lines[5]");
        AssertBrokenPaths(violations, "lines[7].component");
    }

    [Fact]
    public void Validate_WhenSubprojectIsAddedToItsProject_ReportsRule2()
    {
        var plan = HonQuan2024.Plan()
            .WithAddedLine(HonQuan2024.Line("DA6.1", HonQuan2024.Culture, 100_000_000, 5_000_000, 10_000_000))
            .WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[7].component", "Quy tắc 2", "DA6.1", "DA6", "lines[5]");
        AssertBrokenPaths(violations, "lines[7].component");
    }

    [Fact]
    public void Validate_WhenProjectIsAddedAfterItsSubprojects_ReportsEachOverlap()
    {
        var plan = HonQuan2024.Plan()
            .WithAddedLine(HonQuan2024.Line("DA3", HonQuan2024.Agriculture, 100_000_000, 5_000_000, 10_000_000))
            .WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[7].component", "Quy tắc 2", "DA3.1", "lines[1]");
        AssertBroken(violations, "lines[7].component", "Quy tắc 2", "DA3.2", "lines[2]");
        AssertBrokenPaths(violations, "lines[7].component", "lines[7].component");
    }

    // ---- rule 3: totals -------------------------------------------------------------------------------

    [Fact]
    public void Validate_WhenStatedTotalIsOneDongOff_ReportsThatTotalRule3()
    {
        var plan = HonQuan2024.Plan().WithTotal(FundingSource.Central, 3_507_000_001);

        var violations = Validate(plan);

        AssertBroken(violations, "totals.Central", "Quy tắc 3", "3.507.000.001 ₫", "3.507.000.000 ₫", "(chênh 1 ₫)");
        AssertBrokenPaths(violations, "totals.Central");
    }

    [Fact]
    public void Validate_WhenTotalIsMissing_ReportsThatTotalRule3()
    {
        var totals = new Dictionary<FundingSource, long>(HonQuan2024.Plan().Totals);
        totals.Remove(FundingSource.District);
        var plan = HonQuan2024.Plan() with { Totals = totals };

        AssertBroken(Validate(plan), "totals.District", "Quy tắc 3", "351.000.000 ₫");
    }

    // ---- rule 4: counterpart shares -------------------------------------------------------------------

    [Fact]
    public void Validate_WhenLineDistrictShareIsOffByTwoMillion_ReportsLineRule4AndTotalRule3()
    {
        var plan = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.District, 152_000_000 + 2_000_000);

        var violations = Validate(plan);

        // 10 % × 1.521.000.000 = 152.100.000; 154.000.000 is 1.900.000 off, more than the 1.000.000 rounding unit
        AssertBroken(violations, "lines[0].amounts.District",
            "Quy tắc 4", "154.000.000 ₫", "1.900.000 ₫", "10 %", "1.521.000.000 ₫", "152.100.000 ₫", "1.000.000 ₫");
        AssertBroken(violations, "totals.District", "Quy tắc 3", "351.000.000 ₫", "353.000.000 ₫");
        AssertBrokenPaths(violations, "lines[0].amounts.District", "totals.District");
    }

    [Theory]
    [InlineData(23_400_000, true)]  // 10 % × 244.000.000 = 24.400.000: exactly one rounding unit off
    [InlineData(23_399_999, false)] // one đồng more
    public void Validate_WhenLineShareDeviatesByAboutOneRoundingUnit_AllowsExactlyOneUnit(long district, bool valid)
    {
        var plan = HonQuan2024.Plan()
            .WithAmount(HonQuan2024.DA32, FundingSource.District, district)
            .WithAmount(HonQuan2024.DA7, FundingSource.District, 31_600_000) // keeps the column total on its share
            .WithTotalsFromLines();

        var violations = Validate(plan);

        if (valid)
            AssertValid(violations);
        else
        {
            AssertBroken(violations, "lines[2].amounts.District", "Quy tắc 4", "23.399.999 ₫", "1.000.001 ₫", "24.400.000 ₫");
            AssertBrokenPaths(violations, "lines[2].amounts.District");
        }
    }

    [Fact]
    public void Validate_WhenPlanIsSilentAndHasNoLocalFunds_ReportsRule4PerLineAndRule5OnTotals()
    {
        var plan = HonQuan2024.Plan() with { Counterpart = null };
        for (var i = 0; i < plan.Lines.Count; i++)
            plan = plan.WithAmount(i, FundingSource.Provincial, 0).WithAmount(i, FundingSource.District, 0);
        plan = plan.WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[0].amounts.Provincial", "Quy tắc 4", "5 %", "76.050.000 ₫");
        AssertBroken(violations, "lines[6].amounts.District", "Quy tắc 4", "10 %", "31.600.000 ₫");
        AssertBroken(violations, "totals.District", "Quy tắc 4", "350.700.000 ₫");
        AssertBroken(violations, "totals", "Quy tắc 5", "0 ₫", "15 %", "3.507.000.000 ₫", "526.050.000 ₫");
        Assert.Equal(7 * 2 + 2 + 1, violations.Count);
    }

    // ---- rule 5: minimum local counterpart ------------------------------------------------------------

    [Fact]
    public void Validate_WhenStatedMinimumLocalRateIsBelowProvincePolicy_ReportsCounterpartMinimumLocalRate()
    {
        var plan = HonQuan2024.Plan() with { Counterpart = HonQuan2024.Terms(0.10m, provincial: 0.05m, district: 0.10m) };

        var violations = Validate(plan);

        AssertBroken(violations, "counterpart.minimumLocalRate", "Quy tắc 5", "10 %", "15 %", "2024");
        AssertBrokenPaths(violations, "counterpart.minimumLocalRate");
    }

    [Fact]
    public void Validate_WhenLocalTotalIsJustBelowMinimum_ReportsTotalsRule5()
    {
        // DA4.1 Provincial 11 → 10 triệu is still within rounding of 5 % × 208 = 10,4 triệu, but local funds drop
        // to 175 + 351 = 526 triệu, below 15 % × 3.507 = 526,05 triệu.
        var plan = HonQuan2024.Plan()
            .WithAmount(HonQuan2024.DA41, FundingSource.Provincial, 10_000_000)
            .WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "totals", "Quy tắc 5", "526.000.000 ₫", "15 %", "3.507.000.000 ₫", "526.050.000 ₫");
        AssertBrokenPaths(violations, "totals");
    }

    [Fact]
    public void Validate_WhenStatedRatesAreZeroAndPlanHasNoLocalFunds_ReportsCounterpartRatesRule5()
    {
        var plan = HonQuan2024.Plan() with { Counterpart = HonQuan2024.Terms(0.15m, provincial: 0m, district: 0m) };
        for (var i = 0; i < plan.Lines.Count; i++)
            plan = plan.WithAmount(i, FundingSource.Provincial, 0).WithAmount(i, FundingSource.District, 0);
        plan = plan.WithTotalsFromLines();

        var violations = Validate(plan);

        // the stated terms themselves fall short of the minimum; shares are not checked against broken terms
        AssertBroken(violations, "counterpart.rates", "Quy tắc 5", "0 %", "15 %");
        AssertBrokenPaths(violations, "counterpart.rates");
    }

    // ---- lead agencies --------------------------------------------------------------------------------

    [Fact]
    public void Validate_WhenLeadAgencyIsUnknown_ReportsLeadAgencyAndListsThoseThatCanLead()
    {
        var plan = HonQuan2024.Plan().WithLeadAgency(HonQuan2024.DA32, "Phòng Nội vụ");

        var violations = Validate(plan);

        var violation = AssertBroken(violations, "lines[2].leadAgency", "'Phòng Nội vụ'", HonQuan2024.Health, HonQuan2024.Labour);
        Assert.DoesNotContain(HonQuan2024.Finance, violation.Message);
        AssertBrokenPaths(violations, "lines[2].leadAgency");
    }

    [Fact]
    public void Validate_WhenFinanceOfficeIsNamedLeadAgency_ReportsLeadAgency()
    {
        var plan = HonQuan2024.Plan().WithLeadAgency(HonQuan2024.DA32, HonQuan2024.Finance);

        var violations = Validate(plan);

        AssertBroken(violations, "lines[2].leadAgency", HonQuan2024.Finance, "không phải cơ quan chủ trì");
        AssertBrokenPaths(violations, "lines[2].leadAgency");
    }

    [Fact]
    public void Validate_WhenLeadAgencyDiffersInCaseSpacingOrUnicodeForm_MatchesTheAgency()
    {
        var plan = HonQuan2024.Plan()
            .WithLeadAgency(HonQuan2024.DA32, "  trung tâm  Y TẾ   huyện ")
            .WithLeadAgency(HonQuan2024.DA6, HonQuan2024.Culture.Normalize(NormalizationForm.FormD));

        AssertValid(Validate(plan));
    }

    [Fact]
    public void Validate_WhenUnitAgenciesAreNotKnownYet_AcceptsAnyNamedLeadAgency()
    {
        var plan = HonQuan2024.Plan().WithLeadAgency(HonQuan2024.DA32, "Phòng Nội vụ");

        AssertValid(PlanRules.Validate(plan, HonQuan2024.ProvincePolicy(), unitAgencies: null, ShippedCatalogue.Period2021To2025));
    }

    [Fact]
    public void Validate_WhenLeadAgencyIsBlank_ReportsLeadAgency()
    {
        var plan = HonQuan2024.Plan().WithLeadAgency(HonQuan2024.DA2, " ");

        AssertBroken(Validate(plan), "lines[0].leadAgency", "cơ quan chủ trì");
    }

    // ---- year and unit --------------------------------------------------------------------------------

    [Theory]
    [InlineData(2020)]
    [InlineData(2036)]
    public void Validate_WhenFiscalYearIsOutsideTheProgramPeriod_ReportsFiscalYear(int year)
    {
        var violations = Validate(HonQuan2024.Plan() with { FiscalYear = year });

        AssertBroken(violations, "fiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertBrokenPaths(violations, "fiscalYear");
    }

    [Fact]
    public void Validate_WhenDistrictHasNoParentUnit_ReportsUnitParent()
    {
        var plan = HonQuan2024.Plan();
        plan = plan with { Unit = plan.Unit with { Parent = null } };

        AssertBroken(Validate(plan), "unit.parent", "huyện");
    }

    [Fact]
    public void Validate_WhenParentUnitIsNotHigher_ReportsUnitParentLevel()
    {
        var plan = HonQuan2024.Plan();
        plan = plan with { Unit = plan.Unit with { Parent = new UnitRef("BP.CT", "Huyện Chơn Thành", AdminLevel.District, null) } };

        AssertBroken(Validate(plan), "unit.parent.level");
    }

    // ---- all at once ----------------------------------------------------------------------------------

    [Fact]
    public void Validate_WhenSeveralRulesAreBroken_ReportsEveryViolationAtOnce()
    {
        var plan = (HonQuan2024.Plan() with { FiscalYear = 2019 })
            .WithComponent(HonQuan2024.DA7, "DA9")
            .WithLeadAgency(HonQuan2024.DA32, HonQuan2024.Finance)
            .WithTotal(FundingSource.Central, 3_507_000_001);

        var violations = Validate(plan);

        Assert.True(violations.Select(v => v.Path).Distinct().Count() >= 3);
        AssertBroken(violations, "fiscalYear", "2019");
        AssertBroken(violations, "lines[6].component", "Quy tắc 1", "'DA9'");
        AssertBroken(violations, "lines[2].leadAgency", HonQuan2024.Finance);
        AssertBroken(violations, "totals.Central", "Quy tắc 3");
        AssertBrokenPaths(violations, "fiscalYear", "lines[6].component", "lines[2].leadAgency", "totals.Central");
    }
}
