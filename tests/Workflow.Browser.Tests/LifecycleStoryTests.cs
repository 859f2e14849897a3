using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// The money's whole way through the pages, as Xã Tân Khai's officers play it after the two-level reform (the README's
/// curl walk-through, by hand): the district's plan is refused for this year, Tân Khai's own plan is open; its
/// agricultural service centre proposes a tailoring-cooperative model on DA2, the commune's economic office appraises
/// it, the chairman approves, the regional treasury pays an advance and a payment, and it is settled with 3,000,000 đ
/// refunded. One ordered test: each step needs the one before. Screenshots 10… to 19… follow the story.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleStoryTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string Title = "Mô hình Tổ hợp tác may công nghiệp";

    // the DA2 line of Tân Khai's plan: NSTW 1,200,000,000 / NS tỉnh 120,000,000 / NS xã 60,000,000 — 20 : 2 : 1
    private static readonly (long Central, long Provincial, long Commune) Support230M = (200_000_000, 20_000_000, 10_000_000);
    private static readonly (long Central, long Provincial, long Commune) Support115M = (100_000_000, 10_000_000, 5_000_000);

    private static Dictionary<string, long> Split((long Central, long Provincial, long Commune) parts) =>
        new() { ["Central"] = parts.Central, ["Provincial"] = parts.Provincial, ["Commune"] = parts.Commune };

    [Fact]
    public async Task A_model_goes_from_the_plan_to_its_settlement_through_the_pages()
    {
        var year = CommunePlan.OpenYear;
        var today = Ui.Today;

        // 10 — the commune's economic office: a file still carrying a district column is refused (rule 22) at the cell; the
        // commune's plan for the year is there
        var finance = await SignedInAsync(CommunePlan.Finance);
        await PlanImportPage.OpenAsync(finance);
        await PlanImportPage.PasteAsync(finance, CommunePlan.WithDistrictMoney(year));
        await Expect(finance).ToHaveURLAsync(new Regex("/ke-hoach/nhap$"));
        await Expect(PlanImportPage.Line(finance, 0).Locator(".field-error[data-path='lines[0].amounts.District']")).ToContainTextAsync("Quy tắc 22");
        await Expect(PlanImportPage.Line(finance, 0)).ToHaveClassAsync("has-error");
        await Expect(PlanImportPage.Line(finance, 1).Locator(".field-error")).ToHaveCountAsync(0);
        await Expect(PlanImportPage.FieldError(finance, "totals.District")).ToContainTextAsync("Quy tắc 22");
        await Screenshot(finance, "10a-nhap-ke-hoach-con-cot-huyen");

        await PlanPage.OpenFromListAsync(finance, year);
        await Expect(finance.Locator("h1")).ToContainTextAsync("Xã Tân Khai");
        await Expect(PlanPage.Line(finance, "DA2")).ToContainTextAsync(Ui.Vnd(1_380_000_000));
        var planId = Ui.IdInUrl(finance);
        await Screenshot(finance, "10b-ke-hoach-xa-tan-khai");

        // 11 — the agricultural service centre drafts the model on its DA2 line; the split by source is previewed as the support is typed
        var clerk = await SignedInAsync(CommunePlan.Clerk);
        await PlanPage.OpenFromListAsync(clerk, year);
        await Expect(PlanPage.Line(clerk, "DA2").GetByRole(AriaRole.Link, new() { Name = "Lập đề xuất" })).ToBeVisibleAsync();
        await Screenshot(clerk, "11a-ke-hoach-co-quan-chu-tri");
        var form = await PlanPage.ProposeOnAsync(clerk, "DA2");
        await form.FillAsync(new ProposalDraft(Title, new DateOnly(year, 5, 1), new DateOnly(year, 12, 15), 280_000_000, 230_000_000)
        {
            Kind = "PovertyReductionModel",
            AreaType = "Other",
            Cash = 20_000_000,
            Labour = 30_000_000,
            Poor = 5,
            NearPoor = 23,
            TotalParticipants = 28,
        });
        await form.ExpectPreviewAsync(Split(Support230M));
        await form.TypeSupportAsync(115_000_000);
        await form.ExpectPreviewAsync(Split(Support115M));
        await form.TypeSupportAsync(230_000_000);
        await form.ExpectPreviewAsync(Split(Support230M));
        await Screenshot(clerk, "11b-de-xuat-xem-truoc-chia-nguon");

        var proposalId = await form.SaveAsync();
        await Ui.ExpectFlashAsync(clerk, "Đã lưu đề xuất ở trạng thái Dự thảo");
        await Expect(clerk.Locator("h1")).ToContainTextAsync(Title);
        await Screenshot(clerk, "11c-de-xuat-du-thao");
        await SubjectPage.ActAsync(clerk, "Gửi đề xuất", "Đã gửi");
        await Screenshot(clerk, "11d-de-xuat-da-gui");

        // 12 — the commune's economic office finds it in its inbox, appraises it
        await InboxPage.OpenTaskAsync(finance, Title);
        await Expect(finance).ToHaveURLAsync(new Regex($"/de-xuat/{proposalId}$"));
        await SubjectPage.ActAsync(finance, "Bắt đầu thẩm định", "Đang thẩm định");
        await Screenshot(finance, "12a-de-xuat-dang-tham-dinh");
        await SubjectPage.ActAsync(finance, "Thẩm định đạt", "Đã thẩm định", comment: "Hồ sơ đầy đủ, đúng đối tượng và định mức.");
        await Screenshot(finance, "12b-de-xuat-da-tham-dinh");

        // 13 — the chairman approves it with the decision's number and date: the money is committed
        var chairman = await SignedInAsync(CommunePlan.Chair);
        await InboxPage.OpenTaskAsync(chairman, Title);
        await SubjectPage.ActAsync(chairman, "Phê duyệt", "Đã phê duyệt", data: new Dictionary<string, string>
        {
            ["decisionNumber"] = "125/QĐ-UBND",
            ["decisionDate"] = Ui.DateValue(today),
        });
        await Expect(chairman.Locator("main")).ToContainTextAsync($"125/QĐ-UBND ngày {today:dd/MM/yyyy}");
        await Expect(chairman.Locator("#position")).ToContainTextAsync(Ui.Vnd(Support230M.Central));
        await Expect(chairman.Locator(".diagram svg g.state.current[data-state='Approved']")).ToHaveCountAsync(1);
        await Screenshot(chairman, "13-de-xuat-da-phe-duyet");

        // 14, 15 — an advance of 92,000,000, then a payment of 207,000,000 that clears it: the clerk asks, the economic office
        // approves, the regional treasury — an office of the province serving the commune — pays
        var finance2 = await SignedInAsync(CommunePlan.Finance2);
        var treasury = await SignedInAsync(CommunePlan.Treasury);
        await PayAsync(clerk, finance2, treasury, proposalId, "Advance", 92_000_000, "14", "tam-ung", "KB-TU-0001");
        await PayAsync(clerk, finance2, treasury, proposalId, "Payment", 207_000_000, "15", "thanh-toan", "KB-TT-0002");

        // 16 — acceptance and settlement: 204,000,000 actually spent, 3,000,000 refunded
        await clerk.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(clerk.Locator("#position tr.total")).ToContainTextAsync(Ui.Vnd(207_000_000));
        await SettlementForm.OpenAsync(clerk);
        // prefilled with what was paid, grouped as the clerk reads and types amounts
        await Expect(SettlementForm.ActualCost(clerk, "Central")).ToHaveValueAsync(new Regex(@"^\d{1,3}(\.\d{3})+$"));
        await Screenshot(clerk, "16a-quyet-toan-lap");
        var settlementId = await SettlementForm.OpenSettlementAsync(clerk, "28 lao động được đào tạo nghề may; 15 hộ thoát cận nghèo", today,
            new Dictionary<string, long> { ["Central"] = 177_000_000, ["Provincial"] = 18_000_000, ["Commune"] = 9_000_000 });
        await Expect(SubjectPage.State(clerk)).ToHaveTextAsync("Dự thảo");
        await Expect(clerk.Locator("main")).ToContainTextAsync(Ui.Vnd(204_000_000));
        await SubjectPage.ActAsync(clerk, "Gửi quyết toán", "Đã gửi");
        await Screenshot(clerk, "16b-quyet-toan-da-gui");

        await finance.GotoAsync($"/quyet-toan/{settlementId}");
        await SubjectPage.ActAsync(finance, "Thẩm tra xong", "Đã thẩm tra");
        await Screenshot(finance, "16c-quyet-toan-da-tham-tra");
        await finance2.GotoAsync($"/quyet-toan/{settlementId}");
        await SubjectPage.ActAsync(finance2, "Phê duyệt quyết toán", "Đã phê duyệt quyết toán");
        // paid 207,000,000, spent 204,000,000: the approval makes 3,000,000 due back
        await Expect(finance2.Locator("main table tr.total").Last).ToContainTextAsync(Ui.Vnd(204_000_000) + Ui.Vnd(3_000_000));
        await Screenshot(finance2, "16d-quyet-toan-da-phe-duyet");
        await finance.GotoAsync($"/quyet-toan/{settlementId}");
        await SubjectPage.ActAsync(finance, "Đóng hồ sơ", "Đã đóng");
        await Screenshot(finance, "16e-quyet-toan-da-dong");

        // 17 — the proposal is settled: 204,000,000 disbursed and settled, nothing outstanding
        await clerk.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(SubjectPage.State(clerk)).ToHaveTextAsync("Đã quyết toán");
        var total = clerk.Locator("#position tr.total");
        await Expect(total.Locator("td")).ToHaveTextAsync([
            "Tổng", Ui.Vnd(230_000_000), Ui.Vnd(204_000_000), Ui.Vnd(204_000_000), Ui.Vnd(0), Ui.Vnd(204_000_000),
        ]);
        await Expect(clerk.Locator("ol.timeline li")).Not.ToHaveCountAsync(0);
        await Expect(clerk.Locator(".diagram svg g.state.current[data-state='Settled']")).ToHaveCountAsync(1);
        await Screenshot(clerk, "17-de-xuat-da-quyet-toan");

        // 18 — the plan page: DA2 shows the disbursed money and a settled bar
        await finance.GotoAsync($"/ke-hoach/{planId}");
        var da2 = PlanPage.Line(finance, "DA2");
        await Expect(da2).ToContainTextAsync(Ui.Vnd(204_000_000));
        var settledWidth = await da2.Locator(".bar .settled").EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.True(settledWidth > 0, "The DA2 bar shows no settled part.");
        await Screenshot(finance, "18-ke-hoach-sau-quyet-toan");

        // 19 — the report: charts, the table by line and source, the downloads
        await finance.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tình hình thực hiện", Exact = true }).ClickAsync();
        await Expect(finance).ToHaveURLAsync(new Regex($"/bao-cao/{planId}$"));
        await Expect(finance.Locator("#chart-components")).ToBeVisibleAsync();
        await Expect(finance.Locator("#chart-agencies")).ToBeVisibleAsync();
        await Expect(finance.Locator("#report-lines")).ToContainTextAsync(Ui.Vnd(204_000_000));
        await Expect(finance.GetByRole(AriaRole.Link, new() { Name = "Tải Excel", Exact = true })).ToHaveAttributeAsync("href", new Regex("handler=Export&format=xlsx"));
        await Expect(finance.GetByRole(AriaRole.Link, new() { Name = "Tải CSV", Exact = true })).ToHaveAttributeAsync("href", new Regex("handler=Export&format=csv"));
        await Screenshot(finance, "19-bao-cao");

        AssertNoBrowserProblems();
    }

    /// <summary>One disbursement from request to the treasury's confirmation, each person in their own window.</summary>
    private static async Task PayAsync(IPage clerk, IPage finance2, IPage treasury, Guid proposalId, string kind, long amount, string step, string name, string reference)
    {
        await clerk.GotoAsync($"/de-xuat/{proposalId}");
        var disbursementId = await DisbursementForm.RequestAsync(clerk, kind, amount);
        await Expect(clerk.Locator("main table tr.total")).ToContainTextAsync(Ui.Vnd(amount));
        await SubjectPage.ActAsync(clerk, "Gửi đề nghị", "Đề nghị");
        await Screenshot(clerk, $"{step}a-{name}-de-nghi");

        await finance2.GotoAsync($"/giai-ngan/{disbursementId}");
        await SubjectPage.ActAsync(finance2, "Duyệt chi", "Đã duyệt chi");
        await Screenshot(finance2, $"{step}b-{name}-duyet-chi");

        await treasury.GotoAsync($"/giai-ngan/{disbursementId}");
        await SubjectPage.ActAsync(treasury, "Xác nhận đã thanh toán", "Đã thanh toán", data: new Dictionary<string, string>
        {
            ["treasuryReference"] = reference,
            ["paidOn"] = Ui.DateValue(Ui.Today),
        });
        await Expect(treasury.Locator("main")).ToContainTextAsync(reference);
        await Screenshot(treasury, $"{step}c-{name}-da-thanh-toan");
    }
}
