using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Policies;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>Tân Khai's officers, and the steps of a disbursement they take, for the approval-threshold tests.</summary>
internal static class TanKhai
{
    public const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv";

    /// <summary>A model on one of Tân Khai's 2026 lines, drafted, appraised and approved: its money is committed.</summary>
    public static async Task<Guid> ApprovedProposalAsync(Session s, string component, long stateSupport, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, component);
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, stateSupport, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As(Finance);
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ, đúng đối tượng.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-02"));
        return id;
    }

    /// <summary>A payment requested by the agency and approved by the second economic officer; returns where it went.</summary>
    public static async Task<(Guid Id, JsonNode Disbursement)> ApprovedByFinanceAsync(Session s, Guid proposal, long amount)
    {
        var clerk = await s.As(Clerk);
        var id = await clerk.CreateDisbursementOkAsync(proposal, "Payment", amount);
        await clerk.ActOkAsync("disbursements", id, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", id, "approve");
        return (id, await clerk.GetDisbursementAsync(id));
    }

    public static async Task<JsonArray> InboxAsync(HttpClient client) => (await client.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray();
}

/// <summary>
/// Version 4 of the disbursement process: above Đồng Nai's threshold (500,000,000 đ in the demo policy) a disbursement
/// the economic office approves waits for the commune's chairman before it reaches the treasury; at or below it, it
/// goes straight on.
/// </summary>
public sealed class ApproverThresholdTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Approve_WhenTheAmountIsAboveTheProvincesThreshold_WaitsForTheChairmanThenGoesToTheTreasury()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await TanKhai.ApprovedProposalAsync(s, "DA2", 700_000_000, "Mô hình chăn nuôi bò sinh sản xã Tân Khai (700 triệu)");

        var (id, disbursement) = await TanKhai.ApprovedByFinanceAsync(s, proposal, 600_000_000);

        Assert.Equal(DisbursementProcess.AwaitingApprover, (string?)disbursement["state"]);
        Assert.Equal("Chờ lãnh đạo duyệt", (string?)disbursement["stateName"]);
        var chair = await s.As(TanKhai.Chair);
        var task = Assert.Single(await TanKhai.InboxAsync(chair), t => (string?)t!["subjectId"] == id.ToString());
        Assert.Equal(DisbursementProcess.AwaitingApprover, (string?)task!["state"]);
        Assert.Equal(600_000_000, (long)task["amount"]!);
        Assert.Equal(["approve", "reject", "return"], (await chair.GetDisbursementAsync(id))["availableActions"]!.AsArray().Select(a => (string)a!["action"]!).Order().ToArray());
        var treasury = await s.As(TanKhai.Treasury);
        Assert.DoesNotContain(await TanKhai.InboxAsync(treasury), t => (string?)t!["subjectId"] == id.ToString());
        using (var early = await treasury.ActAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0101", "2026-03-03")))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await chair.ActOkAsync("disbursements", id, "approve", "Đồng ý chi.");

        Assert.Equal(DisbursementProcess.Approved, (string?)(await chair.GetDisbursementAsync(id))["state"]);
        Assert.Contains(await TanKhai.InboxAsync(treasury), t => (string?)t!["subjectId"] == id.ToString());
        await treasury.ActOkAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0101", "2026-03-03"));
        var paid = await (await s.As(TanKhai.Clerk)).GetDisbursementAsync(id);
        Assert.Equal(DisbursementProcess.Paid, (string?)paid["state"]);
        Assert.Equal(["request", "approve", "approve", "confirm-payment"],
            paid["history"]!.AsArray().Select(h => (string)h!["action"]!).Where(a => a != "start").ToArray());
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task Approve_WhenTheAmountIsExactlyTheThreshold_GoesStraightToTheTreasury()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await TanKhai.ApprovedProposalAsync(s, "DA3.1", 550_000_000, "Mô hình trồng cây ăn quả xã Tân Khai (550 triệu)");

        var (id, disbursement) = await TanKhai.ApprovedByFinanceAsync(s, proposal, 500_000_000);

        Assert.Equal(DisbursementProcess.Approved, (string?)disbursement["state"]);
        Assert.DoesNotContain(await TanKhai.InboxAsync(await s.As(TanKhai.Chair)), t => (string?)t!["subjectId"] == id.ToString());
        Assert.Contains(await TanKhai.InboxAsync(await s.As(TanKhai.Treasury)), t => (string?)t!["subjectId"] == id.ToString());
    }

    [Fact]
    public async Task ChairmanReturnAndReject_NeedAComment_ReturnSendsItBackToTheClerkAndRejectEndsIt()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await TanKhai.ApprovedProposalAsync(s, "DA2", 600_000_000, "Mô hình nuôi dê xã Tân Khai (600 triệu)");
        var (id, _) = await TanKhai.ApprovedByFinanceAsync(s, proposal, 550_000_000);
        var chair = await s.As(TanKhai.Chair);

        using (var bare = await chair.ActAsync("disbursements", id, "return"))
            await ProblemAssert.HasErrorsAtAsync(bare, "comment");
        await chair.ActOkAsync("disbursements", id, "return", "Bổ sung bảng kê hộ nhận hỗ trợ.");
        var clerk = await s.As(TanKhai.Clerk);
        Assert.Equal("Draft", (string?)(await clerk.GetDisbursementAsync(id))["state"]);

        await clerk.ActOkAsync("disbursements", id, "request");
        await (await s.As(TanKhai.Finance2)).ActOkAsync("disbursements", id, "approve");
        using (var bare = await chair.ActAsync("disbursements", id, "reject"))
            await ProblemAssert.HasErrorsAtAsync(bare, "comment");
        await chair.ActOkAsync("disbursements", id, "reject", "Không đúng nội dung đã phê duyệt.");

        Assert.Equal("Rejected", (string?)(await clerk.GetDisbursementAsync(id))["state"]);
    }

    [Fact]
    public async Task Diagram_OfTheDisbursementProcess_ShowsTheChairmansStepAndWhenItIsTaken()
    {
        using var s = new Session(fixture.Factory);
        using var response = await (await s.As(TanKhai.Clerk)).GetAsync("/api/workflows/disbursement/diagram.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-state=\"AwaitingApprover\"", svg);
        Assert.Contains("Chờ lãnh đạo duyệt", svg);
        Assert.Contains("data-action=\"approve\" data-from=\"Requested\" data-to=\"AwaitingApprover\"", svg);
        Assert.Contains("Duyệt chi (trên mức phải lãnh đạo duyệt)", svg);
        Assert.Contains("data-action=\"approve\" data-from=\"AwaitingApprover\" data-to=\"Approved\"", svg);
    }
}

