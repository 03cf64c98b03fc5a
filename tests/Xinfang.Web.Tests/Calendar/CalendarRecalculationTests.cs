using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Calendar;

/// <summary>
/// Entering next year's calendar (the State Council publishes it each November) recomputes every open deadline that
/// runs into that year, in one transaction, and says so in each moved matter's history. Each test has its own app:
/// the calendar and the clock are global state.
/// </summary>
public sealed class CalendarRecalculationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A test calendar for 2027 in the shape of the notices (the real notice is not published yet).</summary>
    private static object Calendar2027(string source = "国务院办公厅关于2027年部分节假日安排的通知（测试）") => new
    {
        year = 2027,
        source,
        days = new object[]
        {
            Day("2027-01-01", "holiday", "元旦"), Day("2027-01-02", "holiday", "元旦"), Day("2027-01-03", "holiday", "元旦"),
            Day("2027-01-31", "workday", "春节调休上班"),
            Day("2027-02-05", "holiday", "春节"), Day("2027-02-06", "holiday", "春节"), Day("2027-02-07", "holiday", "春节"),
            Day("2027-02-08", "holiday", "春节"), Day("2027-02-09", "holiday", "春节"), Day("2027-02-10", "holiday", "春节"),
            Day("2027-02-11", "holiday", "春节"), Day("2027-02-12", "holiday", "春节"),
            Day("2027-02-20", "workday", "春节调休上班"),
        },
    };

    private static object Day(string date, string kind, string name) => new { date, kind, name };

    [Theory, DatabaseData]
    public async Task Entering_2027_recomputes_the_deadlines_that_run_into_it_and_records_why(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 1, 30, 0, TimeSpan.Zero));
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Labour, "handler");
        var admin = await app.AdminAsync();

        // Transferred 12-17: the unit's 15 days end on Friday 2027-01-01, a working day while 2027 is not held.
        var newYear = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 15)));
        newYear = await ActAsync(registrar.Http, newYear, "transfer", new { unitId = handler.UnitId, on = "2026-12-17" });
        // Transferred 12-22: 15 days end on Wednesday 2027-01-06, which the 2027 calendar leaves a working day.
        var unmoved = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 15)));
        unmoved = await ActAsync(registrar.Http, unmoved, "transfer", new { unitId = handler.UnitId, on = "2026-12-22" });
        // Accepted 12-10: 60 days end on Monday 2027-02-08, inside the 2027 Spring Festival.
        var springFestival = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 1)));
        springFestival = await ActAsync(registrar.Http, springFestival, "transfer", new { unitId = handler.UnitId, on = "2026-12-03" });
        springFestival = await ActAsync(handler.Http, springFestival, "accept", new { note = "属本单位职责", on = "2026-12-10" });

        AssertDue(newYear, "acceptance-notice", "2027-01-01", provisional: true);
        AssertDue(unmoved, "acceptance-notice", "2027-01-06", provisional: true);
        AssertDue(springFestival, "handling", "2027-02-08", provisional: true);
        Assert.False(Deadline(newYear, "objection").GetProperty("provisional").GetBoolean()); // 5 working days end in 2026

        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027(), Ct);
        await Http.EnsureAsync(response);
        var saved = await ReadAsync(response);

        Assert.False(saved.GetProperty("calendar").GetProperty("provisional").GetBoolean());
        Assert.Equal(13, saved.GetProperty("calendar").GetProperty("days").GetArrayLength());
        Assert.Equal(3, saved.GetProperty("recomputed").GetInt32());
        Assert.Equal(2, saved.GetProperty("moved").GetInt32());

        newYear = await GetAsync(handler.Http, newYear);
        unmoved = await GetAsync(handler.Http, unmoved);
        springFestival = await GetAsync(handler.Http, springFestival);
        AssertDue(newYear, "acceptance-notice", "2027-01-04", provisional: false);
        AssertDue(unmoved, "acceptance-notice", "2027-01-06", provisional: false);
        AssertDue(springFestival, "handling", "2027-02-15", provisional: false);

        Assert.Equal(["受理告知期限由 2027-01-01 调整为 2027-01-04，因为2027 年节假日安排已录入或修改。"], Recalculations(newYear));
        Assert.Equal(["办理期限由 2027-02-08 调整为 2027-02-15，因为2027 年节假日安排已录入或修改。"], Recalculations(springFestival));
        Assert.Empty(Recalculations(unmoved));
        var data = Events(springFestival).Single(e => e.GetProperty("action").GetString() == "recalculate").GetProperty("data");
        Assert.Equal("handling", data.GetProperty("code").GetString());
        Assert.Equal("2027-02-08", data.GetProperty("from").GetString());
        Assert.Equal("2027-02-15", data.GetProperty("to").GetString());

        // The explanation now names the holiday instead of the provisional warning.
        var explanation = Deadline(springFestival, "handling").GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("reason").GetString()!).ToList();
        Assert.Contains("第 60 日，春节假期，顺延（《民法典》第二百零三条）", explanation);
        Assert.DoesNotContain(explanation, l => l.Contains("暂定", StringComparison.Ordinal));

        // The edit and the recalculation are on the audit trail.
        var audited = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == "calendar" && a.Action == "deadlines-recalculated").Select(a => a.Note).ToListAsync(Ct));
        Assert.Equal(["2027 年节假日安排已录入或修改：检查 3 个未到期期限，调整 2 个，取消暂定 1 个。"], audited);

        // The lists' stored next due date moved with the deadlines (issue 11).
        Assert.Empty(await NextDueCheck.MismatchesAsync(app));
    }

    [Theory, DatabaseData]
    public async Task An_edit_that_changes_no_due_date_adds_no_events(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 1, 30, 0, TimeSpan.Zero));
        var registrar = await app.StaffAsync("610114", "registrar");
        var admin = await app.AdminAsync();
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 27))); // 15 days: 2027-01-11
        await Http.EnsureAsync(await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027(), Ct));
        var before = Events(await GetAsync(registrar.Http, matter)).Count;

        // Same days, a corrected source: a new version, but no due date moves.
        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027("国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）"), Ct);
        await Http.EnsureAsync(response);
        var saved = await ReadAsync(response);

        Assert.Equal(2, saved.GetProperty("calendar").GetProperty("version").GetInt32());
        Assert.Equal(0, saved.GetProperty("moved").GetInt32());
        matter = await GetAsync(registrar.Http, matter);
        Assert.Equal(before, Events(matter).Count);
        AssertDue(matter, "dispose", "2027-01-11", provisional: false);
    }

    [Theory, DatabaseData]
    public async Task Correcting_a_year_moves_deadlines_back_as_well_as_forward(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 1, 30, 0, TimeSpan.Zero));
        var registrar = await app.StaffAsync("610114", "registrar");
        var admin = await app.AdminAsync();
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 17))); // 15 days: Friday 2027-01-01
        await Http.EnsureAsync(await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027(), Ct));
        AssertDue(await GetAsync(registrar.Http, matter), "dispose", "2027-01-04", provisional: false);

        // The administrator removes 元旦 again (say, entered by mistake): the deadline returns to 01-01.
        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2027", new { year = 2027, source = "更正", days = Array.Empty<object>() }, Ct);
        await Http.EnsureAsync(response);

        matter = await GetAsync(registrar.Http, matter);
        AssertDue(matter, "dispose", "2027-01-01", provisional: false);
        Assert.Equal(
            ["处置期限由 2027-01-01 调整为 2027-01-04，因为2027 年节假日安排已录入或修改。", "处置期限由 2027-01-04 调整为 2027-01-01，因为2027 年节假日安排已录入或修改。"],
            Recalculations(matter));
    }

    [Theory, DatabaseData]
    public async Task Entering_another_year_leaves_a_deadline_provisional_while_its_own_year_is_missing(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 1, 30, 0, TimeSpan.Zero));
        var registrar = await app.StaffAsync("610114", "registrar");
        var admin = await app.AdminAsync();
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 17))); // 15 days: Friday 2027-01-01

        // 2028 first (say, entered early by mistake): 2027 is still missing, so nothing changes.
        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2028", new { year = 2028, source = "某通知", days = new[] { Day("2028-01-03", "holiday", "元旦") } }, Ct);
        await Http.EnsureAsync(response);
        var saved = await ReadAsync(response);
        Assert.Equal((1, 0, 0), (saved.GetProperty("recomputed").GetInt32(), saved.GetProperty("moved").GetInt32(), saved.GetProperty("confirmed").GetInt32()));
        AssertDue(await GetAsync(registrar.Http, matter), "dispose", "2027-01-01", provisional: true);

        await Http.EnsureAsync(await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027(), Ct));
        matter = await GetAsync(registrar.Http, matter);
        AssertDue(matter, "dispose", "2027-01-04", provisional: false);
        Assert.Single(Recalculations(matter));
    }

    [Theory, DatabaseData]
    public async Task A_stale_version_is_refused_and_changes_nothing(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        await Http.EnsureAsync(await admin.PutAsJsonAsync("/api/v1/calendar/2027", Calendar2027(), Ct));

        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/calendar/2027") { Content = JsonContent.Create(new { year = 2027, source = "更正", days = Array.Empty<object>() }) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\"", isWeak: true));
        await Http.AssertProblemAsync(await admin.SendAsync(request, Ct), System.Net.HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var year = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2027", Ct);
        Assert.Equal(1, year.GetProperty("version").GetInt32());
        Assert.Equal(13, year.GetProperty("days").GetArrayLength());
    }

    private static void AssertDue(JsonElement matter, string code, string due, bool provisional)
    {
        var deadline = Deadline(matter, code);
        Assert.Equal(due, deadline.GetProperty("due").GetString());
        Assert.Equal(provisional, deadline.GetProperty("provisional").GetBoolean());
    }

    private static List<JsonElement> Events(JsonElement matter) => matter.GetProperty("events").EnumerateArray().ToList();

    private static List<string> Recalculations(JsonElement matter) =>
        Events(matter).Where(e => e.GetProperty("action").GetString() == "recalculate").Select(e => e.GetProperty("note").GetString()!).ToList();
}
