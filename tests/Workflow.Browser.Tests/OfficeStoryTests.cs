using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// How Tân Khai's offices really work, in one story (issue 14, "Done when"): the agency's clerk attaches the signed
/// submission to a model and sends it; the economic office finds it by its code, claims it, and — leaving on a trip —
/// delegates her appraisals to her colleague, who appraises it on her behalf; the chairman approves it together with a
/// second model from his inbox, on his phone; a payment above the province's 500 million threshold passes through him
/// after the economic office; and the clerk prints the approval decision and the payment order. Desks are 1366×768;
/// every page the chairman opens on his 390 px phone is asserted not to scroll sideways. Drafting the second model and
/// the payment request go through the API, as their pages are tested elsewhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficeStoryTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string Unit = "DN.TK", FinanceName = "Cán bộ Phòng Kinh tế xã Tân Khai";
    private const long LargeSupport = 560_000_000, SmallSupport = 24_000_000, LargePayment = 520_000_000;

    private readonly string tag = Guid.NewGuid().ToString("N")[..6];

    private string LargeTitle => $"Mô hình nuôi bò sinh sản tập trung {tag}";
    private string SmallTitle => $"Mô hình trồng nấm rơm {tag}";

    [Fact]
    public async Task Clerk_finance_officers_chairman_and_treasury_carry_two_models_from_file_to_printed_payment_order()
    {
        var (large, largeCode) = await ClerkAttachesTheSubmissionAndSendsAsync();
        var small = await SecondModelAppraisedThroughTheApiAsync();

        await FinanceOfficerFindsTheDossierClaimsItAndDelegatesAsync(largeCode, large);
        await SubstituteAppraisesOnHerBehalfAsync(large);
        await RevokeTheDelegationAsync();

        var chair = await SignedInOnPhoneAsync(CommunePlan.Chair);
        await ChairmanApprovesBothFromHisInboxAsync(chair, large, small);
        var payment = await LargePaymentApprovedByTheEconomicOfficeAsync(large);
        await ChairmanApprovesTheLargePaymentAsync(chair, payment);

        await ClerkPrintsTheDecisionAndThePaymentOrderAsync(large, payment);

        AssertNoBrowserProblems();
    }

    // ---------- the clerk ----------

    private async Task<(Guid Id, string Code)> ClerkAttachesTheSubmissionAndSendsAsync()
    {
        Guid id;
        using (var api = await DemoApi.SignInAsync(App, CommunePlan.Clerk))
            id = await api.DraftProposalAsync(await api.LineAsync(Unit, "DA3.1"), Unit, LargeTitle, LargeSupport);

        var clerk = await SignedInAsync(CommunePlan.Clerk);
        await clerk.GotoAsync($"/de-xuat/{id}");
        var file = Encoding.ASCII.GetBytes("%PDF-1.7\n% To trinh mo hinh nuoi bo sinh san\n%%EOF\n");
        await clerk.GetByLabel(new Regex("^Tải tệp lên")).SetInputFilesAsync(new FilePayload { Name = "to-trinh-nuoi-bo.pdf", MimeType = "application/pdf", Buffer = file });
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Ui.ExpectFlashAsync(clerk, "Đã đính kèm tệp to-trinh-nuoi-bo.pdf.");
        await Expect(clerk.Locator("#attachments tbody tr")).ToContainTextAsync("to-trinh-nuoi-bo.pdf");
        await Screenshot(clerk, "90a-cau-chuyen-dinh-kem");

        await SubjectPage.ActAsync(clerk, "Gửi đề xuất", "Đã gửi");
        return (id, await CodeThroughApiAsync(id));
    }

    private async Task<string> CodeThroughApiAsync(Guid id)
    {
        using var api = await DemoApi.SignInAsync(App, CommunePlan.Clerk);
        return (string)(await api.GetAsync($"/api/proposals/{id}"))["code"]!;
    }

    private async Task<Guid> SecondModelAppraisedThroughTheApiAsync()
    {
        using var clerk = await DemoApi.SignInAsync(App, CommunePlan.Clerk);
        using var finance = await DemoApi.SignInAsync(App, CommunePlan.Finance);
        var id = await clerk.DraftProposalAsync(await clerk.LineAsync(Unit, "DA2"), Unit, SmallTitle, SmallSupport);
        await clerk.ActAsync("proposals", id, "submit");
        await finance.ActAsync("proposals", id, "start-appraisal");
        await finance.ActAsync("proposals", id, "appraise-pass");
        return id;
    }

    // ---------- the economic office ----------

    private async Task FinanceOfficerFindsTheDossierClaimsItAndDelegatesAsync(string code, Guid id)
    {
        var finance = await SignedInAsync(CommunePlan.Finance);
        await finance.Locator("#tim-ho-so").FillAsync(code);
        await Ui.SubmitAsync(finance, finance.Locator("form.find").GetByRole(AriaRole.Button, new() { Name = "Tìm" }));
        await Expect(finance.Locator("h1")).ToHaveTextAsync("Tìm hồ sơ");
        var hit = finance.Locator("#kq-de-xuat").Locator("..").GetByRole(AriaRole.Link, new() { Name = code });
        await Expect(hit).ToHaveCountAsync(1);
        await Screenshot(finance, "90b-cau-chuyen-tim-kiem");
        await hit.ClickAsync();
        await finance.WaitForURLAsync($"**/de-xuat/{id}");

        await Ui.SubmitAsync(finance, finance.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }));
        await Ui.ExpectFlashAsync(finance, "Bạn đã nhận xử lý hồ sơ này.");

        await finance.GetByRole(AriaRole.Link, new() { Name = "Ủy quyền" }).ClickAsync();
        await Expect(finance.Locator("h1")).ToHaveTextAsync("Ủy quyền");
        await finance.Locator("#Substitute").SelectOptionAsync(CommunePlan.Finance2);
        await finance.Locator("#From").FillAsync(Ui.DateValue(Ui.Today));
        await finance.Locator("#To").FillAsync(Ui.DateValue(Ui.Today.AddDays(1)));
        await finance.Locator("#Reason").FillAsync($"Đi tập huấn {tag}");
        await Ui.SubmitAsync(finance, finance.GetByRole(AriaRole.Button, new() { Name = "Ủy quyền", Exact = true }));
        await Ui.ExpectFlashAsync(finance, "Đã ủy quyền.");
        await Expect(finance.Locator("table.delegations tr", new() { HasText = tag })).ToContainTextAsync("Đang hiệu lực");
    }

    private async Task SubstituteAppraisesOnHerBehalfAsync(Guid id)
    {
        var substitute = await SignedInAsync(CommunePlan.Finance2);
        await Expect(InboxPage.TaskRows(substitute, LargeTitle)).ToContainTextAsync($"thay mặt {FinanceName}");
        await InboxPage.OpenTaskAsync(substitute, LargeTitle);
        await Expect(substitute.Locator("main")).ToContainTextAsync($"Bạn xử lý hồ sơ này thay mặt {FinanceName}");
        await SubjectPage.ActAsync(substitute, "Bắt đầu thẩm định", "Đang thẩm định");
        await SubjectPage.ActAsync(substitute, "Thẩm định đạt", "Đã thẩm định", comment: "Hồ sơ đầy đủ, có tờ trình ký.");
        await Expect(substitute.Locator("ol.timeline")).ToContainTextAsync($"thay mặt {FinanceName}");
        await Screenshot(substitute, "90c-cau-chuyen-thay-mat");
    }

    private async Task RevokeTheDelegationAsync()
    {
        var finance = await SignedInAsync(CommunePlan.Finance);
        await finance.GotoAsync("/uy-quyen");
        var given = finance.Locator("table.delegations tr", new() { HasText = tag });
        await Ui.SubmitAsync(finance, given.GetByRole(AriaRole.Button, new() { Name = "Thu hồi" }));
        await Ui.ExpectFlashAsync(finance, "Đã thu hồi ủy quyền.");
    }

    private async Task<Guid> LargePaymentApprovedByTheEconomicOfficeAsync(Guid proposal)
    {
        using var clerk = await DemoApi.SignInAsync(App, CommunePlan.Clerk);
        using var finance = await DemoApi.SignInAsync(App, CommunePlan.Finance);
        var created = await clerk.PostAsync($"/api/proposals/{proposal}/disbursements", new
        {
            kind = "Payment", amount = LargePayment, payeeName = "Hợp tác xã Chăn nuôi Tân Khai", payeeAccount = "5100 2050 67890",
            payeeBank = "Ngân hàng Nông nghiệp và Phát triển nông thôn, chi nhánh Hớn Quản", ceilingReference = $"Hợp đồng số 12/HĐ-{tag}",
        });
        var id = Guid.Parse((string)created["id"]!);
        await clerk.ActAsync("disbursements", id, "request");
        await finance.ActAsync("disbursements", id, "approve");
        return id;
    }

    // ---------- the chairman, on his phone ----------

    private async Task ChairmanApprovesBothFromHisInboxAsync(IPage chair, Guid large, Guid small)
    {
        await chair.GotoAsync($"/?tu-khoa={tag}&sap-xep=tien");
        await Expect(chair.Locator(".inbox-task")).ToHaveCountAsync(2);
        await Expect(chair.Locator(".inbox-task").First).ToContainTextAsync(Ui.Vnd(LargeSupport));
        await AssertFitsThePhoneAsync(chair, "91a-cau-chuyen-hop-viec-dien-thoai");

        await InboxPage.BulkAsync(chair, [LargeTitle, SmallTitle], "Đề xuất: Phê duyệt", new Dictionary<string, string>
        {
            ["decisionNumber"] = "72/QĐ-UBND",
            ["decisionDate"] = Ui.DateValue(Ui.Today),
        });
        await Expect(chair.Locator(".bulk-outcome h2")).ToContainTextAsync("2 hồ sơ đã xử lý, 0 bị từ chối");
        await Expect(chair.Locator(".bulk-outcome li.passed")).ToHaveCountAsync(2);
        await AssertFitsThePhoneAsync(chair, "91b-cau-chuyen-phe-duyet-hang-loat");

        foreach (var id in new[] { large, small })
        {
            await chair.GotoAsync($"/de-xuat/{id}");
            await Expect(SubjectPage.State(chair)).ToHaveTextAsync("Đã phê duyệt");
            await AssertFitsThePhoneAsync(chair, null);
        }
    }

    private async Task ChairmanApprovesTheLargePaymentAsync(IPage chair, Guid payment)
    {
        await chair.GotoAsync($"/giai-ngan/{payment}");
        await Expect(SubjectPage.State(chair)).ToHaveTextAsync("Chờ lãnh đạo duyệt");
        await Expect(chair.Locator("main")).ToContainTextAsync(Ui.Vnd(LargePayment));
        await AssertFitsThePhoneAsync(chair, "91c-cau-chuyen-giai-ngan-lon");
        await SubjectPage.ActAsync(chair, "Duyệt chi", "Đã duyệt chi");
        await AssertFitsThePhoneAsync(chair, null);
    }

    // ---------- paper ----------

    private async Task ClerkPrintsTheDecisionAndThePaymentOrderAsync(Guid proposal, Guid payment)
    {
        var clerk = await SignedInAsync(CommunePlan.Clerk);
        await clerk.GotoAsync($"/de-xuat/{proposal}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "In quyết định" }).ClickAsync();
        await Expect(clerk).ToHaveURLAsync(new Regex($"/de-xuat/{proposal}/quyet-dinh$"));
        await Expect(clerk.Locator("#nation")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Expect(clerk.Locator("#issuing-unit")).ToHaveTextAsync("XÃ TÂN KHAI");
        await Expect(clerk.Locator("#number")).ToHaveTextAsync("Số: 72/QĐ-UBND");
        await Expect(clerk.Locator("#state-support")).ToHaveTextAsync("560.000.000");
        await Expect(clerk.Locator("#state-support-words")).ToHaveTextAsync("Năm trăm sáu mươi triệu đồng");
        await Expect(clerk.Locator("#signature")).ToContainTextAsync("CHỦ TỊCH");
        await Screenshot(clerk, "92a-cau-chuyen-in-quyet-dinh");

        await clerk.GotoAsync($"/giai-ngan/{payment}");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "In giấy rút dự toán" }).ClickAsync();
        await Expect(clerk.Locator("#form-title")).ToHaveTextAsync("GIẤY RÚT DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC");
        await Expect(clerk.Locator("#budget-year")).ToHaveTextAsync(CommunePlan.OpenYear.ToString());
        await Expect(clerk.Locator("#payee-account")).ToHaveTextAsync("5100 2050 67890");
        await Expect(clerk.Locator("#ceiling-reference")).ToContainTextAsync(tag);
        await Expect(clerk.Locator("#total")).ToHaveTextAsync("520.000.000");
        await Expect(clerk.Locator("#total-words")).ToHaveTextAsync("Năm trăm hai mươi triệu đồng");
        await Screenshot(clerk, "92b-cau-chuyen-in-giay-rut-du-toan");
    }

    /// <summary>The chairman's page fits his 390 px phone: nothing scrolls sideways.</summary>
    private async Task AssertFitsThePhoneAsync(IPage phone, string? screenshot)
    {
        if (screenshot is not null) await Screenshot(phone, screenshot);
        var width = await PageWidthAsync(phone);
        if (width > 390)
        {
            // name the elements that stick out, innermost first, so the failure says what to fix
            var wide = await phone.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main *')]
                .filter(e => {
                    const out = x => x.getBoundingClientRect().right > 392;
                    for (let a = e.parentElement; a; a = a.parentElement)
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return !1;
                    return out(e) && ![...e.children].some(out);
                })
                .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.textContent || '').trim().slice(0, 60))");
            Assert.Fail($"{phone.Url} is {width}px wide on the chairman's 390px phone: it scrolls sideways. Sticking out:\n{string.Join("\n", wide)}");
        }
    }
}