/// <summary>Several disbursements at once from the inbox (<c>POST /api/tasks/bulk</c>): each takes its own way by its amount.</summary>
public sealed class ApproverThresholdBulkTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private static async Task<JsonNode> BulkAsync(HttpClient client, string action, IEnumerable<string> instanceIds)
    {
        var body = new JsonObject { ["action"] = action, ["instanceIds"] = new JsonArray(instanceIds.Select(i => (JsonNode)i).ToArray()) };
        using var response = await client.PostAsync("/api/tasks/bulk", Tests.Infrastructure.Api.JsonBody(body));
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    [Fact]
    public async Task Bulk_WhenTheEconomicOfficeApprovesALargeAndASmallDisbursement_OnlyTheLargeWaitsForTheChairmanWhoClearsItTheSameWay()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await TanKhai.ApprovedProposalAsync(s, "DA2", 900_000_000, "Mô hình chăn nuôi xã Tân Khai (900 triệu)");
        var clerk = await s.As(TanKhai.Clerk);
        var large = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 600_000_000);
        var small = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 100_000_000);
        foreach (var id in new[] { large, small }) await clerk.ActOkAsync("disbursements", id, "request");
        var finance = await s.As(TanKhai.Finance2);
        var instances = new List<string>();
        foreach (var id in new[] { large, small }) instances.Add((string)(await clerk.GetDisbursementAsync(id))["instanceId"]!);
        var offered = (await finance.GetDisbursementAsync(large))["availableActions"]!.AsArray().Select(a => (string)a!["action"]!).ToArray();
        Assert.Single(offered, a => a == "approve");

        var result = await BulkAsync(finance, "approve", instances);

        Assert.Equal(2, (int)result["done"]!);
        Assert.Equal([DisbursementProcess.AwaitingApprover, DisbursementProcess.Approved], result["items"]!.AsArray().Select(i => (string)i!["to"]!).ToArray());
        var chair = await s.As(TanKhai.Chair);
        var cleared = await BulkAsync(chair, "approve", [instances[0]]);
        Assert.Equal(1, (int)cleared["done"]!);
        Assert.Equal(DisbursementProcess.Approved, (string?)(await clerk.GetDisbursementAsync(large))["state"]);
    }
}

/// <summary>The threshold is the province's to set: a new version applies to disbursements requested once it is in force.</summary>
public sealed class ApproverThresholdPolicyTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Approve_WhenDongNaiLowersTheThresholdFromALaterDate_OnlyRequestsMadeUnderTheNewVersionGoToTheChairman()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await TanKhai.ApprovedProposalAsync(s, "DA2", 600_000_000, "Mô hình chăn nuôi xã Tân Khai (600 triệu)");
        var clerk = await s.As(TanKhai.Clerk);
        var before = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 200_000_000);
        await clerk.ActOkAsync("disbursements", before, "request");

        // the province's administrator adds a version from 9 March: above 100 million, the chairman approves too
        var values = PolicyApi.Values();
        values["approverAlsoAbove"] = PolicyApi.Value(100_000_000L, "Quyết định 5/2026/QĐ-UBND tỉnh");
        var created = await (await s.As("dn.quantri")).CreatePolicyAsync(PolicyApi.Version("DN", 2026, "2026-03-09", values)).CreatedAsync();
        Assert.Equal(100_000_000, (long)created["values"]!["approverAlsoAbove"]!["value"]!);
        s.MoveTo(new DateOnly(2026, 3, 9));

        // requested under the version of 500 million: the economic office's approval still suffices
        await (await s.As(TanKhai.Finance2)).ActOkAsync("disbursements", before, "approve");
        clerk = await s.As(TanKhai.Clerk);
        Assert.Equal(DisbursementProcess.Approved, (string?)(await clerk.GetDisbursementAsync(before))["state"]);

        var (after, disbursement) = await TanKhai.ApprovedByFinanceAsync(s, proposal, 200_000_000);

        Assert.Equal(DisbursementProcess.AwaitingApprover, (string?)disbursement["state"]);
        Assert.Equal((int)created["id"]!, (int?)disbursement["policyVersionId"]);
        await (await s.As(TanKhai.Chair)).ActOkAsync("disbursements", after, "approve");
        Assert.Equal(DisbursementProcess.Approved, (string?)(await clerk.GetDisbursementAsync(after))["state"]);
    }
}

