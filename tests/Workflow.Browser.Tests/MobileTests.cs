using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>On a 390×844 phone the pages fit the screen's width: wide tables scroll inside their box, the page does not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MobileTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task The_proposal_page_and_the_inbox_fit_a_phone()
    {
        var title = $"Mô hình chăn nuôi gà thả vườn {Guid.NewGuid().ToString("N")[..6]}";
        var desk = await SignedInAsync("nongnghiep");
        var proposalId = await SeededPlan.CreateDraftAsync(desk, title);

        var phone = await SignedInOnPhoneAsync("nongnghiep");
        await phone.GotoAsync($"/de-xuat/{proposalId}");
        await Expect(phone.Locator("h1")).ToContainTextAsync(title);
        await Expect(phone.Locator(".diagram svg")).ToBeVisibleAsync();
        var proposalWidth = await PageWidthAsync(phone);
        await Screenshot(phone, "20-de-xuat-dien-thoai");
        Assert.True(proposalWidth <= 390, $"The proposal page is {proposalWidth}px wide on a 390px phone: it scrolls sideways.");

        await phone.GotoAsync("/");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Hộp việc");
        var inboxWidth = await PageWidthAsync(phone);
        await Screenshot(phone, "21-hop-viec-dien-thoai");
        Assert.True(inboxWidth <= 390, $"The inbox is {inboxWidth}px wide on a 390px phone: it scrolls sideways.");

        AssertNoBrowserProblems();
    }
}

/// <summary>
/// At 390 px (a phone) and 320 px (WCAG's reflow width) every main page fits the screen's width — tables become cards,
/// long agency names in the filters do not widen the page — and no text is smaller than 14 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Theory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task Every_main_page_fits_the_width_with_text_of_at_least_14_px(int width)
    {
        var desk = await SignedInAsync("nongnghiep");
        var proposalId = await SeededPlan.CreateDraftAsync(desk, $"Mô hình nuôi vịt đẻ trứng {Guid.NewGuid().ToString("N")[..6]}");

        var problems = new List<string>();
        async Task Measure(Microsoft.Playwright.IPage page, string what)
        {
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
            var pageWidth = await PageWidthAsync(page);
            if (pageWidth > width) problems.Add($"{what} ({page.Url}) is {pageWidth}px wide: it scrolls sideways");
            // the smallest text a person reads: visible elements holding text of their own
            var smallest = await page.EvaluateAsync<string>("""
                () => {
                    let found = '';
                    for (const el of document.querySelectorAll('body *')) {
                        const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                        if (!own || !el.getClientRects().length || el.closest('.visually-hidden, [hidden], svg')) continue;
                        const style = getComputedStyle(el);
                        if (style.visibility === 'hidden' || style.display === 'none' || el.closest('table.cards > thead')) continue;
                        const size = parseFloat(style.fontSize);
                        if (size < 14 && !found) found = `${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 40)}” ${size}px`;
                    }
                    return found;
                }
                """);
            if (smallest.Length > 0) problems.Add($"{what} ({page.Url}) has text under 14 px: {smallest}");
            await Screenshot(page, $"reflow-{width}-{what.Replace(' ', '-')}");
        }
        async Task Visit(Microsoft.Playwright.IPage page, string path, string what)
        {
            await page.GotoAsync(path);
            await Measure(page, what);
        }

        var viewport = new Microsoft.Playwright.ViewportSize { Width = width, Height = 800 };
        var anonymous = await NewPageAsync(viewport);
        await Visit(anonymous, "/dang-nhap", "dang nhap");

        var clerk = await NewPageAsync(viewport);
        await WebApp.SignInAsync(clerk, "nongnghiep");
        await Measure(clerk, "hop viec");
        await Visit(clerk, "/de-xuat", "de xuat");
        await Visit(clerk, $"/de-xuat/{proposalId}", "ho so de xuat");
        await Visit(clerk, $"/de-xuat/soan/{proposalId}", "bieu mau de xuat");
        await Visit(clerk, "/ke-hoach", "ke hoach");
        await PlanPage.OpenFromListAsync(clerk, SeededPlan.Year);
        var planId = Ui.IdInUrl(clerk);
        await Measure(clerk, "ke hoach von");
        await Visit(clerk, $"/bao-cao/{planId}", "bao cao");
        await Visit(clerk, "/giai-ngan", "giai ngan");
        await Visit(clerk, "/quyet-toan", "quyet toan");
        await Visit(clerk, "/tim-kiem?q=M%C3%B4+h%C3%ACnh", "tim kiem");
        await Visit(clerk, "/uy-quyen", "uy quyen");

        var admin = await NewPageAsync(viewport);
        await WebApp.SignInAsync(admin, "admin");
        // the national administrator's filter lists every agency by its full name
        await Visit(admin, "/de-xuat", "de xuat toan quoc");
        await Visit(admin, "/quan-tri", "quan tri");
        await Visit(admin, "/quan-tri/nguoi-dung", "nguoi dung");
        await Visit(admin, "/quan-tri/co-quan", "co quan");
        await Visit(admin, "/quan-tri/nhat-ky", "nhat ky quan tri");
        await Visit(admin, "/nhat-ky", "nhat ky");

        Assert.True(problems.Count == 0, $"At {width} px:\n" + string.Join("\n", problems));
        AssertNoBrowserProblems();
    }
}
