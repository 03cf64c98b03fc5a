using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// 工作日历, 期限规则 and 期限计算器 in Chromium, with screenshots of each page under
/// <see cref="BrowserFixture.ScreenshotRoot"/>/calendar-*.
/// </summary>
/// <remarks>
/// On SQLite only: the pages are the same on both providers, and what they call (CalendarEditor, PeriodRuleEditor,
/// DeadlineRecalculation) is tested over HTTP on both.
/// </remarks>
public sealed class CalendarPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HolidayBackground = "rgb(253, 226, 225)";
    private const string MakeUpDayBackground = "rgb(255, 241, 204)";

    [Fact]
    public async Task The_administrator_sees_national_day_as_a_holiday_and_its_saturday_as_a_make_up_working_day()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var (page, watch) = await SignInAsync(context, "admin", XinfangApp.AdminPassword);
        var shots = new Screenshots(page, "calendar-year");

        await page.GetByRole(AriaRole.Button, new() { Name = "管理" }).ClickWhenScriptedAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "工作日历" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/calendar$"));
        await Assertions.Expect(page.Locator("#calendar-year")).ToHaveTextAsync("2026 年"); // the year of the fake clock
        await page.GotoAsync("/admin/calendar?year=2025");

        var nationalDay = page.Locator("td[data-date='2025-10-01']");
        await Assertions.Expect(nationalDay).ToHaveClassAsync(new Regex("xf-day-holiday"));
        await Assertions.Expect(nationalDay).ToContainTextAsync("国庆节");
        await Assertions.Expect(nationalDay).ToHaveCSSAsync("background-color", HolidayBackground);
        var makeUpDay = page.Locator("td[data-date='2025-10-11']");
        await Assertions.Expect(makeUpDay).ToHaveClassAsync(new Regex("xf-day-workday"));
        await Assertions.Expect(makeUpDay).ToContainTextAsync("调休上班");
        await Assertions.Expect(makeUpDay).ToHaveAttributeAsync("title", "2025-10-11 国庆节、中秋节调休上班（上班）");
        await Assertions.Expect(makeUpDay).ToHaveCSSAsync("background-color", MakeUpDayBackground);
        await Assertions.Expect(page.Locator("td[data-date='2025-10-12']")).ToHaveClassAsync(new Regex("xf-day-weekend"));
        await Assertions.Expect(page.Locator("td[data-date='2025-10-09']")).ToHaveClassAsync(new Regex("xf-day-weekday"));
        await Assertions.Expect(page.Locator("#working-days")).ToHaveTextAsync("248");
        await Assertions.Expect(page.Locator("#calendar-source")).ToContainTextAsync("国办发明电〔2024〕12号");
        var october = page.GetByRole(AriaRole.Region, new() { Name = "2025年10月" });
        await Assertions.Expect(october.Locator(".xf-runs")).ToContainTextAsync("10月1日–8日 国庆节、中秋节");
        await Assertions.Expect(october.Locator(".xf-runs")).ToContainTextAsync("10月11日 国庆节、中秋节调休上班");
        await Assertions.Expect(page.Locator("#import")).ToBeVisibleAsync();
        await shots.TakeAsync("01-admin-2025");
        await october.ScreenshotAsync(new() { Path = Path.Combine(shots.Directory, "01b-october.png") });

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByRole(AriaRole.Region, new() { Name = "2025年1月" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots.Directory, "02-admin-2025-phone.png") });

        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    [Fact]
    public async Task The_administrator_pastes_2027_previews_a_mistake_corrects_it_and_saves_moving_a_deadline()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 1, 30, 0, TimeSpan.Zero));
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 17))); // 15 days: Friday 2027-01-01, provisional
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var (page, watch) = await SignInAsync(context, "admin", XinfangApp.AdminPassword);
        var shots = new Screenshots(page, "calendar-import");

        await page.GotoAsync("/admin/calendar?year=2027");
        await Assertions.Expect(page.Locator("#calendar-source")).ToContainTextAsync("2027 年节假日安排尚未录入");
        await Assertions.Expect(page.Locator("#working-days")).ToHaveTextAsync("261");
        await shots.TakeAsync("01-2027-not-entered");

        await page.Locator("#Source").FillAsync("国务院办公厅关于2027年部分节假日安排的通知（测试）");
        await page.Locator("#Lines").FillAsync(string.Join('\n',
            "# 元旦",
            "2027-01-01 至 2027-01-03 休 元旦",
            "2027-02-05~2027-02-12 holiday 春节",
            "2027-02-08 班 春节调休上班",
            "2027-02-20 workday 春节调休上班",
            "2027-13-01 休 不存在"));
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var problems = page.Locator("#preview-problems");
        await Assertions.Expect(problems).ToContainTextAsync("第 4 行：2027-02-08 是星期一，调休上班日只能是周六或周日。");
        await Assertions.Expect(problems).ToContainTextAsync("第 6 行：日期“2027-13-01”无效");
        await shots.TakeAsync("02-preview-with-mistakes");

        await page.Locator("#Lines").FillAsync(string.Join('\n',
            "2027-01-01 至 2027-01-03 休 元旦",
            "2027-01-31 班 春节调休上班",
            "2027-02-05~2027-02-12 holiday 春节",
            "2027-02-20 workday 春节调休上班"));
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview")).ToContainTextAsync("预览：放假 11 天，调休上班 2 天");
        await Assertions.Expect(page.Locator("td[data-date='2027-01-01']")).ToHaveClassAsync(new Regex("xf-day-holiday"));
        await Assertions.Expect(page.Locator("td[data-date='2027-01-31']")).ToHaveClassAsync(new Regex("xf-day-workday"));
        await shots.TakeAsync("03-preview-valid");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存 2027 年日历" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已保存 2027 年日历（第 1 版）：重算 1 个未办结期限，1 个到期日调整");
        await Assertions.Expect(page.Locator("#calendar-source")).ToContainTextAsync("国务院办公厅关于2027年部分节假日安排的通知（测试）");
        await Assertions.Expect(page.Locator("#working-days")).ToHaveTextAsync("256");
        await shots.TakeAsync("04-saved");

        matter = await GetAsync(registrar.Http, matter);
        Assert.Equal(new DateOnly(2027, 1, 4), Due(matter, "dispose"));
        Assert.False(Deadline(matter, "dispose").GetProperty("provisional").GetBoolean());
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    [Fact]
    public async Task The_administrator_changes_a_rule_and_adds_a_local_one_and_the_history_shows_both()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var (page, watch) = await SignInAsync(context, "admin", XinfangApp.AdminPassword);
        var shots = new Screenshots(page, "calendar-periods");

        await page.GetByRole(AriaRole.Button, new() { Name = "管理" }).ClickWhenScriptedAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "期限规则" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#rules tr[data-code='objection']")).ToContainTextAsync("工作日");
        await shots.TakeAsync("01-rules");

        await page.Locator("#rules tr[data-code='handling']").GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Code")).ToHaveValueAsync("handling");
        await page.Locator("#Input_Days").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已保存期限规则 handling“办理期限”（第 2 版）")).ToBeVisibleAsync();

        await page.Locator("#Input_Code").FillAsync("dispose.urgent");
        await page.Locator("#Input_Name").FillAsync("紧急事项处置期限");
        await page.Locator("#Input_Days").FillAsync("0");
        await page.Locator("#Input_Article").FillAsync("阎良区信访局紧急事项办理规定");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rule-form .alert-danger")).ToHaveTextAsync("天数 0 超出范围，期限只能是 1–3650 日。");
        await shots.TakeAsync("02-bad-days");
        await page.Locator("#Input_Days").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rules tr[data-code='dispose.urgent']")).ToContainTextAsync("地方");
        await Assertions.Expect(page.Locator("#rules tr[data-code='handling']")).ToContainTextAsync("45");
        var history = page.Locator("#rule-history tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(12);
        await Assertions.Expect(history.First).ToContainTextAsync("dispose.urgent");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("handling");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("admin");
        await shots.TakeAsync("03-local-rule-and-history");
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    [Fact]
    public async Task A_handler_computes_a_due_date_with_its_explanation_and_sees_the_calendar_read_only()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var handler = await app.StaffAsync(Labour, "handler");
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var (page, watch) = await SignInAsync(context, handler.UserName, "Staff-Pass-2026");
        var shots = new Screenshots(page, "calendar-due");

        await page.GetByRole(AriaRole.Button, new() { Name = "办理" }).ClickWhenScriptedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "期限计算器" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Start")).ToHaveValueAsync("2026-11-27");
        await page.Locator("#Start").FillAsync("2025-09-20");
        await page.Locator("#Days").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();

        await Assertions.Expect(page.Locator("#due-date")).ToContainTextAsync("2025-10-09 星期四");
        var explanation = page.GetByRole(AriaRole.List, new() { Name = "15 日（自然日） 的计算过程" });
        await Assertions.Expect(explanation).ToBeVisibleAsync();
        await Assertions.Expect(explanation).ToContainTextAsync("2025-10-05第 15 日，国庆节、中秋节假期，顺延（《民法典》第二百零三条）");
        await Assertions.Expect(explanation.Locator("li")).ToHaveCountAsync(6);
        await shots.TakeAsync("01-national-day");

        // The panel folds away and opens again (Bootstrap's collapse, no inline script).
        await page.GetByRole(AriaRole.Button, new() { Name = "解释此期限" }).ClickWhenScriptedAsync();
        await Assertions.Expect(explanation).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "解释此期限" }).ClickWhenScriptedAsync();
        await Assertions.Expect(explanation).ToBeVisibleAsync();

        await page.GotoAsync("/calendar/due?start=2026-12-20&days=10&kind=working");
        await Assertions.Expect(page.Locator("#due-date")).ToContainTextAsync("暂定");
        await shots.TakeAsync("02-provisional-2027");
        await page.GotoAsync("/calendar/due?start=2025-02-30&days=abc");
        await Assertions.Expect(page.Locator("#due-problems")).ToContainTextAsync("起算日“2025-02-30”不是有效日期");
        await Assertions.Expect(page.Locator("#due-problems")).ToContainTextAsync("天数“abc”不是整数。");
        await shots.TakeAsync("03-bad-input");

        await page.GotoAsync("/admin/calendar?year=2026");
        await Assertions.Expect(page.Locator("td[data-date='2026-02-17']")).ToHaveClassAsync(new Regex("xf-day-holiday"));
        await Assertions.Expect(page.Locator("#import")).ToHaveCountAsync(0);
        await shots.TakeAsync("04-handler-calendar-read-only");
        await page.GotoAsync("/admin/periods");
        await Assertions.Expect(page.Locator("#rules tbody tr")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#rule-form")).ToHaveCountAsync(0);
        Assert.True(watch.Problems.Count == 0, string.Join(Environment.NewLine, watch.Problems));
    }

    /// <summary>Signs in through the login page; problems are watched from the first page after it.</summary>
    private static async Task<(IPage Page, PageWatch Watch)> SignInAsync(IBrowserContext context, string userName, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        return (page, new PageWatch(page));
    }
}
