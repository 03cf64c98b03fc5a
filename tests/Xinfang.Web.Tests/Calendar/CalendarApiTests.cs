using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Calendar;

/// <summary>Reading the work calendar and computing due dates over HTTP, on both databases (REFERENCE.md §1.12, §8).</summary>
public sealed class CalendarApiTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task The_2025_calendar_lists_the_shipped_days_with_the_State_Council_notice_as_source(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        var year = await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2025", Ct);

        Assert.Equal(2025, year.GetProperty("year").GetInt32());
        Assert.Contains("国办发明电〔2024〕12号", year.GetProperty("source").GetString());
        Assert.False(year.GetProperty("provisional").GetBoolean());
        Assert.Equal(248, year.GetProperty("workingDays").GetInt32()); // REFERENCE.md §8
        var days = year.GetProperty("days").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => (Kind: d.GetProperty("kind").GetString(), Name: d.GetProperty("name").GetString()));
        Assert.Equal(("holiday", "国庆节、中秋节"), days["2025-10-01"]);
        Assert.Equal("workday", days["2025-10-11"].Kind);
        Assert.Equal("workday", days["2025-01-26"].Kind);
        Assert.Equal(("holiday", "元旦"), days["2025-01-01"]);
        Assert.Equal(days.Keys.Order(StringComparer.Ordinal), days.Keys);
        Assert.Equal(28, days.Values.Count(d => d.Kind == "holiday")); // as in the notice: 1 + 8 + 3 + 5 + 3 + 8
        Assert.Equal(5, days.Values.Count(d => d.Kind == "workday"));
    }

    [Theory, DatabaseData]
    public async Task A_year_not_entered_is_empty_and_provisional(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "handler");

        var year = await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2027", Ct);

        Assert.Equal(2027, year.GetProperty("year").GetInt32());
        Assert.True(year.GetProperty("provisional").GetBoolean());
        Assert.Empty(year.GetProperty("days").EnumerateArray());
        Assert.Equal("", year.GetProperty("source").GetString());
        Assert.Equal(261, year.GetProperty("workingDays").GetInt32()); // the weekdays of 2027, weekends alone
    }

    // REFERENCE.md §1.12, worked examples (calendar of §8, roll-forward on).
    [Theory]
    [InlineData(Db.Sqlite, "2025-09-20", 15, "calendar", "2025-10-09", "2025-10-05", "国庆节")]
    [InlineData(Db.Postgres, "2025-09-20", 15, "calendar", "2025-10-09", "2025-10-05", "国庆节")]
    [InlineData(Db.Sqlite, "2025-09-26", 15, "calendar", "2025-10-11", "2025-10-11", "调休上班")]
    [InlineData(Db.Postgres, "2025-09-26", 15, "calendar", "2025-10-11", "2025-10-11", "调休上班")]
    [InlineData(Db.Sqlite, "2024-12-01", 60, "calendar", "2025-02-05", "2025-01-30", "春节")]
    [InlineData(Db.Postgres, "2024-12-01", 60, "calendar", "2025-02-05", "2025-01-30", "春节")]
    [InlineData(Db.Sqlite, "2025-09-26", 10, "working", "2025-10-16", "2025-09-28", "调休上班")]
    [InlineData(Db.Postgres, "2025-09-26", 10, "working", "2025-10-16", "2025-09-28", "调休上班")]
    [InlineData(Db.Sqlite, "2026-02-12", 10, "working", "2026-03-04", "2026-02-14", "调休上班")]
    [InlineData(Db.Postgres, "2026-02-12", 10, "working", "2026-03-04", "2026-02-14", "调休上班")]
    public async Task The_worked_examples_come_with_their_explanation(Db db, string start, int days, string kind, string due, string explainedDate, string because)
    {
        var staff = await (await apps.For(db)).StaffAsync(MatterApi.Labour, "handler");

        var result = await staff.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/due?start={start}&days={days}&kind={kind}", Ct);

        Assert.Equal(due, result.GetProperty("due").GetString());
        Assert.Equal(start, result.GetProperty("start").GetString());
        Assert.Equal(days, result.GetProperty("days").GetInt32());
        Assert.Equal(kind, result.GetProperty("kind").GetString());
        Assert.False(result.GetProperty("provisional").GetBoolean());
        var lines = Lines(result);
        Assert.Equal((start, "起算日，当日不计入（《民法典》第二百零一条）"), lines[0]);
        Assert.Contains(lines, l => l.Date == explainedDate && l.Reason.Contains(because, StringComparison.Ordinal));
        Assert.Equal(due, lines[^1].Date);
        Assert.Contains("期限届满", lines[^1].Reason);
    }

    [Theory, DatabaseData]
    public async Task Every_day_of_the_National_Day_roll_forward_is_named(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        var result = await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/due?start=2025-09-20&days=15", Ct);

        Assert.Equal(
            [
                ("2025-09-20", "起算日，当日不计入（《民法典》第二百零一条）"),
                ("2025-10-05", "第 15 日，国庆节、中秋节假期，顺延（《民法典》第二百零三条）"),
                ("2025-10-06", "国庆节、中秋节假期，顺延"),
                ("2025-10-07", "国庆节、中秋节假期，顺延"),
                ("2025-10-08", "国庆节、中秋节假期，顺延"),
                ("2025-10-09", "顺延至此工作日，期限届满"),
            ],
            Lines(result));
        Assert.Equal("calendar", result.GetProperty("kind").GetString());
        Assert.True(result.GetProperty("rollForward").GetBoolean());
    }

    [Theory, DatabaseData]
    public async Task A_due_date_in_2027_uses_weekends_alone_and_is_marked_provisional(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        // 2026-12-20 + 15 days = 2027-01-04, a Monday: in weekends-only mode a working day.
        var result = await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/due?start=2026-12-20&days=15&kind=calendar", Ct);

        Assert.Equal("2027-01-04", result.GetProperty("due").GetString());
        Assert.True(result.GetProperty("provisional").GetBoolean());
        Assert.Contains(("2027-01-04", "2027 年节假日安排尚未录入，按周末计算，结果为暂定"), Lines(result));
    }

    [Theory, DatabaseData]
    public async Task Without_roll_forward_a_period_ends_on_the_holiday_itself(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        var result = await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/due?start=2025-09-20&days=15&kind=calendar&rollForward=false", Ct);

        Assert.Equal("2025-10-05", result.GetProperty("due").GetString());
        Assert.False(result.GetProperty("rollForward").GetBoolean());
        Assert.Contains("未启用顺延", Lines(result)[^1].Reason);
    }

    [Theory, DatabaseData]
    public async Task Anonymous_callers_cannot_read_the_calendar(Db db)
    {
        var anonymous = (await apps.For(db)).Anonymous();

        await Http.AssertProblemAsync(await anonymous.GetAsync("/api/v1/calendar/2025", Ct), HttpStatusCode.Unauthorized, "auth.required");
        await Http.AssertProblemAsync(await anonymous.GetAsync("/api/v1/calendar/due?start=2025-09-20&days=15", Ct), HttpStatusCode.Unauthorized, "auth.required");
    }

    public static List<(string Date, string Reason)> Lines(JsonElement due) =>
        due.GetProperty("explanation").EnumerateArray().Select(l => (l.GetProperty("date").GetString()!, l.GetProperty("reason").GetString()!)).ToList();
}
