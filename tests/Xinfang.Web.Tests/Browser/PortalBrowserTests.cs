using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Portal;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The public portal on a phone (375×812) in real Chromium with JavaScript switched off, as the issue asks: submit a
/// petition, read the number and code, query the progress, and after staff conclude the matter, rate it and request a
/// review. Every page passes the portal's accessibility check (labels, contrast, keyboard). Screenshots go to
/// portal-{db}/ under the screenshot root.
/// </summary>
public sealed class PortalBrowserTests
{
    [Theory, DatabaseData]
    public async Task A_citizen_submits_on_a_phone_follows_the_matter_rates_it_and_asks_for_a_review_without_javascript(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db, kestrel: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var phone = await NewPhoneAsync(browser, app.BaseAddress);
        var page = await phone.NewPageAsync();
        var shots = new Screenshots(page, $"portal-{db}");

        await page.GotoAsync("/portal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("信访须知");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("接待时间");
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("0-information");

        await page.GetByRole(AriaRole.Link, new() { Name = "我要信访" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交信访" }).ClickAsync();   // empty: every error at once, beside its field
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("个人信息保护告知");
        await Assertions.Expect(page.Locator("#title-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#phone-error")).ToBeVisibleAsync();
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("1-form-errors");

        await page.GetByLabel("姓名").FillAsync("赵六");
        await page.GetByLabel("手机号码").FillAsync("13712345678");
        await page.GetByLabel("问题发生地").SelectOptionAsync(new SelectOptionValue { Label = "凤凰路街道办事处" });
        await page.GetByLabel("标题").FillAsync("小区门口道路积水无人处理");
        await page.GetByLabel("诉求（每行一项）").FillAsync("尽快修复排水设施");
        await page.GetByLabel("事实和理由").FillAsync("凤凰路某小区门口道路每逢下雨严重积水，已有半年，居民出行困难。");
        await page.GetByLabel("证明材料（可不传）").SetInputFilesAsync(new FilePayload
        {
            Name = "积水照片.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0],
        });
        await page.GetByLabel("我已阅读并同意上述个人信息保护告知").CheckAsync();
        await shots.TakeAsync("2-form-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交信访" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("已登记，提交成功");
        var number = (await page.Locator("#receipt-number").TextContentAsync())!.Trim();
        var code = (await page.Locator("#receipt-query-code").TextContentAsync())!.Trim();
        Assert.Matches("^610114-2026-\\d{6}$", number);
        Assert.Matches("^[34679ACDEFGHJKMNPQRTUVWXY]{10}$", code);
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("3-done");

        await QueryAsync(page, number, code);
        await Assertions.Expect(page.Locator("#portal-status")).ToHaveTextAsync("已登记，信访部门正在处置");
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("4-progress-registered");

        await PortalApi.ConcludedAsync(app, number);

        await QueryAsync(page, number, code);
        await Assertions.Expect(page.Locator("#portal-status")).ToHaveTextAsync("已办结，处理意见已出具");
        await Assertions.Expect(page.Locator("#portal-unit")).ToHaveTextAsync("阎良区人力资源和社会保障局");
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("5-progress-concluded");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载 信访处理意见书" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);

        await page.Locator("#bureau-0").CheckAsync();            // 信访部门：满意
        await page.Locator("#unit-2").CheckAsync();              // 责任单位：不满意
        await page.GetByLabel("意见和建议（可不填）").FillAsync("积水问题没有真正解决");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(page.Locator("#portal-message")).ToHaveTextAsync("感谢您的评价，已记录。");
        await Assertions.Expect(page.Locator("#evaluated-title")).ToBeVisibleAsync();
        await shots.TakeAsync("6-rated");

        await page.GetByLabel("不服的理由和请求").FillAsync("排水设施只做了临时疏通，请求复查");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(page.Locator("#portal-status")).ToHaveTextAsync("正在复查");
        await Assertions.Expect(page.Locator("#portal-timeline")).ToContainTextAsync("申请复查");
        await AccessibilityCheck.AssertAsync(page);
        await shots.TakeAsync("7-review-requested");

        // The same pages at a desktop width.
        await page.SetViewportSizeAsync(1366, 860);
        await page.GotoAsync("/portal");
        await shots.TakeAsync("8-information-1366");

        // The staff side: the petitioner's file and rating on the matter page; an online spam set aside, on a desk and a phone.
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await PortalApi.MatterAsync(registrar.Http, number);
        var (spamNumber, _) = await PortalApi.SubmitAsync(app.Anonymous(), PortalApi.Petition(b => b["title"] = "优惠贷款 点击领取"));
        var spam = await MatterApi.ActAsync(registrar.Http, await PortalApi.MatterAsync(registrar.Http, spamNumber), "mark-spam", new { reason = "广告推销，无信访内容" });
        await using var desk = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1366, Height = 860 } });
        var staffPage = await desk.NewPageAsync();
        var staffShots = new Screenshots(staffPage, $"portal-{db}");
        await staffPage.GotoAsync("/login");
        await staffPage.Locator("#Input_UserName").FillAsync(registrar.UserName);
        await staffPage.Locator("#Input_Password").FillAsync(PageSession.StaffPassword);
        await staffPage.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await staffPage.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await staffPage.GotoAsync($"/matters/{MatterApi.Id(matter)}");
        await Assertions.Expect(staffPage.Locator("#attachments")).ToContainTextAsync("积水照片.png");
        await Assertions.Expect(staffPage.Locator("#evaluations")).ToContainTextAsync("信访人网上评价");
        await staffShots.TakeAsync("9-staff-matter-1366");
        await staffPage.GotoAsync($"/matters/{MatterApi.Id(spam)}");
        await Assertions.Expect(staffPage.Locator("#spam-mark")).ToContainTextAsync("广告推销，无信访内容");
        await staffShots.TakeAsync("10-staff-spam-1366");
        await staffPage.GotoAsync("/matters/queue?spam=true");
        await Assertions.Expect(staffPage.Locator("#spam-pill")).ToContainTextAsync("1");
        await staffShots.TakeAsync("11-staff-spam-queue-1366");
        await staffPage.SetViewportSizeAsync(390, 844);
        await staffPage.GotoAsync($"/matters/{MatterApi.Id(spam)}");
        await staffShots.TakeAsync("12-staff-spam-390");
        await staffPage.GotoAsync("/");
        await Assertions.Expect(staffPage.GetByText("件网上信访标记为垃圾信息")).ToBeVisibleAsync();
        await staffShots.TakeAsync("13-staff-desk-390");
    }

    /// <summary>Number and code typed with the keyboard and sent with Enter: the query works for someone without a mouse.</summary>
    private static async Task QueryAsync(IPage page, string number, string code)
    {
        await page.GotoAsync("/portal/query");
        await page.GetByLabel("信访件编号").FocusAsync();
        await page.Keyboard.TypeAsync(number);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("query-code", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(code.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task<IBrowserContext> NewPhoneAsync(IBrowser browser, string baseAddress)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            JavaScriptEnabled = false,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        AccessibilityCheck.WithoutScripts(context);
        return context;
    }
}
