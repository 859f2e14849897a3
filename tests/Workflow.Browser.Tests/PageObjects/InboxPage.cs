using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary><c>/</c>: the tasks waiting for the signed-in user, each row's first cell linking to its subject.</summary>
public static class InboxPage
{
    /// <summary>The task rows that mention <paramref name="text"/> (a proposal's title, a disbursement's code).</summary>
    public static ILocator TaskRows(IPage page, string text) =>
        page.Locator("main table tbody tr").Filter(new() { HasText = text });

    /// <summary>
    /// Opens the inbox, finds the task about <paramref name="text"/> and follows its link. The inbox is read when the page
    /// loads, so it is reloaded (for up to 15 s, no fixed wait) in case the task is written a moment after the action.
    /// </summary>
    public static async Task OpenTaskAsync(IPage page, string text)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hộp việc");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await TaskRows(page, text).CountAsync() == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"No task about “{text}” in the inbox at {page.Url}:\n{await page.Locator("main").InnerTextAsync()}");
            await page.ReloadAsync();
        }
        var link = TaskRows(page, text).First.Locator("td").First.Locator("a");
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForURLAsync("**" + href);
    }
}
