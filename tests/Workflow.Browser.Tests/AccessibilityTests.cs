using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// axe-core finds no serious or critical WCAG 2.1 A/AA violation on the main pages, on a desk (1366 px), a phone
/// (390 px) and at the reflow width (320 px).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    [InlineData(320)]
    public async Task The_main_pages_have_no_serious_accessibility_violation(int width)
    {
        var viewport = new ViewportSize { Width = width, Height = width < 768 ? 844 : 768 };
        var desk = await SignedInAsync("nongnghiep");
        var proposalId = await SeededPlan.CreateDraftAsync(desk, $"Mô hình trồng cây ăn quả {Guid.NewGuid().ToString("N")[..6]}");

        var found = new List<string>();
        async Task Audit(IPage page, string what)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            foreach (var v in await Axe.SeriousViolationsAsync(page))
                found.Add($"{what} ({page.Url}): {v.Rule} [{v.Impact}] at {v.Target}: {v.Help}");
        }
        async Task Visit(IPage page, string path, string what)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status.ToString() ?? "nothing"}");
            await Audit(page, what);
        }

        var anonymous = await NewPageForAuditAsync(viewport);
        await Visit(anonymous, "/dang-nhap", "đăng nhập");

        var clerk = await NewPageForAuditAsync(viewport);
        await WebApp.SignInAsync(clerk, "nongnghiep");
        await Audit(clerk, "hộp việc");
        await Visit(clerk, "/de-xuat", "danh sách đề xuất");
        await Visit(clerk, $"/de-xuat/{proposalId}", "hồ sơ đề xuất");
        await Visit(clerk, $"/de-xuat/soan/{proposalId}", "biểu mẫu đề xuất");
        await Visit(clerk, "/ke-hoach", "danh sách kế hoạch");
        await PlanPage.OpenFromListAsync(clerk, SeededPlan.Year);
        var planId = Ui.IdInUrl(clerk);
        await Audit(clerk, "kế hoạch vốn");
        await Visit(clerk, "/bao-cao", "báo cáo");
        await Visit(clerk, $"/bao-cao/{planId}", "báo cáo kế hoạch");
        await Visit(clerk, "/giai-ngan", "danh sách giải ngân");
        await Visit(clerk, "/quyet-toan", "danh sách quyết toán");
        await Visit(clerk, "/tim-kiem?q=M%C3%B4+h%C3%ACnh", "tìm kiếm");
        await Visit(clerk, "/uy-quyen", "ủy quyền");

        var chair = await NewPageForAuditAsync(viewport);
        await WebApp.SignInAsync(chair, "chutich");
        await Audit(chair, "hộp việc của chủ tịch");
        await Visit(chair, "/giai-ngan", "danh sách giải ngân");
        var disbursement = chair.Locator("main a[href^='/giai-ngan/']").First;
        if (await chair.Locator("main a[href^='/giai-ngan/']").CountAsync() > 0)
        {
            await chair.GotoAsync((await disbursement.GetAttributeAsync("href"))!);
            await Audit(chair, "hồ sơ giải ngân");
        }
        await Visit(chair, "/quyet-toan", "danh sách quyết toán");
        if (await chair.Locator("main a[href^='/quyet-toan/']").CountAsync() > 0)
        {
            await chair.GotoAsync((await chair.Locator("main a[href^='/quyet-toan/']").First.GetAttributeAsync("href"))!);
            await Audit(chair, "hồ sơ quyết toán");
        }

        var officer = await NewPageForAuditAsync(viewport);
        await WebApp.SignInAsync(officer, "tk.giamsat");
        await Visit(officer, "/giam-sat", "giám sát, đánh giá");
        await Visit(officer, "/giam-sat/DN.TK/2026", "giám sát một đơn vị, với biểu mẫu");
        await Visit(officer, "/giam-sat/bao-cao", "báo cáo giám sát định kỳ, với biểu mẫu");
        if (await officer.Locator("#bang-bao-cao a").CountAsync() == 0)
        {
            // the deadline scan opens the reports that came due; without one yet, the officer starts one
            await officer.Locator("#Create_Template").SelectOptionAsync("bieu-01");
            await officer.Locator("#Create_Period").FillAsync("2025-H1");
            await Ui.SubmitAsync(officer, officer.Locator("#lap-bao-cao button[type=submit]"));
            await officer.GotoAsync("/giam-sat/bao-cao");
        }
        await Visit(officer, (await officer.Locator("#bang-bao-cao a").First.GetAttributeAsync("href"))!, "một báo cáo giám sát định kỳ");
        var monitor = await NewPageForAuditAsync(viewport);
        await WebApp.SignInAsync(monitor, "dn.giamsat");
        await Visit(monitor, "/giam-sat/tong-quan", "tổng quan của tỉnh");

        var admin = await NewPageForAuditAsync(viewport);
        await WebApp.SignInAsync(admin, "admin");
        foreach (var (path, what) in new[]
                 {
                     ("/quan-tri", "quản trị"), ("/quan-tri/nguoi-dung", "người dùng"), ("/quan-tri/co-quan", "cơ quan"),
                     ("/quan-tri/don-vi", "đơn vị"), ("/quan-tri/chinh-sach", "chính sách"), ("/quan-tri/danh-muc-chuong-trinh", "danh mục"),
                     ("/quan-tri/nhat-ky", "nhật ký quản trị"), ("/nhat-ky", "nhật ký hồ sơ"),
                 })
            await Visit(admin, path, what);

        Assert.True(found.Count == 0,
            $"axe-core found {found.Count} serious or critical WCAG 2.1 A/AA violations at {width} px:\n" + string.Join("\n", found));
        await Expect(admin.Locator("h1")).ToBeVisibleAsync();
    }
}