/// <summary>
/// Servers one after another on one database: the first runs the disbursement process as it was before the chairman's
/// step (the shipped file without it, one version lower), the second the shipped one. A disbursement requested on the
/// old version finishes on it, however large; new ones follow the new version.
/// </summary>
public sealed class ApproverThresholdVersionTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("threshold-version");
    private readonly ManualClock _clock = new(CommuneFixture.Start);
    private readonly string _previous = Path.Combine(Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}");

    /// <summary>The shipped folder with the disbursement process as it was before: no AwaitingApprover, version one lower.</summary>
    private string PreviousVersion()
    {
        Directory.CreateDirectory(_previous);
        foreach (var file in Directory.GetFiles(RuntimeFactory.ShippedWorkflows))
            File.Copy(file, Path.Combine(_previous, Path.GetFileName(file)));
        var path = Path.Combine(_previous, "disbursement.workflow.json");
        var definition = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        definition["version"] = (int)definition["version"]! - 1;
        var states = definition["states"]!.AsArray();
        states.Remove(states.Single(st => (string?)st!["name"] == DisbursementProcess.AwaitingApprover));
        var transitions = definition["transitions"]!.AsArray();
        foreach (var t in transitions.Where(t => (string?)t!["from"] == DisbursementProcess.AwaitingApprover || (string?)t!["to"] == DisbursementProcess.AwaitingApprover).ToList())
            transitions.Remove(t);
        File.WriteAllText(path, definition.ToJsonString());
        return _previous;
    }

    [Fact]
    public async Task Approve_WhenTheDisbursementWasRequestedOnThePreviousVersion_FinishesOnItWithoutTheChairman()
    {
        Guid proposal, old;
        int previousVersion;
        using (var v1 = new RuntimeFactory(_database, PreviousVersion(), _clock))
        {
            using var s = new Session(v1);
            proposal = await TanKhai.ApprovedProposalAsync(s, "DA2", 1_200_000_000, "Mô hình chăn nuôi xã Tân Khai (1,2 tỷ)");
            var clerk = await s.As(TanKhai.Clerk);
            old = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 600_000_000);
            await clerk.ActOkAsync("disbursements", old, "request");
            previousVersion = (int)(await clerk.GetJsonAsync($"/api/workflow-instances/{(string)(await clerk.GetDisbursementAsync(old))["instanceId"]!}"))["definitionVersion"]!;
        }

        using var v2 = new RuntimeFactory(_database, RuntimeFactory.ShippedWorkflows, _clock);
        using var session = new Session(v2);
        await (await session.As(TanKhai.Finance2)).ActOkAsync("disbursements", old, "approve");
        var clerkNow = await session.As(TanKhai.Clerk);
        Assert.Equal(DisbursementProcess.Approved, (string?)(await clerkNow.GetDisbursementAsync(old))["state"]);
        await (await session.As(TanKhai.Treasury)).ActOkAsync("disbursements", old, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0201", "2026-03-02"));
        var paid = await clerkNow.GetDisbursementAsync(old);
        Assert.Equal(DisbursementProcess.Paid, (string?)paid["state"]);
        Assert.Equal(previousVersion, (int)(await clerkNow.GetJsonAsync($"/api/workflow-instances/{(string)paid["instanceId"]!}"))["definitionVersion"]!);

        var (_, fresh) = await TanKhai.ApprovedByFinanceAsync(session, proposal, 550_000_000);
        Assert.Equal(DisbursementProcess.AwaitingApprover, (string?)fresh["state"]);
        Assert.Equal(previousVersion + 1, (int)(await clerkNow.GetJsonAsync($"/api/workflow-instances/{(string)fresh["instanceId"]!}"))["definitionVersion"]!);
        var versions = (await clerkNow.GetJsonAsync("/api/workflows")).AsArray().Where(d => (string?)d!["id"] == DisbursementProcess.DefinitionId)
            .Select(d => (int)d!["version"]!).ToArray();
        Assert.Equal([previousVersion + 1, previousVersion], versions);
    }

    public void Dispose()
    {
        _database.Dispose();
        if (Directory.Exists(_previous)) Directory.Delete(_previous, recursive: true);
    }
}
