using Workflow.Domain.Monitoring.Checks;

namespace Workflow.Domain.Tests.Monitoring;

/// <summary>
/// The five seed documents' baselines and targets load as data, and the system finds the slips each document has
/// (catalogues/monitoring/README.md lists them with the sentences they come from).
/// </summary>
public sealed class SeedAcceptanceTests
{
    public static TheoryData<string> Seeds => new(MonitoringSeeds.Names);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Load_WhenASeedDocument_HoldsEveryBaselineAndTargetWithoutProblems(string name)
    {
        var (censuses, targets, _) = MonitoringSeeds.Load(name);

        Assert.NotEmpty(censuses);
        Assert.NotEmpty(targets);
    }

    [Fact]
    public void Checks_WhenThinhDucHamletsAreSummed_WarnsTheyMake2111HouseholdsNotTheStated2211()
    {
        var (censuses, _, warnings) = MonitoringSeeds.Load("003-thinh-duc-2022.json");

        Assert.Equal(12, censuses.Count(c => c.SubUnitCode is not null));
        var warning = Assert.Single(warnings);
        Assert.Equal((nameof(SubUnitsAddUp), "totalHouseholds"), (warning.Check, warning.Path));
        Assert.Contains("cộng lại 2.111, khác số của đơn vị 2.211", warning.Message);
    }

    [Fact]
    public void Checks_WhenQuangMinhResidentialGroupsAreSummed_TheyAddUpAndOnlyStatedDeprivationRatesDisagree()
    {
        var (censuses, _, warnings) = MonitoringSeeds.Load("002-quang-minh-2024.json");

        Assert.Equal(5, censuses.Count(c => c.SubUnitCode is not null));
        Assert.All(warnings, w => Assert.Equal(nameof(StatedRatesMatchCounts), w.Check));
        Assert.Contains(warnings, w => w.Message.Contains("'viec-lam' 58,8 %, nhưng 3/17 = 17,65 %", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("'viec-lam' 0,10 %, nhưng 4/44 = 9,09 %", StringComparison.Ordinal));
        var unit = censuses.Single(c => c.SubUnitCode is null);
        Assert.Equal(0.57m, unit.PoorRate);
    }

    [Fact]
    public void Checks_WhenHonQuanSplitsItsReduction_MinorityAndKinhMakeTheWhole()
    {
        var (_, targets, warnings) = MonitoringSeeds.Load("001-hon-quan-2024.json");

        Assert.Contains(targets, t => t is { Subject: "poorHouseholds", Group: null, Value: 68 });
        Assert.Contains(targets, t => t is { Subject: "poorHouseholds", Group: "ethnicMinority", Value: 43 });
        Assert.DoesNotContain(warnings, w => w.Check == nameof(TargetGroupsAddUp));
    }

    [Fact]
    public void Checks_WhenMyThanhHasTheCitysAndTheWardsReduction_WarnsTheyDiffer()
    {
        var (_, _, warnings) = MonitoringSeeds.Load("000-my-thanh-2024.json");

        var warning = Assert.Single(warnings, w => w.Check == nameof(TargetsAgree));
        Assert.Contains("giá trị khác nhau: 9; 10", warning.Message);
    }

    [Fact]
    public void Checks_WhenTraCuStatesKhmerShareOfPoorHouseholds_WarnsTheCountsGive75Percent()
    {
        var (_, _, warnings) = MonitoringSeeds.Load("004-tra-cu-2023.json");

        var warning = Assert.Single(warnings);
        Assert.Equal(nameof(StatedRatesMatchCounts), warning.Check);
        Assert.Contains("3,37 %, nhưng 1.460/1.938 = 75,34 %", warning.Message);
    }
}
