using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Quản trị › đơn vị › Kế hoạch trung hạn: the province's administrator sets Tân Hưng's 2026–2030 ceilings; one below
/// what the commune's 2026 plan already allocates is refused at its cell, the corrected set is saved and shown against
/// the plans.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CeilingPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task A_province_administrator_sets_a_communes_medium_term_ceilings_after_a_refused_cell()
    {
        var page = await SignedInAsync("dn.quantri");
        await page.GotoAsync("/quan-tri/don-vi/DN.TH");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trần vốn theo giai đoạn" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Kế hoạch trung hạn 2026–2030");
        await Expect(page.Locator("main")).ToContainTextAsync("chưa có trần");

        // each of Tân Hưng's plans (2026 up to this year, as the demo seeds them) gives DA2 1,000,000,000 đ of central
        // money: a ceiling of 900,000,000 is below what they allocate
        var allocated = 1_000_000_000L * (Math.Min(Ui.Today.Year, 2030) - 2025);
        await page.Locator("#ceiling-DA2-Central").FillAsync("900.000.000");
        await page.Locator("#ceiling-DA3-Central").FillAsync("5.000.000.000");
        await page.Locator("#ceiling-DA3-Provincial").FillAsync("500.000.000");
        await page.Locator("#ceiling-DA3-Commune").FillAsync("250.000.000");
        await page.Locator("#Basis").FillAsync("Quyết định 88/QĐ-UBND ngày 15/01/2026 của UBND tỉnh Đồng Nai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi kế hoạch trung hạn" }).ClickAsync();
        await Expect(page.Locator(".problem")).ToContainTextAsync("Trần mới thấp hơn");
        await Expect(page.Locator("tr[data-component='DA2'] .field-error").First).ToContainTextAsync(Ui.Vnd(allocated));
        await Expect(page.Locator("#ceiling-DA3-Central")).ToHaveValueAsync("5.000.000.000");
        await Screenshot(page, "85-tran-trung-han-loi");

        await page.Locator("#ceiling-DA2-Central").FillAsync("5.000.000.000");
        await page.Locator("#ceiling-DA2-Provincial").FillAsync("500.000.000");
        await page.Locator("#ceiling-DA2-Commune").FillAsync("250.000.000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi kế hoạch trung hạn" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Đã ghi kế hoạch trung hạn 2026-2030");
        var da2 = page.Locator("#ceilings tr[data-component='DA2']").First;
        await Expect(da2).ToContainTextAsync(Ui.Vnd(5_000_000_000));
        await Expect(da2).ToContainTextAsync(Ui.Vnd(5_000_000_000 - allocated));
        await Screenshot(page, "86-tran-trung-han");
        AssertNoBrowserProblems();
    }
}
