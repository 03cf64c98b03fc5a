using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>Every date a clerk types has a bound the law or common sense gives, refused with a Chinese field error, never a 500.</summary>
public sealed class DateBoundTests(SharedApps apps)
{
    [Theory, DatabaseData]
    public async Task A_report_back_date_past_the_statutory_period_is_a_field_error(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 11, 3)));

        foreach (var dueOn in new[] { "9999-12-31", "2099-12-31" })
        {
            var response = await PostActionAsync(registrar.Http, matter, "assign", new { unitId = await app.UnitIdAsync(Housing), dueOn, on = "2025-11-04" });
            var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.due-too-late");
            Assert.True(problem.GetProperty("errors").TryGetProperty("dueOn", out _));
        }

        Assert.Equal(("registered", Version(matter)), (Status(await GetAsync(registrar.Http, matter)), Version(await GetAsync(registrar.Http, matter))));
    }

    [Theory, DatabaseData]
    public async Task A_hearing_of_years_is_refused_and_leaves_the_recheck_deadline_alone(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var district = await app.StaffAsync(District, "unit-head");
        var city = await app.StaffAsync(CityGovernment, "unit-head");
        var matter = await UnderRecheckAsync(registrar, unit, district);
        var due = Due(matter, "recheck");

        foreach (var to in new[] { "9999-12-31", "2099-12-31" })
        {
            var response = await PostActionAsync(city.Http, matter, "hearing", new { from = "2026-03-02", to, on = "2026-02-27" });
            await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.hearing-too-long");
        }

        var after = await GetAsync(city.Http, matter);
        Assert.Equal((due, Version(matter)), (Due(after, "recheck"), Version(after)));
    }

    private static async Task<JsonElement> UnderRecheckAsync(StaffClient registrar, StaffClient unit, StaffClient district)
    {
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20), b => b["title"] = "听证期限 " + Guid.NewGuid()));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2025-09-26" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2025-09-30" });
        matter = await ActAsync(unit.Http, matter, "conclude", new { outcome = "reject", facts = "经核实，所反映问题不属实。", legalBasis = "《信访工作条例》第三十二条", opinion = "不予支持。" }, "2025-12-10");
        matter = await ActAsync(unit.Http, matter, "deliver", new { noticeId = Notice(matter, "handling-opinion").GetProperty("id").GetGuid(), method = "in-person", on = "2025-12-15" });
        matter = await ActAsync(registrar.Http, matter, "request-review", new { reason = "不服处理意见", on = "2026-01-05" });
        matter = await ActAsync(district.Http, matter, "conclude-review", new { decision = "uphold", opinion = "维持。", legalBasis = "《信访工作条例》第三十五条", on = "2026-02-02" });
        matter = await ActAsync(district.Http, matter, "deliver", new { noticeId = Notice(matter, "review-opinion").GetProperty("id").GetGuid(), method = "post", on = "2026-02-03" });
        return await ActAsync(registrar.Http, matter, "request-recheck", new { reason = "仍不服", on = "2026-02-12" });
    }
}
