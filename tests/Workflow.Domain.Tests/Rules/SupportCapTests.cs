using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Rules;

public sealed class SupportCapTests
{
    private static readonly SupportPolicy National = SupportPolicy.National;

    [Fact]
    public void For_WhenValueChainInDifficultArea_CapIsSeventyPercentExactly()
    {
        // in binary floating point 0.7 × 11,000,000 is 7,699,999.999…; the cap is exact
        var figure = SupportCap.For(ProposalKind.ValueChain, AreaType.Difficult, 11_000_000, National);

        Assert.Equal(0.70m, figure.Rate);
        Assert.Equal(7_700_000, figure.Cap);
    }

    [Fact]
    public void For_WhenTheKindHasNoRate_OnlyTheTaskBasedMaximumApplies()
    {
        var figure = SupportCap.For(ProposalKind.PovertyReductionModel, AreaType.Other, 1_000_000, National);

        Assert.Null(figure.Cap);
        Assert.Equal(3_000_000_000, figure.Limit);
    }

    [Fact]
    public void Check_WhenSupportIsExactlyAtTheCap_Passes() =>
        AssertValid(SupportCap.Check(ProposalKind.Community, AreaType.Other, 10_000_000, 6_000_000, National).ToList());

    [Fact]
    public void Check_WhenSupportIsOneDongOverTheCap_FailsNamingRateCapAndExcess()
    {
        var violations = SupportCap.Check(ProposalKind.Community, AreaType.Other, 10_000_000, 6_000_001, National).ToList();

        AssertBroken(violations, "stateSupport", "Quy tắc 10 (NĐ 27/2022, NĐ 38/2023)", "60 %", "6.000.000 ₫", "vượt 1 ₫");
    }

    [Fact]
    public void Check_WhenSupportIsOneDongOverTheTaskBasedMaximum_Fails()
    {
        AssertValid(SupportCap.Check(ProposalKind.Activity, AreaType.Other, 3_000_000_000, 3_000_000_000, National).ToList());
        var violations = SupportCap.Check(ProposalKind.Activity, AreaType.Other, 3_000_000_001, 3_000_000_001, National).ToList();

        AssertBroken(violations, "stateSupport", "Quy tắc 10", "3.000.000.000 ₫", "vượt 1 ₫");
    }

    [Fact]
    public void Check_WhenTheProvinceSetALowerRate_AppliesIt()
    {
        var province = National with
        {
            CapRates = new Dictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>> { [ProposalKind.ValueChain] = new Dictionary<AreaType, decimal> { [AreaType.Other] = 0.40m } },
        };

        AssertBroken(SupportCap.Check(ProposalKind.ValueChain, AreaType.Other, 100_000_000, 45_000_000, province).ToList(), "stateSupport", "40 %", "40.000.000 ₫");
    }

    public static TheoryData<ProposalKind, AreaType, int> Rates => new()
    {
        { ProposalKind.ValueChain, AreaType.EspeciallyDifficult, 80 }, { ProposalKind.ValueChain, AreaType.Difficult, 70 }, { ProposalKind.ValueChain, AreaType.Other, 50 },
        { ProposalKind.Community, AreaType.EspeciallyDifficult, 95 }, { ProposalKind.Community, AreaType.Difficult, 80 }, { ProposalKind.Community, AreaType.Other, 60 },
    };

    /// <summary>Every one-million step from 1 million to 2 billion: the cap is exactly cost × percent / 100, floored — an integer oracle.</summary>
    [Theory]
    [MemberData(nameof(Rates))]
    public void For_WhenEveryMillionStepToTwoBillion_EqualsTheIntegerOracle(ProposalKind kind, AreaType area, int percent)
    {
        for (long cost = 1_000_000; cost <= 2_000_000_000; cost += 1_000_000)
        {
            var expected = cost * percent / 100;
            var cap = SupportCap.For(kind, area, cost, National).Cap;
            if (cap != expected) Assert.Fail($"{kind}/{area} at {cost}: cap {cap}, oracle {expected}");
        }
    }
}
