using Microsoft.Playwright;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium for the whole run: Debian's <c>chromium</c> package at
/// <c>/usr/bin/chromium</c> (scripts/test.sh installs it), never a browser Playwright downloads.
/// Each test gets its own <see cref="IBrowserContext"/> (cookies, storage) from <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>Desktop by default; <see cref="Mobile"/> for a phone.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 768 };

    public static readonly ViewportSize Mobile = new() { Width = 390, Height = 844 };

    /// <summary>Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this network refuses.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=vi-VN",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("WORKFLOW_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(executable))
            throw new FileNotFoundException(
                $"No Chromium at {executable}. Run the tests with `bash scripts/test.sh`, which installs Debian's chromium package, or `apt-get install chromium`.");

        // the expectations wait a little longer than Playwright's 5 s: CI runs the API tests beside these on 2 cores
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh context on the app: Vietnamese locale (unless told otherwise) and time zone, desktop viewport unless told otherwise.</summary>
    /// <param name="bypassCsp">
    /// Lets the test inject a script of its own (axe-core): the app's Content-Security-Policy allows only its own
    /// scripts, and an injected script is inline.
    /// </param>
    public async Task<IBrowserContext> NewContextAsync(AppServer app, ViewportSize? viewport = null, bool bypassCsp = false, string locale = "vi-VN")
    {
        var mobile = viewport is not null && viewport.Width < 768;
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = viewport ?? Desktop,
            IsMobile = mobile,
            HasTouch = mobile,
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>Saves a full-page PNG to <c>artifacts/screenshots/{name}.png</c> at the repository root and returns its path.</summary>
    public static async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(RepoPaths.Screenshots, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
