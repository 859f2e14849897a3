using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Tasks;

/// <summary>
/// An officer clears several dossiers of the inbox with one action (<c>POST /api/tasks/bulk</c>): each is fired and
/// journaled on its own, a refusal stops only its own dossier, and the answer says per dossier what happened and why.
/// </summary>
public sealed class BulkActionTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Bulk_WhenTheChairmanApprovesThreeAndOneWasApprovedAMomentBefore_ApprovesTheOthersAndSaysWhyThatOneWasRefused()
    {
        using var s = new Session(fixture.Factory);
        var ids = await AppraisedAsync(s, 3, "Mô hình trồng cà phê xã Tân Khai");
        var chair = await s.As("tk.chutich");
        await chair.ActOkAsync("proposals", ids[1], "approve", data: LifecycleApi.Decision("50/QĐ-UBND", "2026-03-02"));

        var result = await BulkAsync(chair, "approve", await InstancesAsync(chair, ids), data: LifecycleApi.Decision("51/QĐ-UBND", "2026-03-03"));

        Assert.Equal(2, (int)result["done"]!);
        Assert.Equal(1, (int)result["refused"]!);
        var items = result["items"]!.AsArray();
        Assert.Equal([200, 409, 200], items.Select(i => (int)i!["status"]!));
        Assert.Equal(ProposalProcess.Approved, (string?)items[0]!["to"]);
        Assert.Equal("workflow.notAvailable", (string?)items[1]!["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)items[1]!["detail"]));
        // each approved once, under the decision its request carried
        foreach (var (id, decision) in new[] { (ids[0], "51/QĐ-UBND"), (ids[1], "50/QĐ-UBND"), (ids[2], "51/QĐ-UBND") })
        {
            var proposal = await chair.GetProposalAsync(id);
            Assert.Equal(ProposalProcess.Approved, (string?)proposal["state"]);
            Assert.Equal(decision, (string?)proposal["decisionNumber"]);
            Assert.Single(proposal["history"]!.AsArray(), e => (string?)e!["action"] == "approve");
        }
    }

    [Fact]
    public async Task Bulk_WhenTheDecisionIsMissing_RefusesEachWithTheFieldsMessageAndMovesNone()
    {
        using var s = new Session(fixture.Factory);
        var ids = await AppraisedAsync(s, 2, "Mô hình nuôi cá xã Tân Khai");
        var chair = await s.As("tk.chutich");

        var result = await BulkAsync(chair, "approve", await InstancesAsync(chair, ids));

        Assert.Equal(0, (int)result["done"]!);
        Assert.All(result["items"]!.AsArray(), item =>
        {
            Assert.Equal(400, (int)item!["status"]!);
            Assert.NotEmpty(item["errors"]!.AsObject());
        });
        foreach (var id in ids) Assert.Equal(ProposalProcess.Appraised, (string?)(await chair.GetProposalAsync(id))["state"]);
    }

    [Fact]
    public async Task Bulk_WhenTheClerkTriesToApprove_IsRefusedForEachAndNothingMoves()
    {
        using var s = new Session(fixture.Factory);
        var ids = await AppraisedAsync(s, 2, "Mô hình trồng tiêu xã Tân Khai");
        var clerk = await s.As("tk.nongnghiep");

        var result = await BulkAsync(clerk, "approve", await InstancesAsync(clerk, ids), data: LifecycleApi.Decision("52/QĐ-UBND", "2026-03-03"));

        Assert.All(result["items"]!.AsArray(), item => Assert.Equal(403, (int)item!["status"]!));
        foreach (var id in ids) Assert.Equal(ProposalProcess.Appraised, (string?)(await clerk.GetProposalAsync(id))["state"]);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("duplicate")]
    [InlineData("too many")]
    public async Task Bulk_WithoutDossiersTwiceTheSameOrMoreThanAPage_Is400AtInstanceIds(string what)
    {
        using var chair = await fixture.Factory.ClientFor("tk.chutich");
        var one = Guid.NewGuid();
        var ids = what switch
        {
            "none" => [],
            "duplicate" => [one, one],
            _ => Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToArray(),
        };

        using var response = await chair.PostAsync("/api/tasks/bulk", Tests.Infrastructure.Api.JsonBody(Body("approve", ids)));

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem!["errors"]!["instanceIds"]);
    }

    private static async Task<List<Guid>> AppraisedAsync(Session s, int count, string title)
    {
        var clerk = await s.As("tk.nongnghiep");
        var finance = await s.As("tk.kinhte");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 15_000_000, $"{title}, tổ {i + 1} ({Guid.NewGuid():N})"));
            await clerk.ActOkAsync("proposals", id, "submit");
            await finance.ActOkAsync("proposals", id, "start-appraisal");
            await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
            ids.Add(id);
        }
        return ids;
    }

    private static async Task<Guid[]> InstancesAsync(HttpClient client, IEnumerable<Guid> proposals) =>
        await Task.WhenAll(proposals.Select(async id => Guid.Parse((string)(await client.GetProposalAsync(id))["instanceId"]!)));

    private static JsonObject Body(string action, IEnumerable<Guid> instanceIds, object? data = null) => new()
    {
        ["action"] = action,
        ["instanceIds"] = new JsonArray(instanceIds.Select(i => (JsonNode)i.ToString()).ToArray()),
        ["data"] = data is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(data)),
    };

    private static async Task<JsonNode> BulkAsync(HttpClient client, string action, IEnumerable<Guid> instanceIds, object? data = null)
    {
        using var response = await client.PostAsync("/api/tasks/bulk", Tests.Infrastructure.Api.JsonBody(Body(action, instanceIds, data)));
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }
}
