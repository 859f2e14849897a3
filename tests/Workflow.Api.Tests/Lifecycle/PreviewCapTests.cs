using Workflow.Api.Features.Proposals.PreviewProposal;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// The proposal preview's cap, for every whole million of total cost from 1,000,000 to 2,000,000,000 and every rate of
/// the national policy: the integer oracle <c>totalCost × percent / 100</c>, and the largest support rule 10 accepts.
/// The endpoint itself is checked against submission on a sample in <see cref="ProposalPreviewTests"/>.
/// </summary>
public sealed class PreviewCapTests
{
    [Fact]
    public void CapAmount_EqualsTheIntegerOracleAndTheRule10Boundary_ForEveryMillionAndRate()
    {
        var wrong = new List<string>();
        var cases = 0;
        foreach (var (kind, byArea) in SupportPolicy.National.CapRates)
        foreach (var (area, rate) in byArea)
        {
            var percent = (long)(rate * 100);
            Assert.Equal(rate, percent / 100m); // whole per cents: the oracle below is exact
            for (long totalCost = 1_000_000; totalCost <= 2_000_000_000; totalCost += 1_000_000)
            {
                cases++;
                var cap = ProposalPreviewHandler.CapAmount(rate, totalCost);
                var oracle = totalCost * percent / 100;
                var acceptsCap = !ProposalRules.CheckSupportCap(kind, area, totalCost, cap, SupportPolicy.National).Any();
                var refusesMore = ProposalRules.CheckSupportCap(kind, area, totalCost, cap + 1, SupportPolicy.National).Any();
                if (cap != oracle || !acceptsCap || !refusesMore)
                    wrong.Add($"{kind} {area} {totalCost}: preview {cap}, oracle {oracle}, rule accepts the cap {acceptsCap}, refuses one more {refusesMore}");
            }
        }
        Assert.Equal(6 * 2_000, cases);
        Assert.True(wrong.Count == 0, $"{wrong.Count} cases disagree, e.g.:\n" + string.Join("\n", wrong.Take(5)));
    }
}
