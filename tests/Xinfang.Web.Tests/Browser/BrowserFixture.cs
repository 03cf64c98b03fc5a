using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for a test class (<c>IClassFixture&lt;BrowserFixture&gt;</c>), launched on first use.
/// It is Debian's /usr/bin/chromium driven by Playwright's bundled driver; `playwright install` is never run
/// (TOOLCHAIN.md §6). Each test gets its own context: cookies and storage do not leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Expectations poll until their condition holds and return at once when it does; what this sets is only how long
    // they keep trying. Playwright's 5 s is too short for a first render on two cores shared with a parallel build
    // (Swagger UI drawing the whole API took 8 s there).
    static BrowserFixture() => Assertions.SetDefaultExpectTimeout(30_000);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: <c>XINFANG_SCREENSHOTS</c> if set, else <c>screenshots/</c> beside the test assembly.</summary>
    public static string ScreenshotRoot =>
        Environment.GetEnvironmentVariable("XINFANG_SCREENSHOTS") is { Length: > 0 } directory
            ? directory
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A fresh browser context on the app: a desktop window, Chinese locale, Beijing time.</summary>
    public async Task<IBrowserContext> NewContextAsync(string baseAddress)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                if (!File.Exists(ChromiumPath))
                {
                    throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium fonts-noto-cjk (./test.sh does it as root).");
                }

                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    // --no-sandbox: the build machines run as root. The rest keep Chromium from calling out to
                    // services the build machines cannot reach.
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                });
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
