using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A seed document on the page: the national administrator loads Phường Quảng Minh's 2023 review (seed 002) as the
/// unit's old figures; its page shows the rates computed from the counts beside the rates the document states, and the
/// document's slips as warnings naming the check — the figures are kept as approved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringSeedPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task SeedReview_WhenLoaded_ShowsComputedBesideStatedRatesAndTheDocumentsSlipsAsWarnings()
    {
        using (var admin = await DemoApi.SignInAsync(App, "admin"))
        {
            var seed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "catalogues", "monitoring", "seeds", "002-quang-minh-2024.json")))!;
            await admin.PostAsync("/api/monitoring/import", seed);
        }

        var page = await SignedInAsync("admin");
        // the plan year 2024 opens with the review at the end of 2023
        await page.GotoAsync("/giam-sat/BG.VY.QM/2024");

        await Expect(page.Locator("h1")).ToContainTextAsync("Phường Quảng Minh");
        await Expect(page.Locator("[data-rate='poor']")).ToHaveTextAsync("0,57 %");
        await Expect(page.Locator("[data-rate='poor'] + td")).ToHaveTextAsync("0,57 %");
        // the document's deprivation rates that its own counts do not give (4 of 44 near-poor households is not 0,10 %)
        await Expect(page.Locator("li[data-check='StatedRatesMatchCounts']").First).ToBeVisibleAsync();
        AssertNoBrowserProblems();
    }
}
