using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Giám sát: Xã Tân Khai's standing office enters the review that opens 2025 and the one that opens 2026, sees the
/// rate the system computes and the warning when the year's flows do not lead from one to the other, and adds a target;
/// a count it cannot read is named under its field and nothing is saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task EnterBaseline_WhenFlowsDoNotBalance_ShowsComputedRateAndFlowsWarning()
    {
        var page = await SignedInAsync("tk.giamsat");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Giám sát" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Giám sát, đánh giá");
        await Expect(page.Locator("#don-vi-giam-sat tr[data-unit='DN.TK']")).ToContainTextAsync("Xã Tân Khai");

        // the review at the end of 2024: where 2025's flows start
        await page.GotoAsync("/giam-sat/DN.TK/2025");
        await Expect(page.Locator("#dau-ky")).ToContainTextAsync("Chưa có kết quả rà soát cuối năm 2024");
        await page.Locator("#Census_TotalHouseholds").FillAsync("3.100");
        await page.Locator("#Census_PoorHouseholds").FillAsync("50");
        await page.Locator("#Census_NearPoorHouseholds").FillAsync("70");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả rà soát" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu kết quả rà soát cuối năm 2024");

        await page.GetByRole(AriaRole.Link, new() { Name = "Năm 2026" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("năm 2026");
        await page.Locator("#Census_TotalHouseholds").FillAsync("3.120");
        await page.Locator("#Census_PoorHouseholds").FillAsync("4,1");
        await page.Locator("#Census_PoorPersons").FillAsync("150");
        await page.Locator("#Census_NearPoorHouseholds").FillAsync("57");
        await page.Locator("#Census_EscapedPoor").FillAsync("12");
        await page.Locator("#Census_NewlyPoor").FillAsync("1");
        await page.Locator("#Census_RePoor").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả rà soát" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-path='census.poor.households']")).ToContainTextAsync("'4,1' không phải số nguyên");
        await Expect(page.Locator("#Census_PoorHouseholds")).ToHaveValueAsync("4,1");
        await Expect(page.Locator("#dau-ky")).ToContainTextAsync("Chưa có kết quả rà soát cuối năm 2025");

        await page.Locator("#Census_PoorHouseholds").FillAsync("41");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả rà soát" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("1 cảnh báo");
        // 41 of 3.120 households, computed by the system
        await Expect(page.Locator("#bang-dau-ky [data-rate='poor']")).ToHaveTextAsync("1,31 %");
        // 50 − 12 + 1 + 0 = 39, not the 41 entered
        var warning = page.Locator("#canh-bao li[data-check='FlowsBalance']");
        await Expect(warning).ToContainTextAsync("FlowsBalance");
        await Expect(warning).ToContainTextAsync("= 39");
        await Expect(page.Locator("#bang-bien-dong")).ToContainTextAsync("39");
        await Screenshot(page, "90-giam-sat-dau-ky");

        await page.Locator("#Target_Kind").SelectOptionAsync("ReduceCount");
        await page.Locator("#Target_Subject").SelectOptionAsync("poorHouseholds");
        await page.Locator("#Target_Value").FillAsync("mười");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-path='target.value']")).ToContainTextAsync("không phải số");

        await page.Locator("#Target_Value").FillAsync("10");
        await page.Locator("#Target_Basis").FillAsync("Nghị quyết HĐND xã Tân Khai năm 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã thêm chỉ tiêu năm 2026");
        await Expect(page.Locator("#bang-chi-tieu")).ToContainTextAsync("Giảm (số hộ)");
        await Expect(page.Locator("#bang-chi-tieu")).ToContainTextAsync("Nghị quyết HĐND xã Tân Khai năm 2026");
        await Screenshot(page, "91-giam-sat-chi-tieu");

        // the list of units reads the latest review, its computed rate and the warning it raises
        await page.GotoAsync("/giam-sat");
        var row = page.Locator("#don-vi-giam-sat tr[data-unit='DN.TK']");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("2025");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("1,31 %");
        await Expect(row.Locator("td").Nth(7)).ToHaveTextAsync("1");

        // the neighbouring commune is outside the standing office's scope
        var neighbour = await page.GotoAsync("/giam-sat/DN.TH/2026");
        Assert.Equal(404, neighbour!.Status);

        // the province's monitor reads the commune's figures but enters none, on a phone too
        var monitor = await SignedInOnPhoneAsync("dn.giamsat");
        await monitor.GotoAsync("/giam-sat/DN.TK/2026");
        await Expect(monitor.Locator("#bang-dau-ky [data-rate='poor']")).ToHaveTextAsync("1,31 %");
        await Expect(monitor.Locator("#nhap-ra-soat")).ToHaveCountAsync(0);
        await Expect(monitor.Locator("#them-chi-tieu")).ToHaveCountAsync(0);
        Assert.True(await PageWidthAsync(monitor) <= 390, "The monitoring page scrolls sideways on a phone.");
        AssertNoBrowserProblemsExcept(p => p.Contains("/giam-sat/DN.TH/2026") && p.Contains("404"));
    }
}
