using System.Net;
using System.Text;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Calendar;

/// <summary>
/// Every bad input of the clocks issue is a problem detail in Chinese with a stable code, and nothing is stored. The
/// refused edits all aim at 2027, which the shared app does not hold; each test checks it still does not.
/// </summary>
public sealed class CalendarBadInputTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Source = "国务院办公厅关于2027年部分节假日安排的通知";

    public static TheoryData<Db, string, int, string> BadDueQueries() => Rows(
        ("start=2025-09-20&days=15&kind=fortnight", 422, "period.kind-invalid"),
        ("start=2025-09-20&days=15&kind=", 200, ""),
        ("start=2025-09-20&days=0", 422, "period.days-out-of-range"),
        ("start=2025-09-20&days=-3", 422, "period.days-out-of-range"),
        ("start=2025-09-20&days=3651", 422, "period.days-out-of-range"),
        ("start=2025-09-20&days=abc", 400, "request.malformed"),
        ("start=2025-13-40&days=15", 400, "request.malformed"),
        ("start=20250920&days=15", 400, "request.malformed"),
        ("start=2025-09-20", 400, "request.malformed"),
        ("days=15", 400, "request.malformed"),
        ("start=1999-12-31&days=15", 422, "calendar.year-out-of-range"),
        ("start=9999-12-01&days=3650", 422, "calendar.year-out-of-range"));

    [Theory, MemberData(nameof(BadDueQueries))]
    public async Task A_bad_due_query_is_a_chinese_problem(Db db, string query, int status, string code)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        var response = await staff.Http.GetAsync("/api/v1/calendar/due?" + query, Ct);

        if (status == 200)
        {
            await Http.EnsureAsync(response); // an empty kind means the default, calendar days
            return;
        }

        await Http.AssertProblemAsync(response, (HttpStatusCode)status, code);
    }

    [Theory, DatabaseData]
    public async Task A_malformed_start_date_names_the_parameter(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync("610114", "registrar");

        var problem = await Http.AssertProblemAsync(await staff.Http.GetAsync("/api/v1/calendar/due?start=2025-02-30&days=15", Ct),
            HttpStatusCode.BadRequest, "request.malformed");

        Assert.Equal("参数 start 的值“2025-02-30”格式不正确。", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Db.Sqlite, 1999)]
    [InlineData(Db.Postgres, 1999)]
    [InlineData(Db.Sqlite, 2101)]
    [InlineData(Db.Postgres, 2101)]
    [InlineData(Db.Sqlite, 0)]
    [InlineData(Db.Postgres, 99999)]
    public async Task A_year_outside_2000_to_2100_can_be_neither_read_nor_written(Db db, int year)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114", "registrar");
        var admin = await app.AdminAsync();

        await Http.AssertProblemAsync(await staff.Http.GetAsync($"/api/v1/calendar/{year}", Ct), HttpStatusCode.UnprocessableEntity, "calendar.year-out-of-range");
        var body = $$"""{ "year": {{year}}, "source": "某通知", "days": [] }""";
        await Http.AssertProblemAsync(await Put(admin, year, body), HttpStatusCode.UnprocessableEntity, "calendar.year-out-of-range");
    }

    public static TheoryData<Db, string, int, string> BadYears() => Rows(
        // A date listed as both a holiday and a make-up day.
        (Year("""{ "date": "2027-02-06", "kind": "holiday", "name": "春节" }, { "date": "2027-02-06", "kind": "workday", "name": "春节调休上班" }"""),
            422, "calendar.duplicate-date"),
        // A make-up working day on a weekday (2027-02-08 is a Monday).
        (Year("""{ "date": "2027-02-08", "kind": "workday", "name": "春节调休上班" }"""), 422, "calendar.workday-not-weekend"),
        // A holiday dated in another year.
        (Year("""{ "date": "2026-12-31", "kind": "holiday", "name": "元旦" }"""), 422, "calendar.date-outside-year"),
        (Year("""{ "date": "2028-01-01", "kind": "holiday", "name": "元旦" }"""), 422, "calendar.date-outside-year"),
        // Malformed dates, an unknown kind, a missing name, no source, no JSON.
        (Year("""{ "date": "2027-02-30", "kind": "holiday", "name": "春节" }"""), 400, "request.malformed"),
        (Year("""{ "date": "2027/01/01", "kind": "holiday", "name": "元旦" }"""), 400, "request.malformed"),
        (Year("""{ "date": "2027-01-01", "kind": "day-off", "name": "元旦" }"""), 400, "request.malformed"),
        (Year("""{ "date": "2027-01-01", "kind": 0, "name": "元旦" }"""), 400, "request.malformed"),
        (Year("""{ "date": "2027-01-01", "kind": "holiday", "name": " " }"""), 422, "calendar.name-required"),
        (Year("""{ "date": "2027-01-01", "kind": "holiday" }"""), 400, "request.invalid"),
        ("""{ "year": 2027, "source": " ", "days": [] }""", 422, "calendar.source-required"),
        // Longer than the columns: refused before PostgreSQL would refuse it with a 500.
        (Year($$"""{ "date": "2027-01-01", "kind": "holiday", "name": "{{new string('节', 33)}}" }"""), 422, "calendar.name-too-long"),
        ($$"""{ "year": 2027, "source": "{{new string('通', 201)}}", "days": [] }""", 422, "calendar.source-too-long"),
        ("""{ "year": 2028, "source": "某通知", "days": [] }""", 422, "calendar.year-mismatch"),
        ("""{ "year": 2027, "source": "某通知", "days": [ { "date": "2027-01-01" """, 400, "request.malformed"));

    [Theory, MemberData(nameof(BadYears))]
    public async Task A_bad_calendar_is_refused_in_chinese_and_nothing_is_stored(Db db, string body, int status, string code)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        await Http.AssertProblemAsync(await Put(admin, 2027, body), (HttpStatusCode)status, code);

        await AssertNotStoredAsync(admin);
    }

    [Theory, DatabaseData]
    public async Task Only_an_administrator_may_enter_a_year(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar", "supervisor", "director");

        var response = await Put(registrar.Http, 2027, Year("""{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }"""));

        await Http.AssertProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
        await AssertNotStoredAsync(await app.AdminAsync());
    }

    [Theory, DatabaseData]
    public async Task The_first_bad_line_is_named_by_its_position(Db db)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var problem = await Http.AssertProblemAsync(
            await Put(admin, 2027, Year("""{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }, { "date": "2027-02-08", "kind": "workday", "name": "春节调休上班" }""")),
            HttpStatusCode.UnprocessableEntity, "calendar.workday-not-weekend");

        Assert.Equal("2027-02-08 是星期一，调休上班日只能是周六或周日。", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("days[1].date", out _));
        await AssertNotStoredAsync(admin);
    }

    private static string Year(string days) => $$"""{ "year": 2027, "source": "{{Source}}", "days": [ {{days}} ] }""";

    private static Task<HttpResponseMessage> Put(HttpClient client, int year, string body) =>
        client.PutAsync($"/api/v1/calendar/{year}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    private static async Task AssertNotStoredAsync(HttpClient client)
    {
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2027", Ct);
        Assert.True(year.GetProperty("provisional").GetBoolean());
        Assert.Empty(year.GetProperty("days").EnumerateArray());
        Assert.Equal(0, year.GetProperty("version").GetInt32());
    }

    private static TheoryData<Db, string, int, string> Rows(params (string Input, int Status, string Code)[] rows)
    {
        var data = new TheoryData<Db, string, int, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            foreach (var (input, status, code) in rows)
            {
                data.Add(db, input, status, code);
            }
        }

        return data;
    }
}
