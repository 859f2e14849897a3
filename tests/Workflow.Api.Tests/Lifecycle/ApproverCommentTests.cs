using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// The chairman may write a few words when approving (optional, as on every step of the process): they are journaled
/// with the approval and shown in the dossier's history; too long a comment is refused at <c>comment</c>.
/// </summary>
public sealed class ApproverCommentTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Chair = "tk.chutich";

    private async Task<Guid> AppraisedAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 20_000_000, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As(Finance);
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        return id;
    }

    [Fact]
    public async Task Approve_WhenTheChairmanWritesAComment_JournalsItWithTheApproval()
    {
        using var s = new Session(fixture.Factory);
        var id = await AppraisedAsync(s, $"Mô hình trồng cà phê xen tiêu {Guid.NewGuid().ToString("N")[..6]}");
        var chair = await s.As(Chair);

        await chair.ActOkAsync("proposals", id, "approve", "Đồng ý; ưu tiên hộ nghèo ấp 3.", LifecycleApi.Decision("61/QĐ-UBND", "2026-03-02"));

        var approval = (await chair.GetJsonAsync($"/api/proposals/{id}/history")).AsArray().Last()!;
        Assert.Equal("approve", (string?)approval["action"]);
        Assert.Equal(ProposalProcess.Approved, (string?)approval["to"]);
        Assert.Equal("Đồng ý; ưu tiên hộ nghèo ấp 3.", (string?)approval["comment"]);
        Assert.Equal("61/QĐ-UBND", (string?)approval["data"]!["decisionNumber"]);
    }

    [Fact]
    public async Task Approve_WhenTheCommentIsTooLong_Returns400AtCommentAndStaysAppraised()
    {
        using var s = new Session(fixture.Factory);
        var id = await AppraisedAsync(s, $"Mô hình nuôi cá lồng {Guid.NewGuid().ToString("N")[..6]}");
        var chair = await s.As(Chair);

        using var response = await chair.ActAsync("proposals", id, "approve", new string('ý', WorkflowRuntime.MaxCommentLength + 1), LifecycleApi.Decision("62/QĐ-UBND", "2026-03-02"));

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "comment");
        Assert.Contains($"{WorkflowRuntime.MaxCommentLength}", errors["comment"][0]);
        Assert.Equal(ProposalProcess.Appraised, (string?)(await chair.GetProposalAsync(id))["state"]);
    }
}
