using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>Steps a person takes in the web app, and what they expect to see.</summary>
public static class WebApp
{
    public const string DemoPassword = "Demo@2024";

    /// <summary>The demo organisation's users (Seed:Demo), all with <see cref="DemoPassword"/>.</summary>
    public static readonly IReadOnlyList<string> DemoUsers =
        [
            "nongnghiep", "yte", "gdnn", "laodong", "vanhoa", "taichinh", "taichinh2", "chutich", "khobac", "admin",
            "tk.nongnghiep", "tk.vanhoa", "tk.kinhte", "tk.kinhte2", "tk.chutich", "tk.giamsat", "th.nongnghiep", "th.kinhte", "th.chutich",
            "khobac.kv", "dn.giamsat", "dn.quantri",
        ];

    /// <summary>The sign-in form (the one holding <c>#UserName</c>).</summary>
    public static ILocator SignInForm(IPage page) => page.Locator("form", new() { Has = page.Locator("#UserName") });

    /// <summary>Opens <c>/dang-nhap</c> and fills and sends the form, without checking where it lands.</summary>
    public static async Task SubmitSignInAsync(IPage page, string user, string password)
    {
        var response = await page.GotoAsync("/dang-nhap");
        Assert.True(response is { Status: 200 }, $"GET /dang-nhap answered {response?.Status.ToString() ?? "nothing"}: is the sign-in page there?");
        var form = SignInForm(page);
        await form.Locator("#UserName").FillAsync(user);
        await form.Locator("#Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in as a demo user and waits for the inbox (<c>/</c>, heading "Hộp việc").</summary>
    public static async Task SignInAsync(IPage page, string user, string password = DemoPassword)
    {
        await SubmitSignInAsync(page, user, password);
        await page.WaitForURLAsync(new Regex(@"^https?://[^/]+/(\?.*)?$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hộp việc");
    }

    /// <summary>Signs out with the header's "Đăng xuất" button and waits for the sign-in page.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/dang-nhap"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Đăng nhập");
    }
}
