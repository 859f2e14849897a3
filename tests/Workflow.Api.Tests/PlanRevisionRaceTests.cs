using System.Net;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// Two finance officers revising one plan at the same moment, on a plan of its own: whatever order the database lets them
/// in, each hears that their revision was made or that someone else's came first — never a server error — and the plan's
/// versions are exactly the revisions that were made.
/// </summary>
public class PlanRevisionRaceTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Revise_WhenEightRevisionsOfOnePlanRace_EachIsMadeOrAConflictAndTheVersionsAreTheOnesMade()
    {
        using var first = await factory.ClientFor("taichinh");
        using var second = await factory.ClientFor("taichinh2");
        var id = await first.SeededPlanIdAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            // each raises DA2 by its own amount, with the province's 5 % and the district's 10 % to match
            var plan = PlanFixture.Load();
            plan.Amounts(PlanFixture.DA2).AddTo("Central", i * 10_000_000L).AddTo("Provincial", i * 500_000L).AddTo("District", i * 1_000_000L);
            plan.Totals().AddTo("Central", i * 10_000_000L).AddTo("Provincial", i * 500_000L).AddTo("District", i * 1_000_000L);
            plan["reason"] = $"Bổ sung vốn Dự án 2, lần {i}";
            using var response = await (i % 2 == 0 ? first : second).ReviseAsync(id, plan);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)a.StatusCode} {a.Body}"));
        var made = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        Assert.True(made >= 1, "No revision was made.");
        using var history = await first.GetAsync($"/api/plans/{id}/revisions");
        var versions = (await history.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(h => (int)h!["version"]!).ToArray();
        Assert.Equal(Enumerable.Range(1, 1 + made).ToArray(), versions);
        Assert.Equal(1 + made, (int?)(await first.GetPlanAsync(id))["version"]);
    }
}
