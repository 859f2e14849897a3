using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Xã Tân Hưng's chairman, on his phone: a disbursement above Đồng Nai's threshold (500,000,000 đ in the demo policy)
/// waits for him after the economic office approves it, and he amends an approved proposal with a new decision. What
/// the clerk and the economic office do before is done through the API, as their own pages are tested elsewhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApproverDecisionTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string Clerk = "th.nongnghiep", Finance = "th.kinhte", Chair = "th.chutich", TanHung = "DN.TH";

    private async Task<HttpClient> ApiAsync(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var signIn = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Demo@2024" });
        signIn.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static Task<JsonNode> ActAsync(HttpClient client, string subjects, Guid id, string action, object? data = null) =>
        OkAsync(client.PostAsJsonAsync($"/api/{subjects}/{id}/actions/{action}", new { comment = "Đồng ý.", data }));

    /// <summary>A model of <paramref name="stateSupport"/> on Tân Hưng's DA2 line of this year, approved by the chairman.</summary>
    private async Task<Guid> ApprovedProposalAsync(long stateSupport, string title)
    {
        var id = await AppraisedProposalAsync(stateSupport, title);
        using var chair = await ApiAsync(Chair);
        await ActAsync(chair, "proposals", id, "approve", new { decisionNumber = "31/QĐ-UBND", decisionDate = Ui.DateIso(Ui.Today) });
        return id;
    }

    /// <summary>A model of <paramref name="stateSupport"/> on Tân Hưng's DA2 line of this year, appraised and waiting for the chairman.</summary>
    private async Task<Guid> AppraisedProposalAsync(long stateSupport, string title)
    {
        var year = Ui.Today.Year;
        using var clerk = await ApiAsync(Clerk);
        var plans = (await OkAsync(clerk.GetAsync("/api/plans"))).AsArray();
        var planId = (string)plans.First(p => (string?)p!["unitCode"] == TanHung && (int?)p["fiscalYear"] == year)!["id"]!;
        var plan = await OkAsync(clerk.GetAsync($"/api/plans/{planId}"));
        var line = (string)plan["lines"]!.AsArray().First(l => (string?)l!["component"] == "DA2")!["id"]!;
        var created = await OkAsync(clerk.PostAsJsonAsync("/api/proposals", new
        {
            planLineId = line, title, kind = "PovertyReductionModel", areaType = "Other", communes = new[] { TanHung },
            startDate = $"{year}-01-02", endDate = $"{year}-12-30", totalCost = stateSupport + 10_000_000, stateSupport,
            counterpart = new { cash = 0, labour = 10_000_000, inKind = 0 },
            beneficiaries = new { poor = 5, nearPoor = 15, newlyEscaped = 0, ethnicMinority = 2, disabled = 0, totalParticipants = 25 },
            attachments = Array.Empty<object>(),
        }));
        var id = Guid.Parse((string)created["id"]!);
        await ActAsync(clerk, "proposals", id, "submit");
        using var finance = await ApiAsync(Finance);
        await ActAsync(finance, "proposals", id, "start-appraisal");
        await ActAsync(finance, "proposals", id, "appraise-pass");
        return id;
    }

    [Fact]
    public async Task On_his_phone_the_chairman_reads_the_amounts_and_the_appraisal_before_the_approve_button_and_may_comment()
    {
        var title = $"Mô hình trồng bưởi da xanh xã Tân Hưng {Guid.NewGuid().ToString("N")[..6]}";
        var id = await AppraisedProposalAsync(90_000_000, title);
        var phone = await SignedInOnPhoneAsync(Chair);
        await phone.GotoAsync($"/de-xuat/{id}");
        await Expect(phone.Locator("h1")).ToContainTextAsync(title);

        var approve = phone.Locator("form").Filter(new() { Has = phone.Locator("input[name=ActionName][value=approve]") });
        var approveButton = approve.Locator("button[type=submit]");
        var amount = phone.Locator("dl.facts dd").Filter(new() { HasText = Ui.Vnd(90_000_000) }).First;
        var line = phone.Locator("#line-position");
        var opinion = phone.Locator("#y-kien-tham-dinh");
        await Expect(opinion).ToContainTextAsync("Đồng ý.");
        var buttonBox = (await approveButton.BoundingBoxAsync())!;
        foreach (var (what, above) in new[] { ("the support amount", amount), ("the line's position", line), ("the appraisal opinion", opinion) })
        {
            var box = (await above.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= buttonBox.Y, $"On a 390 px phone {what} (y {box.Y}) is not above the approve button (y {buttonBox.Y}).");
        }
        Assert.True(await PageWidthAsync(phone) <= 390, "The dossier scrolls sideways on a 390 px phone.");

        await approve.Locator("input[name='Data[decisionNumber]']").FillAsync("32/QĐ-UBND");
        await approve.Locator("input[name='Data[decisionDate]']").FillAsync(Ui.DateValue(Ui.Today));
        await approve.Locator("textarea[name=Comment]").FillAsync("Đồng ý, ưu tiên hộ nghèo.");
        await Screenshot(phone, "40-chu-tich-duyet-tren-dien-thoai");
        await approveButton.ClickAsync();
        await Expect(SubjectPage.State(phone)).ToHaveTextAsync("Đã phê duyệt");
        await Expect(phone.Locator("ol.timeline li").Filter(new() { HasText = "Đồng ý, ưu tiên hộ nghèo." })).ToHaveCountAsync(1);
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_chairman_approves_a_large_disbursement_and_amends_a_proposal_on_his_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var proposalId = await ApprovedProposalAsync(700_000_000, $"Mô hình nuôi bò sinh sản xã Tân Hưng {suffix}");
        using (var clerk = await ApiAsync(Clerk))
        using (var finance = await ApiAsync(Finance))
        {
            var created = await OkAsync(clerk.PostAsJsonAsync($"/api/proposals/{proposalId}/disbursements", new { kind = "Payment", amount = 600_000_000L }));
            var disbursementId = Guid.Parse((string)created["id"]!);
            await ActAsync(clerk, "disbursements", disbursementId, "request");
            await ActAsync(finance, "disbursements", disbursementId, "approve");

            // the economic office has approved it; above 500 million it waits for the chairman, not the treasury
            var phone = await SignedInOnPhoneAsync(Chair);
            await phone.GotoAsync($"/giai-ngan/{disbursementId}");
            await Expect(SubjectPage.State(phone)).ToHaveTextAsync("Chờ lãnh đạo duyệt");
            await Screenshot(phone, "30a-giai-ngan-cho-lanh-dao-duyet");
            await SubjectPage.ActAsync(phone, "Duyệt chi", "Đã duyệt chi");
            await Screenshot(phone, "30b-giai-ngan-lanh-dao-da-duyet");
        }

        // the chairman amends the approved proposal: a new decision, the support cut to 650 million, typed as officials group it
        var page = await SignedInOnPhoneAsync(Chair);
        await page.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(SubjectPage.ActionForm(page, "Hủy quyết định")).ToHaveCountAsync(1);
        await SubjectPage.ActAsync(page, "Điều chỉnh quyết định", "Đã phê duyệt", data: new Dictionary<string, string>
        {
            ["decisionNumber"] = "45/QĐ-UBND",
            ["decisionDate"] = Ui.DateValue(Ui.Today),
            ["stateSupport"] = "650.000.000",
        });
        await Expect(page.Locator("main")).ToContainTextAsync("45/QĐ-UBND");
        await Expect(page.Locator("#position tr.total")).ToContainTextAsync(Ui.Vnd(650_000_000));
        await Screenshot(page, "30c-de-xuat-dieu-chinh");

        // below what is already approved for payment is refused, naming rule 12
        await SubjectPage.TryActAsync(page, "Điều chỉnh quyết định", data: new Dictionary<string, string>
        {
            ["decisionNumber"] = "46/QĐ-UBND",
            ["decisionDate"] = Ui.DateValue(Ui.Today),
            ["stateSupport"] = "500000000",
        });
        await Expect(SubjectPage.ActionForm(page, "Điều chỉnh quyết định")).ToContainTextAsync("Quy tắc 12");

        AssertNoBrowserProblemsExcept(p => p.Contains("409", StringComparison.Ordinal));
    }
}
