using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>The dossiers' journal (/nhat-ky) as the province's monitor reads it, on an office screen and a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JournalPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task The_monitor_opens_the_journal_from_the_menu_verifies_it_and_filters_it()
    {
        var page = await SignedInAsync("dn.giamsat");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Nhật ký", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhật ký hồ sơ");
        await Expect(page.Locator("#don-vi option[value='DN.TK']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#don-vi option[value='BP.HQ']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra ngay" }).ClickAsync();
        await Expect(page.Locator("#toan-ven [role=status]")).ToContainTextAsync("Nguyên vẹn");
        await Screenshot(page, "80-nhat-ky-ho-so-1366");

        await page.FillAsync("#ho-so", "ĐX-2099-9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("0 mục");
        await Expect(page.Locator("#nhat-ky-ho-so tbody tr")).ToHaveCountAsync(0);

        await page.GotoAsync("/nhat-ky?tu=31/02/2026");
        await Expect(page.Locator("#err-from .field-error")).ToContainTextAsync("dd/MM/yyyy");

        var phone = await SignedInOnPhoneAsync("dn.giamsat");
        var response = await phone.GotoAsync("/nhat-ky");
        Assert.Equal(200, response?.Status);
        await Screenshot(phone, "80-nhat-ky-ho-so-390");
        var width = await PageWidthAsync(phone);
        Assert.True(width <= 390, $"/nhat-ky is {width}px wide on a 390px screen");
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task An_agency_clerk_has_no_journal()
    {
        var page = await SignedInAsync("tk.nongnghiep");
        await Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Nhật ký", Exact = true })).ToHaveCountAsync(0);
        var refused = await page.GotoAsync("/nhat-ky");
        Assert.Equal(403, refused?.Status);
        AssertNoBrowserProblemsExcept(p => p.Contains("/loi/403?ReturnUrl=%2Fnhat-ky", StringComparison.Ordinal));
    }
}
