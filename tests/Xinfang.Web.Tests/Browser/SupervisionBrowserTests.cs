using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Browser;

/// <summary>The supervisor's daily page: problems counted by type, a letter issued in bulk, a phone reminder logged.</summary>
/// <remarks>On SQLite only: the screens are the same on both providers, whose behaviour is tested over HTTP.</remarks>
public sealed class SupervisionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervisor_filters_the_problems_issues_a_letter_in_bulk_and_logs_a_call()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var supervisor = await app.StaffAsync("610114", "supervisor");
        var unit = await app.StaffAsync(MatterApi.Labour, "handler");
        var matter = await MatterApi.RegisterAsync(registrar.Http, MatterApi.Letter(new DateOnly(2026, 10, 1), b => b["title"] = "拖欠农民工工资未受理"));
        await MatterApi.ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2026-10-01" });

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "supervision");
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(supervisor.UserName);
        await page.Locator("#Input_Password").FillAsync("Staff-Pass-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        await page.GotoAsync("/supervision", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("[data-problem-count='not-accepted']")).ToContainTextAsync("1");
        await page.GetByLabel("问题类型").SelectOptionAsync("not-accepted");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync(),
            r => r.Url.Contains("type=not-accepted", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.GetByText("未受理也未提出异议")).ToBeVisibleAsync();
        await shots.TakeAsync("01-problems-1366");

        await page.GetByLabel($"选择 {matter.GetProperty("number").GetString()}").CheckAsync();
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "对选中事项发督查督办函" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已发督查督办函 1 件");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("阎信督查〔2026〕") })).ToBeVisibleAsync();

        await page.GetByLabel("催办事项").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("接听人").FillAsync("区人社局 王科长");
        await page.GetByLabel("催办内容").FillAsync("请于本周内出具受理告知书。");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("电话催办已登记。")).ToBeVisibleAsync();
        await shots.TakeAsync("02-issued-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("03-issued-390");

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }
}
