using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;

namespace Workflow.Browser.Tests;

/// <summary>A browser test with several people at once, each signed in in a browser context of their own.</summary>
public abstract class SignedInTest(AppServer app, BrowserFixture browser) : BrowserTest(app, browser)
{
    /// <summary>A new desktop window (own cookies) signed in as <paramref name="user"/>, on the inbox.</summary>
    protected async Task<IPage> SignedInAsync(string user)
    {
        var page = await NewDesktopPageAsync();
        await WebApp.SignInAsync(page, user);
        return page;
    }

    /// <summary>A new phone-sized window (own cookies) signed in as <paramref name="user"/>, on the inbox.</summary>
    protected async Task<IPage> SignedInOnPhoneAsync(string user)
    {
        var page = await NewMobilePageAsync();
        await WebApp.SignInAsync(page, user);
        return page;
    }

    /// <summary>Like <see cref="BrowserTest.AssertNoBrowserProblems"/>, but lets the problems the test caused on purpose pass.</summary>
    protected void AssertNoBrowserProblemsExcept(Func<string, bool> expected)
    {
        var problems = Problems.Where(p => !expected(p)).ToList();
        Assert.True(problems.Count == 0, "The browser reported:\n" + string.Join("\n", problems));
    }

    /// <summary>The page's full width in CSS pixels: no wider than the window when nothing scrolls sideways.</summary>
    protected static Task<int> PageWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
