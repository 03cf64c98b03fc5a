using System.Net;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>
/// Whole journeys through the statutory procedure, back-dated across the 2025 National Day and the 2026 Spring
/// Festival so that the holiday calendar decides the due dates.
/// </summary>
public sealed class JourneyTests(SharedApps apps)
{
    private static object Opinion(string outcome = "support") => new
    {
        outcome,
        facts = "经核实，申请人在该工地务工属实，拖欠工资两万元。",
        legalBasis = "《保障农民工工资支付条例》第十八条",
        opinion = "责令施工单位于十五日内足额支付拖欠工资。",
        standards = new[] { new { standard = "problem-solved", evidence = "施工单位已出具付款承诺书" } },
    };

    [Theory, DatabaseData]
    public async Task Ordinary_register_transfer_accept_extend_conclude_deliver_evaluate_close(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Labour, "handler");
        var head = await app.StaffAsync(Labour, "unit-head");

        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = handler.UnitId, on = "2025-09-26" });
        matter = await ActAsync(handler.Http, matter, "accept", new { note = "属本单位职责", on = "2025-09-30" });
        Assert.Equal("accepted", Status(matter));
        Assert.Equal("met", Deadline(matter, "acceptance-notice").GetProperty("state").GetString());
        Assert.Equal("cancelled", Deadline(matter, "objection").GetProperty("state").GetString());
        // 60 days from 09-30 is Saturday 11-29: rolled forward to Monday 12-01 (《民法典》第二百零三条).
        Assert.Equal(new DateOnly(2025, 12, 1), Due(matter, "handling"));

        matter = await ActAsync(head.Http, matter, "extend", new { days = 30, reason = "需调取施工合同和考勤记录", on = "2025-11-20" });
        Assert.Equal(new DateOnly(2025, 12, 31), Due(matter, "handling"));
        Assert.Empty(await NextDueCheck.MismatchesAsync(app)); // the extension moved the lists' stored next due date too
        Assert.Contains("extension-notice", NoticeKinds(matter));
        Assert.DoesNotContain("extend", Allowed(await GetAsync(head.Http, matter)));

        matter = await ActAsync(handler.Http, matter, "log", new { kind = "investigation", note = "到施工现场调查核实", on = "2025-11-25" });
        matter = await ActAsync(handler.Http, matter, "conclude", Opinion(), "2025-12-10");
        Assert.Equal("accepted", Status(matter)); // a handler's opinion waits for the unit head
        Assert.Contains("approve-conclusion", Allowed(await GetAsync(head.Http, matter)));
        matter = await ActAsync(head.Http, matter, "approve-conclusion", new { note = "同意", on = "2025-12-12" });
        Assert.Equal("concluded", Status(matter));
        Assert.Equal("met", Deadline(matter, "handling").GetProperty("state").GetString());

        var opinion = Notice(matter, "handling-opinion");
        Assert.Matches(@"^阎人社复〔2025〕\d+号$", opinion.GetProperty("number").GetString());
        matter = await ActAsync(handler.Http, matter, "deliver", new { noticeId = opinion.GetProperty("id").GetGuid(), method = "in-person", on = "2025-12-15" });
        Assert.Equal(new DateOnly(2026, 1, 14), Due(matter, "review-request"));

        matter = await ActAsync(handler.Http, matter, "implement", new { note = "工资已全额支付", on = "2025-12-20" });
        matter = await ActAsync(registrar.Http, matter, "evaluate", new { target = "unit", rating = "satisfied", on = "2025-12-25" });
        matter = await ActAsync(registrar.Http, matter, "close", new { on = "2026-01-20" });
        Assert.Equal("closed", Status(matter));
        Assert.Equal(
            ["register", "transfer", "accept", "extend", "log", "conclude", "approve-conclusion", "deliver", "implement", "evaluate", "close"],
            matter.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
    }

    [Theory, DatabaseData]
    public async Task Simplified_procedure_counts_ten_working_days_across_the_spring_festival(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var head = await app.StaffAsync(Street, "unit-head", "handler");

        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 2, 10)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = head.UnitId, on = "2026-02-11" });
        matter = await ActAsync(head.Http, matter, "accept", new { simplified = true, on = "2026-02-12" });

        // REFERENCE.md §1.12: 10 working days from 2026-02-12 is 03-04; Saturdays 02-14 and 02-28 are 调休 working days.
        Assert.Equal(new DateOnly(2026, 3, 4), Due(matter, "handling-simplified"));
        Assert.True(matter.GetProperty("simplified").GetBoolean());
        matter = await ActAsync(head.Http, matter, "conclude", Opinion("explain"), "2026-03-03");
        Assert.Equal("concluded", Status(matter)); // a unit head's opinion is issued at once
        Assert.Equal("met", Deadline(matter, "handling-simplified").GetProperty("state").GetString());
    }

    [Theory, DatabaseData]
    public async Task An_objection_within_five_working_days_returns_the_matter_and_the_bureaus_clock_keeps_running(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var housing = await app.StaffAsync(Housing, "handler");
        var labour = await app.StaffAsync(Labour, "handler");

        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 26)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = housing.UnitId, on = "2025-09-28" });
        Assert.Equal(new DateOnly(2025, 10, 11), Due(matter, "objection"));
        matter = await ActAsync(housing.Http, matter, "object", new { reason = "欠薪不属住建局职责，应由人社局处理", on = "2025-10-09" });

        Assert.Equal("registered", Status(matter));
        Assert.Contains("objection-letter", NoticeKinds(matter));
        var dispose = Deadline(matter, "dispose");
        Assert.Equal("open", dispose.GetProperty("state").GetString());
        Assert.Equal(new DateOnly(2025, 10, 11), Due(matter, "dispose")); // still counted from 09-26, the bureau's receipt
        await Http.AssertProblemAsync(await housing.Http.GetAsync($"/api/v1/matters/{Id(matter)}"), HttpStatusCode.NotFound, "matter.not-found");

        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = labour.UnitId, on = "2025-10-10" });
        Assert.Equal("transferred", Status(matter));
        Assert.Equal("met", Deadline(matter, "dispose").GetProperty("state").GetString());
    }

    [Theory, DatabaseData]
    public async Task An_objection_after_five_working_days_is_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var housing = await app.StaffAsync(Housing, "handler");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 26)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = housing.UnitId, on = "2025-09-28" });

        var response = await PostActionAsync(housing.Http, matter, "object", new { reason = "不属本单位职责", on = "2025-10-13" });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.deadline-passed");
        Assert.Contains("2025-10-11", problem.GetProperty("detail").GetString());
        Assert.Equal("transferred", Status(await GetAsync(housing.Http, matter)));
    }

    [Theory, DatabaseData]
    public async Task Review_and_recheck_with_a_hearing_that_moves_the_recheck_due_date_then_finality(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var district = await app.StaffAsync(District, "unit-head");
        var city = await app.StaffAsync(CityGovernment, "unit-head");

        var matter = await ConcludedAndDeliveredAsync(registrar, unit, "reject", "张三复核");
        matter = await ActAsync(registrar.Http, matter, "request-review", new { reason = "不服处理意见", on = "2026-01-05" });
        Assert.Equal("under-review", Status(matter));
        Assert.Equal(district.UnitId, matter.GetProperty("reviewBodyId").GetGuid());
        Assert.Equal(new DateOnly(2026, 2, 4), Due(matter, "review"));

        matter = await ActAsync(district.Http, matter, "conclude-review", new { decision = "uphold", opinion = "原处理意见事实清楚，维持。", legalBasis = "《信访工作条例》第三十五条", on = "2026-02-02" });
        Assert.Equal("reviewed", Status(matter));
        var reviewOpinion = Notice(matter, "review-opinion");
        matter = await ActAsync(district.Http, matter, "deliver", new { noticeId = reviewOpinion.GetProperty("id").GetGuid(), method = "post", on = "2026-02-03" });
        Assert.Equal(new DateOnly(2026, 3, 5), Due(matter, "recheck-request"));

        matter = await ActAsync(registrar.Http, matter, "request-recheck", new { reason = "仍不服", on = "2026-02-12" });
        Assert.Equal("under-recheck", Status(matter));
        Assert.Equal(city.UnitId, matter.GetProperty("recheckBodyId").GetGuid());
        // 30 days from 02-12 is Saturday 03-14: rolled forward to Monday 03-16.
        Assert.Equal(new DateOnly(2026, 3, 16), Due(matter, "recheck"));

        matter = await ActAsync(city.Http, matter, "hearing", new { from = "2026-03-02", to = "2026-03-04", on = "2026-02-27" });
        // 第三十六条第二款: the three hearing days do not count: 33 days from 02-12 is 03-17.
        Assert.Equal(new DateOnly(2026, 3, 17), Due(matter, "recheck"));
        Assert.Contains("hearing-notice", NoticeKinds(matter));

        matter = await ActAsync(city.Http, matter, "conclude-recheck", new { decision = "uphold", opinion = "维持复查意见。", legalBasis = "《信访工作条例》第三十六条", on = "2026-03-10" });
        Assert.Equal("rechecked", Status(matter));
        Assert.DoesNotContain(Allowed(await GetAsync(registrar.Http, matter)), a => a is "request-review" or "request-recheck" or "close");
        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "request-recheck", new { reason = "再次不服" }),
            HttpStatusCode.Conflict, "matter.action-not-allowed");

        // 不再受理: the same person on the same facts is proposed for decline, and the registrar declines with the link.
        var again = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 4, 1), b => b["title"] = "张三复核"));
        var candidate = again.GetProperty("repeatCandidates").EnumerateArray().First(c => c.GetProperty("matterId").GetGuid() == Id(matter));
        Assert.True(candidate.GetProperty("sameFactsAsFinalized").GetBoolean());
        again = await ActAsync(registrar.Http, again, "decline", new { reason = "finalized", relatedMatterId = Id(matter), on = "2026-04-02" });
        Assert.Equal("declined", Status(again));
        Assert.Contains("no-longer-accepted-notice", NoticeKinds(again));
    }

    [Theory, DatabaseData]
    public async Task A_late_review_request_is_refused_without_a_trace_and_declined_with_its_notice_once(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await ConcludedAndDeliveredAsync(registrar, unit, "reject", "逾期复查");

        // A refused request changes nothing, however often it is retried (第三十五条: 30 days from delivery).
        for (var i = 0; i < 2; i++)
        {
            var response = await PostActionAsync(registrar.Http, matter, "request-review", new { reason = "不服", on = "2026-01-20" });
            var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "matter.deadline-passed");
            Assert.Equal("decline-notice", problem.GetProperty("notice").GetString());
            Assert.Equal("decline-late-request", problem.GetProperty("action").GetString());
        }

        var refused = await GetAsync(registrar.Http, matter);
        Assert.Equal(("concluded", Version(matter)), (Status(refused), Version(refused)));
        Assert.DoesNotContain("decline-notice", NoticeKinds(refused));

        // The explicit action issues the 不予受理告知书 once; asked again it answers with the matter as it is.
        var declined = await ActAsync(registrar.Http, refused, "decline-late-request", new { on = "2026-01-20" });
        Assert.Equal(1, NoticeKinds(declined).Count(k => k == "decline-notice"));
        var again = await ActAsync(registrar.Http, declined, "decline-late-request", new { on = "2026-01-21" });
        Assert.Equal((Version(declined), 1), (Version(again), NoticeKinds(again).Count(k => k == "decline-notice")));
    }

    [Theory, DatabaseData]
    public async Task Recheck_before_review_is_refused(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await ConcludedAndDeliveredAsync(registrar, unit, "explain", "先复核");

        await Http.AssertProblemAsync(await PostActionAsync(registrar.Http, matter, "request-recheck", new { reason = "直接复核" }),
            HttpStatusCode.Conflict, "matter.action-not-allowed");
    }

    /// <summary>Registered 2025-09-20, transferred, accepted, concluded by the unit head on 12-10, delivered on 12-15.</summary>
    private static async Task<System.Text.Json.JsonElement> ConcludedAndDeliveredAsync(StaffClient registrar, StaffClient unit, string outcome, string title)
    {
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20), b => b["title"] = title));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2025-09-26" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2025-09-30" });
        matter = await ActAsync(unit.Http, matter, "conclude", Opinion(outcome), "2025-12-10");
        var opinion = Notice(matter, "handling-opinion");
        return await ActAsync(unit.Http, matter, "deliver", new { noticeId = opinion.GetProperty("id").GetGuid(), method = "in-person", on = "2025-12-15" });
    }
}
