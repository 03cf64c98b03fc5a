using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Matters;

/// <summary>At the unit: extensions, conclusions, mediation, leader packages and archiving, with their refusals.</summary>
public sealed class HandlingTests(SharedApps apps)
{
    private static async Task<(JsonElement Matter, StaffClient Registrar, StaffClient Unit)> AcceptedAsync(XinfangApp app, Action<JsonObject>? change = null)
    {
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20), change));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2025-09-26" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2025-09-30" });
        return (matter, registrar, unit);
    }

    [Theory, DatabaseData]
    public async Task An_extension_is_once_at_most_thirty_days_with_a_reason_before_the_due_date(Db db)
    {
        var app = await apps.For(db);
        var (matter, _, unit) = await AcceptedAsync(app);

        await Http.AssertProblemAsync(await PostActionAsync(unit.Http, matter, "extend", new { days = 31, reason = "复杂", on = "2025-11-20" }),
            HttpStatusCode.UnprocessableEntity, "matter.extension-too-long");
        await Http.AssertProblemAsync(await PostActionAsync(unit.Http, matter, "extend", new { days = 10, on = "2025-11-20" }),
            HttpStatusCode.UnprocessableEntity, "matter.reason-required");
        await Http.AssertProblemAsync(await PostActionAsync(unit.Http, matter, "extend", new { days = 10, reason = "复杂", on = "2025-12-02" }),
            HttpStatusCode.UnprocessableEntity, "matter.deadline-passed");

        matter = await ActAsync(unit.Http, matter, "extend", new { days = 10, reason = "需调取材料", on = "2025-11-20" });
        Assert.Equal(new DateOnly(2025, 12, 11), Due(matter, "handling"));
        await Http.AssertProblemAsync(await PostActionAsync(unit.Http, matter, "extend", new { days = 5, reason = "再延", on = "2025-11-21" }),
            HttpStatusCode.UnprocessableEntity, "matter.already-extended");
    }

    [Theory, DatabaseData]
    public async Task A_conclusion_must_answer_every_demand_and_give_a_legal_basis_for_rejecting(Db db)
    {
        var app = await apps.For(db);
        var (matter, _, unit) = await AcceptedAsync(app, b => b["demands"] = new JsonArray("支付拖欠工资", "赔偿误工损失"));

        var partial = await PostActionAsync(unit.Http, matter, "conclude", new
        {
            outcome = "support", facts = "属实", legalBasis = "《保障农民工工资支付条例》", opinion = "支持",
            items = new[] { new { demand = "支付拖欠工资", outcome = "support", facts = "属实", legalBasis = "第十八条" } },
        });
        var problem = await Http.AssertProblemAsync(partial, HttpStatusCode.UnprocessableEntity, "matter.demands-not-covered");
        Assert.Contains("赔偿误工损失", problem.GetProperty("detail").GetString());

        var bare = await PostActionAsync(unit.Http, matter, "conclude", new { outcome = "reject", facts = "无事实依据", opinion = "不予支持" });
        await Http.AssertProblemAsync(bare, HttpStatusCode.UnprocessableEntity, "matter.legal-basis-required");

        matter = await ActAsync(unit.Http, matter, "conclude", new
        {
            outcome = "support", facts = "经调查核实", opinion = "部分支持", on = "2025-11-03",
            items = new object[]
            {
                new { demand = "支付拖欠工资", outcome = "support", facts = "拖欠属实", legalBasis = "《保障农民工工资支付条例》第十八条" },
                new { demand = "赔偿误工损失", outcome = "reject", facts = "无证据", legalBasis = "《劳动合同法》第八十五条" },
            },
        });
        Assert.Equal("concluded", Status(matter));
        Assert.Equal(2, matter.GetProperty("conclusion").GetProperty("items").GetArrayLength());
    }

    [Theory, DatabaseData]
    public async Task Mediation_first_then_a_mediation_agreement_concludes_the_matter(Db db)
    {
        var app = await apps.For(db);
        var (matter, registrar, unit) = await AcceptedAsync(app);

        var early = await PostActionAsync(unit.Http, matter, "conclude", new { outcome = "mediated", opinion = "双方达成协议" });
        await Http.AssertProblemAsync(early, HttpStatusCode.UnprocessableEntity, "matter.mediation-missing");

        matter = await ActAsync(unit.Http, matter, "log", new { kind = "mediation", note = "组织劳资双方调解，达成分期支付协议", on = "2025-10-15" });
        matter = await ActAsync(unit.Http, matter, "conclude", new { outcome = "mediated", opinion = "双方自愿达成调解协议，分两期支付。", on = "2025-10-16" });
        Assert.Equal("concluded", Status(matter));
        var agreement = Notice(matter, "mediation-agreement");
        matter = await ActAsync(unit.Http, matter, "deliver", new { noticeId = agreement.GetProperty("id").GetGuid(), method = "in-person", on = "2025-10-16" });
        Assert.DoesNotContain("request-review", Allowed(await GetAsync(registrar.Http, matter)));
        matter = await ActAsync(registrar.Http, matter, "close", new { on = "2025-10-17" });
        Assert.Equal("closed", Status(matter));
    }

    [Theory, DatabaseData]
    public async Task A_hard_matter_is_suggested_for_a_leaders_package_and_the_leader_follows_it(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var leader = await app.StaffAsync("610114000", "leader");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 5, 6), b =>
        {
            b["channel"] = "visit";
            b["headcount"] = 12;
            b["flags"] = new JsonArray("urgent");
        }));
        Assert.Contains("集体访", matter.GetProperty("packageSuggested").EnumerateArray().Select(r => r.GetString()));

        var leaderId = (await (await app.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/v1/users"))
            .EnumerateArray().First(u => u.GetProperty("userName").GetString() == leader.UserName).GetProperty("id").GetGuid();
        var assigned = await registrar.Http.PostAsJsonAsync($"/api/v1/matters/{Id(matter)}/packages", new { leaderUserId = leaderId, plan = "一周内约见群众代表，协调人社局垫付", on = "2026-05-07" });
        await Http.EnsureAsync(assigned);
        var package = await ReadAsync(assigned);

        var mine = await leader.Http.GetFromJsonAsync<JsonElement>("/api/v1/packages/mine");
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("matterId").GetGuid() == Id(matter));
        Assert.Equal(Id(matter), Id(await GetAsync(leader.Http, matter)));
        var progress = await leader.Http.PostAsJsonAsync($"/api/v1/packages/{package.GetProperty("id").GetGuid()}/progress", new { note = "已约见代表 5 人", on = "2026-05-10" });
        await Http.EnsureAsync(progress);
        Assert.Equal(1, (await ReadAsync(progress)).GetProperty("progress").GetArrayLength());

        var notALeader = await registrar.Http.PostAsJsonAsync($"/api/v1/matters/{Id(matter)}/packages", new { leaderUserId = Guid.NewGuid(), plan = "计划" });
        await Http.AssertProblemAsync(notALeader, HttpStatusCode.UnprocessableEntity, "package.leader-invalid");
    }

    [Theory, DatabaseData]
    public async Task The_daily_job_archives_matters_whose_window_expired_once(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");
        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2025, 9, 20)));
        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2025-09-26" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2025-09-30" });
        matter = await ActAsync(unit.Http, matter, "conclude", new { outcome = "explain", facts = "查明", legalBasis = "有关规定", opinion = "解释说明", on = "2025-10-20" });
        matter = await ActAsync(unit.Http, matter, "deliver", new { noticeId = Notice(matter, "handling-opinion").GetProperty("id").GetGuid(), method = "post", on = "2025-10-21" });

        var firstRun = await registrar.Http.PostAsync("/api/v1/matters/close-expired?asOf=2025-11-15", null);
        Assert.Equal(0, (await ReadAsync(firstRun)).GetProperty("closed").GetInt32()); // the window runs to 2025-11-20

        app.Clock.Advance(TimeSpan.FromHours(1)); // the hourly job runs on today's date, long after the window
        var closed = await WaitForAsync(async () => Status(await GetAsync(registrar.Http, matter)) == "closed");
        Assert.True(closed);
        var again = await registrar.Http.PostAsync("/api/v1/matters/close-expired", null);
        Assert.Equal(0, (await ReadAsync(again)).GetProperty("closed").GetInt32());
        var history = (await GetAsync(registrar.Http, matter)).GetProperty("events").EnumerateArray().Last();
        Assert.Equal("close", history.GetProperty("action").GetString());
        Assert.Equal("system", history.GetProperty("by").GetString());
        Assert.Equal("2025-11-21", history.GetProperty("on").GetString());
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
