using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Administration;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Delegation;

/// <summary>
/// Two finance officers of Xã Tân Khai share one inbox: one claims a dossier, the other sees who holds it and leaves
/// it to them; the holder releases it, or the head of the office takes it over. Every move is journaled.
/// </summary>
public sealed class ClaimTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2";
    private const string FinanceName = "Cán bộ Phòng Kinh tế xã Tân Khai", Finance2Name = "Cán bộ Phòng Kinh tế xã Tân Khai (2)";

    [Fact]
    public async Task Claim_WhenTwoOfficersClaimAtOnce_ExactlyOneHoldsItAndTheOtherIsToldWhoWith409()
    {
        using var s = new Session(fixture.Factory);
        var first = await s.As(Finance);
        var second = await s.As(Finance2);
        for (var round = 0; round < 3; round++)
        {
            var instance = await SubmittedAsync(s, $"Mô hình gà thả vườn, lượt {round + 1}");
            var task = await first.OpenTaskOfAsync(instance);

            var answers = await Task.WhenAll(first.ClaimAsync(task), second.ClaimAsync(task));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
            var loser = answers.Single(a => a.StatusCode != HttpStatusCode.OK);
            var holder = (string)(await winner.ExpectAsync(HttpStatusCode.OK))!["claimedBy"]!["name"]!;
            var problem = await loser.ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal("task.claimed", (string?)problem!["code"]);
            Assert.Contains($"Đang xử lý: {holder} đã nhận việc này", (string?)problem["detail"]);
            Assert.Equal(1, await fixture.Factory.AdminJournalCountAsync(AdminObjectTypes.TaskClaim, task.ToString(), "claim"));
            foreach (var a in answers) a.Dispose();
        }
    }

    [Fact]
    public async Task Act_WhenAColleagueHoldsTheTask_SeesWhoButHasNoActionAndIsRefused409NamingTheHolder()
    {
        using var s = new Session(fixture.Factory);
        var instance = await SubmittedAsync(s, "Mô hình nuôi bò sinh sản");
        var holder = await s.As(Finance);
        var colleague = await s.As(Finance2);
        await holder.ClaimOkAsync(await holder.OpenTaskOfAsync(instance));

        var line = await colleague.InboxLineAsync(instance);
        Assert.NotNull(line);
        Assert.Equal(FinanceName, (string?)line!["claimedBy"]!["name"]);
        Assert.Empty(line["actions"]!.AsArray());
        using var refused = await colleague.FireAsync(instance, "start-appraisal");
        var problem = await refused.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("task.claimed", (string?)problem!["code"]);
        Assert.Contains(FinanceName, (string?)problem["detail"]);

        var moved = await holder.FireOkAsync(instance, "start-appraisal");
        Assert.Equal(ProposalProcess.UnderAppraisal, (string?)moved["to"]);
    }

    [Fact]
    public async Task Release_WhenTheHolderReleases_AColleagueMayActButOnlyTheHolderMayRelease()
    {
        using var s = new Session(fixture.Factory);
        var instance = await SubmittedAsync(s, "Mô hình trồng bưởi");
        var holder = await s.As(Finance);
        var colleague = await s.As(Finance2);
        var task = await holder.OpenTaskOfAsync(instance);
        await holder.ClaimOkAsync(task);

        using (var notTheirs = await colleague.ClaimAsync(task, "release")) await notTheirs.ExpectAsync(HttpStatusCode.Forbidden);
        var released = await holder.ClaimOkAsync(task, "release");

        Assert.Null(released["claimedBy"]);
        Assert.Null((await colleague.InboxLineAsync(instance))!["claimedBy"]);
        await colleague.FireOkAsync(instance, "start-appraisal");
        Assert.Equal(1, await fixture.Factory.AdminJournalCountAsync(AdminObjectTypes.TaskClaim, task.ToString(), "release"));
    }

    [Fact]
    public async Task TakeOver_WhenTheHeadOfTheOfficeTakesOver_TheHeadHoldsAndActsWhileAnOfficerWhoIsNoHeadIsRefused()
    {
        using var s = new Session(fixture.Factory);
        var head = await fixture.Factory.PersonAsync("Trần Thị Trưởng", "Trưởng phòng Kinh tế", "DN.TK.KT", "DN.TK", [Roles.FinanceOffice], head: true);
        var instance = await SubmittedAsync(s, "Mô hình trồng sầu riêng");
        var holder = await s.As(Finance);
        var colleague = await s.As(Finance2);
        var chief = await s.As(head);
        var task = await holder.OpenTaskOfAsync(instance);
        await holder.ClaimOkAsync(task);

        using (var noHead = await colleague.ClaimAsync(task, "take-over"))
        {
            var problem = await noHead.ExpectAsync(HttpStatusCode.Forbidden);
            Assert.Contains("lãnh đạo cơ quan", (string?)problem!["detail"]);
        }
        using (var held = await chief.FireAsync(instance, "start-appraisal")) await held.ExpectAsync(HttpStatusCode.Conflict);
        var taken = await chief.ClaimOkAsync(task, "take-over");

        Assert.Equal("Trần Thị Trưởng (Trưởng phòng Kinh tế)", (string?)taken["claimedBy"]!["name"]);
        using (var former = await holder.FireAsync(instance, "start-appraisal")) await former.ExpectAsync(HttpStatusCode.Conflict);
        await chief.FireOkAsync(instance, "start-appraisal");
        Assert.Equal(1, await fixture.Factory.AdminJournalCountAsync(AdminObjectTypes.TaskClaim, task.ToString(), "take-over"));
    }

    [Fact]
    public async Task Claim_WhenTheCallerDoesNotHoldTheTasksRole_Is403()
    {
        using var s = new Session(fixture.Factory);
        var instance = await SubmittedAsync(s, "Mô hình nuôi dê");
        var clerk = await s.As(Clerk);
        var task = await (await s.As(Finance)).OpenTaskOfAsync(instance);

        using var response = await clerk.ClaimAsync(task);

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> SubmittedAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 10_000_000, $"{title} ({Guid.NewGuid():N})"));
        await clerk.ActOkAsync("proposals", id, "submit");
        return await clerk.InstanceOfAsync(id);
    }
}
