using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Checks;

namespace Workflow.Domain.Tests.Monitoring;

public sealed class MonitoringRuleTests
{
    private static readonly PovertyStandard Standard = MonitoringSeeds.Standards().Find("ND07-2021")!;

    private static PovertyCensus Census(int year, int total, int poor, int nearPoor, PovertyFlows? flows = null, string? subUnit = null,
        IReadOnlyList<DeprivationCount>? deprivations = null) =>
        PovertyCensus.Record(Guid.NewGuid(), "DN.TK", "Xã Tân Khai", subUnit, year, null, Standard, Standard.Code, null, total,
            new HouseholdCounts(poor), new HouseholdCounts(nearPoor), flows, deprivations, null, null, "tk.giamsat", DateTimeOffset.UnixEpoch);

    private static MonitoringTarget Target(int year, TargetKind kind, string subject, decimal value, string? group = null, string? subUnit = null) =>
        MonitoringTarget.Set(Guid.NewGuid(), "DN.TK", "Xã Tân Khai", subUnit, year, kind, subject, value, group, null, null, null, null, "tk.giamsat", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Record_WhenDeprivedHouseholdsExceedThePoor_RefusesNamingTheRowAndBothCounts()
    {
        var e = Assert.Throws<Common.ValidationFailedException>(() =>
            Census(2025, 3_000, 20, 40, deprivations: [new DeprivationCount("viec-lam", 21, 5)]));

        ViolationAssert.AssertBroken(e.Violations, "deprivations[0].poor", "21 hộ nghèo", "(20)");
    }

    [Fact]
    public void Record_WhenIndicatorIsNotInTheStandard_RefusesListingTheIndicators()
    {
        var e = Assert.Throws<Common.ValidationFailedException>(() =>
            Census(2025, 3_000, 20, 40, deprivations: [new DeprivationCount("thu-nhap", 1, 1)]));

        ViolationAssert.AssertBroken(e.Violations, "deprivations[0].indicator", "'thu-nhap'", "viec-lam");
    }

    [Fact]
    public void Record_WhenRuralAndUrbanDoNotMakeTheGroup_Refuses()
    {
        var e = Assert.Throws<Common.ValidationFailedException>(() => PovertyCensus.Record(Guid.NewGuid(), "DN.TK", "Xã Tân Khai", null, 2025, null,
            Standard, Standard.Code, null, 3_000, new HouseholdCounts(20, Rural: 15, Urban: 4), null, null, null, null, null, "x", DateTimeOffset.UnixEpoch));

        ViolationAssert.AssertBroken(e.Violations, "poor.urban", "(15)", "(4)", "19", "20");
    }

    [Fact]
    public void Record_WhenTheReviewOf2026UsesTheOldStandard_RefusesItCounts2027ByTheNewOne()
    {
        var e = Assert.Throws<Common.ValidationFailedException>(() => Census(2026, 3_000, 20, 40));

        ViolationAssert.AssertBroken(e.Violations, "standard", "ND07-2021", "cuối năm 2026", "năm 2027");
    }

    [Fact]
    public void FlowsBalance_WhenEndIsNotStartLessEscapedPlusNew_WarnsWithTheArithmetic()
    {
        var start = Census(2024, 3_000, 37, 22);
        var end = Census(2025, 3_000, 30, 22, new PovertyFlows(EscapedPoor: 6, NewlyPoor: 1, RePoor: 1));

        var warning = Assert.Single(FlowsBalance.Check(start, end));

        Assert.Contains("là 30, nhưng đầu kỳ 37 − thoát nghèo 6 + nghèo phát sinh 1 + tái nghèo 1 = 33", warning.Message);
    }

    [Fact]
    public void FlowsBalance_WhenFlowsAccountForTheChange_IsSilent()
    {
        var start = Census(2024, 3_000, 37, 22);
        var end = Census(2025, 3_000, 33, 22, new PovertyFlows(EscapedPoor: 6, NewlyPoor: 1, RePoor: 1));

        Assert.Empty(FlowsBalance.Check(start, end));
    }

    [Fact]
    public void TargetGroupsAddUp_WhenMinorityAndKinhDoNotMakeTheWhole_WarnsWithTheSum()
    {
        var targets = new[]
        {
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 68),
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 43, TargetGroups.EthnicMinority),
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 24, TargetGroups.Kinh),
        };

        var warning = Assert.Single(TargetGroupsAddUp.Check(targets));

        Assert.Contains("43 + dân tộc Kinh 24 = 67, khác chỉ tiêu chung 68", warning.Message);
    }

    [Fact]
    public void TargetsAgree_WhenHouseholdsAndPointsSayDifferentThings_WarnsWithTheComputedPoints()
    {
        var baseline = Census(2025, 7_188, 0, 184);
        var targets = new[]
        {
            Target(2026, TargetKind.ReduceCount, TargetSubjects.NearPoorHouseholds, 10),
            Target(2026, TargetKind.ReducePoints, TargetSubjects.NearPoorRate, 0.15m),
        };

        var warning = Assert.Single(TargetsAgree.Check(baseline, targets));

        Assert.Contains("Giảm 10 hộ cận nghèo trên 7.188 hộ là 0,14 %, nhưng chỉ tiêu ghi giảm 0,15 %", warning.Message);
    }

    [Fact]
    public void TargetsAgree_WhenTheEndCountIsAboveTheEndRateCeiling_Warns()
    {
        var baseline = Census(2025, 2_211, 37, 22);
        var targets = new[]
        {
            Target(2026, TargetKind.EndCount, TargetSubjects.PoorHouseholds, 31),
            Target(2026, TargetKind.EndRate, TargetSubjects.PoorRate, 1.3m),
        };

        var warning = Assert.Single(TargetsAgree.Check(baseline, targets));

        Assert.Contains("Còn 31 hộ nghèo trên 2.211 hộ là 1,40 %, cao hơn tỷ lệ chỉ tiêu 1,3 %", warning.Message);
    }

    [Fact]
    public void SubUnitsAddUp_WhenHamletTargetsDoNotMakeTheUnitsTarget_Warns()
    {
        var targets = new[]
        {
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 6),
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 2, subUnit: "T1"),
            Target(2026, TargetKind.ReduceCount, TargetSubjects.PoorHouseholds, 3, subUnit: "T2"),
        };

        var warning = Assert.Single(SubUnitsAddUp.Check(targets));

        Assert.Contains("cộng lại 5, khác chỉ tiêu của đơn vị 6", warning.Message);
    }

    [Theory]
    [InlineData("0.57", 17, 2_991, true)]
    [InlineData("0.6", 17, 2_991, true)]
    [InlineData("0.56", 17, 2_991, false)]
    [InlineData("58.8", 3, 17, false)]
    [InlineData("1.40", 31, 2_211, true)]
    public void Agrees_WhenStatedWithFewerDecimals_ComparesAtThePrecisionTheDocumentPrinted(string stated, long part, long whole, bool agrees) =>
        Assert.Equal(agrees, PovertyRate.Agrees(decimal.Parse(stated, System.Globalization.CultureInfo.InvariantCulture), part, whole));
}
