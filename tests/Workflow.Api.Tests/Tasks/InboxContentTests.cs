using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Tasks;

/// <summary>An inbox line says which dossier and how much money, so an officer can choose without opening each one.</summary>
public sealed class InboxContentTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Inbox_ForTheFinanceOfficer_ShowsEachDossiersCodeTitleAndAmount()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var title = $"Mô hình nuôi bò xã Tân Khai ({Guid.NewGuid():N})";
        var proposal = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA2"), 34_000_000, title));
        await clerk.ActOkAsync("proposals", proposal, "submit");

        var inbox = (await (await s.As("tk.kinhte")).GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray();

        var line = Assert.Single(inbox, t => (string?)t!["subjectId"] == proposal.ToString())!;
        Assert.StartsWith("ĐX-2026-", (string?)line["subjectCode"]);
        Assert.Equal(title, (string?)line["subjectTitle"]);
        Assert.Equal(34_000_000, (long)line["amount"]!);
    }

    [Fact]
    public async Task Inbox_ForTheSecondOfficer_ShowsARequestedPaymentsCodeItsProposalsTitleAndItsAmount()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var title = $"Mô hình trồng rau xã Tân Khai ({Guid.NewGuid():N})";
        var proposal = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA2"), 30_000_000, title));
        await clerk.ActOkAsync("proposals", proposal, "submit");
        var finance = await s.As("tk.kinhte");
        await finance.ActOkAsync("proposals", proposal, "start-appraisal");
        await finance.ActOkAsync("proposals", proposal, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As("tk.chutich")).ActOkAsync("proposals", proposal, "approve", data: LifecycleApi.Decision("70/QĐ-UBND", "2026-03-02"));
        var payment = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 12_500_000);
        await clerk.ActOkAsync("disbursements", payment, "request");

        var inbox = (await (await s.As("tk.kinhte2")).GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray();

        var line = Assert.Single(inbox, t => (string?)t!["subjectId"] == payment.ToString())!;
        Assert.StartsWith("GN-2026-", (string?)line["subjectCode"]);
        Assert.Equal(title, (string?)line["subjectTitle"]);
        Assert.Equal(12_500_000, (long)line["amount"]!);
    }
}
