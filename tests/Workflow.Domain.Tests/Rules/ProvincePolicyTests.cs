using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;

namespace Workflow.Domain.Tests.Rules;

public class ProvincePolicyTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static PolicyValues Values(int year, decimal advanceRate = 0.5m, string basis = "NQ 1/2024/NQ-HĐND") =>
        PolicyValues.Defaults(year,
            new CounterpartTerms(0.15m, new Dictionary<FundingSource, decimal> { [FundingSource.Provincial] = 0.05m, [FundingSource.District] = 0.10m }, 1_000_000),
            basis, SupportPolicy.National, basis) with { AdvanceMaxRate = new(advanceRate, basis) };

    private static ProvincePolicy Version(int year, int version, DateOnly from, decimal advanceRate = 0.5m) =>
        new("BP", year, version, from, Values(year, advanceRate), "test", DateTimeOffset.UnixEpoch);

    [Fact]
    public void InForce_WhenASecondVersionTakesEffectLater_IsTheFirstTheDayBeforeAndTheSecondFromItsFirstInstantInVietnam()
    {
        var first = Version(2024, 1, new(2024, 1, 1));
        var second = Version(2024, 2, new(2024, 6, 1), advanceRate: 0.3m);

        Assert.Same(first, ProvincePolicy.InForce([first, second], 2024, new DateTimeOffset(2024, 5, 31, 23, 59, 59, Vietnam)));
        Assert.Same(second, ProvincePolicy.InForce([first, second], 2024, new DateTimeOffset(2024, 6, 1, 0, 0, 0, Vietnam)));
    }

    [Fact]
    public void InForce_WhenNextYearsPolicyIsNotYetEffective_IsItsFirstVersionForNextYearAndStillThisYearsForThisYear()
    {
        var thisYear = Version(2026, 1, new(2026, 1, 1));
        var nextFirst = Version(2027, 1, new(2027, 1, 1));
        var nextSecond = Version(2027, 2, new(2027, 3, 1), advanceRate: 0.3m);
        var november = new DateTimeOffset(2026, 11, 30, 9, 0, 0, Vietnam);

        Assert.Same(nextFirst, ProvincePolicy.InForce([thisYear, nextFirst, nextSecond], 2027, november));
        Assert.Same(thisYear, ProvincePolicy.InForce([thisYear, nextFirst, nextSecond], 2026, november));
    }

    [Fact]
    public void InForce_WhenOnlyAnEarlierYearHasAPolicy_IsThatYearsAndItsAdjustmentEndMovesToTheAskedYear()
    {
        var shipped = Version(2022, 1, new(2022, 1, 1));

        var inForce = ProvincePolicy.InForce([shipped], 2024, new DateTimeOffset(2024, 5, 6, 9, 0, 0, Vietnam));

        Assert.Same(shipped, inForce);
        Assert.Equal(new DateOnly(2025, 1, 31), inForce!.AdjustmentPeriodEndFor(2024).Value);
        Assert.Null(ProvincePolicy.InForce([shipped], 2021, new DateTimeOffset(2024, 5, 6, 9, 0, 0, Vietnam)));
    }

    [Fact]
    public void AdvanceCap_WhenThePolicyLowersTheRate_RefusesNamingTheRateAndItsBasis()
    {
        var policy = Values(2024, advanceRate: 0.3m).Advance;

        var violation = Assert.Single(AdvanceCap.Check(DisbursementKind.Advance, 30_000_001, 0, 100_000_000, policy));

        Assert.Contains("30 % (căn cứ: NQ 1/2024/NQ-HĐND)", violation.Message);
    }

    [Fact]
    public void FiscalYearClose_WhenThePolicyEndsTheAdjustmentPeriodOnFifteenthJanuary_ClosesFromSixteenthNamingTheBasis()
    {
        var end = new DateOnly(2025, 1, 15);

        Assert.False(FiscalYearClose.IsClosed(2024, new DateTimeOffset(2025, 1, 15, 23, 59, 59, Vietnam), end));
        Assert.True(FiscalYearClose.IsClosed(2024, new DateTimeOffset(2025, 1, 16, 0, 0, 0, Vietnam), end));
        var violation = Assert.Single(FiscalYearClose.CheckCommitment(2024, new DateTimeOffset(2025, 1, 16, 0, 0, 0, Vietnam), end, "QĐ 5/QĐ-UBND"));
        Assert.Contains("16/01/2025 (căn cứ: QĐ 5/QĐ-UBND)", violation.Message);
    }

    [Fact]
    public void Check_WhenEveryValueIsInRangeWithABasis_ReportsNothingAndOutOfRangeRatesAtTheirPath()
    {
        Assert.Empty(Values(2024).Check(2024));

        var bad = Values(2024) with { MinimumLocalRate = new(1.2m, "x"), AdvanceContractAbove = new(-1, "") };

        Assert.Equal(["values.minimumLocalRate.value", "values.advanceContractAbove.value", "values.advanceContractAbove.basis"],
            bad.Check(2024).Select(v => v.Path));
    }
}
