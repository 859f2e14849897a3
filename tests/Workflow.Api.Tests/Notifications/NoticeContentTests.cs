using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Notifications;

/// <summary>
/// Notices that say something (Tân Khai, 2026): each names the dossier by its code and title, the money in đồng and the
/// deadline with its working days, links to the dossier's page, and stops waiting for the reader once its task is done.
/// </summary>
public sealed class NoticeContentTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv";

    private async Task<(Guid Id, string Code)> SubmittedAsync(Session s, long stateSupport, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, stateSupport, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        return (id, (string)(await clerk.GetProposalAsync(id))["code"]!);
    }

    [Fact]
    public async Task TaskOpened_WhenAProposalIsSubmitted_TheFinanceOfficersNoticeNamesItsCodeTitleAmountDeadlineAndLink()
    {
        using var s = new Session(fixture.Factory);
        var (id, code) = await SubmittedAsync(s, 92_000_000, "Mô hình trồng cây ăn quả xã Tân Khai");
        var finance = await s.As(Finance);
        var task = (await finance.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray().Single(t => (string?)t!["subjectId"] == id.ToString())!;

        var notice = await fixture.Factory.NoticeAsync(finance, n => n.About(id));

        Assert.StartsWith("ĐX-2026-", code);
        Assert.Equal(code, (string?)notice["subjectCode"]);
        Assert.Equal("Mô hình trồng cây ăn quả xã Tân Khai", (string?)notice["subjectTitle"]);
        Assert.Equal(92_000_000, (long)notice["amount"]!);
        Assert.Equal($"/de-xuat/{id}", (string?)notice["link"]);
        Assert.Equal((string?)task["title"], (string?)notice["title"]);
        var body = (string)notice["body"]!;
        Assert.Contains($"Đề xuất {code} «Mô hình trồng cây ăn quả xã Tân Khai», số tiền 92.000.000 đồng", body);
        var due = DateTimeOffset.Parse((string)task["dueAt"]!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
        Assert.Contains($"Hạn xử lý: {due:dd/MM/yyyy} (còn {(int)task["workingDaysLeft"]!} ngày làm việc)", body);
        Assert.False((bool)notice["done"]!);
        Assert.Equal((string?)task["taskId"], (string?)notice["taskId"]);
    }

    [Fact]
    public async Task TaskDone_WhenAnotherOfficerStartsTheAppraisal_BothOfficersNoticesAreDoneAndLeaveTheWaitingList()
    {
        using var s = new Session(fixture.Factory);
        var (id, _) = await SubmittedAsync(s, 40_000_000, "Mô hình nuôi bò sinh sản");
        var finance = await s.As(Finance);
        var waiting = await fixture.Factory.NoticeAsync(finance, n => n.About(id), "&done=false");
        Assert.False((bool)waiting["done"]!);

        await (await s.As(Finance2)).ActOkAsync("proposals", id, "start-appraisal");

        var all = (await finance.GetJsonAsync("/api/notifications?take=200")).AsArray();
        var notice = all.Single(n => (string?)n!["id"] == (string?)waiting["id"])!;
        Assert.True((bool)notice["done"]!);
        Assert.NotNull((string?)notice["doneAt"]);
        Assert.DoesNotContain((await finance.GetJsonAsync("/api/notifications?take=200&done=false")).AsArray(), n => (string?)n!["id"] == (string?)waiting["id"]);
        Assert.Contains((await finance.GetJsonAsync("/api/notifications?take=200&done=true")).AsArray(), n => (string?)n!["id"] == (string?)waiting["id"]);
        var other = await fixture.Factory.NoticeAsync(await s.As(Finance2), n => n.About(id) && (string?)n["taskId"] == (string?)waiting["taskId"]);
        Assert.True((bool)other["done"]!);
    }

    [Fact]
    public async Task TaskDone_WhenTheTaskIsDoneBeforeItsNoticeIsWritten_TheNoticeIsDoneFromTheStart()
    {
        using var s = new Session(fixture.Factory);
        var (id, _) = await SubmittedAsync(s, 30_000_000, "Mô hình trồng rau an toàn");
        // the appraisal starts before the bus has delivered the submission's task: its notice comes late
        await (await s.As(Finance)).ActOkAsync("proposals", id, "start-appraisal");

        var submittedTask = await fixture.Factory.DbAsync(db => db.Tasks.Where(t => t.SubjectId == id && t.State == ProposalProcess.Submitted).Select(t => t.Id).SingleAsync());

        var late = await fixture.Factory.NoticeAsync(await s.As(Finance2), n => (string?)n["taskId"] == submittedTask.ToString());

        Assert.True((bool)late["done"]!);
        Assert.DoesNotContain((await (await s.As(Finance2)).GetJsonAsync("/api/notifications?take=200&done=false")).AsArray(),
            n => (string?)n!["id"] == (string?)late["id"]);
    }

    [Fact]
    public async Task Paid_WhenTheTreasuryConfirmsAPayment_TheAgencysNoticeNamesThePaymentItsProposalAndTheAmount()
    {
        using var s = new Session(fixture.Factory);
        var (id, _) = await SubmittedAsync(s, 50_000_000, "Mô hình chăn nuôi gà thả vườn");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "start-appraisal");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-02"));
        var clerk = await s.As(Clerk);
        var payment = await clerk.CreateDisbursementOkAsync(id, "Payment", 50_000_000);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", payment, "approve");
        await (await s.As(Treasury)).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0101", "2026-03-02"));
        var code = (string)(await clerk.GetDisbursementAsync(payment))["code"]!;

        var paid = await fixture.Factory.NoticeAsync(clerk, n => n.About(payment) && ((string)n["body"]!).StartsWith("Kho bạc đã thanh toán."));

        Assert.StartsWith("GN-2026-", code);
        Assert.Equal($"Kho bạc đã thanh toán. Đợt giải ngân {code} «Mô hình chăn nuôi gà thả vườn», số tiền 50.000.000 đồng.", (string?)paid["body"]);
        Assert.Equal($"/giai-ngan/{payment}", (string?)paid["link"]);
    }
}
