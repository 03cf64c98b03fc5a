using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The first day with Xinfang in a real browser: the administrator's first login, a new handler's account, that
/// handler's first login. Screenshots of each step go to <see cref="BrowserFixture.ScreenshotRoot"/>.
/// </summary>
/// <remarks>
/// On SQLite only. The pages are the same on both providers, and what differs per provider under them (sign-in,
/// lockout, forced password change, creating users) is tested over HTTP on both; running the slowest tests twice would
/// only repeat the same screens.
/// </remarks>
public sealed class FirstLoginTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewAdminPassword = "Guanli-Yuan-2026";
    private const string InitialPassword = "Chushi-Mima-2026";
    private const string HandlerPassword = "Zhang-Wei-Mima-1";

    [Fact]
    public async Task The_administrator_and_a_new_handler_each_change_their_password_at_first_login()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        // The generated-password path prints a random password to the console, out of the test's reach. What it leaves
        // in the database is an administrator who must change the password: the configured test password plus that mark.
        await app.WithDbAsync(async d =>
        {
            var admin = await d.Users.SingleAsync(u => u.UserName == "admin", TestContext.Current.CancellationToken);
            admin.MustChangePassword = true;
            await d.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "first-login");

        // The administrator signs in and is sent to change the password before anything else.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2F$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "信访事项办理系统" })).ToBeVisibleAsync();
        await shots.TakeAsync("01-login");
        await SignInAsync(page, "admin", "Not-The-Password-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码不正确。");
        await shots.TakeAsync("01b-login-wrong-password");
        await SignInAsync(page, "admin", XinfangApp.AdminPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await Assertions.Expect(page.GetByText("请先设置您自己的密码")).ToBeVisibleAsync();
        await shots.TakeAsync("02-admin-must-change-password");
        // A wrong current password empties that field only: the new password typed twice stays, and the cursor waits in the field to retype.
        await ChangePasswordAsync(page, "Not-The-Password-1", NewAdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_CurrentPassword")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Input_CurrentPassword")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#Input_NewPassword")).ToHaveValueAsync(NewAdminPassword);
        await Assertions.Expect(page.Locator("#Input_ConfirmPassword")).ToHaveValueAsync(NewAdminPassword);
        await shots.TakeAsync("02b-wrong-current-password-keeps-the-new-one");
        await ChangePasswordAsync(page, XinfangApp.AdminPassword, NewAdminPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作台" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("密码已修改。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("系统管理员");
        await shots.TakeAsync("03-admin-desk");

        // 管理 · 用户与角色: a handler for 凤凰路街道办事处 with an initial password.
        await page.GetByRole(AriaRole.Button, new() { Name = "管理" }).ClickWhenScriptedAsync();
        var usersLink = page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "用户与角色" });
        await Assertions.Expect(usersLink).ToBeVisibleAsync();
        await shots.TakeAsync("04-admin-menu");
        await usersLink.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await page.Locator("#Input_UserName").FillAsync("zhang.wei");
        await page.Locator("#Input_DisplayName").FillAsync("张伟");
        await page.Locator("#Input_UnitId").SelectOptionAsync(new SelectOptionValue { Label = "凤凰路街道办事处" });
        await page.GetByLabel("承办人").CheckAsync();
        await page.Locator("#Input_Password").FillAsync(InitialPassword);
        await shots.TakeAsync("05-new-user-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("已保存用户：张伟（zhang.wei）")).ToBeVisibleAsync();
        var row = page.Locator("tr", new() { HasText = "zhang.wei" });
        await Assertions.Expect(row).ToContainTextAsync("凤凰路街道办事处");
        await Assertions.Expect(row).ToContainTextAsync("承办人");
        await Assertions.Expect(row).ToContainTextAsync("待改密码");
        await shots.TakeAsync("06-user-created");
        await page.GetByRole(AriaRole.Button, new() { Name = "管理" }).ClickWhenScriptedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "组织机构" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "凤凰路街道办事处" })).ToContainTextAsync("阎良区委区政府");
        await shots.TakeAsync("06b-organisation-tree");

        // The administrator leaves; the handler arrives with the password the administrator typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await SignInAsync(page, "zhang.wei", InitialPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await page.GotoAsync("/admin/users"); // nothing else opens before the password is changed
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await shots.TakeAsync("07-handler-must-change-password");
        await ChangePasswordAsync(page, InitialPassword, HandlerPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作台" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("张伟");
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("承办人");
        await Assertions.Expect(page.GetByText("凤凰路街道办事处 · 今天是 2026年11月27日 星期五")).ToBeVisibleAsync();
        await shots.TakeAsync("08-handler-desk");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("09-handler-desk-phone");

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.Locator("#Input_CurrentPassword").FillAsync(current);
        await page.Locator("#Input_NewPassword").FillAsync(next);
        await page.Locator("#Input_ConfirmPassword").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
    }
}
