using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>Full-page screenshots of one test's steps, in a folder of their own under <see cref="BrowserFixture.ScreenshotRoot"/>.</summary>
public sealed class Screenshots(IPage page, string test)
{
    public string Directory { get; } = Path.Combine(BrowserFixture.ScreenshotRoot, test);

    public async Task TakeAsync(string step)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, step + ".png"), FullPage = true });
    }
}
