using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// Xã Tân Khai's 2026 plan is drawn up on the 2021–2025 components while the 2026–2030 list is not loaded; its
/// sub-projects count their outputs against the indicators of that same list, not against a period whose components
/// no line has.
/// </summary>
public sealed class CommuneOutputsTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task CreateProposal_WhenThe2026PlanUsesThe2021To2025ComponentsProvisionally_PlansOutputsByThatPeriodsIndicators()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");

        var catalogue = await clerk.GetJsonAsync("/api/monitoring/indicators?year=2026");
        var body = CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA2"), 20_000_000, "Mô hình nuôi bò sinh sản (đầu ra theo chỉ số)");
        body["plannedOutputs"] = new JsonArray(new JsonObject { ["indicator"] = "DA2.models", ["quantity"] = 1 },
            new JsonObject { ["indicator"] = "DA2.participants", ["quantity"] = 12 });
        var id = await clerk.CreateProposalOkAsync(body);

        Assert.Equal("2021-2025", (string?)catalogue["period"]);
        var planned = (await clerk.GetProposalAsync(id))["plannedOutputs"]!.AsArray();
        Assert.Equal(["DA2.models", "DA2.participants"], planned.Select(o => (string?)o!["indicator"]));
    }
}
