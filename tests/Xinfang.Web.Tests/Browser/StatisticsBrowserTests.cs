using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>The director opens the dashboard, sees the year's figures and charts, and a bar drills down to the matters behind it.</summary>
/// <remarks>On SQLite only: the screens are the same on both providers, whose figures are tested over HTTP.</remarks>
public sealed class StatisticsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_director_sees_the_dashboard_and_drills_down_to_the_matters()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var director = await app.StaffAsync("610114", "director");
        foreach (var (on, channel) in new[] { (new DateOnly(2026, 2, 3), "letter"), (new DateOnly(2026, 3, 9), "online"), (new DateOnly(2026, 3, 10), "online"), (new DateOnly(2025, 3, 2), "visit") })
        {
            await RegisterAsync(registrar.Http, Letter(on, b => b["channel"] = channel));
        }

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "statistics");
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(director.UserName);
        await page.Locator("#Input_Password").FillAsync("Staff-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/statistics$")); // the director lands on the dashboard

        await page.GotoAsync("/statistics?Year=2026", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("#stat-matters")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#stat-yoy")).ToHaveTextAsync("上升200.0%");
        await Assertions.Expect(page.Locator("#chart-channels svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kpi-table")).ToContainTextAsync("网信占比");
        await shots.TakeAsync("01-dashboard-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("02-dashboard-390");
        await page.SetViewportSizeAsync(1366, 900);

        await page.GotoAsync("/statistics/definitions");
        await Assertions.Expect(page.Locator("#def-on-time-completion")).ToContainTextAsync("届满当日");
        await shots.TakeAsync("03-definitions");

        // The 网上信访 link of the purpose/location tables is not there; the channel drill-down is the stat card's link.
        await page.GotoAsync("/statistics?Year=2026", new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("#stat-matters").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/matters\\?from=2026-01-01&to=2026-12-31"));
        await shots.TakeAsync("04-drill-down");

        await page.GotoAsync("/statistics/annual?Year=2026");
        await Assertions.Expect(page.Locator("#annual-text")).ToContainTextAsync("2026年受理信访总量为3件(批)，同比上升200.0%");
        await shots.TakeAsync("05-annual");

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }
}
