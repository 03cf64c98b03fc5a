using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Browser;

/// <summary>A street files a dispute on the ledger in the browser, and the bureau finds it in the period's analysis.</summary>
/// <remarks>On SQLite only: the screens are the same on both providers, whose behaviour is tested over HTTP.</remarks>
public sealed class PreventionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_street_files_a_ledger_item_and_the_bureau_sees_it_in_the_analysis()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var bureau = await app.StaffAsync("610114", "registrar");

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "prevention");
        await SignInAsync(page, street.UserName);

        await page.GotoAsync("/prevention/ledger/new");
        await page.GetByLabel("矛盾类型").SelectOptionAsync(new SelectOptionValue { Label = "冬季供暖" });
        await page.GetByLabel("标题").FillAsync("凤凰路小区供暖温度不达标");
        await page.GetByLabel("基本情况").FillAsync("小区 3 栋住户反映室温不足 16 度，热力公司尚未检修。");
        await page.GetByLabel("涉及人员").FillAsync("3 栋住户");
        await page.GetByLabel("涉及人数").FillAsync("40");
        await page.GetByLabel("风险等级").SelectOptionAsync(new SelectOptionValue { Label = "高" });
        await page.GetByLabel("来源").SelectOptionAsync(new SelectOptionValue { Label = "网格上报" });
        await page.GetByLabel("责任人").FillAsync("李主任");
        await page.GetByLabel("稳控化解措施").FillAsync("协调热力公司三日内检修管网。");
        await shots.TakeAsync("01-new-item");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/prevention/ledger/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "凤凰路小区供暖温度不达标" })).ToBeVisibleAsync();
        await shots.TakeAsync("02-item");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await SignInAsync(page, bureau.UserName);
        var month = new DateOnly(app.Today.Year, app.Today.Month, 1);
        await page.GotoAsync($"/prevention/analysis?From={month:yyyy-MM-dd}&To={app.Today:yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("#stat-new")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "凤凰路小区供暖温度不达标" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-trends svg")).ToBeVisibleAsync();
        await shots.TakeAsync("03-analysis-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("04-analysis-390");

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync("Staff-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作台" })).ToBeVisibleAsync();
    }
}
