using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Workflows;

public class WorkflowRuntimeTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private RuntimeFactory App => fixture.Factory;

    [Fact]
    public async Task Fire_WhenClerkSubmits_MovesStateJournalsAndOpensFinanceTask()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");

        var result = await clerk.FireOkAsync(instance.Id, "submit");

        Assert.Equal("Submitted", (string?)result["to"]);
        var view = await finance.GetJsonAsync($"/api/workflow-instances/{instance.Id}");
        Assert.Equal("Đã gửi", (string?)view["stateName"]);
        Assert.Equal("FinanceOffice", (string?)view["openTask"]!["role"]);
        Assert.NotNull(view["openTask"]!["dueAt"]);
        Assert.Equal(["start-appraisal", "return"], view["availableActions"]!.AsArray().Select(a => (string)a!["action"]!).ToArray());
        var history = await finance.GetJsonAsync($"/api/proposals/{instance.SubjectId}/history");
        Assert.Equal(["start", "submit"], history.AsArray().Select(e => (string)e!["action"]!).ToArray());
        Assert.Equal("nongnghiep", (string?)history[1]!["actor"]);
    }

    [Fact]
    public async Task Fire_WhenTwoOfficersActOnOneInstanceAtOnce_ExactlyOneWins()
    {
        using var clerk = await App.ClientFor("nongnghiep");
        using var first = await App.ClientFor("taichinh");
        using var second = await App.ClientFor("taichinh2");

        for (var round = 0; round < 8; round++)
        {
            var instance = await App.StartAsync();
            await clerk.FireOkAsync(instance.Id, "submit");

            var responses = await Task.WhenAll(first.FireAsync(instance.Id, "start-appraisal"), second.FireAsync(instance.Id, "start-appraisal"));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
            var journal = await App.DbAsync(db => db.Journal.Where(e => e.InstanceId == instance.Id).Select(e => e.Action).ToListAsync());
            Assert.Equal(["start", "submit", "start-appraisal"], journal);
            var openTasks = await App.DbAsync(db => db.Tasks.CountAsync(t => t.InstanceId == instance.Id && t.ClosedAt == null));
            Assert.Equal(1, openTasks);
        }
    }

    [Fact]
    public async Task Fire_WhenApprovalIsDoubleClicked_TheNotifyEffectRunsOnce()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        using var chairman = await App.ClientFor("chutich");
        await clerk.FireOkAsync(instance.Id, "submit");
        await finance.FireOkAsync(instance.Id, "start-appraisal");
        await finance.FireOkAsync(instance.Id, "appraise-pass", "Hồ sơ đầy đủ, đúng định mức.");
        var decision = new { decisionNumber = "125/QĐ-UBND", decisionDate = "2026-03-02" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => chairman.FireAsync(instance.Id, "approve", null, decision)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var notifies = await App.DbAsync(db => db.Outbox.Where(m => m.Type == nameof(NotificationRequested)).Select(m => m.Payload).ToListAsync());
        Assert.Single(notifies, p => p.Contains(instance.Id.ToString()));
        var approval = (await App.DbAsync(db => db.Journal.SingleAsync(e => e.InstanceId == instance.Id && e.Action == "approve")));
        Assert.Contains("125/QĐ-UBND", approval.Data);
    }

    [Fact]
    public async Task Fire_WhenApprovalLacksDecisionNumber_IsRefusedWithThePath()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        using var chairman = await App.ClientFor("chutich");
        await clerk.FireOkAsync(instance.Id, "submit");
        await finance.FireOkAsync(instance.Id, "start-appraisal");
        await finance.FireOkAsync(instance.Id, "appraise-pass", "Đạt.");

        using var response = await chairman.FireAsync(instance.Id, "approve", null, new { decisionDate = "02/03/2026" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("data.decisionNumber", errors.Select(e => e.Key));
        Assert.Contains("yyyy-MM-dd", (string?)errors["data.decisionDate"]![0]);
        Assert.Equal("Appraised", (await chairman.GetJsonAsync($"/api/workflow-instances/{instance.Id}"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fire_WhenReturningWithoutComment_IsRefusedAtComment()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        await clerk.FireOkAsync(instance.Id, "submit");

        using var response = await finance.FireAsync(instance.Id, "return", "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"comment\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fire_WhenTheVerifierApprovesTheSameSettlement_IsRefusedAsMakerChecker()
    {
        var instance = await App.StartAsync("settlement", "Settlement");
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        using var finance2 = await App.ClientFor("taichinh2");
        await clerk.FireOkAsync(instance.Id, "submit");
        await finance.FireOkAsync(instance.Id, "verify");

        using var refused = await finance.FireAsync(instance.Id, "approve");
        var view = await finance.GetJsonAsync($"/api/workflow-instances/{instance.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("người lập khác người duyệt", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(view["availableActions"]!.AsArray(), a => (string?)a!["action"] == "approve");
        await finance2.FireOkAsync(instance.Id, "approve");
    }

    [Fact]
    public async Task Fire_WhenActionIsNotAvailableOrNotTheCallersRole_AnswersConflictOrForbidden()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var treasury = await App.ClientFor("khobac");
        using var otherAgency = await App.ClientFor("yte");

        using var wrongState = await clerk.FireAsync(instance.Id, "approve");
        using var wrongRole = await treasury.FireAsync(instance.Id, "submit");
        using var invisible = await otherAgency.FireAsync(instance.Id, "submit");

        Assert.Equal(HttpStatusCode.Conflict, wrongState.StatusCode);
        Assert.Contains("Dự thảo", await wrongState.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invisible.StatusCode);
    }

    [Fact]
    public async Task Tasks_ShowEachOfficerOnlyWhatTheyMayActOn()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var otherClerk = await App.ClientFor("yte");
        using var finance = await App.ClientFor("taichinh");

        var clerkInbox = await clerk.GetJsonAsync("/api/tasks?pageSize=100");
        Assert.Contains(clerkInbox["items"]!.AsArray(), t => (string?)t!["instanceId"] == instance.Id.ToString());
        Assert.DoesNotContain((await otherClerk.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray(), t => (string?)t!["instanceId"] == instance.Id.ToString());

        await clerk.FireOkAsync(instance.Id, "submit");

        var financeInbox = await finance.GetJsonAsync("/api/tasks?pageSize=100");
        var task = financeInbox["items"]!.AsArray().Single(t => (string?)t!["instanceId"] == instance.Id.ToString())!;
        Assert.Equal("Đã gửi", (string?)task["stateName"]);
        Assert.False((bool)task["overdue"]!);
        Assert.Equal(3, (int?)task["workingDaysLeft"]);
        Assert.Equal(["start-appraisal", "return"], task["actions"]!.AsArray().Select(a => (string)a!["action"]!).ToArray());
        Assert.DoesNotContain((await clerk.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray(), t => (string?)t!["instanceId"] == instance.Id.ToString());
    }

    [Fact]
    public async Task Tasks_WhenPageSizeIsOutOfRange_AnswersWithTheField()
    {
        using var finance = await App.ClientFor("taichinh");

        using var response = await finance.GetAsync("/api/tasks?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pageSize", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Diagram_ForAnInstance_HighlightsItsStateAndPath()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        await clerk.FireOkAsync(instance.Id, "submit");

        using var response = await clerk.GetAsync($"/api/workflows/proposal/diagram.svg?instance={instance.Id}");
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var current = svg.Descendants().Single(e => (string?)e.Attribute("data-state") == "Submitted");
        Assert.Contains("current", (string?)current.Attribute("class"));
        Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("data-action") == "submit" && ((string?)e.Attribute("class"))!.Contains("taken"));
        Assert.Contains("Đang thẩm định", svg.ToString());
    }
}
