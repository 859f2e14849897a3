using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Giám sát › Tổng quan của tỉnh: Đồng Nai's monitor sees each commune's disbursement rate as a bar with its number
/// written out, and goes from Xã Tân Khai's row to its plan report and to its monitoring page; a commune's officer
/// is refused the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task Dashboard_WhenTheProvincesMonitorOpensIt_ShowsTanKhaisRowAndItsLinksLeadToThePlanReportAndMonitoringPage()
    {
        var page = await SignedInAsync("dn.giamsat");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Giám sát" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng quan của tỉnh" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Tổng quan năm");
        await Expect(page.Locator("h1")).ToContainTextAsync("Đồng Nai");

        var row = page.Locator("#bang-don-vi tr[data-unit='DN.TK']");
        await Expect(row).ToContainTextAsync("Xã Tân Khai");
        // the bar's number is text beside it, and its label reads the amounts
        var bar = page.Locator("#theo-don-vi .item[data-unit='DN.TK']");
        await Expect(bar.Locator(".num")).ToHaveTextAsync(new Regex(@"^\d+,\d %$"));
        await Expect(bar.Locator(".track")).ToHaveAttributeAsync("aria-label", new Regex("^Xã Tân Khai: giải ngân .+ / giao .+, \\d+,\\d %$"));
        await Screenshot(page, "92-tong-quan-tinh");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Báo cáo kế hoạch năm \\d{4} của Xã Tân Khai$") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/bao-cao/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Xã Tân Khai");

        await page.GoBackAsync();
        await page.Locator("#bang-don-vi tr[data-unit='DN.TK']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Giám sát năm \\d{4} của Xã Tân Khai$") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/giam-sat/DN.TK/\\d{4}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Xã Tân Khai");

        // a late task, when there is one, opens its dossier (an overdue monitoring report among them)
        await page.GotoAsync("/giam-sat/tong-quan");
        var late = page.Locator("#bang-qua-han tbody a");
        if (await late.CountAsync() > 0)
        {
            await late.First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/(de-xuat|giai-ngan|quyet-toan|giam-sat/bao-cao)/[0-9a-f-]{36}$"));
        }

        var phone = await SignedInOnPhoneAsync("dn.giamsat");
        await phone.GotoAsync("/giam-sat/tong-quan");
        await Expect(phone.Locator("#bang-don-vi tr[data-unit='DN.TK']")).ToContainTextAsync("Xã Tân Khai");
        Assert.True(await PageWidthAsync(phone) <= 390, "The dashboard scrolls sideways on a phone.");

        var clerk = await SignedInAsync("tk.nongnghiep");
        var refused = await clerk.GotoAsync("/giam-sat/tong-quan");
        Assert.Equal(403, refused!.Status);
        await Expect(clerk.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Giám sát" })).ToHaveCountAsync(0);
        AssertNoBrowserProblemsExcept(p => p.Contains("/giam-sat/tong-quan") && p.Contains("403"));
    }
}
