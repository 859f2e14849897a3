using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Delegation;

/// <summary>
/// Maker ≠ checker holds across delegation, on the Hớn Quản 2024 plan where any finance officer of the district
/// appraises: two officers of the agricultural centre, one of whom also appraises for the district. Whoever submitted
/// a proposal — the substitute, or the colleague they stand in for — cannot start its appraisal through the delegation.
/// </summary>
public sealed class DelegationSeparationTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task StartAppraisal_WhenTheSubstituteSubmittedTheProposal_IsRefused403NamingTheRuleEvenOnBehalf()
    {
        using var s = new Session(fixture.Factory);
        var (appraiser, clerk) = await PeopleAsync();
        var principal = await s.As(appraiser);
        var substitute = await s.As(clerk);
        await principal.DelegateOkAsync(Roles.FinanceOffice, clerk, "2024-05-06", "2024-05-10");
        var instance = await SubmittedByAsync(s, clerk);

        using var response = await substitute.FireAsync(instance, "start-appraisal");

        var problem = await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Người đã thực hiện 'Gửi đề xuất' không được 'Bắt đầu thẩm định'", (string?)problem!["detail"]);
        Assert.Contains("kể cả khi thay mặt Nguyễn Thị Thẩm Định", (string?)problem["detail"]);
        Assert.Contains("nguyên tắc người lập khác người duyệt", (string?)problem["detail"]);
        // another finance officer of the district still may
        await (await s.As(Demo.Finance)).FireOkAsync(instance, "start-appraisal");
    }

    [Fact]
    public async Task StartAppraisal_WhenThePrincipalSubmittedTheProposal_IsRefusedToTheSubstituteActingForThem()
    {
        using var s = new Session(fixture.Factory);
        var (appraiser, clerk) = await PeopleAsync();
        var principal = await s.As(appraiser);
        var substitute = await s.As(clerk);
        await principal.DelegateOkAsync(Roles.FinanceOffice, clerk, "2024-05-06", "2024-05-10");
        var instance = await SubmittedByAsync(s, appraiser);

        // the clerk may still withdraw their centre's proposal, but nothing the appraiser does is offered
        var offered = (await substitute.InboxLineAsync(instance))!["actions"]!.AsArray().Select(a => (string?)a!["action"]).ToList();
        Assert.DoesNotContain("start-appraisal", offered);
        Assert.DoesNotContain("return", offered);
        using var response = await substitute.FireAsync(instance, "start-appraisal");

        var problem = await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Nguyễn Thị Thẩm Định (Chuyên viên) đã thực hiện 'Gửi đề xuất'", (string?)problem!["detail"]);
        Assert.Contains("người thay mặt", (string?)problem["detail"]);
        Assert.Contains("nguyên tắc người lập khác người duyệt", (string?)problem["detail"]);
    }

    [Fact]
    public async Task StartAppraisal_WhenNeitherSubmitted_TheSubstituteActsForThePrincipal()
    {
        using var s = new Session(fixture.Factory);
        var (appraiser, clerk) = await PeopleAsync();
        await (await s.As(appraiser)).DelegateOkAsync(Roles.FinanceOffice, clerk, "2024-05-06", "2024-05-10");
        var instance = await SubmittedByAsync(s, Demo.Clerk);

        var moved = await (await s.As(clerk)).FireOkAsync(instance, "start-appraisal");

        Assert.Equal(ProposalProcess.UnderAppraisal, (string?)moved["to"]);
    }

    /// <summary>An officer of the agricultural centre who also appraises for the district, and a clerk of the same centre.</summary>
    private async Task<(string Appraiser, string Clerk)> PeopleAsync() => (
        await fixture.Factory.PersonAsync("Nguyễn Thị Thẩm Định", "Chuyên viên", "BP.HQ.NN", "BP.HQ", [Roles.LeadAgency, Roles.FinanceOffice]),
        await fixture.Factory.PersonAsync("Phạm Văn Lập", "Cán sự", "BP.HQ.NN", "BP.HQ", [Roles.LeadAgency]));

    private static async Task<Guid> SubmittedByAsync(Session s, string userName)
    {
        var maker = await s.As(userName);
        var (_, lineId) = await maker.SeededLineAsync("DA2");
        var id = await maker.CreateProposalOkAsync(LifecycleApi.Model(lineId, 10_000_000, $"Mô hình nuôi vịt ({Guid.NewGuid():N})"));
        await maker.ActOkAsync("proposals", id, "submit");
        return await maker.InstanceOfAsync(id);
    }
}
