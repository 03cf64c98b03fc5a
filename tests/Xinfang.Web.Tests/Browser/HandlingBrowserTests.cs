using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// A street's handler at work in a real browser: finds the transferred matter on the desk, accepts it, records a
/// mediation session first (调解前置), concludes with a mediation agreement draft; the unit head approves it.
/// </summary>
/// <remarks>On SQLite only: the screens are the same on both providers, whose behaviour is tested over HTTP.</remarks>
public sealed class HandlingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_handler_accepts_logs_a_mediation_and_concludes_and_the_head_approves()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Street, "handler");
        var head = await app.StaffAsync(Street, "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today.AddDays(-3), b =>
        {
            b["title"] = "小区供暖不热要求退费";
            b["categoryCode"] = "urban-construction.heating";
            b["locationUnitId"] = handler.UnitId.ToString();
        }));
        await MatterApi.ActAsync(registrar.Http, matter, "transfer", new { unitId = handler.UnitId, on = Date(app.Today.AddDays(-2)) });

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "handling");
        await SignInAsync(page, handler.UserName);

        await page.GotoAsync("/desk/handling");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的办理台" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "小区供暖不热要求退费" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/matters/{Id(matter)}$"));
        await shots.TakeAsync("01-transferred");

        await ActAsync(page, "受理");
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已受理（办理中）" })).ToBeVisibleAsync();
        await shots.TakeAsync("02-accepted");

        await OpenAsync(page, "办理记录");
        var log = page.Locator("#form-log");
        await log.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "调解" });
        await log.GetByLabel("办理情况").FillAsync("组织供热公司与业主代表调解，供热公司同意按不达标天数退费。");
        await SubmitAsync(page, log.GetByRole(AriaRole.Button, new() { Name = "确认办理记录" }));
        await Assertions.Expect(page.Locator(".xf-timeline")).ToContainTextAsync("组织供热公司与业主代表调解");

        // A handler's conclusion is a draft for the unit head, and the button says so.
        await OpenAsync(page, "提交处理意见（待审批）");
        var conclude = page.Locator("#form-conclude");
        await conclude.GetByLabel("结论（第三十二条）").SelectOptionAsync(new SelectOptionValue { Label = "调解（和解）达成协议" });
        await conclude.GetByLabel("处理意见").FillAsync("双方自愿达成调解协议：供热公司按不达标天数退还供暖费。");
        await shots.TakeAsync("03-conclusion-form");
        await SubmitAsync(page, conclude.GetByRole(AriaRole.Button, new() { Name = "提交审批" }));
        await Assertions.Expect(page.GetByText("处理意见已提交，待单位负责人审批后出具。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("草稿，待单位负责人审批")).ToBeVisibleAsync();
        await shots.TakeAsync("04-draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await SignInAsync(page, head.UserName);
        await page.GotoAsync($"/matters/{Id(matter)}");
        await ActAsync(page, "审批处理意见");
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已办结" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "文书" })).ToContainTextAsync("调解协议书");
        await shots.TakeAsync("05-concluded");

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

    /// <summary>Opens an action's form in the panel and confirms it with the defaults.</summary>
    private static async Task ActAsync(IPage page, string action)
    {
        await OpenAsync(page, action);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "确认" + action }));
    }

    /// <summary>Opens an action's form, a Bootstrap collapse, and waits for it to show.</summary>
    internal static async Task OpenAsync(IPage page, string action)
    {
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true });
        await toggle.ClickWhenScriptedAsync();
        await Assertions.Expect(page.Locator("#" + await toggle.GetAttributeAsync("aria-controls"))).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks a form's submit button and waits for the server's answer itself: the first action of a fresh app
    /// compiles its whole path, and on a loaded two-core machine that can take longer than an assertion's 5 s. On a
    /// busy machine a click has also been seen to reach no form (CI, twice): when no POST came and the button is still
    /// there, nothing was sent, so click again.
    /// </summary>
    internal static async Task SubmitAsync(IPage page, ILocator submit)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.RunAndWaitForResponseAsync(() => submit.ClickAsync(), r => r.Request.Method == "POST", new() { Timeout = 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                if (!await submit.IsVisibleAsync())
                {
                    throw;
                }
            }
        }
    }
}
