using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The reception window in real Chromium: a registrar registers a visit with the keyboard alone (Tab, typing, Space,
/// arrow keys, Ctrl+Enter; never the mouse), prints the receipt and the matter goes on to a unit. Screenshots of each
/// screen are saved under the screenshot root (registration-Sqlite/) for people to look at.
/// </summary>
public sealed class RegistrationBrowserTests
{

    [Theory, DatabaseData]
    public async Task A_registrar_registers_a_visit_with_the_keyboard_alone_and_transfers_it(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db, kestrel: true);
        var staff = await app.StaffAsync("610114", "registrar");
        var idNumber = TestPeople.IdNumber(male: false);
        var prior = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 8, 3), b =>
        {
            b["petitioners"]![0]!["name"] = "王秀兰";
            b["petitioners"]![0]!["idNumber"] = idNumber;
            b["title"] = "讨要建筑工地拖欠的工资";
        }));
        await QueueContextAsync(staff.Http);

        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "zh-CN" });
        await LoginAsync(page, app, staff.UserName);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("其中 2 件已超期");
        await ScreenshotAsync(page, db, "0-desk");
        await page.GotoAsync(app.BaseAddress + "/matters/new");
        var keys = new Keys(page);

        await keys.AtAsync("channel-Visit");                  // autofocus: 来访 is preselected at the window
        await keys.TabAsync("received-on");
        await page.Keyboard.PressAsync("Control+A");
        await keys.TypeAsync("20261126");                    // back-dated: the visitor came yesterday
        await keys.TabAsync("p-0-name", "王秀兰");
        Assert.Equal("2026-11-26", await page.InputValueAsync("#received-on"));
        await keys.TabAsync("p-0-id", idNumber);
        await Assertions.Expect(page.Locator("#p-0-id-info")).ToContainTextAsync("女");
        await keys.TabAsync("p-0-phone", "029-86861234");
        await keys.TabAsync("p-0-address", "阎良区凤凰路街道北屯村 3 组");
        await keys.TabAsync("p-0-rep");
        await page.Keyboard.PressAsync("Space");             // she speaks for the two of them
        await keys.TabAsync("add-petitioner");
        await page.Keyboard.PressAsync("Enter");
        await keys.AtAsync("p-1-name");
        await keys.TypeAsync("李建国");
        await keys.TabAsync("p-1-id");
        await keys.TabAsync("p-1-phone", "13991234567");
        await keys.TabAsync("p-1-address");
        await keys.TabAsync("p-1-rep");
        await keys.TabAsync("移除此信访人");
        await keys.TabAsync("add-petitioner");

        // The "same person before?" panel has found her earlier letter: mark the new visit as its repeat.
        await Assertions.Expect(page.Locator("#same-person")).ToContainTextAsync(Number(prior));
        await keys.TabAsync("repeat-none");
        await page.Keyboard.PressAsync("ArrowDown");
        await keys.AtAsync($"repeat-{Id(prior)}");
        await keys.TabAsync("headcount");
        Assert.Equal("2", await page.InputValueAsync("#headcount"));
        await keys.TabAsync("purpose-Claim");
        await keys.TabAsync("category-search", "欠薪");
        await Assertions.Expect(page.Locator("#category-list")).ToBeVisibleAsync();
        await keys.TabAsync("location");                     // Tab takes the highlighted category
        Assert.Equal("labour.wages", await page.InputValueAsync("[name='Form.CategoryCode']"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await page.InputValueAsync("#location"));
        await keys.TabAsync("title", "再次讨要建筑工地拖欠的工资");
        await keys.TabAsync("content", "我们二人在阎良区某住宅项目工地务工，2026 年 6 月至 9 月的工资共 3.6 万元至今未付。8 月来信反映后，包工头答应 10 月底前结清，但至今未兑现。");
        await keys.TabAsync("demands", "支付拖欠的工资 3.6 万元");
        await page.Keyboard.PressAsync("Enter");
        await keys.TypeAsync("书面答复处理结果");
        await keys.TabAsync("flag-Urgent");
        await page.Keyboard.PressAsync("Space");             // wages before the Spring Festival: urgent
        foreach (var flag in new[] { "Collective", "OverLevel", "Threat", "LawRelated", "FirstTime" })
        {
            await keys.TabAsync("flag-" + flag);               // a repeat is not a first petition: left unticked
        }

        Assert.True(await page.IsCheckedAsync("#flag-Urgent"));
        Assert.False(await page.IsCheckedAsync("#flag-FirstTime"));
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await ScreenshotAsync(page, db, "1-form-filled");
        await page.Locator("[data-petitioners]").ScreenshotAsync(new() { Path = Path.Combine(Shots(page, db).Directory, "1-petitioners.png") });

        // The link chosen above is still chosen, whatever answers the panel received since.
        await Assertions.Expect(page.Locator($"#repeat-{Id(prior)}")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync(new Regex("/matters/[0-9a-f-]{36}/receipt$"));
        var number = await page.TextContentAsync("#receipt-number");
        var queryCode = await page.TextContentAsync("#receipt-query-code");
        Assert.Matches("^610114-2026-\\d{6}$", number);
        Assert.Matches("^[A-Z2-9]{8,}$", queryCode);
        await Assertions.Expect(page.Locator(".xf-receipt")).ToContainTextAsync("王秀兰、李建国");
        await Assertions.Expect(page.Locator(".xf-receipt")).ToContainTextAsync("2026年11月26日");
        await ScreenshotAsync(page, db, "2-receipt");
        await AssertPrintsOnOneA4PageAsync(page, db);

        var matterId = Guid.Parse(page.Url.Split('/')[^2]);
        var matter = await staff.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{matterId}", TestContext.Current.CancellationToken);
        Assert.Equal(number, Number(matter));
        Assert.Equal("2026-11-26", matter.GetProperty("receivedOn").GetString());
        Assert.Equal(Id(prior), matter.GetProperty("repeatOf").GetGuid());
        Assert.Equal(["王秀兰", "李建国"], matter.GetProperty("petitioners").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(matter.GetProperty("petitioners")[0].GetProperty("isRepresentative").GetBoolean());
        Assert.Equal("labour.wages", matter.GetProperty("categoryCode").GetString());
        Assert.Equal(["支付拖欠的工资 3.6 万元", "书面答复处理结果"], matter.GetProperty("demands").EnumerateArray().Select(d => d.GetString()));

        // From the receipt to the matter page, and the transfer to the suggested unit, still with the keyboard.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看事项" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex($"/matters/{matterId}$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "转送", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var form = page.Locator("#form-transfer");
        await Assertions.Expect(form.GetByLabel("转送至")).ToHaveValueAsync((await app.UnitIdAsync(Labour)).ToString()); // the routing suggestion
        await form.GetByLabel("说明").FocusAsync();
        await page.Keyboard.TypeAsync("欠薪问题，交人社局依法处理");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "已转送" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, db, "2b-transferred");
        Assert.Equal("transferred", Status(await staff.Http.GetFromJsonAsync<JsonElement>($"/api/v1/matters/{matterId}", TestContext.Current.CancellationToken)));

        await page.GotoAsync(app.BaseAddress + "/matters/queue");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(Number(prior));
        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync(number!);
        await Assertions.Expect(page.Locator("tr.xf-row-overdue")).ToHaveCountAsync(2);  // her August letter and the heating letter
        await ScreenshotAsync(page, db, "3-queue");

        await page.GotoAsync(app.BaseAddress + $"/matters?q={number}");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("已转送");
        await ScreenshotAsync(page, db, "4-search");

        await page.SetViewportSizeAsync(768, 1024);
        await page.GotoAsync(app.BaseAddress + "/matters/new");
        await ScreenshotAsync(page, db, "5-form-768");
        await page.GotoAsync(app.BaseAddress + "/matters/queue");
        await ScreenshotAsync(page, db, "6-queue-768");
    }

    [Theory, DatabaseData]
    public async Task A_wrong_id_number_is_flagged_as_it_is_typed_and_the_server_keeps_what_was_typed(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db, kestrel: true);
        var staff = await app.StaffAsync("610114", "registrar");
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "zh-CN" });
        await LoginAsync(page, app, staff.UserName);
        await page.GotoAsync(app.BaseAddress + "/matters/new");
        var keys = new Keys(page);

        await keys.TabAsync("received-on");
        await keys.TabAsync("p-0-name", "张卫东");
        await keys.TabAsync("p-0-id", TestPeople.WithWrongCheck(TestPeople.IdNumber()));
        await Assertions.Expect(page.Locator("#p-0-id")).ToHaveClassAsync(new Regex("is-invalid"));
        await Assertions.Expect(page.Locator("#p-0-id ~ .invalid-feedback")).ToHaveTextAsync("身份证号码校验位不正确，请核对号码。");
        await keys.TabAsync("p-0-phone", "1380000");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("尚未登记");
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("请填写事项标题");
        await keys.AtAsync("p-0-id");                          // the first problem has the focus
        Assert.Equal("张卫东", await page.InputValueAsync("#p-0-name"));
        Assert.Equal("1380000", await page.InputValueAsync("#p-0-phone"));
        await ScreenshotAsync(page, db, "7-form-errors");
    }

    [Theory, DatabaseData]
    public async Task The_administrator_pages_render_the_rules_and_the_taxonomy(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db, kestrel: true);
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "zh-CN" });
        await LoginAsync(page, app, "admin", XinfangApp.AdminPassword);

        await page.GotoAsync(app.BaseAddress + "/admin/routing");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("阎良区纪委监委");
        await page.SelectOptionAsync("#rule-target", new SelectOptionValue { Label = "阎良区人力资源和社会保障局" });
        await page.Locator("#rule-form button[type=submit]").ClickAsync();  // no condition: the domain's message
        await Assertions.Expect(page.Locator("#rule-form")).ToContainTextAsync("请至少设置一个条件");
        await ScreenshotAsync(page, db, "8-admin-routing");

        await page.GotoAsync(app.BaseAddress + "/admin/categories?edit=labour.wages");
        await Assertions.Expect(page.Locator("#category-code")).ToHaveValueAsync("labour.wages");
        await ScreenshotAsync(page, db, "9-admin-categories");
    }

    private static async Task QueueContextAsync(HttpClient registrar)
    {
        await RegisterAsync(registrar, Letter(new DateOnly(2026, 10, 9), b =>
        {
            b["title"] = "小区冬季供暖温度不达标";
            b["categoryCode"] = "urban-construction.heating";
            b["headcount"] = 12;
            b["flags"] = new System.Text.Json.Nodes.JsonArray("collective", "urgent");
            b["petitioners"]![0]!["isRepresentative"] = true;
        }));
        await RegisterAsync(registrar, Letter(new DateOnly(2026, 11, 14), b =>
        {
            b["title"] = "反映某村干部侵占集体资金";
            b["purpose"] = "accusation";
            b["categoryCode"] = "agriculture.collective-assets";
            b["demands"] = new System.Text.Json.Nodes.JsonArray();
            b["flags"] = new System.Text.Json.Nodes.JsonArray("over-level");
        }));
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static async Task LoginAsync(IPage page, XinfangApp app, string userName, string password = PageSession.StaffPassword)
    {
        await page.GotoAsync(app.BaseAddress + "/login");
        await page.Keyboard.TypeAsync(userName);              // the user name has the focus
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(app.BaseAddress + "/");
    }

    /// <summary>One folder per database under the shared screenshot root, as every browser test keeps them.</summary>
    private static Screenshots Shots(IPage page, Db db) => new(page, $"registration-{db}");

    private static Task ScreenshotAsync(IPage page, Db db, string name) => Shots(page, db).TakeAsync(name);

    /// <summary>The print stylesheet: the receipt alone, on exactly one A4 page.</summary>
    private static async Task AssertPrintsOnOneA4PageAsync(IPage page, Db db)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await ScreenshotAsync(page, db, "2-receipt-print");
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var pages = Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), "/Type\\s*/Page[^s]");
        Assert.Equal(1, pages);
        await File.WriteAllBytesAsync(Path.Combine(Shots(page, db).Directory, "2-receipt.pdf"), pdf);
    }

    private static string Number(JsonElement matter) => matter.GetProperty("number").GetString()!;

    /// <summary>Keyboard steps that check where the focus lands, so the test also pins the tab order.</summary>
    private sealed class Keys(IPage page)
    {
        private const string Focused = "document.activeElement.id || document.activeElement.getAttribute('aria-label') || document.activeElement.tagName";

        public async Task AtAsync(string expected)
        {
            try
            {
                // After a navigation the page's script may still be placing the focus.
                await page.WaitForFunctionAsync($"expected => ({Focused}) === expected", expected, new() { Timeout = 3000 });
            }
            catch (TimeoutException)
            {
            }

            Assert.Equal(expected, await page.EvaluateAsync<string>($"() => {Focused}"));
        }

        public async Task TabAsync(string expected, string? type = null)
        {
            await page.Keyboard.PressAsync("Tab");
            await AtAsync(expected);
            if (type is not null)
            {
                await TypeAsync(type);
            }
        }

        public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);
    }
}
