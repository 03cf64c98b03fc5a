using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// The pages a clerk has open all day — the desk, the queue, a matter, search — at a desk size (1366×768) and at a
/// phone's width (390×844): nothing scrolls sideways, no internal code or English role name reaches the text, and the
/// accessibility pass finds nothing. Screenshots of every page at both sizes are kept to be looked at.
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
}
