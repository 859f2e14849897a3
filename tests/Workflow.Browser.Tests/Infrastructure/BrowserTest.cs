using Microsoft.Playwright;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>
/// A test with its own browser context and page on the shared app. Put <c>[Collection(BrowserCollection.Name)]</c>
/// on each test class. <see cref="Problems"/> gathers what went wrong in the browser (console errors, script errors,
/// failed requests, 4xx/5xx answers) on every page of the context, for <see cref="AssertNoBrowserProblems"/>.
/// </summary>
public abstract class BrowserTest(AppServer app, BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _problems = [];

    protected AppServer App => app;

    protected IBrowserContext Context { get; private set; } = null!;

    /// <summary>A page in a desktop (1366×768) context.</summary>
    protected IPage Page { get; private set; } = null!;

    protected IReadOnlyList<string> Problems
    {
        get { lock (_problems) return [.. _problems]; }
    }

    public virtual async Task InitializeAsync()
    {
        Context = await NewContextAsync(null);
        Page = await Context.NewPageAsync();
    }

    /// <summary>A page in a new phone-sized (390×844, touch) context, with its own cookies.</summary>
    protected async Task<IPage> NewMobilePageAsync()
    {
        var context = await NewContextAsync(BrowserFixture.Mobile);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a new desktop context, with its own cookies: a second user at the same time.</summary>
    protected async Task<IPage> NewDesktopPageAsync()
    {
        var context = await NewContextAsync(null);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a new context of the given size (own cookies); phone-like (touch) below 768 px.</summary>
    protected async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        var context = await NewContextAsync(viewport);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a new context of the given width (own cookies) into which a test may inject its own scripts.</summary>
    protected async Task<IPage> NewPageForAuditAsync(ViewportSize viewport)
    {
        var context = await NewContextAsync(viewport, bypassCsp: true);
        return await context.NewPageAsync();
    }

    /// <summary>A desktop page whose browser speaks another language (e.g. en-US): what the app shows must not depend on it.</summary>
    protected async Task<IPage> NewDesktopPageAsync(string locale)
    {
        var context = await NewContextAsync(null, locale: locale);
        return await context.NewPageAsync();
    }

    protected static Task<string> Screenshot(IPage page, string name) => BrowserFixture.Screenshot(page, name);

    /// <summary>Fails listing the console errors, script errors and failed requests seen so far.</summary>
    protected void AssertNoBrowserProblems()
    {
        var problems = Problems;
        Assert.True(problems.Count == 0, "The browser reported:\n" + string.Join("\n", problems));
    }

    private async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport, bool bypassCsp = false, string locale = "vi-VN")
    {
        var context = await browser.NewContextAsync(app, viewport, bypassCsp, locale);
        context.Page += (_, page) =>
        {
            page.Console += (_, message) =>
            {
                // the browser asks for /favicon.ico by itself; the app need not have one
                if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
                    Report($"console error on {page.Url}: {message.Text} ({message.Location})");
            };
            page.PageError += (_, error) => Report($"script error on {page.Url}: {error}");
        };
        context.RequestFailed += (_, request) => Report($"request failed: {request.Method} {request.Url}: {request.Failure}");
        context.Response += (_, response) =>
        {
            if (response.Status >= 400) Report($"{response.Status} for {response.Request.Method} {response.Url}");
        };
        _contexts.Add(context);
        return context;
    }

    private void Report(string problem)
    {
        lock (_problems) _problems.Add(problem);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
    }
}
