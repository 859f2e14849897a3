using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Paper still rules: a deputy chairman of Tân Khai approves a model, and the decision prints with "KT. CHỦ TỊCH"; the
/// agency's advance prints as a Giấy rút dự toán carrying its treasury codes, the payee and the amount in words. Both
/// lay out on A4 (Chromium's own PDF of the page). The dossier is set up through the API; the printing through the pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string Admin = "dn.quantri", Deputy = "tk.phochutich.in", DeputyPassword = "một câu mật khẩu đủ dài cho phó chủ tịch";

    private async Task<HttpClient> ApiAsync(string userName, string password = WebApp.DemoPassword)
    {
        var client = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {userName}: {(int)response.StatusCode} {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)JsonNode.Parse(body)!["accessToken"]!);
        return client;
    }

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    private static Task<JsonNode> ActAsync(HttpClient client, string subjects, string id, string action, object? data = null) =>
        OkAsync(client.PostAsJsonAsync($"/api/{subjects}/{id}/actions/{action}", new { comment = "Đồng ý.", data }));

    /// <summary>A Phó Chủ tịch of Tân Khai, created by the province's administrator, who has set a password of their own.</summary>
    private async Task<HttpClient> DeputyAsync(HttpClient admin)
    {
        var created = await OkAsync(admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = Deputy, displayName = "Trần Thị Bình", position = "Phó Chủ tịch UBND xã", agencyCode = "DN.TK.UBND", roles = new[] { "Approver" },
        }));
        using var first = await ApiAsync(Deputy, (string)created["oneTimePassword"]!);
        await OkAsync(first.PostAsJsonAsync("/api/auth/password", new { currentPassword = (string)created["oneTimePassword"]!, newPassword = DeputyPassword }));
        return await ApiAsync(Deputy, DeputyPassword);
    }

    /// <summary>The number of pages of a PDF, from its page objects.</summary>
    private static int PdfPages(byte[] pdf) => Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count;

    [Fact]
    public async Task Decision_and_payment_order_print_on_A4_with_the_deputys_signature_and_the_amount_in_words()
    {
        var year = CommunePlan.OpenYear;
        var today = Ui.Today;
        using var admin = await ApiAsync(Admin);
        await OkAsync(admin.PutAsJsonAsync("/api/admin/agencies/DN.TK.DVNN/budget-identity", new
        {
            relationshipCode = "1099001", treasuryAccount = "9523.3.1099001", treasuryName = "Kho bạc Nhà nước khu vực XVII", treasuryCode = "0017", chapter = "805",
        }));
        using var deputy = await DeputyAsync(admin);

        using var clerk = await ApiAsync(CommunePlan.Clerk);
        var plans = (await OkAsync(clerk.GetAsync("/api/plans"))).AsArray();
        var planId = (string)plans.First(p => (string?)p!["unitCode"] == "DN.TK" && (int?)p["fiscalYear"] == year)!["id"]!;
        var plan = await OkAsync(clerk.GetAsync($"/api/plans/{planId}"));
        var lineId = (string)plan["lines"]!.AsArray().First(l => (string?)l!["component"] == "DA3.1")!["id"]!;
        var proposal = await OkAsync(clerk.PostAsJsonAsync("/api/proposals", new
        {
            planLineId = lineId, title = "Mô hình nuôi bò sinh sản xã Tân Khai", kind = "PovertyReductionModel", areaType = "Other",
            communes = new[] { "DN.TK" }, startDate = $"{year}-01-15", endDate = $"{year}-12-20", totalCost = 56_000_000L, stateSupport = 46_000_000L,
            counterpart = new { cash = 0L, labour = 10_000_000L, inKind = 0L },
            beneficiaries = new { poor = 5, nearPoor = 15, newlyEscaped = 0, ethnicMinority = 2, disabled = 0, totalParticipants = 25 },
            attachments = Array.Empty<object>(), contractValue = (long?)null,
        }));
        var proposalId = (string)proposal["id"]!;
        await ActAsync(clerk, "proposals", proposalId, "submit");
        using (var finance = await ApiAsync(CommunePlan.Finance))
        {
            await ActAsync(finance, "proposals", proposalId, "start-appraisal");
            await ActAsync(finance, "proposals", proposalId, "appraise-pass");
        }
        await ActAsync(deputy, "proposals", proposalId, "approve", new { decisionNumber = "35", decisionDate = today.ToString("yyyy-MM-dd") });
        var advance = await OkAsync(clerk.PostAsJsonAsync($"/api/proposals/{proposalId}/disbursements", new
        {
            kind = "Advance", amount = 23_000_000L, payeeName = "Hợp tác xã Chăn nuôi Tân Khai", payeeAccount = "5100 2050 12345",
            payeeBank = "Ngân hàng Nông nghiệp và Phát triển nông thôn, chi nhánh Hớn Quản", ceilingReference = $"Quyết định 35/QĐ-UBND ngày {today:dd/MM/yyyy}",
        }));

        // the chairman opens the approved dossier and prints its decision
        var chair = await SignedInAsync(CommunePlan.Chair);
        await chair.GotoAsync($"/de-xuat/{proposalId}");
        await chair.GetByRole(AriaRole.Link, new() { Name = "In quyết định" }).ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex($"/de-xuat/{proposalId}/quyet-dinh$"));
        await Expect(chair.Locator("#nation")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Expect(chair.Locator("#motto")).ToHaveTextAsync("Độc lập - Tự do - Hạnh phúc");
        await Expect(chair.Locator("#issuing-unit")).ToHaveTextAsync("XÃ TÂN KHAI");
        await Expect(chair.Locator("#number")).ToHaveTextAsync("Số: 35/QĐ-UBND");
        await Expect(chair.Locator("#place-date")).ToContainTextAsync($"Tân Khai, ngày {today.Day:00} tháng");
        await Expect(chair.Locator("#state-support")).ToHaveTextAsync("46.000.000");
        await Expect(chair.Locator("#state-support-words")).ToHaveTextAsync("Bốn mươi sáu triệu đồng");
        await Expect(chair.Locator("#signature")).ToContainTextAsync("KT. CHỦ TỊCH");
        await Expect(chair.Locator("#signature")).ToContainTextAsync("PHÓ CHỦ TỊCH");
        await Expect(chair.Locator("#signer")).ToHaveTextAsync("Trần Thị Bình");
        await Expect(chair.Locator("#notes")).ToContainTextAsync("chưa đối chiếu");
        Assert.Contains("Times New Roman", await chair.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        await Screenshot(chair, "70a-in-quyet-dinh");
        var decisionPdf = await chair.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        Assert.InRange(PdfPages(decisionPdf), 1, 2);

        // the agency's advance: its Giấy rút dự toán carries the agency's codes, the payee and the amount in words
        var clerkPage = await SignedInAsync(CommunePlan.Clerk);
        await clerkPage.GotoAsync($"/giai-ngan/{(string)advance["id"]!}");
        await clerkPage.GetByRole(AriaRole.Link, new() { Name = "In giấy rút dự toán" }).ClickAsync();
        await Expect(clerkPage.Locator("#form-title")).ToHaveTextAsync("GIẤY RÚT DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC");
        await Expect(clerkPage.Locator("#kind")).ToContainTextAsync("Tạm ứng ☒");
        await Expect(clerkPage.Locator("#relationship-code")).ToHaveTextAsync("1099001");
        await Expect(clerkPage.Locator("#payer-account")).ToHaveTextAsync("9523.3.1099001");
        await Expect(clerkPage.Locator("#budget-year")).ToHaveTextAsync(year.ToString());
        await Expect(clerkPage.Locator("#payee-account")).ToHaveTextAsync("5100 2050 12345");
        await Expect(clerkPage.Locator("#ceiling-reference")).ToContainTextAsync("35/QĐ-UBND");
        await Expect(clerkPage.Locator("#lines")).ToContainTextAsync("805");
        await Expect(clerkPage.Locator("#total")).ToHaveTextAsync("23.000.000");
        await Expect(clerkPage.Locator("#total-words")).ToHaveTextAsync("Hai mươi ba triệu đồng");
        await Expect(clerkPage.Locator("#notes")).ToContainTextAsync("Mã nguồn NSNN");
        await Screenshot(clerkPage, "70b-in-giay-rut-du-toan");
        var orderPdf = await clerkPage.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        Assert.InRange(PdfPages(orderPdf), 1, 2);

        AssertNoBrowserProblems();
    }
}
