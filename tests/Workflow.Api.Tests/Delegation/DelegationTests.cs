using System.Net;
using Workflow.Api.Tests.Audit;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Administration;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Delegation;

/// <summary>
/// The chairman of Xã Tân Khai goes on leave and hands his approvals to the vice-chairman for the week
/// (Monday 2 – Friday 6 March 2026, the server's clock on the Monday): the vice-chairman sees the chairman's dossiers,
/// marked "thay mặt", approves one, and the history says who approved for whom. Outside the week, or once revoked,
/// the delegation gives nothing.
/// </summary>
public sealed class DelegationTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Chair = "tk.chutich";
    private const string ChairName = "Chủ tịch UBND xã Tân Khai";

    private Task<string> ViceChairAsync() =>
        fixture.Factory.PersonAsync("Lê Văn Phó", "Phó Chủ tịch UBND xã", "DN.TK.UBND", "DN.TK", [Roles.Monitor]);

    [Fact]
    public async Task Substitute_WhileTheDelegationRuns_SeesTheChairmansTaskOnHisBehalfApprovesItAndTheHistorySaysSo()
    {
        using var s = new Session(fixture.Factory);
        var vice = await ViceChairAsync();
        var chair = await s.As(Chair);
        var delegation = await chair.DelegateOkAsync(Roles.Approver, vice, "2026-03-02", "2026-03-06", "Nghỉ phép năm");
        var (proposal, instance) = await AppraisedAsync(s, "Mô hình chăn nuôi heo an toàn sinh học");
        var substitute = await s.As(vice);

        var line = await substitute.InboxLineAsync(instance);
        Assert.NotNull(line);
        Assert.Equal(ChairName, (string?)line!["onBehalfOf"]);
        Assert.Contains(line["actions"]!.AsArray(), a => (string?)a!["action"] == "approve");
        await substitute.FireOkAsync(instance, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-03"));

        var approval = (await substitute.GetJsonAsync($"/api/proposals/{proposal}/history")).AsArray().Single(e => (string?)e!["action"] == "approve")!;
        Assert.Equal(vice, (string?)approval["actor"]);
        Assert.Equal("Lê Văn Phó (Phó Chủ tịch UBND xã)", (string?)approval["actorName"]);
        Assert.Equal(Chair, (string?)approval["onBehalfOf"]);
        Assert.Equal(ChairName, (string?)approval["onBehalfOfName"]);
        Assert.Equal(Roles.Approver, (string?)approval["role"]);
        Assert.Equal(ProposalProcess.Approved, (string?)(await chair.GetProposalAsync(proposal))["state"]);
        Assert.Equal(1, await fixture.Factory.AdminJournalCountAsync(AdminObjectTypes.Delegation, (string)delegation["id"]!, "create"));
        // the entry naming whom the substitute acted for is sealed like any other
        Assert.True((bool)(await fixture.Factory.VerifyAsync())["intact"]!);
    }

    [Fact]
    public async Task Substitute_BeforeTheDelegationStartsOrOnceItIsRevoked_SeesNothingAndCannotAct()
    {
        using var s = new Session(fixture.Factory);
        var vice = await ViceChairAsync();
        var chair = await s.As(Chair);
        var (proposal, instance) = await AppraisedAsync(s, "Mô hình trồng rau sạch");
        var substitute = await s.As(vice);
        var later = await chair.DelegateOkAsync(Roles.Approver, vice, "2026-03-09", "2026-03-13");

        Assert.False((bool)later["inForce"]!);
        Assert.Null(await substitute.InboxLineAsync(instance));
        using (var early = await substitute.FireAsync(instance, "approve", data: LifecycleApi.Decision("22/QĐ-UBND", "2026-03-03")))
            await early.ExpectAsync(HttpStatusCode.Forbidden);

        var now = await chair.DelegateOkAsync(Roles.Approver, vice, "2026-03-02", "2026-03-04");
        Assert.NotNull(await substitute.InboxLineAsync(instance));
        using (var revoke = await chair.DeleteAsync($"/api/delegations/{now["id"]}")) await revoke.ExpectAsync(HttpStatusCode.OK);

        Assert.Null(await substitute.InboxLineAsync(instance));
        using (var revoked = await substitute.FireAsync(instance, "approve", data: LifecycleApi.Decision("22/QĐ-UBND", "2026-03-03")))
            await revoked.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ProposalProcess.Appraised, (string?)(await chair.GetProposalAsync(proposal))["state"]);
        Assert.Equal(1, await fixture.Factory.AdminJournalCountAsync(AdminObjectTypes.Delegation, (string)now["id"]!, "revoke"));
    }

    [Fact]
    public async Task ListDelegations_ShowsWhatEachGaveAndReceived()
    {
        using var s = new Session(fixture.Factory);
        var vice = await ViceChairAsync();
        var chair = await s.As(Chair);
        var given = await chair.DelegateOkAsync(Roles.Approver, vice, "2026-03-02", "2026-03-03", "Đi công tác tỉnh");

        var mine = await chair.GetJsonAsync("/api/delegations");
        var theirs = await (await s.As(vice)).GetJsonAsync("/api/delegations");

        Assert.Contains(mine["given"]!.AsArray(), d => (string?)d!["id"] == (string?)given["id"]);
        Assert.Contains(theirs["received"]!.AsArray(), d => (string?)d!["id"] == (string?)given["id"] && (bool)d["inForce"]!);
        Assert.Contains(mine["colleagues"]!.AsArray(), c => (string?)c!["userName"] == vice);
        Assert.Equal([Roles.Approver], mine["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Theory]
    [InlineData("unknown substitute", "substitute", "Không có người dùng")]
    [InlineData("oneself", "substitute", "chính mình")]
    [InlineData("another agency", "substitute", "không cùng cơ quan")]
    [InlineData("disabled substitute", "substitute", "khóa")]
    [InlineData("a role not held", "role", "không giữ vai trò")]
    [InlineData("a role that is not a task's", "role", "Chỉ ủy quyền được vai trò xử lý hồ sơ")]
    [InlineData("end before start", "to", "trước ngày bắt đầu")]
    [InlineData("ended already", "to", "đã qua")]
    [InlineData("no reason", "reason", "lý do")]
    public async Task CreateDelegation_WithBadInput_Is400InVietnameseAtTheField(string what, string path, string words)
    {
        using var s = new Session(fixture.Factory);
        var chair = await s.As(Chair);
        var vice = await ViceChairAsync();
        var (role, substitute, from, to, reason) = what switch
        {
            "unknown substitute" => (Roles.Approver, "khong.ai.ca", "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "oneself" => (Roles.Approver, Chair, "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "another agency" => (Roles.Approver, Finance, "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "disabled substitute" => (Roles.Approver, await fixture.Factory.PersonAsync("Người Đã Nghỉ", "", "DN.TK.UBND", "DN.TK", [Roles.Monitor], active: false),
                "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "a role not held" => (Roles.FinanceOffice, vice, "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "a role that is not a task's" => (Roles.Admin, vice, "2026-03-02", "2026-03-06", "Nghỉ phép"),
            "end before start" => (Roles.Approver, vice, "2026-03-06", "2026-03-02", "Nghỉ phép"),
            "ended already" => (Roles.Approver, vice, "2026-02-23", "2026-02-27", "Nghỉ phép"),
            _ => (Roles.Approver, vice, "2026-03-02", "2026-03-06", " "),
        };

        using var response = await chair.DelegateAsync(role, substitute, from, to, reason);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, path);
        LifecycleApi.MessageAt(errors, path, words);
    }

    private static async Task<(Guid Proposal, Guid Instance)> AppraisedAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var finance = await s.As(Finance);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 12_000_000, $"{title} ({Guid.NewGuid():N})"));
        await clerk.ActOkAsync("proposals", id, "submit");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        return (id, await clerk.InstanceOfAsync(id));
    }
}
