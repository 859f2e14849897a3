using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>Reading the seeded Hớn Quản 2024 plan. Nothing here changes data.</summary>
public class PlanReadTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task ListPlans_WhenFinanceOfficerOfHonQuan_ListsTheSeeded2024Plan()
    {
        using var client = await factory.ClientFor("taichinh");

        var plans = await client.GetPlansAsync();

        var plan = Assert.Single(plans, p => (string?)p!["unitCode"] == "BP.HQ" && (int?)p["fiscalYear"] == 2024)!;
        Assert.Equal("Huyện Hớn Quản", (string?)plan["unitName"]);
        Assert.Equal(1, (int?)plan["version"]);
        Assert.Equal(7, (int?)plan["lineCount"]);
        Assert.Equal(3_507_000_000 + 176_000_000 + 351_000_000, (long?)plan["total"]);
    }

    [Fact]
    public async Task ListPlans_WhenFilteredByAnotherYear_ReturnsNothing()
    {
        using var client = await factory.ClientFor("taichinh");

        Assert.Empty(await client.GetPlansAsync("?year=2023&unit=BP.HQ"));
        Assert.Single(await client.GetPlansAsync("?year=2024&unit=BP.HQ"));
    }

    [Fact]
    public async Task ListPlans_WhenYearIsNotANumber_Returns400AtYear()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.GetAsync("/api/plans?year=next");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "year");
    }

    [Fact]
    public async Task GetPlan_WhenSeeded2024Plan_ShowsTotalsPerSourceAndSevenLines()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();

        var plan = await client.GetPlanAsync(id);

        var totals = plan["totals"]!;
        Assert.Equal(3_507_000_000, (long?)totals["Central"]);
        Assert.Equal(176_000_000, (long?)totals["Provincial"]);
        Assert.Equal(351_000_000, (long?)totals["District"]);
        Assert.Equal(0, (long?)totals["Commune"]);
        Assert.Equal(4_034_000_000, (long?)plan["total"]);
        var lines = plan["lines"]!.AsArray();
        Assert.Equal(7, lines.Count);
        Assert.Equal(["DA2", "DA3.1", "DA3.2", "DA4.1", "DA4.3", "DA6", "DA7"], lines.Select(l => (string)l!["component"]!).ToArray());
        Assert.Equal(1_521_000_000, (long?)lines[0]!["amounts"]!["Central"]);
        Assert.Equal("Trung tâm Dịch vụ nông nghiệp huyện", (string?)lines[0]!["leadAgencyName"]);
        Assert.Equal(1, (int?)plan["version"]);
    }

    [Fact]
    public async Task GetPlan_WhenLeadAgencyOfTheSameUnit_CanReadIt()
    {
        using var client = await factory.ClientFor("nongnghiep");
        var id = await client.SeededPlanIdAsync();

        var plan = await client.GetPlanAsync(id);

        Assert.Equal(2024, (int?)plan["fiscalYear"]);
    }

    [Fact]
    public async Task GetPlan_WhenIdIsUnknown_Returns404ProblemDetails()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.GetAsync($"/api/plans/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_WhenSeeded2024Plan_EqualsTheFixtureFile()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();

        var exported = await client.ExportAsync(id);

        var expected = JsonNode.Parse(PlanFixture.Text);
        var actual = JsonNode.Parse(exported);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"The export differs from the fixture:\n{exported}");
    }

    [Fact]
    public async Task Export_WhenCalled_NamesTheFileAfterUnitYearAndVersion()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();

        using var response = await client.GetAsync($"/api/plans/{id}/export");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ke-hoach-von-BP.HQ-2024-v1.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}
