using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary><c>/</c>: the tasks waiting for the signed-in user, a card each whose title links to its subject.</summary>
public static class InboxPage
{
    /// <summary>The task cards that mention <paramref name="text"/> (a proposal's title, a disbursement's code).</summary>
    public static ILocator TaskRows(IPage page, string text) =>
        page.Locator("main .inbox-task").Filter(new() { HasText = text });

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
        var link = TaskRows(page, text).First.Locator("a.inbox-title");
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForURLAsync("**" + href);
    }

    /// <summary>The outcome of the last bulk action: one line per ticked dossier, passed or refused with its reason.</summary>
    public static ILocator Outcome(IPage page, string code) => page.Locator(".bulk-outcome li").Filter(new() { HasText = code });

    /// <summary>
    /// Ticks the cards about each of <paramref name="texts"/> (by their labelled checkbox), chooses the bulk action
    /// (<paramref name="action"/>, as the select labels it: “Đề xuất: Phê duyệt”), fills its data fields and sends the form.
    /// </summary>
    public static async Task BulkAsync(IPage page, IEnumerable<string> texts, string action, IReadOnlyDictionary<string, string>? data = null)
    {
        foreach (var text in texts)
            await TaskRows(page, text).GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByLabel("Thao tác", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = action });
        foreach (var (field, value) in data ?? new Dictionary<string, string>())
            await page.Locator($"#b-{field}").FillAsync(value);
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Thực hiện cho các hồ sơ đã đánh dấu" }));
        await Expect(page.Locator(".bulk-outcome")).ToBeVisibleAsync();
    }
}
