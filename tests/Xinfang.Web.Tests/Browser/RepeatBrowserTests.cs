using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Matters;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// Issue 14: the "来过吗？" panel fills in as the clerk types who came and what about, beside the form at 1366 px and
/// below the petitioners at 390 px; the clerk dismisses one suggestion and confirms another, and the matter page shows
/// the link, and an undecided pair with its reasons and the confirm/dismiss buttons;
/// then the person's page and a search with its marked words. Screenshots under repeats/. On SQLite only: the API tests cover both providers.
/// </summary>
public sealed class RepeatBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_registration_panel_suggests_repeats_as_the_clerk_types_and_the_matter_page_shows_the_link()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var staff = await app.StaffAsync("610114", "registrar");
        var person = Person.New();
        JsonObject Of(DateOnly on, string title, string content, string demand) => Letter(on, b =>
        {
            b["categoryCode"] = "urban-construction.heating";
            b["title"] = title;
            b["content"] = content;
            b["demands"] = new JsonArray(demand);
            b["petitioners"] = new JsonArray(new JsonObject { ["name"] = person.Name, ["idNumber"] = person.IdNumber, ["phone"] = person.Phone });
        });
        var heating = await RegisterAsync(staff.Http, Of(app.Today.AddDays(-40), "反映幸福小区暖气不热",
            "本人住在幸福小区12号楼，入冬以来室内温度只有14度，暖气片不热，多次找物业和热力公司没有解决。", "要求热力公司整改，保证室温达标"));
        var heatingAgain = await RegisterAsync(staff.Http, Of(app.Today.AddDays(-20), "幸福小区暖气还是不热",
            "幸福小区12号楼暖气一直不热，室内只有十四度，物业和热力公司都不管。", "要求退还部分供暖费"));

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, "repeats");
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(staff.UserName);
        await page.Locator("#Input_Password").FillAsync(PageSession.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseAddress + "/");
        await page.GotoAsync("/matters/new", new() { WaitUntil = WaitUntilState.Load });

        await page.Locator("#p-0-name").FillAsync(person.Name);
        await page.Locator("#p-0-id").PressSequentiallyAsync(person.IdNumber);
        await page.Locator("#title").FillAsync("暖气不热要求退费");
        await page.Locator("#content").PressSequentiallyAsync("幸福小区12号楼暖气不热，室内温度只有14度，找过物业和热力公司都没有解决，要求退还供暖费。");
        var panel = page.Locator("#same-person");
        await Assertions.Expect(panel.Locator($"[data-repeat-candidate='{Id(heating)}']")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator($"[data-repeat-candidate='{Id(heatingAgain)}']")).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("同一身份证号");
        await Assertions.Expect(panel).ToContainTextAsync("诉求相似度");
        await page.SetViewportSizeAsync(1366, 900);
        await shots.TakeAsync("01-register-panel-1366");
        await page.SetViewportSizeAsync(390, 844);
        await panel.ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync("02-register-panel-390");
        await page.SetViewportSizeAsync(1366, 900);

        // Dismiss the second, confirm the first; the form still registers.
        await panel.Locator($"[data-dismiss-repeat='{Id(heatingAgain)}']").ClickAsync();
        await Assertions.Expect(panel.Locator($"[data-repeat-candidate='{Id(heatingAgain)}']")).ToHaveCountAsync(0);
        await panel.Locator($"#repeat-{Id(heating)}").CheckAsync();
        await page.Locator("#p-0-phone").FillAsync(person.Phone);
        await page.Locator("#demands").FillAsync("要求退还部分供暖费");
        await page.Locator("[name='Form.CategoryCode']").EvaluateAsync("(e) => e.value = 'urban-construction.heating'");
        await page.Locator("#register-form").EvaluateAsync("(f) => f.requestSubmit()");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/receipt$"));
        var id = page.Url.Split('/')[^2];

        await page.GotoAsync($"/matters/{id}", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("#repeats")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"本事项是 {heating.GetProperty("number").GetString()} 的重复件");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"已排除：\\s*{heatingAgain.GetProperty("number").GetString()}"));
        await page.Locator("#repeats").ScrollIntoViewIfNeededAsync();
        await shots.TakeAsync("03-matter-links-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("04-matter-links-390");

        await page.GotoAsync($"/matters/{Id(heating)}", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已确认的重复件 1 件");

        // The pair (heatingAgain, heating) was never decided: its page offers it with the reasons and both buttons.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync($"/matters/{Id(heatingAgain)}", new() { WaitUntil = WaitUntilState.Load });
        var offered = page.Locator($"#repeats ~ ul [data-repeat-candidate='{Id(heating)}']");
        await Assertions.Expect(offered).ToContainTextAsync("同一身份证号");
        await Assertions.Expect(offered.GetByRole(AriaRole.Button, new() { Name = "确认为重复件" })).ToBeVisibleAsync();
        await shots.TakeAsync("05-matter-candidates-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("06-matter-candidates-390");

        // The person's page (their matters and visits) and the search with its marked words, looked at once here.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "全部信访" }).First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/people/"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(heating.GetProperty("number").GetString()!);
        await shots.TakeAsync("07-person-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("08-person-390");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/matters?q=" + Uri.EscapeDataString("暖气"), new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("main mark").First).ToBeVisibleAsync();
        await shots.TakeAsync("09-search-1366");
        await page.SetViewportSizeAsync(390, 844);
        await shots.TakeAsync("10-search-390");
    }
}
