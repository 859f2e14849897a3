using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>Signing in without a mouse: the fields and the button come in order, Enter sends the form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(AppServer app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [Fact]
    public async Task Tab_goes_from_user_name_to_password_to_the_button_and_Enter_signs_in()
    {
        await Page.GotoAsync("/dang-nhap");
        // the user name has the focus when the page opens
        await Expect(Page.Locator("#UserName")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("nongnghiep");

        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#Password")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(WebApp.DemoPassword);

        await Page.Keyboard.PressAsync("Tab");
        await Expect(WebApp.SignInForm(Page).GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true })).ToBeFocusedAsync();
        await Screenshot(Page, "50-dang-nhap-ban-phim");

        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(new Regex(@"^https?://[^/]+/(\?.*)?$"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Hộp việc");
        await Expect(Page.Locator("header")).ToContainTextAsync("Cán bộ Trung tâm Dịch vụ nông nghiệp");
        AssertNoBrowserProblems();
    }
}
