using System.Text.RegularExpressions;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>A clerk sees only their own agency's proposals: another agency's answers as if it did not exist.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyScopingTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task The_health_centre_cannot_open_the_agricultural_centres_proposal()
    {
        var title = $"Mô hình trồng rau an toàn {Guid.NewGuid().ToString("N")[..6]}";
        var agriculture = await SignedInAsync("nongnghiep");
        var proposalId = await SeededPlan.CreateDraftAsync(agriculture, title);
        var code = (await agriculture.Locator("main p.muted").First.InnerTextAsync()).Split('·')[0].Trim();
        Assert.StartsWith("ĐX-", code, StringComparison.Ordinal);

        var health = await SignedInAsync("yte");
        var response = await health.GotoAsync($"/de-xuat/{proposalId}");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(health.Locator("h1")).ToHaveTextAsync("Không tìm thấy");
        var main = health.Locator("main");
        await Expect(main).Not.ToContainTextAsync(title);
        await Expect(main).Not.ToContainTextAsync(code);
        await Expect(health.Locator("#state, #position, .diagram, ol.timeline")).ToHaveCountAsync(0);
        await Expect(health.Locator("title")).Not.ToHaveTextAsync(new Regex(Regex.Escape(code)));
        await Screenshot(health, "40-de-xuat-co-quan-khac-khong-tim-thay");

        // word for word what an id that does not exist gets: the answer does not tell that the proposal is there
        var seen = (await main.InnerTextAsync()).Replace(proposalId.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
        var unknownId = Guid.NewGuid();
        var unknown = await health.GotoAsync($"/de-xuat/{unknownId}");
        Assert.Equal(404, unknown?.Status);
        Assert.Equal((await main.InnerTextAsync()).Replace(unknownId.ToString(), "{id}", StringComparison.OrdinalIgnoreCase), seen);

        // the same for its disbursement and settlement forms
        foreach (var formPath in new[] { "giai-ngan", "quyet-toan" })
        {
            var form = await health.GotoAsync($"/de-xuat/{proposalId}/{formPath}");
            Assert.Equal(404, form?.Status);
            await Expect(health.Locator("h1")).ToHaveTextAsync("Không tìm thấy");
            await Expect(main).Not.ToContainTextAsync(title);
        }

        // the 404 answers asked for, which Chromium also logs as console errors; nothing else
        AssertNoBrowserProblemsExcept(p => (p.Contains($"/de-xuat/{proposalId}", StringComparison.Ordinal) || p.Contains($"/de-xuat/{unknownId}", StringComparison.Ordinal))
            && (p.StartsWith("404 for GET ", StringComparison.Ordinal) || p.Contains("status of 404 (Not Found)", StringComparison.Ordinal)));
    }
}
