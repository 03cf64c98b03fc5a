using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Xinfang.Web.Tests.Infrastructure;
using Xinfang.Web.Tests.Notices;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Statistics;

/// <summary>
/// Every KPI of the summary against the count the test expects from a hand-built year of matters, each matter a case
/// of the definitions: concluded on its due date (on time), extended (measured against the extended date), routed and
/// declined (outside the handling cohort), late, left open. Then the same year's Excel and annual report.
/// </summary>
public sealed class StatisticsTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static Guid OpinionId(JsonElement matter) => Notice(matter, "handling-opinion").GetProperty("id").GetGuid();

    private static object Opinion(string on) => new { outcome = "explain", facts = "经查，已核实情况", legalBasis = "《劳动合同法》第三十条", opinion = "已作解释说明", on };

    [Theory, DatabaseData]
    public async Task The_summary_of_a_hand_built_year_matches_each_definition(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");

        // A: transferred, accepted, concluded exactly on its handling due date (on time), evaluated by both objects.
        var a = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 3, 3)));
        a = await ActAsync(registrar.Http, a, "transfer", new { unitId = unit.UnitId, on = "2025-03-05" });
        a = await ActAsync(unit.Http, a, "accept", new { on = "2025-03-07" });
        var aDue = Due(a, "handling");
        a = await ActAsync(unit.Http, a, "conclude", Opinion(D(aDue)));
        Assert.Equal("met", Deadline(a, "handling").GetProperty("state").GetString());
        a = await ActAsync(unit.Http, a, "deliver", new { noticeId = OpinionId(a), method = "in-person", on = D(aDue) });
        a = await ActAsync(registrar.Http, a, "evaluate", new { target = "bureau", rating = "satisfied", on = D(aDue.AddDays(1)) });
        a = await ActAsync(registrar.Http, a, "evaluate", new { target = "unit", rating = "basically-satisfied", on = D(aDue.AddDays(1)) });

        // B: a visit of 3 people, transferred late (day 19 of 15), accepted late, extended by 30 days and concluded
        // after the original due date but before the extended one: on time. Delivered, never evaluated.
        var b = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 4, 1), x => (x["channel"], x["headcount"]) = ("visit", 3)));
        b = await ActAsync(registrar.Http, b, "transfer", new { unitId = unit.UnitId, on = "2025-04-20" });
        b = await ActAsync(unit.Http, b, "accept", new { on = "2025-05-20" });
        var bOriginal = Due(b, "handling");
        b = await ActAsync(unit.Http, b, "extend", new { days = 30, reason = "需调取材料", on = D(bOriginal.AddDays(-5)) });
        b = await ActAsync(unit.Http, b, "conclude", Opinion(D(bOriginal.AddDays(10))));
        Assert.Equal("met", Deadline(b, "handling").GetProperty("state").GetString());
        b = await ActAsync(unit.Http, b, "deliver", new { noticeId = OpinionId(b), method = "post", on = D(bOriginal.AddDays(12)) });

        // C and D: online petitions routed to a statutory channel and declined in time: no handling clock at all.
        var c = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 5, 6), x => x["channel"] = "online"));
        await ActAsync(registrar.Http, c, "route", new { channel = "arbitration", body = "阎良区劳动人事争议仲裁委员会", on = "2025-05-07" });
        var d = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 5, 6), x => x["channel"] = "online"));
        await ActAsync(registrar.Http, d, "decline", new { reason = "pending-elsewhere", note = "已由街道受理办理中", on = "2025-05-08" });

        // E: concluded three days late; the unit is rated 不满意, the bureau not at all.
        var e = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 6, 2)));
        e = await ActAsync(registrar.Http, e, "transfer", new { unitId = unit.UnitId, on = "2025-06-03" });
        e = await ActAsync(unit.Http, e, "accept", new { on = "2025-06-04" });
        var eDue = Due(e, "handling");
        e = await ActAsync(unit.Http, e, "conclude", Opinion(D(eDue.AddDays(3))));
        e = await ActAsync(unit.Http, e, "deliver", new { noticeId = OpinionId(e), method = "in-person", on = D(eDue.AddDays(3)) });
        await ActAsync(registrar.Http, e, "evaluate", new { target = "unit", rating = "dissatisfied", on = D(eDue.AddDays(4)) });

        // F: registered and never disposed of. G: accepted and never concluded. H: a confirmed repeat of A, not disposed of.
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 7, 1)));
        var g = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 7, 1)));
        g = await ActAsync(registrar.Http, g, "transfer", new { unitId = unit.UnitId, on = "2025-07-02" });
        await ActAsync(unit.Http, g, "accept", new { on = "2025-07-03" });
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 8, 1), x => (x["repeatOf"], x["flags"]) = (Id(a).ToString(), new JsonArray())));

        // The year before: two letters, for 同比.
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2024, 3, 1)));
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2024, 5, 1)));

        var s = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/statistics/summary?year=2025", Ct);
        Assert.Equal("2025-01-01", s.GetProperty("from").GetString());
        Assert.Equal(8, s.GetProperty("matters").GetInt32());
        Assert.Equal(1, s.GetProperty("batches").GetInt32());
        Assert.Equal(3, s.GetProperty("visitPersons").GetInt32());
        Assert.Equal(10, s.GetProperty("persons").GetInt32());
        Assert.Equal(4, s.GetProperty("transfers").GetInt32());
        Assert.Equal(2, s.GetProperty("previous").GetProperty("matters").GetInt32());
        Assert.Equal("上升300.0%", s.GetProperty("previous").GetProperty("change").GetString());
        Assert.Equal(7, s.GetProperty("flags").GetProperty("firstTime").GetInt32());
        Assert.Equal(2, Count(s, "byChannel", "online"));
        Assert.Equal(1, Count(s, "byChannel", "visit"));

        var kpi = s.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!,
            i => (i.GetProperty("numerator").GetInt32(), i.GetProperty("denominator").GetInt32()));
        Assert.Equal((5, 8), kpi["timely-acceptance"]);      // A C D E G in time; B late; F H never disposed of
        Assert.Equal((3, 4), kpi["unit-timely-acceptance"]);  // A E G; B accepted late; C D never reached a unit
        Assert.Equal((2, 4), kpi["on-time-completion"]);      // A on its due date, B within the extension; E late; G open
        Assert.Equal((1, 3), kpi["bureau-participation"]);   // windows of A B E closed: only A rated the bureau
        Assert.Equal((2, 3), kpi["unit-participation"]);     // A and E rated the unit
        Assert.Equal((1, 1), kpi["bureau-satisfaction"]);
        Assert.Equal((1, 2), kpi["unit-satisfaction"]);      // A 基本满意, E 不满意
        Assert.Equal((1, 8), kpi["repeat-rate"]);
        Assert.Equal((2, 8), kpi["online-share"]);
        Assert.Equal(0.625m, s.GetProperty("kpis").GetProperty("timelyAcceptanceRate").GetDecimal());
        Assert.Equal(0.5m, s.GetProperty("kpis").GetProperty("onTimeCompletionRate").GetDecimal());

        // A quarter with nothing due has no rate rather than 0%.
        var empty = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/statistics/summary?year=2025&quarter=4", Ct);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("kpis").GetProperty("onTimeCompletionRate").ValueKind);

        var xlsx = await registrar.Http.GetAsync("/api/v1/statistics/export.xlsx?year=2025", Ct);
        await Http.EnsureAsync(xlsx);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)))
        {
            Assert.Contains("主要指标", stream.GetSheetNames());
            var channels = stream.Query(useHeaderRow: true, sheetName: "按渠道").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(2d, Convert.ToDouble(channels.Single(r => (string)r["渠道"] == "网上信访")["件数"], System.Globalization.CultureInfo.InvariantCulture));
        }

        var report = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/reports/annual/2025", Ct);
        var paragraphs = string.Join("\n", report.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("2025年受理信访总量为8件(批)，同比上升300.0%（2024年为2件(批)）", paragraphs, StringComparison.Ordinal);
        var docx = await registrar.Http.GetAsync("/api/v1/reports/annual/2025.docx", Ct);
        await Http.EnsureAsync(docx);
        var bytes = await docx.Content.ReadAsByteArrayAsync(Ct);
        var text = NoticeDocumentTests.AssertValid(bytes);
        Assert.Contains("关于2025年信访工作情况的报告", text, StringComparison.Ordinal);
        Assert.Contains("2025年受理信访总量为8件(批)，同比上升300.0%", text, StringComparison.Ordinal);
        Assert.Contains("其中来信5件，网上信访2件，来访1批3人次", text, StringComparison.Ordinal);
        Assert.Contains("全年转送信访事项4件，交办0件", text, StringComparison.Ordinal);
        Assert.Contains("按期办结率为50.0%", text, StringComparison.Ordinal);
        Assert.Contains("表1　按信访渠道", text, StringComparison.Ordinal);
        if (db == Db.Sqlite) // the layout does not depend on the database: one rendering is enough for a look
        {
            var rendered = await OfficeRenderingTests.RenderAsync(bytes, Path.Combine(Browser.BrowserFixture.ScreenshotRoot, "annual-report"), "annual-report-2025");
            Assert.Contains("表4主要工作指标", rendered, StringComparison.Ordinal);
            Assert.Contains("按期办结率", rendered, StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseData]
    public async Task A_bad_period_is_refused_with_a_named_problem(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        foreach (var query in new[] { "from=2025-03-01", "from=2025-03-01&to=2025-02-01", "year=2025&month=13", "year=2025&month=1&quarter=1", "year=1800" })
        {
            await Http.AssertProblemAsync(await registrar.Http.GetAsync($"/api/v1/statistics/summary?{query}", Ct), HttpStatusCode.UnprocessableEntity, "statistics.period-invalid");
        }

        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/statistics/export.xlsx?table=nope", Ct), HttpStatusCode.UnprocessableEntity, "statistics.table-invalid");
        await Http.AssertProblemAsync(await registrar.Http.GetAsync("/api/v1/reports/annual/1800.docx", Ct), HttpStatusCode.UnprocessableEntity, "statistics.year-invalid");
        var definitions = await registrar.Http.GetFromJsonAsync<JsonElement>("/api/v1/statistics/definitions", Ct);
        Assert.Contains(definitions.GetProperty("rates").EnumerateArray(), r => r.GetProperty("name").GetString() == "按期办结率");
    }

    private static int Count(JsonElement summary, string property, string key) =>
        summary.GetProperty(property).EnumerateArray().Single(b => b.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();
}
