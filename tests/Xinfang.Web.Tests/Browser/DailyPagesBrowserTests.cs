using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The pages a clerk has open all day — the desk, the queue, a matter, search — at a desk size (1366×768) and at a
/// phone's width (390×844): nothing scrolls sideways, no internal code or English role name reaches the text, and the
/// accessibility pass finds nothing. Screenshots of every page at both sizes are kept to be looked at. Then the
/// registrar's core path by keyboard alone — every daily page tabbed through (focus always visible, in page order, no
/// trap), 转送 from the receipt and from a queue row, the cursor where the next task starts — and the handler's 办结
/// form in its wide panel.
/// </summary>
/// <remarks>On SQLite only: the pages are the same on both providers.</remarks>
public sealed partial class DailyPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 768), (390, 844)];

    [Fact]
    public async Task The_daily_pages_fit_a_phone_speak_chinese_and_pass_the_accessibility_check()
    {
        await using var app = await XinfangApp.StartAsync(Db.Sqlite, kestrel: true);
        var registrar = await app.StaffAsync("610114", "registrar");
        var street = await app.StaffAsync(Street, "handler");
        // A queue with a routing suggestion (物业: the street), a long title and address, and a transferred matter.
        var waiting = await RegisterAsync(registrar.Http, Letter(app.Today, b =>
        {
            b["title"] = "小区物业服务质量差、供暖不热且物业公司拒不退还多收取的供暖费用问题";
            b["categoryCode"] = "urban-construction.property";
            b["petitioners"]![0]!["address"] = "西安市阎良区凤凰路街道办事处幸福小区三期十二号楼二单元一千二百零一室";
        }));
        var transferred = await RegisterAsync(registrar.Http, Letter(app.Today, b => b["title"] = "反映拖欠农民工工资问题"));
        await ActAsync(registrar.Http, transferred, "transfer", new { unitId = street.UnitId, on = Date(app.Today) });
        await ActAsync(street.Http, transferred, "accept", new { on = Date(app.Today) });
        var received = await RegisterAsync(registrar.Http, Letter(app.Today, b =>
        {
            b["title"] = "小区物业擅自占用公共绿地停车";
            b["categoryCode"] = "urban-construction.property";
        }));

        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var shots = new Screenshots(page, "daily-pages");
        await SignInAsync(page, registrar.UserName);
        var pages = new (string Name, string Path)[]
        {
            ("desk", "/"),
            ("queue", "/matters/queue"),
            ("matter", $"/matters/{Id(waiting)}"),
            ("search", "/matters?q=物业"),
            ("receipt", $"/matters/{Id(received)}/receipt"),
        };
        var problems = new List<string>();
        foreach (var (name, path) in pages)
        {
            await CheckAsync(page, shots, name, path, problems);
        }

        await using var handlerContext = await browser.NewContextAsync(app.BaseAddress);
        var handlerPage = await handlerContext.NewPageAsync();
        var handlerWatch = new PageWatch(handlerPage);
        await SignInAsync(handlerPage, street.UserName);
        var handlerShots = new Screenshots(handlerPage, "daily-pages");
        await CheckAsync(handlerPage, handlerShots, "handler-desk", "/desk/handling", problems);
        await CheckAsync(handlerPage, handlerShots, "handler-matter", $"/matters/{Id(transferred)}", problems);
        await WideConcludePanelAsync(handlerPage, handlerShots, problems);
        await WalkAsync(handlerPage, "/desk/handling", problems);
        await WalkAsync(handlerPage, $"/matters/{Id(transferred)}", problems);

        // The registrar by keyboard alone: every daily page, then 转送 from the receipt and from the queue.
        foreach (var (_, path) in pages)
        {
            await WalkAsync(page, path, problems);
        }

        await TransferFromReceiptByKeyboardAsync(page, received, shots);
        await TransferFromQueueByKeyboardAsync(page, waiting, shots);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(watch.Problems.Concat(handlerWatch.Problems));
    }

    private static async Task CheckAsync(IPage page, Screenshots shots, string name, string path, List<string> problems)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(response?.Ok, $"{path}: {response?.Status}");
            await shots.TakeAsync($"{name}-{width}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scrollWidth, clientWidth) = (widths[0], widths[1]);
            if (scrollWidth > clientWidth)
            {
                problems.Add($"{path} at {width} px scrolls sideways: {scrollWidth} > {clientWidth}");
            }

            var text = await page.Locator("body").InnerTextAsync();
            foreach (Match code in InternalCode().Matches(text))
            {
                problems.Add($"{path}: internal code or English word “{code.Value}” in the text");
            }

            if (width == Sizes[0].Width)
            {
                try
                {
                    await AccessibilityCheck.AssertAsync(page);
                }
                catch (Exception e) when (e.GetType().Name.Contains("Assert", StringComparison.Ordinal) || e is Xunit.Sdk.XunitException)
                {
                    problems.Add(e.Message);
                }
            }
        }
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync("/login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(PageSession.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>
    /// A code (<c>urban-construction.property</c>, <c>request-review</c>) or a role's code name as text a person reads.
    /// Matter numbers, 文号 and dates have no Latin letters; e-mail-like and URL text does not appear on these pages.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[a-z]+[.-][a-z]+(?![A-Za-z0-9])|(?<![A-Za-z0-9-])(admin|registrar|handler|supervisor|director|auditor|leader)(?![A-Za-z0-9-])")]
    private static partial Regex InternalCode();

    /// <summary>
    /// Tabs from the top of the page until the focus leaves it again: every element reached shows where the focus is,
    /// is on screen, comes after the one before in the page (no positive tabindex), and the walk ends (no trap).
    /// With <paramref name="until"/>, stops on the first element that matches it instead and returns true.
    /// </summary>
    private static async Task<bool> WalkAsync(IPage page, string path, List<string> problems, string? until = null, bool navigate = true)
    {
        if (navigate)
        {
            await page.SetViewportSizeAsync(1366, 768);
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        }

        // Bootstrap scrolls smoothly unless the user asks for less motion; the walk reads positions right after each Tab.
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        // Start at the top of the page, not after an autofocused field: the next Tab goes to the page's first element.
        await page.EvaluateAsync("""
            () => {
              const root = document.documentElement;
              root.setAttribute('tabindex', '-1');
              root.focus();
              root.removeAttribute('tabindex');
            }
            """);
        if (await page.EvaluateAsync<int>("() => document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"]):not([tabindex=\"0\"])').length") > 0)
        {
            problems.Add($"{path}: an element with a positive tabindex breaks the page order");
        }

        string? previous = null;
        for (var step = 0; step < 250; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusState?>(FocusScript, until);
            if (focus is null)
            {
                return until is null ? true : Fail($"{path}: the walk left the page without reaching {until}");
            }

            if (focus.Matches)
            {
                return true;
            }

            if (!focus.Shown)
            {
                problems.Add($"{path}: the focus on {focus.Name} is not visible");
            }

            if (!focus.OnScreen)
            {
                problems.Add($"{path}: {focus.Name} takes the focus but is not on screen");
            }

            if (focus.Before)
            {
                problems.Add($"{path}: Tab went back from {previous} to {focus.Name}");
            }

            previous = focus.Name;
        }

        return Fail($"{path}: 250 Tabs did not leave the page (a keyboard trap near {previous})");

        bool Fail(string problem)
        {
            problems.Add(problem);
            return false;
        }
    }

    private sealed class FocusState
    {
        public string Name { get; set; } = "";

        public bool Shown { get; set; }

        public bool OnScreen { get; set; }

        public bool Before { get; set; }

        public bool Matches { get; set; }
    }

    /// <summary>The focused element (null once the focus left the page or came round to the first again), whether a ring or outline shows it, and whether it precedes the last one.</summary>
    private const string FocusScript = """
        until => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          if (e === window.__xfFirstFocus) return null; // wrapped round to the first element: the whole page was walked
          window.__xfFirstFocus ??= e;
          const s = getComputedStyle(e);
          const shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
          const r = e.getBoundingClientRect();
          const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
          const last = window.__xfLastFocus;
          const before = !!last && last !== e && document.contains(last) && !!(e.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING);
          window.__xfLastFocus = e;
          const name = (e.getAttribute('aria-label') || e.innerText || e.id || e.name || e.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
          return { name: e.tagName.toLowerCase() + ' “' + name + '”', shown, onScreen, before, matches: !!until && e.matches(until) };
        }
        """;

    /// <summary>
    /// The receipt: the cursor starts on 打印; once printing is done it is on 转送 (suggested unit chosen), Enter
    /// transfers, and the registrar is back on a blank registration form with the cursor in its first field.
    /// </summary>
    private static async Task TransferFromReceiptByKeyboardAsync(IPage page, System.Text.Json.JsonElement matter, Screenshots shots)
    {
        await page.SetViewportSizeAsync(1366, 768);
        await page.GotoAsync($"/matters/{Id(matter)}/receipt", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeFocusedAsync();
        var unit = await SuggestedAsync(page);
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('afterprint'))");
        var transfer = page.Locator("[data-quick-transfer] button[type=submit]");
        await Assertions.Expect(transfer).ToBeFocusedAsync();
        await shots.TakeAsync("receipt-transfer-focused-1366");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/matters/new", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main > .alert[role=status]")).ToContainTextAsync($"{Number(matter)}：已转送至{unit}");
        await Assertions.Expect(page.Locator("input[data-channel]:focus")).ToHaveCountAsync(1);
        await shots.TakeAsync("receipt-transferred-next-registration-1366");
    }

    /// <summary>The queue: Tab reaches the row's 转送 in page order, Enter transfers to the suggested unit, and the queue is shown again.</summary>
    private static async Task TransferFromQueueByKeyboardAsync(IPage page, System.Text.Json.JsonElement matter, Screenshots shots)
    {
        var problems = new List<string>();
        await page.GotoAsync("/matters/queue", new() { WaitUntil = WaitUntilState.Load });
        var row = "[data-quick-transfer] button[type=submit]";
        var unit = await SuggestedAsync(page);
        Assert.True(await WalkAsync(page, "/matters/queue", problems, until: row, navigate: false), string.Join("\n", problems));
        Assert.Empty(problems);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/matters/queue", StringComparison.Ordinal) && !url.Contains("handler", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main > .alert[role=status]")).ToContainTextAsync($"{Number(matter)}：已转送至{unit}");
        await Assertions.Expect(page.GetByText("没有待处置的事项。")).ToBeVisibleAsync();
        await shots.TakeAsync("queue-transferred-1366");
    }

    /// <summary>The handler's 办结 form opens in a panel as wide as a desk screen allows and as the phone; nothing scrolls sideways.</summary>
    private static async Task WideConcludePanelAsync(IPage page, Screenshots shots, List<string> problems)
    {
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce }); // no slide to catch half-way
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Load });
            await page.GetByRole(AriaRole.Button, new() { Name = "提交处理意见（待审批）" }).ClickAsync();
            var panel = page.Locator("#form-conclude");
            await Assertions.Expect(page.Locator("#form-conclude.show:not(.showing)")).ToBeVisibleAsync(); // slid fully in
            var panelWidth = await panel.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
            var expected = width == 390 ? 390 : 960;
            if (Math.Abs(panelWidth - expected) > 2)
            {
                problems.Add($"办结 panel at {width} px is {panelWidth} px wide, expected {expected}");
            }

            await shots.TakeAsync($"handler-conclude-panel-{width}");
            if (width == Sizes[0].Width)
            {
                try
                {
                    await AccessibilityCheck.AssertAsync(page);
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    problems.Add(e.Message);
                }
            }

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(panel).ToBeHiddenAsync();
        }
    }

    /// <summary>The unit the one 转送 form on the page has chosen: the routing suggestion, marked as such.</summary>
    private static async Task<string> SuggestedAsync(IPage page)
    {
        var chosen = page.Locator("[data-quick-transfer] select option:checked");
        await Assertions.Expect(chosen).ToHaveTextAsync(new Regex("（建议）$"));
        return (await chosen.InnerTextAsync()).Replace("（建议）", "", StringComparison.Ordinal);
    }

    private static string Number(System.Text.Json.JsonElement matter) => matter.GetProperty("number").GetString()!;
}
