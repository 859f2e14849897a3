using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Quản trị › Chính sách của tỉnh: the version in force with each value's basis, a refusal beside its field, and a
/// new version listed once saved; the page fits a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task An_administrator_reads_the_policy_in_force_and_adds_a_version_after_correcting_a_refused_value()
    {
        var page = await SignedInAsync("admin");
        // a year no other test uses: the version added here applies to nothing else
        await page.GotoAsync("/quan-tri/chinh-sach?tinh=DN&nam=2031");
        await Expect(page.Locator("h1")).ToContainTextAsync("Chính sách của tỉnh");
        // Đồng Nai's 2026 policy holds until a later year has one; its unverified values say so
        await Expect(page.Locator("main")).ToContainTextAsync("QĐ 16/2026/QĐ-TTg");
        await Expect(page.Locator("main")).ToContainTextAsync("giá trị minh họa");
        await Screenshot(page, "80-chinh-sach-tinh");

        await page.Locator("#Form_TaskBasedMaximum").FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo phiên bản" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-path='values.taskBasedMaximum.value']")).ToBeVisibleAsync();

        await page.Locator("#Form_TaskBasedMaximum").FillAsync("2000000000");
        // grouped as it is typed, like every đồng amount, and read back by the server from the grouped text
        await Expect(page.Locator("#Form_TaskBasedMaximum")).ToHaveValueAsync("2.000.000.000");
        await page.Locator("#Form_TaskBasedMaximumBasis").FillAsync("Nghị quyết 9/2031/NQ-HĐND tỉnh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo phiên bản" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Đã tạo phiên bản mới");
        await Expect(page.Locator("#versions")).ToContainTextAsync("2031");
        await Expect(page.Locator("main")).ToContainTextAsync("Nghị quyết 9/2031/NQ-HĐND tỉnh");

        var phone = await SignedInOnPhoneAsync("admin");
        await phone.GotoAsync("/quan-tri/chinh-sach?tinh=DN&nam=2031");
        Assert.True(await PageWidthAsync(phone) <= 390, "The policy page scrolls sideways on a phone.");
        AssertNoBrowserProblems();
    }
}
