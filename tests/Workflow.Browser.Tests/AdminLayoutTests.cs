using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// The administration pages on an office screen and a phone, their errors beside the fields, who sees them
/// (administrators; monitors only the journal) and the second-factor setting only a national administrator may save.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminLayoutTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private static readonly (string Path, string Heading, string Shot)[] MainPages =
    [
        (AdminPages.Home, "Quản trị", "quan-tri"),
        (AdminPages.Units, "Đơn vị hành chính", "don-vi"),
        (AdminPages.Unit("BP.HQ"), "Hớn Quản", "don-vi-bp-hq"),
        (AdminPages.Agencies, "Cơ quan", "co-quan"),
        (AdminPages.Users, "Người dùng", "nguoi-dung"),
        (AdminPages.NewUser, "Tạo người dùng", "nguoi-dung-tao-moi"),
        (AdminPages.Journal, "Nhật ký quản trị", "nhat-ky"),
    ];

    [Fact]
    public async Task The_main_administration_pages_fit_an_office_screen_and_a_phone()
    {
        var desk = await SignedInAsync("admin");
        var phone = await SignedInOnPhoneAsync("admin");
        var number = 70;
        foreach (var (path, heading, shot) in MainPages)
        {
            foreach (var (page, width, device) in new[] { (desk, 1366, "1366"), (phone, 390, "390") })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response?.Status);
                await Expect(page.Locator("h1")).ToContainTextAsync(heading);
                await Screenshot(page, $"{number}-{shot}-{device}");
                var pageWidth = await PageWidthAsync(page);
                Assert.True(pageWidth <= width, $"{path} is {pageWidth}px wide on a {width}px screen: it scrolls sideways. Sticking out: "
                    + string.Join("; ", await WiderThanAsync(page, width)));
            }
            number++;
        }
        // every label names a field on the page
        foreach (var (path, _, _) in MainPages)
        {
            await desk.GotoAsync(path);
            var orphans = await desk.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('main label[for]')].filter(l => !document.getElementById(l.htmlFor)).map(l => l.htmlFor)");
            Assert.True(orphans.Length == 0, $"{path}: labels for missing fields: {string.Join(", ", orphans)}");
        }
        AssertNoBrowserProblems();
    }

    /// <summary>
    /// The elements whose right edge passes <paramref name="width"/>, outside the boxes that scroll — or positioned out
    /// of them: an absolutely positioned element inside a <c>.table-wrap</c> escapes its clipping and widens the page.
    /// </summary>
    private static Task<string[]> WiderThanAsync(IPage page, int width) => page.EvaluateAsync<string[]>(
        @"w => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > w
                && (!(e.parentElement && e.parentElement.closest('.table-wrap')) || getComputedStyle(e).position === 'absolute'))
            .slice(0, 8).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px): ${e.textContent.trim().slice(0, 60)}`)",
        width);

    [Fact]
    public async Task Refusals_show_beside_their_fields()
    {
        var page = await SignedInAsync("admin");

        // a unit with no code, no name and no parent
        await page.GotoAsync(AdminPages.Units);
        var form = page.Locator("form#tao-don-vi");
        await Ui.SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Tạo đơn vị" }));
        await Expect(page.Locator(".problem")).ToContainTextAsync("Chưa thực hiện được");
        await Expect(form.Locator("#Input_Code + span + .field-error[data-path='code']")).ToBeVisibleAsync();
        await Expect(form.Locator("#Input_Name + .field-error[data-path='name']")).ToBeVisibleAsync();
        await Screenshot(page, "80-quan-tri-don-vi-loi");

        // an agency code already taken: 409, at the code
        await page.GotoAsync(AdminPages.Agencies);
        var agency = page.Locator("form#tao-co-quan");
        await agency.GetByLabel("Mã cơ quan").FillAsync("BP.HQ.TCKH");
        await agency.GetByLabel("Tên").FillAsync("Phòng Tài chính - Kế hoạch");
        await agency.GetByLabel("Loại").SelectOptionAsync("FinanceOffice");
        await agency.GetByLabel("Đơn vị").SelectOptionAsync("DN");
        await Ui.SubmitAsync(page, agency.GetByRole(AriaRole.Button, new() { Name = "Tạo cơ quan" }));
        await Expect(agency.Locator(".field-error[data-path='code']")).ToContainTextAsync("BP.HQ.TCKH đã được dùng");

        // a journal date that is not dd/MM/yyyy
        await page.GotoAsync($"{AdminPages.Journal}?tu=2025-07-01");
        await Expect(page.Locator("#err-from .field-error")).ToContainTextAsync("dd/MM/yyyy");
        await page.GotoAsync($"{AdminPages.Journal}?tu=01/01/2020&den=31/12/2099&loai=Agency");
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0);

        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_monitor_reads_the_journal_only()
    {
        var page = await SignedInAsync("laodong");
        var nav = page.Locator("header nav");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Quản trị", Exact = true })).ToHaveCountAsync(0);
        await nav.GetByRole(AriaRole.Link, new() { Name = "Nhật ký quản trị" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhật ký quản trị");

        await page.GotoAsync(AdminPages.Home);
        await Expect(page).ToHaveURLAsync(new Regex("/quan-tri/nhat-ky$"));
        var refused = await page.GotoAsync(AdminPages.Users);
        Assert.Equal(403, refused?.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập");

        // the refusal on purpose: the access-denied page answers 403, which the browser also logs
        AssertNoBrowserProblemsExcept(p => p.Contains("/loi/403?ReturnUrl=%2Fquan-tri%2Fnguoi-dung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_national_administrator_may_set_the_roles_that_require_a_second_factor()
    {
        // the national administrator makes an administrator of the district Hớn Quản
        var national = await SignedInAsync("admin");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var district = new AdminPages.NewPerson($"qt.hq.{suffix}", "Trần Văn Quản", "Chuyên viên", "BP.HQ.UBND", "Admin");
        var (_, oneTimePassword) = await AdminPages.CreateUserAsync(national, district);

        var page = await NewDesktopPageAsync();
        await WebApp.SubmitSignInAsync(page, district.UserName, oneTimePassword);
        await AdminPages.ChangeOwnPasswordAsync(page, oneTimePassword, "quản trị huyện Hớn Quản 2025");

        // their lists stop at their district
        await page.GotoAsync(AdminPages.Units);
        await Expect(page.Locator("#units tbody tr[data-code='BP.HQ']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#units tbody tr[data-code='VN']")).ToHaveCountAsync(0);

        await page.GotoAsync(AdminPages.Users);
        var form = page.Locator("form#xac-thuc-hai-buoc");
        await form.GetByLabel("Lãnh đạo UBND").CheckAsync();
        await Ui.SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Lưu vai trò bắt buộc xác thực hai bước" }));
        await Expect(page.Locator(".problem")).ToContainTextAsync("Chỉ quản trị viên quốc gia");
        await Screenshot(page, "81-quan-tri-xac-thuc-hai-buoc-tu-choi");

        // nothing changed: the national administrator still sees no role ticked
        await national.GotoAsync(AdminPages.Users);
        await Expect(national.Locator("form#xac-thuc-hai-buoc input[type=checkbox]:checked")).ToHaveCountAsync(0);
        AssertNoBrowserProblems();
    }
}
