using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// Documents in a real browser: a handler opens a notice's print view from the matter page and downloads it; the
/// administrator edits a template, sees the live preview follow the typing and a wrong field refused.
/// </summary>
/// <remarks>On SQLite only: the screens are the same on both providers, whose behaviour is tested over HTTP.</remarks>
public sealed class NoticeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_notice_opens_as_a_print_view_and_downloads_and_the_administrator_edits_its_template_with_a_live_preview()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today.AddDays(-3)));
        matter = await MatterApi.ActAsync(registrar.Http, matter, "decline", new { reason = "out-of-scope", on = Date(app.Today.AddDays(-1)) });
        var notice = Notice(matter, "decline-notice");

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await SignInAsync(context, registrar.UserName, PageSession.StaffPassword);
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "notices");

        await page.GotoAsync($"/matters/{Id(matter)}");
        var notices = page.GetByRole(AriaRole.Region, new() { Name = "文书" });
        await Assertions.Expect(notices).ToContainTextAsync("不予受理告知书");
        await shots.TakeAsync("01-matter-notices");

        // A download aborts its navigation by design: it happens on a page of its own, outside the watch.
        var downloader = await context.NewPageAsync();
        await downloader.GotoAsync($"/matters/{Id(matter)}");
        var download = await downloader.RunAndWaitForDownloadAsync(() =>
            downloader.GetByRole(AriaRole.Region, new() { Name = "文书" }).GetByRole(AriaRole.Link, new() { Name = "下载 Word" }).Last.ClickAsync());
        Assert.EndsWith("不予受理告知书.docx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(saved);
        Assert.Contains("不予受理", Xinfang.Web.Tests.Notices.NoticeDocumentTests.AssertValid(await File.ReadAllBytesAsync(saved)));
        File.Delete(saved);
        await downloader.CloseAsync();

        await page.GotoAsync($"/notices/{notice.GetProperty("id").GetGuid()}/print");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "不予受理告知书" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".sheet")).ToContainTextAsync(notice.GetProperty("number").GetString()!);
        await Assertions.Expect(page.Locator(".sheet")).ToContainTextAsync("张三：");
        await shots.TakeAsync("02-print-view");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync(); // nothing but the document on paper
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("03-print-view-390");
        await page.SetViewportSizeAsync(1366, 900);

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));

        await context.ClearCookiesAsync();
        page = await SignInAsync(context, "admin", XinfangApp.AdminPassword);
        watch = new PageWatch(page);
        shots = new Screenshots(page, "notices");
        await page.GotoAsync("/admin/templates?key=decline-notice.out-of-scope");
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync(notice.GetProperty("number").GetString()!);
        await Assertions.Expect(page.Locator("#preview-source")).ToContainTextAsync("不予受理告知书");
        await shots.TakeAsync("04-templates");

        var body = page.Locator("#t-body");
        await body.FillAsync(await body.InputValueAsync() + "\n如对本告知有疑问，请于工作日与本机关联系。");
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("如对本告知有疑问");

        await body.FillAsync(await body.InputValueAsync() + "\n联系人：{{承办人}}");
        await Assertions.Expect(page.Locator("#preview-error")).ToContainTextAsync("{{承办人}}");
        await shots.TakeAsync("05-unknown-field");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator(".invalid-feedback", new() { HasText = "{{承办人}}" })).ToBeVisibleAsync();

        await body.FillAsync((await body.InputValueAsync()).Replace("\n联系人：{{承办人}}", ""));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("第 2 版");
        await Assertions.Expect(page.Locator("#template-form")).ToContainTextAsync("当前第 2 版");
        await shots.TakeAsync("06-saved");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("07-templates-390");

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        return page;
    }
}
