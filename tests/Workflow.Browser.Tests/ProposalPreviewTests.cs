using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// The proposal form's preview shows the server's figures, so it agrees with submission to the đồng, and tells a
/// screen reader one sentence once the clerk pauses rather than the whole table at every keystroke.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalPreviewTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task A_value_chain_in_a_difficult_area_costing_11_million_may_get_exactly_7_700_000()
    {
        var clerk = await SignedInAsync("nongnghiep");
        var form = await PlanPage.OpenProposalFormAsync(clerk, SeededPlan.Year, "DA2");
        await Expect(clerk.Locator("[data-split-preview] [aria-live]")).ToHaveCountAsync(1);
        await Expect(form.Announcement).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(form.Announcement).ToHaveAttributeAsync("aria-atomic", "true");
        await Expect(clerk.Locator("[data-split-preview] table[aria-live]")).ToHaveCountAsync(0);

        await clerk.Locator("#Input_Kind").SelectOptionAsync("ValueChain");
        await clerk.Locator("#Input_AreaType").SelectOptionAsync("Difficult");
        await form.TypeTotalCostAsync(11_000_000);
        await form.ExpectPreviewSettledAsync();

        // typed at a person's pace: one answer, one sentence, after the last key
        await form.RecordAnnouncementsAsync();
        await form.TypeSupportAsync(7_700_000, keyDelayMs: 60);
        await form.ExpectPreviewSettledAsync();
        await Expect(form.Cap).ToHaveTextAsync($"Mức hỗ trợ tối đa: 70 % × {Ui.Vnd(11_000_000)} = {Ui.Vnd(7_700_000)}");
        await Expect(form.Cap).Not.ToHaveClassAsync(new Regex(@"\bfield-error\b"));
        await Expect(form.PreviewTotal).ToHaveTextAsync(Ui.Vnd(7_700_000));
        await Expect(form.Announcement).ToContainTextAsync($"trong mức hỗ trợ tối đa {Ui.Vnd(7_700_000)}");
        // no partial amount is ever read out (7, 77, 770 …): the figures are announced once the typing pauses; on a slow
        // machine the cleared field may be announced first, which is a pause too
        var said = await form.AnnouncementsAsync();
        var figures = said.Where(m => m.StartsWith("Chia ", StringComparison.Ordinal)).ToList();
        Assert.True(figures.Count == 1, $"Typing the support read out {figures.Count} splits: {string.Join(" | ", said)}");
        Assert.StartsWith($"Chia {Ui.Vnd(7_700_000)}: NSTW ", figures[0], StringComparison.Ordinal);
        Assert.Equal(figures[0], said[^1]);
        await Screenshot(clerk, "32-de-xuat-xem-truoc-muc-ho-tro");

        // one thousand đồng more is over the cap, by that thousand
        await form.TypeSupportAsync(7_701_000);
        await form.ExpectPreviewSettledAsync();
        await Expect(form.Cap).ToHaveTextAsync($"Mức hỗ trợ tối đa: 70 % × {Ui.Vnd(11_000_000)} = {Ui.Vnd(7_700_000)} — đề xuất đang vượt mức {Ui.Vnd(1_000)}");
        await Expect(form.Cap).ToHaveClassAsync(new Regex(@"\bfield-error\b"));
        await Expect(form.Announcement).ToContainTextAsync($"vượt mức hỗ trợ tối đa {Ui.Vnd(7_700_000)} là {Ui.Vnd(1_000)}");
        AssertNoBrowserProblems();
    }
}
