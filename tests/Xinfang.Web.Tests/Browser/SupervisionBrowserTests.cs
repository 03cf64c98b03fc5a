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

        // The leaders' view after a sweep: the matter 40 days untouched is 挂牌督办 at its unit, first in the ranking.
        await Http.EnsureAsync(await supervisor.Http.PostAsync("/api/v1/supervision/sweep", null));
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/supervision/leaders", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("[data-listed-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator($"tr[data-unit='{unit.UnitId}'] [data-overdue]")).ToHaveTextAsync("1");
        await shots.TakeAsync("04-leaders-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("05-leaders-390");

        // 三项建议: made on the page with the matter's number; its 建议书 numbered.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/supervision/suggestions", new() { WaitUntil = WaitUntilState.Load });
        await page.GetByLabel("送达单位").SelectOptionAsync(unit.UnitId.ToString());
        await page.GetByLabel("反馈期限").FillAsync("2026-12-31");
        await page.GetByLabel("关联信访事项").FillAsync(matter.GetProperty("number").GetString()!);
        await page.GetByLabel("建议内容").FillAsync("建议人社局建立欠薪线索首接负责制，收到转送事项后五日内出具受理告知书。");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "登记并出具建议书" }).ClickAsync(),
            r => r.Request.Method == "POST", new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("阎信建〔2026〕");
        await shots.TakeAsync("06-suggestions-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("07-suggestions-390");
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));

        // The unit's desk shows its digest: the matter not yet accepted and overdue.
        await using var unitContext = await browser.NewContextAsync(app.BaseAddress);
        var desk = await unitContext.NewPageAsync();
        var deskWatch = new PageWatch(desk);
        var deskShots = new Screenshots(desk, "supervision");
        await desk.GotoAsync("/login");
        await desk.Locator("#Input_UserName").FillAsync(unit.UserName);
        await desk.Locator("#Input_Password").FillAsync("Staff-Pass-2026");
        await desk.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await desk.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await desk.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(desk.Locator("[data-digest='overdue-not-accepted']")).ToHaveTextAsync("1");
        await deskShots.TakeAsync("08-digest-1366");
        await desk.SetViewportSizeAsync(390, 844);
        await deskShots.TakeAsync("09-digest-390");
        Assert.True(deskWatch.Problems.Count == 0, string.Join(Environment.NewLine, deskWatch.Problems));
    }
}
