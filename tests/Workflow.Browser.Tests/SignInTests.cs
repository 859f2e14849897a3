using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(AppServer app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_beside_the_form()
    {
        await WebApp.SubmitSignInAsync(Page, "nongnghiep", "sai-mat-khau");

        var form = WebApp.SignInForm(Page);
        await Expect(form).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(Page).ToHaveURLAsync(new Regex("/dang-nhap"));
        await Expect(Page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
        await Screenshot(Page, "01-dang-nhap-sai-mat-khau");
    }

    [Fact]
    public async Task Right_password_lands_in_the_inbox_and_sign_out_leaves()
    {
        await WebApp.SignInAsync(Page, "nongnghiep");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("Hộp việc");
        await Screenshot(Page, "02-hop-viec");
        AssertNoBrowserProblems();

        await WebApp.SignOutAsync(Page);
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/dang-nhap"));
    }

    [Fact]
    public async Task The_inbox_fits_a_phone()
    {
        var phone = await NewMobilePageAsync();

        await WebApp.SignInAsync(phone, "taichinh");

        await Screenshot(phone, "03-hop-viec-dien-thoai");
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The inbox is {overflow}px wider than a 390px phone screen.");
    }
}
