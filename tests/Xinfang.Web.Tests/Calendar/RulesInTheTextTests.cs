using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Calendar;

/// <summary>
/// Every number a user reads or a rule applies comes from the period rule that governs it: an administrator who
/// shortens a rule changes the decision, the form that asks for it and the text printed for the petitioner together.
/// </summary>
public sealed class RulesInTheTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task A_shortened_rule_changes_the_decision_the_form_and_the_printed_text(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db); // its own: the rules change for everyone
        var admin = await app.AdminAsync();
        await SaveAsync(admin, "extension", 20, "《信访工作条例》第三十四条（本区从严）");
        await SaveAsync(admin, "review-request", 20, "《信访工作条例》第三十五条（本区从严）");
        await SaveAsync(admin, "dispose", 10, "《信访工作条例》第二十二条（本区从严）");
        var registrar = await app.StaffAsync("610114", "registrar");
        var unit = await app.StaffAsync(Labour, "handler", "unit-head");

        var matter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 9, 1)));
        var bureau = await PageSession.LoginAsync(app, registrar.UserName, PageSession.StaffPassword);
        var receipt = await bureau.GetPageAsync($"/matters/{Id(matter)}/receipt");
        Assert.Contains("本局自收到之日起十日内", receipt);
        Assert.Contains("《信访工作条例》第二十二条（本区从严）", receipt);

        // The procedure the bureau publishes on the portal (第十八条) says the same.
        var published = await app.Anonymous().GetStringAsync("/portal", Ct);
        Assert.Contains("信访部门自收到之日起十日内", published);
        Assert.Contains("可延长不超过二十日", published);
        Assert.Contains("可以自收到之日起二十日内请求复查", published);

        matter = await ActAsync(registrar.Http, matter, "transfer", new { unitId = unit.UnitId, on = "2026-09-02" });
        matter = await ActAsync(unit.Http, matter, "accept", new { on = "2026-09-03" });

        // The decision: at most the 20 days the rule now allows.
        var tooLong = await PostActionAsync(unit.Http, matter, "extend", new { days = 25, reason = "需要补充调查", on = "2026-09-04" });
        var problem = await Http.AssertProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "matter.extension-too-long");
        Assert.Contains("20 日", problem.GetProperty("detail").GetString());

        // The form: the same limit, in its label and its bounds.
        var head = await PageSession.LoginAsync(app, unit.UserName, PageSession.StaffPassword);
        var page = await head.GetPageAsync($"/matters/{Id(matter)}");
        Assert.Contains("延期天数（不超过 20 日（自然日））", page);
        Assert.Matches("max=\"20\" id=\"extend-days\"", page);

        // The printed remedy: 20 days to ask for review, as the handling opinion tells the petitioner.
        matter = await ActAsync(unit.Http, matter, "extend", new { days = 20, reason = "需要补充调查", on = "2026-09-04" });
        matter = await ActAsync(unit.Http, matter, "conclude", new
        {
            outcome = "explain", facts = "经核实，工程款尚未结算。", legalBasis = "《保障农民工工资支付条例》", opinion = "已督促施工单位结算后支付。", on = "2026-09-20",
        });
        var opinionId = Notice(matter, "handling-opinion").GetProperty("id").GetGuid();
        var fields = await app.WithDbAsync(d => d.Set<Notice>().Where(n => n.Id == opinionId).Select(n => n.Fields).SingleAsync(Ct));
        Assert.Contains("自收到本意见书之日起二十日内", fields);
        Assert.Contains("《信访工作条例》第三十五条（本区从严）", fields);
    }

    private static async Task SaveAsync(HttpClient admin, string code, int days, string article)
    {
        var current = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/periods", Ct);
        var name = current.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("name").GetString();
        await Http.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/periods/{code}", new { name, days, kind = "calendar", rollForward = true, article }, Ct));
    }
}
