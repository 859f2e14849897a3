using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// The payment order's data (NĐ 347/2025/NĐ-CP Điều 6): the payee and the ceiling reference on the request, the agency's
/// treasury codes kept by an administrator, what the treasury confirmed against them, and the print pages of Tân Khai.
/// </summary>
public sealed class PaymentOrderTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv", Admin = "dn.quantri";

    private static JsonObject Payee(string account = "0123 4567 890", string? reference = "HĐ 12/2026/HĐ-DVNN") => new()
    {
        ["kind"] = "Advance",
        ["amount"] = 20_000_000L,
        ["payeeName"] = "Hợp tác xã Nông nghiệp Tân Khai",
        ["payeeAccount"] = account,
        ["payeeBank"] = "Ngân hàng Nông nghiệp và Phát triển nông thôn, chi nhánh Hớn Quản",
        ["ceilingReference"] = reference,
        ["economicContentCode"] = "7049",
    };

    private async Task<Guid> ApprovedProposalAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 46_000_000, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As("tk.kinhte");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-02"));
        return id;
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response) =>
        Guid.Parse((string)(await response.ExpectAsync(HttpStatusCode.Created))!["id"]!);

    [Fact]
    public async Task RequestDisbursement_WhenPayeeIncompleteOrCodesMalformed_Returns400NamingEachField()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await ApprovedProposalAsync(s, "Mô hình nuôi gà thả vườn (người nhận thiếu)");
        var clerk = await s.As(Clerk);

        var body = Payee();
        body.Remove("payeeAccount");
        body.Remove("payeeBank");
        using (var missing = await clerk.PostAsJsonAsync($"/api/proposals/{proposal}/disbursements", body))
        {
            var errors = await ProblemAssert.HasErrorsExactlyAtAsync(missing, "payeeAccount", "payeeBank");
            Assert.Contains("thiếu số tài khoản", errors["payeeAccount"][0]);
        }

        var malformed = Payee(account: "12ab-34");
        malformed["economicContentCode"] = "70";
        using (var bad = await clerk.PostAsJsonAsync($"/api/proposals/{proposal}/disbursements", malformed))
        {
            var errors = await ProblemAssert.HasErrorsExactlyAtAsync(bad, "payeeAccount", "economicContentCode");
            Assert.Contains("4 chữ số", errors["economicContentCode"][0]);
        }
    }

    [Fact]
    public async Task ConfirmPayment_WhenTheTreasuryEntersAnotherAccountOrAmount_IsRefusedAndTheCheckedValuesAreKept()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await ApprovedProposalAsync(s, "Mô hình trồng rau an toàn (kiểm soát người nhận)");
        var clerk = await s.As(Clerk);
        using var created = await clerk.PostAsJsonAsync($"/api/proposals/{proposal}/disbursements", Payee());
        var id = await CreatedAsync(created);
        var drafted = await clerk.GetDisbursementAsync(id);
        Assert.Equal("0123 4567 890", (string?)drafted["payment"]!["payeeAccount"]);
        Assert.Equal("HĐ 12/2026/HĐ-DVNN", (string?)drafted["payment"]!["ceilingReference"]);
        await clerk.ActOkAsync("disbursements", id, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", id, "approve");
        var treasury = await s.As(Treasury);

        using (var bare = await treasury.ActAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-TK-0101", "2026-03-02")))
            await ProblemAssert.HasErrorsExactlyAtAsync(bare, "data.payeeAccount", "data.amount", "data.ceilingReference");

        using (var wrong = await treasury.ActAsync("disbursements", id, "confirm-payment", data: new
               {
                   treasuryReference = "KB-TK-0101", paidOn = "2026-03-02", payeeAccount = "0123 4567 891", amount = 21_000_000L, ceilingReference = "HĐ 13/2026",
               }))
        {
            var errors = await ProblemAssert.HasErrorsExactlyAtAsync(wrong, "data.payeeAccount", "data.amount", "data.ceilingReference");
            Assert.Contains("0123 4567 890", errors["data.payeeAccount"][0]);
            Assert.Contains("1.000.000", errors["data.amount"][0]);
        }
        Assert.Equal("Approved", (string?)(await clerk.GetDisbursementAsync(id))["state"]);

        // the same account written with other separators is the same account
        await treasury.ActOkAsync("disbursements", id, "confirm-payment", data: new
        {
            treasuryReference = "KB-TK-0101", paidOn = "2026-03-02", payeeAccount = "0123-4567-890", amount = "20.000.000", ceilingReference = "hđ 12/2026/hđ-dvnn",
        });
        var paid = await clerk.GetDisbursementAsync(id);
        Assert.Equal("Paid", (string?)paid["state"]);
        Assert.Equal("0123-4567-890", (string?)paid["treasuryCheck"]!["payeeAccount"]);
        Assert.Equal(20_000_000L, (long?)paid["treasuryCheck"]!["amount"]);
        Assert.Equal("hđ 12/2026/hđ-dvnn", (string?)paid["treasuryCheck"]!["ceilingReference"]);
        var journaled = paid["history"]!.AsArray().Last()!["data"]!;
        Assert.Equal("0123-4567-890", (string?)journaled["payeeAccount"]);
    }

    [Fact]
    public async Task ConfirmPayment_WhenTheOrderNamesNoPayee_AsksOnlyForTheReferenceAndDate()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await ApprovedProposalAsync(s, "Mô hình nuôi ong (không ghi người nhận)");
        var clerk = await s.As(Clerk);
        var id = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 10_000_000);
        await clerk.ActOkAsync("disbursements", id, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", id, "approve");

        await (await s.As(Treasury)).ActOkAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-TK-0102", "2026-03-02"));

        var paid = await clerk.GetDisbursementAsync(id);
        Assert.Equal("Paid", (string?)paid["state"]);
        Assert.Null((string?)paid["treasuryCheck"]!["payeeAccount"]);
    }

    [Fact]
    public async Task SetAgencyBudgetIdentity_WhenCodesMalformed_Returns400ByFieldAndWhenValidIsJournaled()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As(Admin);

        using (var bad = await admin.PutAsJsonAsync("/api/admin/agencies/DN.TK.VHXH/budget-identity",
                   new { relationshipCode = "12345", treasuryAccount = "9523-3", treasuryName = "KBNN", treasuryCode = "00A1", chapter = "8050" }))
        {
            var errors = await ProblemAssert.HasErrorsExactlyAtAsync(bad, "relationshipCode", "treasuryAccount", "treasuryCode", "chapter");
            Assert.Contains("7 chữ số", errors["relationshipCode"][0]);
        }

        using (var ok = await admin.PutAsJsonAsync("/api/admin/agencies/DN.TK.VHXH/budget-identity",
                   new { relationshipCode = "1234567", treasuryAccount = "9523.3.1234567", treasuryName = "Kho bạc Nhà nước khu vực XVII", treasuryCode = "0011", chapter = "805" }))
            Assert.Equal("1234567", (string?)(await ok.ExpectAsync(HttpStatusCode.OK))!["relationshipCode"]);
        Assert.Equal("9523.3.1234567", (string?)(await admin.GetJsonAsync("/api/admin/agencies/DN.TK.VHXH/budget-identity"))["treasuryAccount"]);
        var journal = await admin.GetJsonAsync("/api/admin/journal?objectType=Agency&objectId=DN.TK.VHXH");
        Assert.Contains("set-budget-identity", journal.ToJsonString());

        using var clerkTries = await (await s.As(Clerk)).PutAsJsonAsync("/api/admin/agencies/DN.TK.VHXH/budget-identity", new { relationshipCode = "7654321" });
        Assert.Equal(HttpStatusCode.Forbidden, clerkTries.StatusCode);
    }

    [Fact]
    public async Task PrintPages_WhenTheCallerMaySeeTheDossier_ShowTheDecisionAndTheOrderAndOthersGet404()
    {
        using var s = new Session(fixture.Factory);
        await (await s.As(Admin)).PutAsJsonAsync("/api/admin/agencies/DN.TK.DVNN/budget-identity",
            new { relationshipCode = "1088888", treasuryAccount = "9523.3.1088888", treasuryName = "Kho bạc Nhà nước khu vực XVII", treasuryCode = "0017", chapter = "805" });
        var proposal = await ApprovedProposalAsync(s, "Mô hình trồng tiêu (in giấy tờ)");
        var clerk = await s.As(Clerk);
        using var created = await clerk.PostAsJsonAsync($"/api/proposals/{proposal}/disbursements", Payee());
        var disbursement = await CreatedAsync(created);

        using var chair = await fixture.Factory.BrowserFor(Chair);
        var decision = WebUtility.HtmlDecode(await chair.GetStringAsync($"/de-xuat/{proposal}/quyet-dinh"));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", decision);
        Assert.Contains("Số: 21/QĐ-UBND", decision);
        Assert.Contains("Tân Khai, ngày 02 tháng 3 năm 2026", decision);
        Assert.Contains("Bốn mươi sáu triệu đồng", decision);

        var order = WebUtility.HtmlDecode(await chair.GetStringAsync($"/giai-ngan/{disbursement}/giay-rut-du-toan"));
        Assert.Contains("GIẤY RÚT DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC", order);
        Assert.Contains("1088888", order);
        Assert.Contains("0123 4567 890", order);
        Assert.Contains("Hai mươi triệu đồng", order);

        // another commune's chairman may not see Tân Khai's dossiers: the print pages answer as if they did not exist
        using var other = await fixture.Factory.BrowserFor("th.chutich");
        using (var hidden = await other.GetAsync($"/de-xuat/{proposal}/quyet-dinh")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using (var hidden = await other.GetAsync($"/giai-ngan/{disbursement}/giay-rut-du-toan")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task DecisionPage_WhenADeputyChairmanApproved_SignsKtChuTich()
    {
        using var s = new Session(fixture.Factory);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync("tk.phochutich") is null)
                Assert.True((await users.CreateAsync(new User(Guid.NewGuid(), "tk.phochutich", "Trần Thị Bình", "Phó Chủ tịch UBND xã", "DN.TK.UBND", "DN.TK", [Roles.Approver]), Accounts.Password)).Succeeded);
        }
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 23_000_000, "Mô hình nuôi dê (phó chủ tịch duyệt)"));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As("tk.kinhte");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Đạt.");
        using (var anonymous = fixture.Factory.CreateClient())
        using (var deputy = fixture.Factory.WithToken(await anonymous.TokenAsync("tk.phochutich")))
            await deputy.ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("22", "2026-03-02"));

        using var browser = await fixture.Factory.BrowserFor(Clerk);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/de-xuat/{id}/quyet-dinh"));
        Assert.Contains("KT. CHỦ TỊCH", page);
        Assert.Contains("PHÓ CHỦ TỊCH", page);
        Assert.Contains("Trần Thị Bình", page);
        Assert.Contains("Số: 22/QĐ-UBND", page);
    }

    [Fact]
    public async Task PaymentOrders_WhenAPaymentClearsAnAdvance_SplitTheClearedPartFromTheNewCash()
    {
        using var s = new Session(fixture.Factory);
        var proposal = await ApprovedProposalAsync(s, "Mô hình trồng bưởi (thu hồi tạm ứng)");
        var clerk = await s.As(Clerk);
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 20_000_000);
        await clerk.ActOkAsync("disbursements", advance, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", advance, "approve");
        await (await s.As(Treasury)).ActOkAsync("disbursements", advance, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-TK-0201", "2026-03-02"));
        var payment = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 30_000_000);

        using var browser = await fixture.Factory.BrowserFor(Clerk);
        var dossier = WebUtility.HtmlDecode(await browser.GetStringAsync($"/giai-ngan/{payment}"));
        Assert.Contains("In giấy đề nghị thanh toán tạm ứng", dossier);
        var clearance = WebUtility.HtmlDecode(await browser.GetStringAsync($"/giai-ngan/{payment}/giay-de-nghi-thanh-toan-tam-ung"));
        Assert.Contains("GIẤY ĐỀ NGHỊ THANH TOÁN TẠM ỨNG", clearance);
        Assert.Contains("Hai mươi triệu đồng", clearance);
        var withdrawal = WebUtility.HtmlDecode(await browser.GetStringAsync($"/giai-ngan/{payment}/giay-rut-du-toan"));
        Assert.Contains("Thực chi ☒", withdrawal);
        Assert.Contains("Mười triệu đồng", withdrawal);

        // an advance clears nothing: no clearance paper is offered for it
        var advancePage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/giai-ngan/{advance}"));
        Assert.DoesNotContain("In giấy đề nghị thanh toán tạm ứng", advancePage);
        Assert.Contains("In giấy rút dự toán", advancePage);
    }
}
