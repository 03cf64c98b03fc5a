using System.Net;
using System.Text.Json;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Supervision;

/// <summary>
/// The seven problem types through <c>GET /matters?problem=</c> (issue 13 items 2 and 7): each appears and disappears
/// as steps are taken and as time passes (the clock of the application moved, then the sweep), and the stored flags
/// always equal the domain's decision.
/// </summary>
public sealed class ProblemFilterTests
{
    private static object Opinion(string outcome) => new
    {
        outcome,
        facts = "经核实，申请人在该工地务工属实，拖欠工资两万元。",
        legalBasis = "《保障农民工工资支付条例》第十八条",
        opinion = "责令施工单位于十五日内足额支付拖欠工资。",
        standards = new[] { new { standard = "problem-solved", evidence = "施工单位已出具付款承诺书" } },
    };

    private static async Task<HashSet<Guid>> FlaggedAsync(HttpClient client, string problem)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/matters?problem={problem}&pageSize=200", TestContext.Current.CancellationToken);
        return page.GetProperty("items").EnumerateArray().Select(Id).ToHashSet();
    }

    private static async Task<JsonElement> SweepAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/supervision/sweep", null, TestContext.Current.CancellationToken);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    [Theory, DatabaseData]
    public async Task Each_problem_type_appears_and_disappears_through_the_list_filter(Db db)
    {
        // The application's today is 2026-11-27 (XinfangApp.DefaultNow) until the test moves its clock.
        await using var app = await XinfangApp.StartAsync(db);
        var (registrar, supervisor, unit, district, other) = (await app.StaffAsync("610114", "registrar"), await app.StaffAsync("610114", "supervisor"),
            await app.StaffAsync(Labour, "handler", "unit-head"), await app.StaffAsync(District, "unit-head"), await app.StaffAsync("610114302", "handler"));
        async Task<StaffClient> Again(StaffClient staff) => staff with { Http = await app.LoginAsync(staff.UserName, "Staff-Pass-2026") };
        async Task LaterAsync(int days) // a session does not outlive days: sign in again after moving the clock
        {
            app.Clock.Advance(TimeSpan.FromDays(days));
            (registrar, supervisor, unit, district, other) = (await Again(registrar), await Again(supervisor), await Again(unit), await Again(district), await Again(other));
        }

        // 应受理未受理, by time: transferred on 11-20, the unit's 15 days end on 12-07 (12-05 is a Saturday).
        var waiting = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 11, 20), b => b["title"] = "待受理事项"));
        waiting = await ActAsync(registrar.Http, waiting, "transfer", new { unitId = unit.UnitId, on = "2026-11-20" });
        Assert.DoesNotContain(Id(waiting), await FlaggedAsync(supervisor.Http, "not-accepted"));
        await LaterAsync(11); // 12-08: the 15 days end on Saturday 12-05, rolled forward to Monday 12-07
        var swept = await SweepAsync(supervisor.Http);
        Assert.True(swept.GetProperty("flagged").GetInt32() >= 1);
        Assert.Contains(Id(waiting), await FlaggedAsync(supervisor.Http, "not-accepted"));
        Assert.Contains(Id(waiting), await FlaggedAsync(unit.Http, "not-accepted"));
        Assert.DoesNotContain(Id(waiting), await FlaggedAsync(other.Http, "not-accepted")); // another unit does not see it
        waiting = await ActAsync(unit.Http, waiting, "accept", new { on = "2026-12-08" });
        Assert.DoesNotContain(Id(waiting), await FlaggedAsync(supervisor.Http, "not-accepted"));
        Assert.Contains(Id(waiting), await FlaggedAsync(supervisor.Http, "irregular")); // its acceptance notice came late

        // 应办理未办理, by time: 21 quiet days after acceptance; a handling record clears it.
        Assert.DoesNotContain(Id(waiting), await FlaggedAsync(supervisor.Http, "not-handled"));
        await LaterAsync(21); // 12-29
        await SweepAsync(supervisor.Http);
        Assert.Contains(Id(waiting), await FlaggedAsync(supervisor.Http, "not-handled"));
        waiting = await ActAsync(unit.Http, waiting, "log", new { kind = "investigation", note = "到施工现场调查核实", on = "2026-12-29" });
        Assert.DoesNotContain(Id(waiting), await FlaggedAsync(supervisor.Http, "not-handled"));

        // 超期办理: accepted on 10-08, handling due on 12-07; an extension approved before that date clears it.
        var late = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 10, 1), b => b["title"] = "办理超期事项"));
        late = await ActAsync(registrar.Http, late, "transfer", new { unitId = unit.UnitId, on = "2026-10-01" });
        late = await ActAsync(unit.Http, late, "accept", new { on = "2026-10-08" });
        Assert.Contains(Id(late), await FlaggedAsync(supervisor.Http, "overdue"));
        late = await ActAsync(unit.Http, late, "extend", new { days = 30, reason = "需调取施工合同和考勤记录", on = Date(Due(late, "handling").AddDays(-1)) });
        Assert.True(Due(late, "handling") >= new DateOnly(2026, 12, 30));
        Assert.DoesNotContain(Id(late), await FlaggedAsync(supervisor.Http, "overdue"));

        // 处理意见不落实 and 实体处理不到位 on a supporting opinion delivered on 10-12.
        var supported = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 9, 21), b => b["title"] = "支持意见待落实事项"));
        supported = await ActAsync(registrar.Http, supported, "transfer", new { unitId = unit.UnitId, on = "2026-09-21" });
        supported = await ActAsync(unit.Http, supported, "accept", new { on = "2026-09-22" });
        supported = await ActAsync(unit.Http, supported, "conclude", Opinion("support"), "2026-10-10");
        supported = await ActAsync(unit.Http, supported, "deliver", new { noticeId = Notice(supported, "handling-opinion").GetProperty("id").GetGuid(), method = "in-person", on = "2026-10-12" });
        Assert.Contains(Id(supported), await FlaggedAsync(supervisor.Http, "not-implemented"));
        supported = await ActAsync(unit.Http, supported, "implement", new { note = "工资已全额支付", on = "2026-10-15" });
        Assert.DoesNotContain(Id(supported), await FlaggedAsync(supervisor.Http, "not-implemented"));

        supported = await ActAsync(registrar.Http, supported, "evaluate", new { target = "unit", rating = "dissatisfied", comment = "工资只付了一半", on = "2026-10-20" });
        Assert.Contains(Id(supported), await FlaggedAsync(supervisor.Http, "substance-unresolved"));
        supported = await ActAsync(registrar.Http, supported, "request-review", new { reason = "不服处理意见", on = "2026-11-05" });
        supported = await ActAsync(district.Http, supported, "conclude-review", new { decision = "modify", opinion = "责令补足差额。", legalBasis = "《信访工作条例》第三十五条", on = "2026-11-20" });
        supported = await ActAsync(district.Http, supported, "deliver", new { noticeId = Notice(supported, "review-opinion").GetProperty("id").GetGuid(), method = "post", on = "2026-11-21" });
        supported = await ActAsync(registrar.Http, supported, "evaluate", new { target = "unit", rating = "satisfied", on = "2026-11-22" });
        Assert.DoesNotContain(Id(supported), await FlaggedAsync(supervisor.Http, "substance-unresolved"));

        // 办理后仍重复信访: a new matter linked as a repeat of the concluded one flags it; a repeat of a matter not yet concluded does not.
        Assert.DoesNotContain(Id(supported), await FlaggedAsync(supervisor.Http, "repeat-after-conclusion"));
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 1), b => (b["title"], b["repeatOf"]) = ("又来反映拖欠工资", Id(supported).ToString())));
        Assert.Contains(Id(supported), await FlaggedAsync(supervisor.Http, "repeat-after-conclusion"));
        await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 12, 2), b => (b["title"], b["repeatOf"]) = ("再次反映", Id(late).ToString())));
        Assert.DoesNotContain(Id(late), await FlaggedAsync(supervisor.Http, "repeat-after-conclusion"));

        // An unknown type is refused by name; the stored flags are the domain's decision for every matter.
        var bad = await supervisor.Http.GetAsync("/api/v1/matters?problem=late", TestContext.Current.CancellationToken);
        await Http.AssertProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "request.problem-invalid");
        Assert.Empty(await ProblemFlagCheck.MismatchesAsync(app));
    }
}
