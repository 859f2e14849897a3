using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Domain.Plans.Rules;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class WithinMediumTermCeilingTests
{
    // the Hớn Quản plan's lines DA2 (1,521 M central) … DA7; ceilings over 2021–2025 on projects DA2, DA3, DA4, DA6, DA7
    private static readonly PlanContent Plan = HonQuan2024.Plan();

    private static MediumTermCeiling Ceiling(string component, long central, long provincial = 1_000_000_000, long district = 1_000_000_000) =>
        new("BP.HQ", 2021, 2025, component, new SourceAmounts(central, provincial, district, 0), "QĐ 1/QĐ-UBND", "test", DateTimeOffset.UnixEpoch);

    private static List<MediumTermCeiling> Ceilings(long da2Central) =>
        [Ceiling("DA2", da2Central), Ceiling("DA3", 10_000_000_000), Ceiling("DA4", 10_000_000_000), Ceiling("DA6", 10_000_000_000), Ceiling("DA7", 10_000_000_000)];

    private static readonly Dictionary<string, SourceAmounts> EarlierYears = new() { ["DA2"] = new SourceAmounts(479_000_000, 0, 0, 0) };

    [Fact]
    public void Check_WhenEarlierYearsAndThisPlanReachTheCeilingExactly_Passes() =>
        AssertValid(WithinMediumTermCeiling.Check(Plan, Ceilings(2_000_000_000), EarlierYears, ShippedCatalogue.Period2021To2025).ToList());

    [Fact]
    public void Check_WhenOneDongOverTheCeiling_RefusesThatSourceOfTheLineNamingTheThreeAmounts()
    {
        var violations = WithinMediumTermCeiling.Check(Plan, Ceilings(1_999_999_999), EarlierYears, ShippedCatalogue.Period2021To2025).ToList();

        AssertBrokenPaths(violations, "lines[0].amounts.Central");
        AssertBroken(violations, "lines[0].amounts.Central", "Kế hoạch trung hạn 2021–2025 (QĐ 1/QĐ-UBND)", "1.999.999.999 ₫", "479.000.000 ₫", "1.521.000.000 ₫", "vượt 1 ₫");
    }

    [Fact]
    public void Check_WhenAProjectsCeilingCoversItsSubprojects_SumsThem()
    {
        // DA3.1 (586 M) and DA3.2 (244 M) together under DA3's 830 M
        var ceilings = Ceilings(2_000_000_000).Where(c => c.Component != "DA3").Append(Ceiling("DA3", 829_999_999)).ToList();

        AssertBrokenPaths(WithinMediumTermCeiling.Check(Plan, ceilings, new Dictionary<string, SourceAmounts>(), ShippedCatalogue.Period2021To2025).ToList(), "lines[1].amounts.Central");
    }

    [Fact]
    public void Check_WhenALineHasNoCeiling_RefusesItsComponent() =>
        AssertBrokenPaths(WithinMediumTermCeiling.Check(Plan, Ceilings(2_000_000_000).Where(c => c.Component != "DA7").ToList(),
            new Dictionary<string, SourceAmounts>(), ShippedCatalogue.Period2021To2025).ToList(), "lines[6].component");

    [Fact]
    public void Check_WhenTheUnitHasNoCeilings_Passes() =>
        AssertValid(WithinMediumTermCeiling.Check(Plan, [], EarlierYears, ShippedCatalogue.Period2021To2025).ToList());
}
