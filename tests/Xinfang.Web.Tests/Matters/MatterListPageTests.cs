using System.Text.RegularExpressions;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>待处置 and 事项查询: one list, sorted by the nearest limit, with overdue and due-soon rows marked.</summary>
public sealed class MatterListPageTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task The_queue_shows_registered_matters_by_dispose_date_with_overdue_and_due_soon_rows_marked(Db db)
    {
        // Its own app: the queue and the desk count every registered matter.
        await using var app = await XinfangApp.StartAsync(db);
        var staff = await app.StaffAsync("610114", "registrar");
        var fresh = await RegisterAsync(staff.Http, Letter(app.Today, b => b["title"] = "今天收到的来信"));
        var overdue = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 10, 1), b => b["title"] = "十月收到的来信"));
        var dueSoon = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 11, 14), b => b["title"] = "月中收到的来信"));
        var transferred = await RegisterAsync(staff.Http, Letter(app.Today, b => b["title"] = "已转送的来信"));
        await ActAsync(staff.Http, transferred, "transfer", new { unitId = await app.UnitIdAsync(Labour) });
        var registrar = await PageSession.LoginAsync(app, staff.UserName, PageSession.StaffPassword);

        var queue = await registrar.GetPageAsync("/matters/queue");

        var rows = Regex.Matches(queue, "<tr class=\"([^\"]*)\">\\s*<td class=\"text-nowrap xf-who\">\\s*<a class=\"xf-mono[^\"]*\" href=\"/matters/[^\"]+\">([^<]+)</a>")
            .Select(m => (Class: m.Groups[1].Value, Number: m.Groups[2].Value)).ToList();
        Assert.Equal([Number(overdue), Number(dueSoon), Number(fresh)], rows.Select(r => r.Number));
        Assert.Equal(["xf-row-overdue", "xf-row-due-soon", ""], rows.Select(r => r.Class));
        Assert.Contains("已超期", queue);
        Assert.Contains("剩 1 个工作日", queue);
        Assert.Contains("初信初访", queue);
        Assert.Contains("阎良区人力资源和社会保障局", queue); // the routing suggestion for labour.wages
        Assert.DoesNotContain("已转送的来信", queue);

        var onlyOverdue = await registrar.GetPageAsync("/matters/queue?overdue=true");
        Assert.Contains(Number(overdue), onlyOverdue);
        Assert.DoesNotContain(Number(fresh), onlyOverdue);

        var desk = await registrar.GetPageAsync("/");
        Assert.Contains("待处置", desk);
        Assert.Matches("xf-stat text-danger\">3<", desk);
        Assert.Contains("其中 1 件已超期", desk);
    }

    [Theory, DatabaseData]
    public async Task The_queue_pages_by_thirty(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var staff = await app.StaffAsync("610114", "registrar");
        for (var i = 0; i < 31; i++)
        {
            await RegisterAsync(staff.Http, Letter(app.Today.AddDays(-i % 10), b => b["title"] = $"来信 {i}"));
        }

        var registrar = await PageSession.LoginAsync(app, staff.UserName, PageSession.StaffPassword);
        var first = await registrar.GetPageAsync("/matters/queue");
        var second = await registrar.GetPageAsync("/matters/queue?pageNumber=2");

        Assert.Contains("共 31 件，第 1 / 2 页", first);
        Assert.Contains("href=\"/matters/queue?pageNumber=2\"", first);
        Assert.Contains("共 31 件，第 2 / 2 页", second);
        Assert.Single(Regex.Matches(second, "<tr class="));
    }

    [Theory, DatabaseData]
    public async Task The_search_filters_by_the_query_string_and_is_open_to_supervisors(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114", "registrar");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var letter = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 11, 2), b => b["title"] = $"查询测试 {tag}"));
        var visit = await RegisterAsync(staff.Http, Letter(new DateOnly(2026, 11, 3), b =>
        {
            b["title"] = $"查询测试 {tag} 来访";
            b["channel"] = "visit";
        }));
        await ActAsync(staff.Http, visit, "transfer", new { unitId = await app.UnitIdAsync(Labour) });
        var supervisor = await PageSession.StaffAsync(app, "610114", "supervisor");

        var all = await supervisor.GetPageAsync($"/matters?q={tag}");
        var visits = await supervisor.GetPageAsync($"/matters?q={tag}&channel=visit");
        var registered = await supervisor.GetPageAsync($"/matters?q={tag}&status=registered");
        var early = await supervisor.GetPageAsync($"/matters?q={tag}&from=2026-11-01&to=2026-11-02");
        var none = await supervisor.GetPageAsync($"/matters?q={tag}&purpose=accusation");

        Assert.Contains(Number(letter), all);
        Assert.Contains(Number(visit), all);
        Assert.Contains("已转送", all);
        Assert.Contains("阎良区人力资源和社会保障局", all);
        Assert.DoesNotContain(Number(letter), visits);
        Assert.Contains(Number(visit), visits);
        Assert.Contains(Number(letter), registered);
        Assert.DoesNotContain(Number(visit), registered);
        Assert.Contains(Number(letter), early);
        Assert.DoesNotContain(Number(visit), early);
        Assert.Contains("没有符合条件的事项", none);
        Assert.Contains("selected=\"selected\">检举控告", none);
    }

    private static string Number(System.Text.Json.JsonElement matter) => matter.GetProperty("number").GetString()!;
}
