using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>The administration pages under <c>/quan-tri</c>: users, units, agencies and the journal.</summary>
public static class AdminPages
{
    public const string Home = "/quan-tri";
    public const string Units = "/quan-tri/don-vi";
    public const string Agencies = "/quan-tri/co-quan";
    public const string Users = "/quan-tri/nguoi-dung";
    public const string NewUser = "/quan-tri/nguoi-dung/tao-moi";
    public const string Journal = "/quan-tri/nhat-ky";

    public static string User(Guid id) => $"{Users}/{id}";

    public static string Unit(string code) => $"{Units}/{code}";

    /// <summary>A person to create: their agency by code, roles by their names in the app (<c>FinanceOffice</c>, …).</summary>
    public sealed record NewPerson(string UserName, string FullName, string Position, string AgencyCode, params string[] Roles);

    /// <summary>The page's one-time password box, present only on the load right after the password was issued.</summary>
    public static ILocator OneTimePassword(IPage page) => page.Locator("[data-one-time-password]");

    /// <summary>
    /// Fills and sends the create-user form; expects the user's page with the one-time password shown once,
    /// and returns the user's id and that password.
    /// </summary>
    public static async Task<(Guid Id, string Password)> CreateUserAsync(IPage page, NewPerson person)
    {
        await page.GotoAsync(NewUser);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tạo người dùng");
        var form = page.Locator("form#tao-nguoi-dung");
        await form.GetByLabel("Tên đăng nhập").FillAsync(person.UserName);
        await form.GetByLabel("Họ và tên").FillAsync(person.FullName);
        await form.GetByLabel("Chức vụ").FillAsync(person.Position);
        await form.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(person.AgencyCode);
        foreach (var role in person.Roles)
            await form.Locator($"input[name='Input.Roles'][value='{role}']").CheckAsync();
        await Ui.SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Tạo người dùng" }));
        await Ui.ExpectNoRefusalAsync(page, $"Creating the user {person.UserName}");
        await Expect(page).ToHaveURLAsync(new Regex(@"/quan-tri/nguoi-dung/[0-9a-f-]{36}$"));
        await Ui.ExpectFlashAsync(page, $"Đã tạo người dùng {person.UserName}");
        await Expect(page.Locator("#mat-khau-mot-lan")).ToContainTextAsync("Hãy trao mật khẩu này");
        var password = (await OneTimePassword(page).InnerTextAsync()).Trim();
        Assert.Matches("^[A-Za-z0-9]{16}$", password);
        return (Ui.IdInUrl(page), password);
    }

    /// <summary>Opens the user's page and presses "Khóa tài khoản".</summary>
    public static async Task DisableUserAsync(IPage page, Guid id)
    {
        await page.GotoAsync(User(id));
        await Ui.SubmitAsync(page, page.Locator("form#khoa").GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản" }));
        await Ui.ExpectNoRefusalAsync(page, "Disabling the user");
        await Ui.ExpectFlashAsync(page, "Đã khóa");
        await Expect(page.Locator("dd[data-state]")).ToContainTextAsync("Đã khóa");
    }

    /// <summary>On the change-password page a user with a one-time password sets their own; expects the inbox.</summary>
    public static async Task ChangeOwnPasswordAsync(IPage page, string current, string replacement)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/tai-khoan/doi-mat-khau"));
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(current);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync(replacement);
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync(replacement);
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }));
        await Ui.ExpectNoRefusalAsync(page, "Changing the one-time password");
        await page.WaitForURLAsync(new Regex(@"^https?://[^/]+/(\?.*)?$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hộp việc");
    }
}
