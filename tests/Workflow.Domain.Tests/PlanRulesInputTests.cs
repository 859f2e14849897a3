using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests;

/// <summary>How plan files are written in practice: agency names typed by hand, stated terms, non-budget money.</summary>
public class PlanRulesInputTests
{
    private static IReadOnlyList<Violation> Validate(PlanContent plan) =>
        PlanRules.Validate(plan, HonQuan2024.ProvincePolicy(), HonQuan2024.Agencies(), ShippedCatalogue.Period2021To2025);

    [Theory]
    [InlineData("Phòng Lao động \u2013 Thương binh và Xã hội")] // en dash
    [InlineData("Phòng Lao động - Thương binh và\u00A0Xã hội")] // non-breaking space
    [InlineData("Phòng Lao động - Thương binh và\tXã hội")] // tab
    [InlineData("Phòng\u00A0Lao động \u2013 Thương binh\tvà  Xã hội")] // all at once
    public void Validate_WhenLeadAgencyIsTypedWithDashOrWhitespaceVariants_MatchesTheAgency(string leadAgency)
    {
        var plan = HonQuan2024.Plan()
            .WithLeadAgency(HonQuan2024.DA43, leadAgency)
            .WithLeadAgency(HonQuan2024.DA7, leadAgency);

        var violations = Validate(plan);

        Assert.DoesNotContain(violations, v => v.Path.EndsWith(".leadAgency", StringComparison.Ordinal));
        AssertValid(violations);
    }

    [Fact]
    public void Validate_WhenStatedRoundingUnitIsCoarserThanProvincePolicy_ReportsCounterpartRoundingUnit()
    {
        var plan = HonQuan2024.Plan() with
        {
            Counterpart = HonQuan2024.Terms(0.15m, provincial: 0.05m, district: 0.10m, roundingUnit: 1_000_000_000),
        };

        var violations = Validate(plan);

        AssertBroken(violations, "counterpart.roundingUnit", "Quy tắc 4", "1.000.000.000 ₫", "1.000.000 ₫");
        AssertBrokenPaths(violations, "counterpart.roundingUnit");
    }

    [Fact]
    public void Validate_WhenLinesOnlyPositiveAmountIsNonBudget_ReportsLineAmountsRule1()
    {
        var participantOnly = new PlanLineContent("DA6", HonQuan2024.Culture, new Dictionary<FundingSource, long>
        {
            [FundingSource.Central] = 0,
            [FundingSource.Participant] = 137_000_000,
        });
        var plan = HonQuan2024.Plan().WithLine(HonQuan2024.DA6, participantOnly).WithTotalsFromLines();

        var violations = Validate(plan);

        AssertBroken(violations, "lines[5].amounts", "Quy tắc 1");
    }
}
