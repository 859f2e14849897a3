using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>On a 390×844 phone the pages fit the screen's width: wide tables scroll inside their box, the page does not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MobileTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task The_proposal_page_and_the_inbox_fit_a_phone()
    {
        var title = $"Mô hình chăn nuôi gà thả vườn {Guid.NewGuid().ToString("N")[..6]}";
        var desk = await SignedInAsync("nongnghiep");
        var proposalId = await SeededPlan.CreateDraftAsync(desk, title);

        var phone = await SignedInOnPhoneAsync("nongnghiep");
        await phone.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(phone.Locator("h1")).ToContainTextAsync(title);
        await Expect(phone.Locator(".diagram svg")).ToBeVisibleAsync();
        var proposalWidth = await PageWidthAsync(phone);
        await Screenshot(phone, "20-de-xuat-dien-thoai");
        Assert.True(proposalWidth <= 390, $"The proposal page is {proposalWidth}px wide on a 390px phone: it scrolls sideways.");

        await phone.GotoAsync("/");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Hộp việc");
        var inboxWidth = await PageWidthAsync(phone);
        await Screenshot(phone, "21-hop-viec-dien-thoai");
        Assert.True(inboxWidth <= 390, $"The inbox is {inboxWidth}px wide on a 390px phone: it scrolls sideways.");

        AssertNoBrowserProblems();
    }
}
