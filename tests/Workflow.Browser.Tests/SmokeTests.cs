using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(AppServer app, BrowserFixture browser) : BrowserTest(app, browser)
{
    [Fact]
    public async Task Health_answers_in_the_browser()
    {
        var response = await Page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", (await Page.Locator("body").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Sign_in_page_renders_with_its_styles()
    {
        var response = await Page.GotoAsync("/dang-nhap");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Expect(Page.Locator("h1")).ToContainTextAsync("Đăng nhập");
        await Expect(Page.Locator("#UserName")).ToBeVisibleAsync();
        await Expect(Page.Locator("#Password")).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // the stylesheet was served and applied: it is not the browser's default white page in Times
        var font = await Page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.DoesNotContain("Times", font, StringComparison.Ordinal);
        await Screenshot(Page, "00-dang-nhap");
        AssertNoBrowserProblems();
    }
}
