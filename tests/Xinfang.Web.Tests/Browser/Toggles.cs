using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// Clicks on controls that only work once the page's scripts have run: Bootstrap's menus and folding panels.
/// Playwright's click waits for a navigation to commit, not for the new page's scripts, so on a loaded machine a click
/// can land on a button that does nothing yet and the menu or panel never opens.
/// </summary>
public static class Toggles
{
    public static async Task ClickWhenScriptedAsync(this ILocator toggle)
    {
        await toggle.Page.WaitForLoadStateAsync(LoadState.Load);
        await toggle.ClickAsync();
    }
}
