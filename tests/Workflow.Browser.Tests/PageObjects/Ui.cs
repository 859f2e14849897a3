using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>Small things every page object needs: sending a form and waiting for the page it leads to, money as the pages write it.</summary>
public static partial class Ui
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>An amount as the pages (and the live preview) write it: <c>260.892.000 ₫</c>.</summary>
    public static string Vnd(long amount) => amount.ToString("#,0", Vietnamese) + " ₫";

    /// <summary>An amount as a clerk types it into a money input: "177.000.000".</summary>
    public static string Grouped(long amount) => amount.ToString("#,0", Vietnamese);

    /// <summary>A date as a person types it into the pages' date inputs, dd/MM/yyyy whatever the browser's language.</summary>
    public static string DateValue(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as the API's JSON takes it (ISO 8601).</summary>
    public static string DateIso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today in Việt Nam, as the app counts days.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>
    /// Clicks a submit button and waits until the browser shows the document that answered it — the redirect after a
    /// success, or the same page again with its errors. Works when the next page has the same URL (post, redirect, get),
    /// which <c>WaitForURL</c> cannot tell apart.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { document.documentElement.dataset.submitted = 'yes'; }");
        await button.ClickAsync();
        await page.Locator("html:not([data-submitted])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The id at the end of the page's path, e.g. the proposal's in <c>/de-xuat/{id}</c>.</summary>
    public static Guid IdInUrl(IPage page)
    {
        var match = TrailingGuid().Match(new Uri(page.Url).AbsolutePath);
        Assert.True(match.Success, $"No id at the end of {page.Url}.");
        return Guid.Parse(match.Value);
    }

    /// <summary>Fails with the page's problem line and field errors when it shows any: a refusal nobody expected.</summary>
    public static async Task ExpectNoRefusalAsync(IPage page, string what)
    {
        // .field-error[data-path]: the server's messages; the live preview also paints its own warnings red
        var problems = await page.Locator(".problem, .field-error[data-path]").AllInnerTextsAsync();
        Assert.True(problems.Count == 0, $"{what} was refused on {page.Url}:\n" + string.Join("\n", problems));
    }

    /// <summary>The flash line a page shows after a redirect.</summary>
    public static Task ExpectFlashAsync(IPage page, string text) => Expect(page.Locator(".flash")).ToContainTextAsync(text);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex TrailingGuid();
}
