using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// Documents in a real browser: a handler opens a notice's print view from the matter page and downloads it; the
/// administrator edits a template, sees the live preview follow the typing and a wrong field refused; the registrar
/// exports a matter's exchange package and sees the exchange page refuse it, saying why.
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

        // The exchange (issue 12): the matter page exports the matter's package; the exchange page imports one and says
        // why it refused it — here the same matter, already in this database.
        var exporter = await context.NewPageAsync();
        await exporter.GotoAsync($"/matters/{Id(matter)}");
        var exported = await exporter.RunAndWaitForDownloadAsync(() => exporter.GetByRole(AriaRole.Link, new() { Name = "导出交换包" }).ClickAsync());
        Assert.StartsWith("xinfang-exchange-", exported.SuggestedFilename);
        var package = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");
        await exported.SaveAsAsync(package);
        await exporter.CloseAsync();
        await page.GotoAsync("/exchange");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("上级交办或其他系统导出的交换包（.zip）").SetInputFilesAsync(package);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        var result = page.Locator("#import-result");
        await Assertions.Expect(result).ToContainTextAsync("交换包未导入，未保存任何内容");
        await Assertions.Expect(result).ToContainTextAsync($"信访事项 {matter.GetProperty("number").GetString()} 已在本系统中");
        await shots.TakeAsync("11-exchange-refused");
        await page.GetByLabel("上级交办或其他系统导出的交换包（.zip）").SetInputFilesAsync(new FilePayload { Name = "来信.zip", MimeType = "application/zip", Buffer = "not a zip"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("上传的文件不是 zip 格式的交换包");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("12-exchange-390");
        await page.SetViewportSizeAsync(1366, 900);
        File.Delete(package);

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

    [Fact]
    public async Task A_notice_is_delivered_its_signed_receipt_uploaded_and_linked_from_the_history_and_a_correction_issued_from_the_notice_list()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today.AddDays(-3)));
        matter = await MatterApi.ActAsync(registrar.Http, matter, "decline", new { reason = "out-of-scope", on = Date(app.Today.AddDays(-1)) });
        var notice = Notice(matter, "decline-notice");
        var number = notice.GetProperty("number").GetString()!;

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await SignInAsync(context, registrar.UserName, PageSession.StaffPassword);
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "notices");
        await page.GotoAsync($"/matters/{Id(matter)}");

        // 送达: the form offers the bureau's own undelivered notice; the history then says which, how and when.
        await HandlingBrowserTests.OpenAsync(page, "送达");
        await Assertions.Expect(page.Locator("#form-deliver select").First).ToContainTextAsync(number);
        await page.Locator("#form-deliver select").Nth(1).SelectOptionAsync("Post");
        await HandlingBrowserTests.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "确认送达" }));
        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "办理过程" });
        await Assertions.Expect(timeline).ToContainTextAsync($"不予受理告知书 {number} · 邮寄送达");

        // The signed 送达回执, scanned, goes on the matter as an attachment of that notice and is linked from its delivery.
        var attachments = page.GetByRole(AriaRole.Region, new() { Name = "附件" });
        await attachments.Locator("#attachment-file").SetInputFilesAsync(new FilePayload
        {
            Name = "签收回执.png", MimeType = "image/png",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        });
        await attachments.Locator("#attachment-kind").SelectOptionAsync("DeliveryReceipt");
        await attachments.Locator("#attachment-notice").SelectOptionAsync(notice.GetProperty("id").GetString()!);
        await HandlingBrowserTests.SubmitAsync(page, attachments.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已上传送达回执");
        await Assertions.Expect(attachments).ToContainTextAsync("签收回执.png");
        await Assertions.Expect(timeline.GetByRole(AriaRole.Link, new() { Name = "回执：签收回执.png" })).ToBeVisibleAsync();
        await shots.TakeAsync("08-delivered-with-receipt");

        // A file that is not what it claims is refused with the reason, and nothing is added.
        await attachments.Locator("#attachment-file").SetInputFilesAsync(new FilePayload { Name = "扫描件.pdf", MimeType = "application/pdf", Buffer = "MZ not a pdf"u8.ToArray() });
        await HandlingBrowserTests.SubmitAsync(page, attachments.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }));
        await Assertions.Expect(attachments.GetByRole(AriaRole.Alert)).ToContainTextAsync("按文件内容判断");
        await Assertions.Expect(attachments.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);

        // 更正 from the notice list: a new numbered notice naming the one it corrects.
        var notices = page.GetByRole(AriaRole.Region, new() { Name = "文书" });
        await notices.GetByRole(AriaRole.Button, new() { Name = "更正" }).Last.ClickWhenScriptedAsync();
        var form = page.Locator($"#correct-{notice.GetProperty("id").GetString()}");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.Locator("textarea").FillAsync("告知的申请期限有误");
        await HandlingBrowserTests.SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "出具更正文书" }));
        await Assertions.Expect(notices).ToContainTextAsync("已更正");
        await Assertions.Expect(notices).ToContainTextAsync($"更正 {number}");
        await Assertions.Expect(timeline).ToContainTextAsync($"更正不予受理告知书 {number}");
        await shots.TakeAsync("09-corrected");
        await page.SetViewportSizeAsync(390, 844);
        await notices.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync("10-notices-attachments-390");
        await page.SetViewportSizeAsync(1366, 900);

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
