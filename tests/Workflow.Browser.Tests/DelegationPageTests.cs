using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// An officer of Tân Khai's economic office claims a dossier, then delegates her appraisals to her colleague on the
/// "Ủy quyền" page before leaving; the colleague sees whose dossier it is, acts on it in her name, and the history
/// says so. The delegation is revoked at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DelegationPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string FinanceName = "Cán bộ Phòng Kinh tế xã Tân Khai";

    [Fact]
    public async Task A_substitute_named_on_the_delegation_page_acts_on_the_claimed_dossier_on_behalf_of_its_holder()
    {
        var title = $"Mô hình nuôi ong lấy mật {Guid.NewGuid():N}"[..40];
        var year = CommunePlan.OpenYear;
        var clerk = await SignedInAsync(CommunePlan.Clerk);
        var form = await PlanPage.OpenProposalFormAsync(clerk, year, "DA2");
        await form.FillAsync(new ProposalDraft(title, new DateOnly(year, 5, 1), new DateOnly(year, 12, 15), 28_000_000, 23_000_000)
        {
            Kind = "PovertyReductionModel",
            AreaType = "Other",
            Cash = 2_000_000,
            Labour = 3_000_000,
            Poor = 5,
            NearPoor = 23,
            TotalParticipants = 28,
        });
        var proposalId = await form.SaveAsync();
        await SubjectPage.ActAsync(clerk, "Gửi đề xuất", "Đã gửi");

        // the holder claims the dossier
        var holder = await SignedInAsync(CommunePlan.Finance);
        await holder.GotoAsync($"/de-xuat/{proposalId}");
        await Ui.SubmitAsync(holder, holder.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }));
        await Ui.ExpectFlashAsync(holder, "Bạn đã nhận xử lý hồ sơ này.");
        await Expect(holder.Locator("#nhan-xu-ly")).ToContainTextAsync($"Đang xử lý: {FinanceName}");

        // and delegates her appraisals to her colleague from today to the day after tomorrow
        await holder.GetByRole(AriaRole.Link, new() { Name = "Ủy quyền" }).ClickAsync();
        await Expect(holder.Locator("h1")).ToHaveTextAsync("Ủy quyền");
        await holder.Locator("#Substitute").SelectOptionAsync(CommunePlan.Finance2);
        await holder.Locator("#From").FillAsync(Ui.DateValue(Ui.Today));
        await holder.Locator("#To").FillAsync(Ui.DateValue(Ui.Today.AddDays(2)));
        await holder.Locator("#Reason").FillAsync("Đi công tác tỉnh");
        await Ui.SubmitAsync(holder, holder.GetByRole(AriaRole.Button, new() { Name = "Ủy quyền", Exact = true }));
        await Ui.ExpectFlashAsync(holder, "Đã ủy quyền.");
        var given = holder.Locator("table.delegations tr", new() { HasText = "Đi công tác tỉnh" });
        await Expect(given).ToContainTextAsync("Đang hiệu lực");
        await Screenshot(holder, "60-uy-quyen");

        // the colleague sees the dossier held by her, and acts on it in her name
        var substitute = await SignedInAsync(CommunePlan.Finance2);
        var line = InboxPage.TaskRows(substitute, title);
        await Expect(line).ToContainTextAsync($"thay mặt {FinanceName}");
        await Expect(line).ToContainTextAsync($"Đang xử lý: {FinanceName}");
        await substitute.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(substitute.Locator("main")).ToContainTextAsync($"Bạn xử lý hồ sơ này thay mặt {FinanceName}");
        await Screenshot(substitute, "61-thay-mat");
        await SubjectPage.ActAsync(substitute, "Bắt đầu thẩm định", "Đang thẩm định");
        await Expect(substitute.Locator("ol.timeline")).ToContainTextAsync($"thay mặt {FinanceName}");

        // back from the trip, the holder revokes the delegation
        await holder.GotoAsync("/uy-quyen");
        await Ui.SubmitAsync(holder, given.GetByRole(AriaRole.Button, new() { Name = "Thu hồi" }));
        await Ui.ExpectFlashAsync(holder, "Đã thu hồi ủy quyền.");
        await Expect(holder.Locator("table.delegations tr", new() { HasText = "Đi công tác tỉnh" })).ToContainTextAsync("Đã thu hồi");
        AssertNoBrowserProblems();
    }
}
