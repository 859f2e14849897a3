using Workflow.Domain.Money;
using Workflow.Domain.Proposals;

namespace Workflow.Domain.Tests;

/// <summary>
/// Rule 10's cap is exact: for every whole million of total cost from 1,000,000 to 2,000,000,000 and every kind and
/// area with a rate, the support the rule accepts goes up to <c>totalCost × percent / 100</c> computed in integers, and
/// not one đồng further. (A floating-point 0.7 × 11,000,000 is 7,699,999.999…, one đồng short.)
/// </summary>
public sealed class SupportCapTests
{
    public static readonly TheoryData<ProposalKind, AreaType, long> Rates = new()
    {
        { ProposalKind.ValueChain, AreaType.EspeciallyDifficult, 80 },
        { ProposalKind.ValueChain, AreaType.Difficult, 70 },
        { ProposalKind.ValueChain, AreaType.Other, 50 },
        { ProposalKind.Community, AreaType.EspeciallyDifficult, 95 },
        { ProposalKind.Community, AreaType.Difficult, 80 },
        { ProposalKind.Community, AreaType.Other, 60 },
    };

    [Fact]
    public void NationalPolicy_HasTheRatesTheseTestsAssume()
    {
        foreach (var row in Rates)
        {
            var (kind, area, percent) = ((ProposalKind)row[0], (AreaType)row[1], (long)row[2]);
            Assert.Equal(percent / 100m, SupportPolicy.National.CapRates[kind][area]);
        }
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void CheckSupportCap_AcceptsExactlyTheIntegerCapForEveryMillionUpTo2Billion(ProposalKind kind, AreaType area, long percent)
    {
        var wrong = new List<string>();
        for (long totalCost = 1_000_000; totalCost <= 2_000_000_000; totalCost += 1_000_000)
        {
            var oracle = totalCost * percent / 100; // exact: every whole million times a whole percent divides by 100
            if (ProposalRules.CheckSupportCap(kind, area, totalCost, oracle, SupportPolicy.National).Any())
                wrong.Add($"{totalCost}: refuses {oracle}");
            var above = ProposalRules.CheckSupportCap(kind, area, totalCost, oracle + 1, SupportPolicy.National).ToList();
            if (above.Count != 1 || above[0].Path != "stateSupport" || !above[0].Message.Contains($"= {Vnd.Format(oracle)};", StringComparison.Ordinal))
                wrong.Add($"{totalCost}: at {oracle + 1} says [{string.Join(" | ", above.Select(v => v.Message))}]");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of 2,000 costs disagree with {percent} % in integers, e.g.:\n" + string.Join("\n", wrong.Take(5)));
    }
}
