using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// Revisions (RULES.md 6). Only <see cref="Revise_WhenDA2IsRaisedWithMatchingShares_CreatesVersion2AndKeepsVersion1"/>
/// changes the seeded 2024 plan; the others are refused and leave it alone.
/// </summary>
public class PlanRevisionTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string Reason = "Bổ sung vốn Dự án 2 theo Quyết định điều chỉnh của UBND tỉnh";

    /// <summary>The 2024 file with DA2 raised by 100 million central and its 5 % / 10 % counterpart, totals to match.</summary>
    private static JsonObject RaisedDA2()
    {
        var plan = PlanFixture.Load();
        plan.Amounts(PlanFixture.DA2).AddTo("Central", 100_000_000).AddTo("Provincial", 5_000_000).AddTo("District", 10_000_000);
        plan.Totals().AddTo("Central", 100_000_000).AddTo("Provincial", 5_000_000).AddTo("District", 10_000_000);
        return plan;
    }

    [Fact]
    public async Task Revise_WhenDA2IsRaisedWithMatchingShares_CreatesVersion2AndKeepsVersion1()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();
        var revision = RaisedDA2();
        revision["reason"] = Reason;

        using var response = await client.ReviseAsync(id, revision);

        var revised = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, (int?)revised!["version"]);
        Assert.Equal($"/api/plans/{id}/revisions/2", response.Headers.Location?.OriginalString);

        var plan = await client.GetPlanAsync(id);
        Assert.Equal(2, (int?)plan["version"]);
        Assert.Equal(3_607_000_000, (long?)plan["totals"]!["Central"]);
        Assert.Equal(181_000_000, (long?)plan["totals"]!["Provincial"]);
        Assert.Equal(361_000_000, (long?)plan["totals"]!["District"]);
        Assert.Equal(1_621_000_000, (long?)plan["lines"]![0]!["amounts"]!["Central"]);

        using var historyResponse = await client.GetAsync($"/api/plans/{id}/revisions");
        var history = (await historyResponse.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal([1, 2], history.Select(h => (int)h!["version"]!).ToArray());
        Assert.Null((string?)history[0]!["reason"]);
        Assert.Equal(Reason, (string?)history[1]!["reason"]);
        Assert.Equal("taichinh", (string?)history[1]!["createdBy"]);

        using var v1 = await client.GetAsync($"/api/plans/{id}/revisions/1");
        await v1.ExpectAsync(HttpStatusCode.OK);
        var original = JsonNode.Parse(await v1.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PlanFixture.Text), original), $"Version 1 is not the imported file:\n{original}");

        using var v2 = await client.GetAsync($"/api/plans/{id}/revisions/2");
        await v2.ExpectAsync(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(RaisedDA2(), JsonNode.Parse(await v2.Content.ReadAsStringAsync())), "Version 2 is not the revised file (without its reason).");

        var exported = JsonNode.Parse(await client.ExportAsync(id));
        Assert.True(JsonNode.DeepEquals(RaisedDA2(), exported), $"The export is not the current version:\n{exported}");
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"Lý do\\u0000\"")]
    public async Task Revise_WhenTheReasonIsNotText_Returns400AtReasonAndKeepsTheVersion(string reasonJson)
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();
        var versionBefore = (int)(await client.GetPlanAsync(id))["version"]!;
        var body = RaisedDA2().ToJsonString();
        body = body[..^1] + ",\"reason\":" + reasonJson + "}";

        using var response = await client.PostAsync($"/api/plans/{id}/revisions", Tests.Infrastructure.Api.JsonBody(body));

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "reason");
        Assert.Equal(versionBefore, (int)(await client.GetPlanAsync(id))["version"]!);
    }

    [Fact]
    public async Task Revise_WhenFiscalYearDiffers_Returns400AtFiscalYear()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();
        var revision = RaisedDA2();
        revision["fiscalYear"] = 2025;

        using var response = await client.ReviseAsync(id, revision);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "fiscalYear");
        Assert.Null(await client.FindPlanIdAsync("BP.HQ", 2025));
    }

    [Fact]
    public async Task Revise_WhenRevisionBreaksRule3_Returns400AtTheTotalAndKeepsTheVersion()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();
        var versionBefore = (int)(await client.GetPlanAsync(id))["version"]!;
        var revision = RaisedDA2();
        revision.Totals().AddTo("Central", 1);

        using var response = await client.ReviseAsync(id, revision);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "totals.Central");
        Assert.Equal(versionBefore, (int)(await client.GetPlanAsync(id))["version"]!);
    }

    /// <summary>A plan of its own (another year of the district's history) for the tests that revise successfully, so the seeded plan keeps its versions.</summary>
    private async Task<Guid> ImportOwnPlanAsync(HttpClient client, int fiscalYear)
    {
        var existing = await client.FindPlanIdAsync("BP.HQ", fiscalYear);
        if (existing is not null) return existing.Value;
        using var response = await client.ImportAsync(PlanFixture.ForYear(fiscalYear));
        return Guid.Parse((string)(await response.ExpectAsync(HttpStatusCode.Created))!["id"]!);
    }

    [Fact]
    public async Task Revise_WhenReasonIsNotAString_Returns400AtReason()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await ImportOwnPlanAsync(client, 2022);
        var versionBefore = (int)(await client.GetPlanAsync(id))["version"]!;
        var revision = PlanFixture.ForYear(2022);
        revision["reason"] = 42;

        using var response = await client.ReviseAsync(id, revision);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "reason");
        Assert.Equal(versionBefore, (int)(await client.GetPlanAsync(id))["version"]!);
    }

    [Fact]
    public async Task Revise_WhenProjectIsSplitIntoASubproject_ShowsTheNewComponent()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await ImportOwnPlanAsync(client, 2023);
        var revision = PlanFixture.ForYear(2023);
        revision.Line(PlanFixture.DA6)["component"] = "DA6.1"; // same amounts, now on the sub-project
        revision["reason"] = "Phân bổ Dự án 6 cho Tiểu dự án 1";

        using var response = await client.ReviseAsync(id, revision);

        await response.ExpectAsync(HttpStatusCode.Created);
        var plan = await client.GetPlanAsync(id);
        Assert.Equal(["DA2", "DA3.1", "DA3.2", "DA4.1", "DA4.3", "DA6.1", "DA7"], plan["lines"]!.AsArray().Select(l => (string)l!["component"]!).ToArray());
        revision.Remove("reason");
        var exported = JsonNode.Parse(await client.ExportAsync(id));
        Assert.True(JsonNode.DeepEquals(revision, exported), $"The export is not the revised file:\n{exported}");
    }

    [Fact]
    public async Task Revise_WhenLineIsDropped_PlanHasOneLineLessAndLowerTotals()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await ImportOwnPlanAsync(client, 2021);
        var revision = PlanFixture.ForYear(2021);
        var dropped = revision.Amounts(PlanFixture.DA7);
        revision.Totals().AddTo("Central", -(long)dropped["Central"]!).AddTo("Provincial", -(long)dropped["Provincial"]!).AddTo("District", -(long)dropped["District"]!);
        revision["lines"]!.AsArray().RemoveAt(PlanFixture.DA7);

        using var response = await client.ReviseAsync(id, revision);

        await response.ExpectAsync(HttpStatusCode.Created);
        var plan = await client.GetPlanAsync(id);
        Assert.Equal(6, plan["lines"]!.AsArray().Count);
        Assert.Equal(3_507_000_000 - 316_000_000, (long?)plan["totals"]!["Central"]);
    }

    [Theory]
    [InlineData("nongnghiep")]
    [InlineData("chutich")]
    public async Task Revise_WhenCallerIsNotFinanceOfficeOrAdmin_Returns403(string userName)
    {
        using var finance = await factory.ClientFor("taichinh");
        var id = await finance.SeededPlanIdAsync();
        var versionBefore = (int)(await finance.GetPlanAsync(id))["version"]!;
        using var client = await factory.ClientFor(userName);

        using var response = await client.ReviseAsync(id, RaisedDA2());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(versionBefore, (int)(await finance.GetPlanAsync(id))["version"]!);
    }

    [Fact]
    public async Task Revise_WhenPlanIdIsUnknown_Returns404()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.ReviseAsync(Guid.NewGuid(), RaisedDA2());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revisions_WhenPlanIdIsUnknown_Returns404()
    {
        using var client = await factory.ClientFor("taichinh");

        using var list = await client.GetAsync($"/api/plans/{Guid.NewGuid()}/revisions");
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revision_WhenVersionDoesNotExist_Returns404()
    {
        using var client = await factory.ClientFor("taichinh");
        var id = await client.SeededPlanIdAsync();

        using var response = await client.GetAsync($"/api/plans/{id}/revisions/99");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
