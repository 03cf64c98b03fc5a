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

    /// <summary>
    /// After filing, the street corrects the item (the history names what changed), then records that it became a
    /// petition by typing the matter's number; the bureau corrects an entry of the order log; the administrator edits
    /// the topic taxonomy. Screens at 1366 and 390 px.
    /// </summary>
    [Fact]
    public async Task An_item_is_corrected_and_becomes_a_petition_by_the_matter_number_and_the_bureau_corrects_the_order_log()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var street = await app.StaffAsync(MatterApi.Street, "handler");
        var bureau = await app.StaffAsync("610114", "registrar");
        var admin = await app.StaffAsync("610114", "admin");
        var item = await Prevention.LedgerApi.FileAsync(street.Http, await Prevention.LedgerApi.ItemAsync(app, MatterApi.Street, app.Today));
        var matter = await MatterApi.RegisterAsync(bureau.Http, MatterApi.Letter(app.Today));
        var number = matter.GetProperty("number").GetString()!;
        await Http.EnsureAsync(await bureau.Http.PostAsJsonAsync("/api/v1/incidents",
            new { on = $"{app.Today.AddDays(-1):yyyy-MM-dd}T09:00:00+08:00", behaviour = "lingering", staffAction = new[] { "dissuade" }, outcome = "经劝阻离开" }));

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "prevention");
        await SignInAsync(page, street.UserName);

        await page.GotoAsync($"/prevention/ledger/{Prevention.LedgerApi.Id(item)}");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByRole(AriaRole.Link, new() { Name = "更正内容" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "更正台账事项" })).ToBeVisibleAsync();
        await page.GetByLabel("涉及人数").FillAsync("15");
        await page.GetByLabel("风险等级").SelectOptionAsync(new SelectOptionValue { Label = "重大" });
        await shots.TakeAsync("05-edit-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("06-edit-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("修改了涉及人数、风险等级。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("风险重大")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav").GetByText("接待秩序记录")).ToHaveCountAsync(0);

        // The matter was registered at the bureau and not (yet) transferred: the street cannot name it, the bureau can.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await SignInAsync(page, bureau.UserName);
        await page.GotoAsync($"/prevention/ledger/{Prevention.LedgerApi.Id(item)}");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("化解进展").FillAsync("工人到区信访局来信反映");
        await page.GetByLabel("化解状态").SelectOptionAsync(new SelectOptionValue { Label = "已转信访" });
        await page.GetByLabel("信访事项编号").FillAsync("不存在的编号");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "记录进展" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("未找到编号为“不存在的编号”的信访事项")).ToBeVisibleAsync();
        await page.GetByLabel("化解进展").FillAsync("工人到区信访局来信反映");
        await page.GetByLabel("化解状态").SelectOptionAsync(new SelectOptionValue { Label = "已转信访" });
        await page.GetByLabel("信访事项编号").FillAsync(number);
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "记录进展" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已转信访" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await shots.TakeAsync("07-became-petition-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("08-became-petition-390");
        await page.SetViewportSizeAsync(1366, 900);

        await page.GotoAsync("/order/incidents");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByRole(AriaRole.Link, new() { Name = "更正" }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("更正记录")).ToBeVisibleAsync();
        await page.GetByLabel("处置结果").FillAsync("经劝阻、教育后自行离开");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("已更正接待秩序记录。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "经劝阻、教育后自行离开" })).ToBeVisibleAsync();
        await shots.TakeAsync("09-order-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("10-order-390");
        await page.SetViewportSizeAsync(1366, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(admin.UserName);
        await page.Locator("#Input_Password").FillAsync("Staff-Pass-2026");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.GotoAsync("/prevention/topics");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.Locator("#t-name").FillAsync("教育培训");
        await page.Locator("#t-code").FillAsync("education");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("已新增矛盾类型“教育培训”。")).ToBeVisibleAsync();
        await shots.TakeAsync("11-topics-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("12-topics-390");

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
