using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// The administration pages: the national administrator creates a finance officer, who signs in with the one-time
/// password, must choose their own, and works; then the administrator disables them and their session ends.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_changes_the_one_time_password_and_is_disabled_later()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var person = new AdminPages.NewPerson($"tckh.{suffix}", "Nguyễn Thị Thu Hà", "Phó Trưởng phòng", "BP.HQ.TCKH", "FinanceOffice");

        // the national administrator signs in: the header offers "Quản trị"
        await WebApp.SignInAsync(Page, "admin");
        var nav = Page.Locator("header nav");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Quản trị", Exact = true }).ClickAsync();
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Quản trị");

        var (userId, oneTimePassword) = await AdminPages.CreateUserAsync(Page, person);
        await Expect(Page.Locator("main")).ToContainTextAsync("Phòng Tài chính - Kế hoạch");
        await Screenshot(Page, "60-quan-tri-mat-khau-mot-lan");

        // shown once: the same page loaded again no longer has it
        await Page.ReloadAsync();
        await Expect(Page.Locator("h1")).ToContainTextAsync(person.FullName);
        await Expect(AdminPages.OneTimePassword(Page)).ToHaveCountAsync(0);
        Assert.DoesNotContain(oneTimePassword, await Page.ContentAsync(), StringComparison.Ordinal);

        // the user is in the list, waiting to change their password
        await Page.GotoAsync($"{AdminPages.Users}?ten={person.UserName}");
        var row = Page.Locator($"#users tr[data-user='{person.UserName}']");
        await Expect(row).ToContainTextAsync(person.FullName);
        await Expect(row).ToContainTextAsync("Chờ đổi mật khẩu");
        await WebApp.SignOutAsync(Page);

        // the new user signs in with the one-time password and is sent to choose their own
        var officer = await NewDesktopPageAsync();
        await WebApp.SubmitSignInAsync(officer, person.UserName, oneTimePassword);
        await officer.WaitForURLAsync(new Regex("/tai-khoan/doi-mat-khau"));
        await Expect(officer.Locator("main")).ToContainTextAsync("mật khẩu một lần");
        await officer.GotoAsync("/ke-hoach"); // nothing else opens before the change
        await Expect(officer).ToHaveURLAsync(new Regex("/tai-khoan/doi-mat-khau"));
        await AdminPages.ChangeOwnPasswordAsync(officer, oneTimePassword, "mùa lúa chín vàng trên đồng Hớn Quản");
        await Expect(officer.Locator("header .who")).ToContainTextAsync(person.FullName);
        await Expect(officer.Locator("header nav")).Not.ToContainTextAsync("Quản trị");
        await Screenshot(officer, "61-nguoi-dung-moi-hop-viec");

        // the administrator disables them from the pages; the officer's next page load goes back to sign-in
        var admin = await SignedInAsync("admin");
        await AdminPages.DisableUserAsync(admin, userId);
        await officer.GotoAsync("/ke-hoach");
        await Expect(officer).ToHaveURLAsync(new Regex("/dang-nhap"));
        await Expect(officer.Locator("header .who")).ToHaveCountAsync(0);

        // the journal tells the story: created, then disabled, by admin
        await admin.GotoAsync($"{AdminPages.Journal}?loai=User&ma={userId}");
        var entries = admin.Locator("#journal tbody tr");
        await Expect(entries).ToHaveCountAsync(2); // newest first; the user's own password change is not an administration change
        await Expect(entries.Nth(0)).ToHaveAttributeAsync("data-action", "disable");
        await Expect(entries.Nth(0)).ToContainTextAsync("admin");
        await Expect(entries.Nth(0)).ToContainTextAsync("Đang hoạt động:");
        await Expect(entries.Nth(1)).ToHaveAttributeAsync("data-action", "create");
        await Expect(entries.Nth(1)).ToContainTextAsync(person.FullName);
        await Expect(entries.Nth(1)).ToContainTextAsync("Phòng Tài chính - Kế hoạch");
        AssertNoBrowserProblems();
    }
}
