using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>RULES.md 24 over HTTP: a revision identical to the version in force, and one that cuts below the proposals awaiting a decision.</summary>
public sealed class PlanRevisionRuleTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Revise_WhenIdenticalToTheVersionInForce_Returns409AndKeepsTheVersion()
    {
        using var s = new Session(fixture.Factory);
        var finance = await s.As(Demo.Finance);
        var planId = await finance.PlanIdAsync(2024);
        var current = JsonNode.Parse(await finance.ExportAsync(planId))!;

        using var response = await finance.ReviseAsync(planId, current);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("plan.unchanged", (string?)problem["code"]);
        Assert.Contains("Quy tắc 24", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Revise_WhenCuttingBelowAPendingProposal_ListsItAndGoesThroughOnlyWhenConfirmed()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var finance = await s.As(Demo.Finance);
        var (planId, lineId) = await clerk.SeededLineAsync("DA3.1");
        var before = JsonNode.Parse(await finance.ExportAsync(planId))!;
        var index = before["lines"]!.AsArray().Select(l => (string)l!["component"]!).ToList().IndexOf("DA3.1");
        var proposal = await clerk.CreateProposalOkAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng bưởi da xanh"));
        await clerk.ActOkAsync("proposals", proposal, "submit");
        var code = (string)(await clerk.GetProposalAsync(proposal))["code"]!;
        var splitCentral = (long)(await clerk.GetProposalAsync(proposal))["split"]!["Central"]!;

        // DA3.1 keeps 1,000,000 đ less NSTW than the pending proposal asks
        var cut = before.DeepClone().AsObject();
        cut["lines"]![index]!["amounts"]!["Central"] = splitCentral - 1_000_000;
        Rebalance(cut, index);
        using (var refused = await finance.ReviseAsync(planId, cut))
        {
            var (problem, errors) = await LifecycleApi.ConflictAsync(refused);
            Assert.Equal("plan.belowPending", (string?)problem["code"]);
            LifecycleApi.MessageAt(errors, $"lines[{index}].amounts.Central", "Quy tắc 24", code, "confirmBelowPending");
        }

        cut["confirmBelowPending"] = true;
        cut["reason"] = "Điều chỉnh giảm theo Nghị quyết HĐND";
        using var confirmed = await finance.ReviseAsync(planId, cut);

        await confirmed.ExpectAsync(HttpStatusCode.Created);
        await clerk.ActOkAsync("proposals", proposal, "withdraw");
    }

    /// <summary>Keeps the counterpart shares (rule 4) and the totals (rule 3) consistent after a line's NSTW changes.</summary>
    private static void Rebalance(JsonObject plan, int index)
    {
        var amounts = plan["lines"]![index]!["amounts"]!.AsObject();
        var central = (long)amounts["Central"]!;
        amounts["Provincial"] = (long)Math.Round(central * 0.05m / 1_000_000m, MidpointRounding.AwayFromZero) * 1_000_000;
        amounts["District"] = (long)Math.Round(central * 0.10m / 1_000_000m, MidpointRounding.AwayFromZero) * 1_000_000;
        foreach (var source in new[] { "Central", "Provincial", "District" })
            plan["totals"]![source] = plan["lines"]!.AsArray().Sum(l => (long?)l!["amounts"]![source] ?? 0);
    }
}
