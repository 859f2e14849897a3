using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Tân Khai's chairman clears his inbox: he narrows it to two appraised proposals, ticks both and approves them with one
/// decision — but one was approved a moment before from his phone, so the page says that one was refused and why, and
/// the other passed. The cards fit a 390 px and a 320 px screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxBulkTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task The_chairman_approves_two_proposals_at_once_and_sees_which_passed_and_why_the_other_was_refused()
    {
        var tag = $"hl{Guid.NewGuid():N}"[..10];
        var (first, second) = await TwoAppraisedAsync(tag);

        var chair = await SignedInAsync(CommunePlan.Chair);
        await chair.GotoAsync($"/?tu-khoa={tag}&sap-xep=tien");
        await Expect(chair.Locator(".inbox-task")).ToHaveCountAsync(2);
        // biggest first, each card with its amount and deadline
        await Expect(chair.Locator(".inbox-task").First).ToContainTextAsync(Ui.Vnd(45_000_000));
        await Expect(chair.Locator(".inbox-task").First).ToContainTextAsync("Hạn xử lý");
        await Expect(chair.Locator(".inbox-task").Last).ToContainTextAsync(Ui.Vnd(35_000_000));
        await Screenshot(chair, "80a-hop-viec-loc");

        // meanwhile the first is approved from another device
        using (var api = await DemoApi.SignInAsync(App, CommunePlan.Chair))
            await api.ActAsync("proposals", first.Id, "approve", new { decisionNumber = "60/QĐ-UBND", decisionDate = Ui.DateIso(Ui.Today) });

        await InboxPage.BulkAsync(chair, [first.Title, second.Title], "Đề xuất: Phê duyệt", new Dictionary<string, string>
        {
            ["decisionNumber"] = "61/QĐ-UBND",
            ["decisionDate"] = Ui.DateValue(Ui.Today),
        });

        await Expect(chair.Locator(".bulk-outcome h2")).ToContainTextAsync("1 hồ sơ đã xử lý, 1 bị từ chối");
        await Expect(InboxPage.Outcome(chair, second.Code)).ToContainTextAsync("Đã xử lý");
        await Expect(InboxPage.Outcome(chair, second.Code)).ToContainTextAsync("Đã chuyển sang: Đã phê duyệt");
        await Expect(InboxPage.Outcome(chair, first.Code)).ToContainTextAsync("Bị từ chối");
        await Expect(InboxPage.Outcome(chair, first.Code)).ToContainTextAsync("không thực hiện được ở trạng thái 'Đã phê duyệt'");
        await Expect(InboxPage.Outcome(chair, first.Code)).Not.ToContainTextAsync("Đã chuyển sang");
        await Expect(chair.Locator(".inbox-task")).ToHaveCountAsync(0);
        await Screenshot(chair, "80b-hop-viec-ket-qua-hang-loat");

        await chair.GotoAsync($"/de-xuat/{second.Id}");
        await Expect(chair.Locator("main")).ToContainTextAsync("61/QĐ-UBND");

        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task The_inbox_cards_with_their_bulk_form_fit_a_390_and_a_320_px_screen()
    {
        var tag = $"hl{Guid.NewGuid():N}"[..10];
        await TwoAppraisedAsync(tag);

        var phone = await SignedInOnPhoneAsync(CommunePlan.Chair);
        await phone.GotoAsync("/");
        await Expect(phone.Locator(".inbox-task").Filter(new() { HasText = tag })).ToHaveCountAsync(2);
        await Expect(phone.GetByLabel("Thao tác", new() { Exact = true })).ToBeVisibleAsync();
        await Screenshot(phone, "81a-hop-viec-390");
        Assert.True(await PageWidthAsync(phone) <= 390, $"The inbox is {await PageWidthAsync(phone)}px wide on a 390px phone.");

        await phone.SetViewportSizeAsync(320, 720);
        await phone.ReloadAsync();
        await Screenshot(phone, "81b-hop-viec-320");
        Assert.True(await PageWidthAsync(phone) <= 320, $"The inbox is {await PageWidthAsync(phone)}px wide on a 320px screen.");
        AssertNoBrowserProblems();
    }

    private sealed record Dossier(Guid Id, string Code, string Title);

    /// <summary>Two models of the clerk, titled with <paramref name="tag"/>, appraised by the economic office and waiting for the chairman.</summary>
    private async Task<(Dossier First, Dossier Second)> TwoAppraisedAsync(string tag)
    {
        using var clerk = await DemoApi.SignInAsync(App, CommunePlan.Clerk);
        using var finance = await DemoApi.SignInAsync(App, CommunePlan.Finance);
        var line = await clerk.LineAsync("DN.TK", "DA2");
        var dossiers = new List<Dossier>();
        foreach (var (name, amount) in new[] { ("nuôi gà", 35_000_000L), ("trồng bưởi", 45_000_000L) })
        {
            var title = $"Mô hình {name} {tag}";
            var id = await clerk.DraftProposalAsync(line, "DN.TK", title, amount);
            await clerk.ActAsync("proposals", id, "submit");
            await finance.ActAsync("proposals", id, "start-appraisal");
            await finance.ActAsync("proposals", id, "appraise-pass");
            dossiers.Add(new Dossier(id, (string)(await clerk.GetAsync($"/api/proposals/{id}"))["code"]!, title));
        }
        return (dossiers[0], dossiers[1]);
    }
}
