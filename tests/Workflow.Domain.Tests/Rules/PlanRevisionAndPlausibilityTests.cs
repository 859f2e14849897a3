using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Domain.Plans.Rules;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class TypedInMillionsTests
{
    /// <summary>The Hớn Quản plan as the document writes it: 1.521 for 1.521 triệu.</summary>
    private static PlanContent InMillions()
    {
        var plan = HonQuan2024.Plan();
        return plan with
        {
            Lines = plan.Lines.Select(l => l with { Amounts = l.Amounts.ToDictionary(a => a.Key, a => a.Value / Vnd.OneMillion) }).ToList(),
            Totals = plan.Totals.ToDictionary(a => a.Key, a => a.Value / Vnd.OneMillion),
        };
    }

    [Fact]
    public void Check_WhenThePlanIsTypedInMillions_RefusesEveryCellAndTheTotal()
    {
        var violations = TypedInMillions.Check(InMillions(), 1_000_000).ToList();

        AssertBroken(violations, "lines[0].amounts.Central", "Quy tắc 23", "có vẻ nhập theo triệu đồng", "1.521 ₫");
        AssertBroken(violations, "totals", "Quy tắc 23", "4.034 ₫");
    }

    [Fact]
    public void Check_WhenThePlanIsInDong_Passes() => AssertValid(TypedInMillions.Check(HonQuan2024.Plan(), 1_000_000).ToList());

    [Fact]
    public void Check_WhenOneCellIsExactlyOneRoundingUnit_Passes() =>
        AssertValid(TypedInMillions.Check(HonQuan2024.Plan().WithAmount(0, FundingSource.District, 1_000_000).WithTotalsFromLines(), 1_000_000).ToList());

    [Fact]
    public void Check_WhenOneCellIsOneDongBelowTheRoundingUnit_RefusesThatCell()
    {
        var violations = TypedInMillions.Check(HonQuan2024.Plan().WithAmount(0, FundingSource.District, 999_999).WithTotalsFromLines(), 1_000_000).ToList();

        AssertBrokenPaths(violations, "lines[0].amounts.District");
    }

    [Fact]
    public void Validate_WhenThePlanIsTypedInMillions_ReportsRule23AmongTheViolations() =>
        AssertBroken(PlanRules.Validate(InMillions(), HonQuan2024.ProvincePolicy(), HonQuan2024.Agencies(), ShippedCatalogue.Period2021To2025), "totals", "Quy tắc 23");
}

public sealed class CounterpartFloorTests
{
    private static ProgrammePeriod Shipped => ShippedCatalogue.Period2021To2025;

    [Theory]
    [InlineData(2024, 0)]
    [InlineData(2025, 0.029)]
    public void Check_WhenA2022To2025PlanDeclaresLessThanThreePercent_Refuses(int year, double rate) =>
        AssertBroken(CounterpartFloor.Check(year, (decimal)rate, Shipped).ToList(), "counterpart.minimumLocalRate", "Quy tắc 5 (QĐ 02/2022/QĐ-TTg", "3 %", "2021–2025");

    [Fact]
    public void Check_WhenExactlyThreePercent_Passes() => AssertValid(CounterpartFloor.Check(2024, 0.03m, Shipped).ToList());

    [Fact]
    public void Check_WhenA2026PlanUsesTheOldListProvisionally_TheOldFloorDoesNotApply() => AssertValid(CounterpartFloor.Check(2026, 0m, Shipped).ToList());

    [Fact]
    public void Check_WhenALoadedPeriodRecordsAFloor_ItsYearsAreHeldToIt()
    {
        var next = new ProgrammePeriod("2026-2030", 1, 2026, 2030, "x", "y", Shipped.Components, new PeriodCounterpartFloor(0.05m, "QĐ 16/2026/QĐ-TTg"));

        AssertBroken(CounterpartFloor.Check(2027, 0.049m, next, "values.minimumLocalRate.value").ToList(), "values.minimumLocalRate.value", "QĐ 16/2026/QĐ-TTg", "5 %");
        AssertValid(CounterpartFloor.Check(2027, 0.05m, next).ToList());
    }

    [Fact]
    public void Check_WhenThePeriodRecordsNoFloor_NothingIsRefused() =>
        AssertValid(CounterpartFloor.Check(2027, 0m, new ProgrammePeriod("2026-2030", 1, 2026, 2030, "x", "y", Shipped.Components)).ToList());

    [Fact]
    public void Validate_WhenTheHonQuanPlanDeclaresZeroPercent_RefusesAtTheMinimumRate()
    {
        var plan = HonQuan2024.Plan() with { Counterpart = HonQuan2024.Terms(0m, provincial: 0.05m, district: 0.10m) };

        AssertBroken(PlanRules.Validate(plan, null, HonQuan2024.Agencies(), ShippedCatalogue.Period2021To2025), "counterpart.minimumLocalRate", "Quy tắc 5");
    }
}

public sealed class RevisionChangesTests
{
    [Fact]
    public void CheckNotIdentical_WhenTheSameContent_Refuses() =>
        AssertBroken(RevisionChanges.CheckNotIdentical("{\"a\":1}", "{\"a\":1}", 3).ToList(), "", "Quy tắc 24", "phiên bản 3");

    [Fact]
    public void CheckNotIdentical_WhenAnythingDiffers_Passes() => AssertValid(RevisionChanges.CheckNotIdentical("{\"a\":1}", "{\"a\":2}", 3).ToList());

    [Fact]
    public void CheckPending_WhenTheCutLeavesExactlyCommittedPlusPending_Passes()
    {
        var plan = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.Central, 600_000_000);
        var committed = new Dictionary<(string, FundingSource), long> { [("DA2", FundingSource.Central)] = 500_000_000 };

        AssertValid(RevisionChanges.CheckPending(plan, committed, [new("ĐX-2024-0001", "DA2", new SourceAmounts(100_000_000, 0, 0, 0))]).ToList());
    }

    [Fact]
    public void CheckPending_WhenTheCutGoesOneDongBelow_RefusesAtTheCellListingTheProposals()
    {
        var plan = HonQuan2024.Plan().WithAmount(HonQuan2024.DA2, FundingSource.Central, 599_999_999);
        var committed = new Dictionary<(string, FundingSource), long> { [("DA2", FundingSource.Central)] = 500_000_000 };
        PendingProposal[] pending = [new("ĐX-2024-0001", "DA2", new SourceAmounts(60_000_000, 0, 0, 0)), new("ĐX-2024-0002", "DA2", new SourceAmounts(40_000_000, 0, 0, 0))];

        var violations = RevisionChanges.CheckPending(plan, committed, pending).ToList();

        AssertBroken(violations, $"lines[{HonQuan2024.DA2}].amounts.Central", "Quy tắc 24", "ĐX-2024-0001", "ĐX-2024-0002", "600.000.000 ₫", "confirmBelowPending");
    }
}
