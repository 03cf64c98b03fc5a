using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Calendar;

/// <summary>
/// The period rules of LIFECYCLE.md "Clocks" as data: listed with their article, changed and extended by an
/// administrator, each change versioned and audited, and a running clock never moved by a rule change.
/// </summary>
public sealed class PeriodRuleTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task The_ten_statutory_rules_are_listed_with_days_kind_and_article(Db db)
    {
        var staff = await (await apps.For(db)).StaffAsync(Labour, "handler");

        var rules = (await staff.Http.GetFromJsonAsync<JsonElement>("/api/v1/periods", Ct)).EnumerateArray()
            .Where(r => r.GetProperty("isStatutory").GetBoolean())
            .ToDictionary(r => r.GetProperty("code").GetString()!);

        Assert.Equal(
            ["acceptance-notice", "dispose", "extension", "handling", "handling-simplified", "objection", "recheck", "recheck-request", "review", "review-request"],
            rules.Keys.Order(StringComparer.Ordinal));
        Assert.All(rules.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("article").GetString())));
        Assert.All(rules.Values, r => Assert.True(r.GetProperty("rollForward").GetBoolean()));
        Assert.Equal((60, "calendar", "《信访工作条例》第三十四条"), Rule(rules["handling"]));
        Assert.Equal((5, "working", "《信访工作条例》第二十三条第三款"), Rule(rules["objection"]));
        Assert.Equal((15, "calendar", "《信访工作条例》第二十二条"), Rule(rules["dispose"]));
        Assert.Equal((10, "working", "《信访事项简易办理办法（试行）》"), Rule(rules["handling-simplified"]));
        Assert.Equal((30, "calendar", "《信访工作条例》第三十六条"), Rule(rules["recheck"]));
    }

    [Theory, DatabaseData]
    public async Task A_changed_rule_applies_to_new_clocks_and_a_local_rule_to_urgent_matters_only(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var handler = await app.StaffAsync(Labour, "handler");
        var admin = await app.AdminAsync();
        var before = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 3, 2)));
        before = await ActAsync(registrar.Http, before, "transfer", new { unitId = handler.UnitId, on = "2026-03-03" });
        before = await ActAsync(handler.Http, before, "accept", new { on = "2026-03-04" });
        Assert.Equal(new DateOnly(2026, 5, 6), Due(before, "handling")); // 60 days: Sunday 05-03 in 劳动节, rolls to 05-06

        var handling = await Save(admin, "handling", new { name = "办理期限", days = 45, kind = "calendar", rollForward = true, article = "《信访工作条例》第三十四条（本区从严）" });
        var urgent = await Save(admin, "dispose.urgent", new { name = "紧急事项处置期限", days = 7, kind = "calendar", rollForward = true, article = "阎良区信访局紧急事项办理规定" });

        Assert.Equal(2, handling.GetProperty("version").GetInt32());
        Assert.Equal(1, urgent.GetProperty("version").GetInt32());
        Assert.False(urgent.GetProperty("isStatutory").GetBoolean());

        // A new clock uses the new days; the running one keeps the 60 days it was opened with.
        var after = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 3, 2)));
        after = await ActAsync(registrar.Http, after, "transfer", new { unitId = handler.UnitId, on = "2026-03-03" });
        after = await ActAsync(handler.Http, after, "accept", new { on = "2026-03-04" });
        Assert.Equal(new DateOnly(2026, 4, 20), Due(after, "handling")); // 45 days: Saturday 04-18, rolls to Monday 04-20
        Assert.Equal(new DateOnly(2026, 5, 6), Due(await GetAsync(handler.Http, before), "handling"));
        var versions = await app.WithDbAsync(d => d.Set<Deadline>().Where(x => x.Code == "handling")
            .Select(x => new { x.MatterId, x.Days, x.RuleVersion }).ToListAsync(Ct));
        Assert.Equal((60, 1), versions.Where(v => v.MatterId == Id(before)).Select(v => (v.Days, v.RuleVersion)).Single());
        Assert.Equal((45, 2), versions.Where(v => v.MatterId == Id(after)).Select(v => (v.Days, v.RuleVersion)).Single());

        // A new urgent registration gets 7 days to dispose; an ordinary one still 15.
        var urgentMatter = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 3, 2), b => b["flags"] = new System.Text.Json.Nodes.JsonArray("urgent")));
        var ordinary = await RegisterAsync(registrar.Http, Letter(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2026, 3, 9), Due(urgentMatter, "dispose"));
        Assert.Equal(new DateOnly(2026, 3, 17), Due(ordinary, "dispose"));
        var explanation = Deadline(urgentMatter, "dispose").GetProperty("explanation").EnumerateArray().Select(l => l.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(explanation, l => l.Contains("7 日（自然日）", StringComparison.Ordinal));
        // The explanation and the deadline's name cite the local rule that gave the 7 days, not the statute's 15.
        Assert.Contains(explanation, l => l.Contains("阎良区信访局紧急事项办理规定", StringComparison.Ordinal));
        Assert.Equal("紧急事项处置期限", Deadline(urgentMatter, "dispose").GetProperty("name").GetString());

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/periods", Ct);
        Assert.Equal(11, list.GetArrayLength());
        Assert.Equal("dispose.urgent", list.EnumerateArray().Last().GetProperty("code").GetString()); // statutory first, then local
    }

    [Theory, DatabaseData]
    public async Task Every_change_of_a_rule_is_versioned_and_audited(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();

        await Save(admin, "handling", new { name = "办理期限", days = 45, kind = "calendar", rollForward = true, article = "《信访工作条例》第三十四条" });
        await Save(admin, "handling", new { name = "办理期限", days = 50, kind = "calendar", rollForward = false, article = "《信访工作条例》第三十四条" });
        await Save(admin, "dispose.urgent", new { name = "紧急事项处置期限", days = 7, kind = "working", rollForward = true, article = "本区规定" });

        var history = await app.WithDbAsync(d => d.Set<PeriodRuleHistory>().OrderBy(h => h.Code).ThenBy(h => h.Version)
            .Select(h => new { h.Code, h.Version, h.Days, h.RollForward, h.ChangedBy }).ToListAsync(Ct));
        Assert.Equal([(1, 60, true, "setup"), (2, 45, true, "admin"), (3, 50, false, "admin")],
            history.Where(h => h.Code == "handling").Select(h => (h.Version, h.Days, h.RollForward, h.ChangedBy)));
        Assert.Equal([(1, 7, true, "admin")], history.Where(h => h.Code == "dispose.urgent").Select(h => (h.Version, h.Days, h.RollForward, h.ChangedBy)));

        var audit = await app.WithDbAsync(d => d.AuditEntries.Where(a => a.EntityType == nameof(PeriodRuleRecord) && a.Actor == "admin")
            .OrderBy(a => a.Sequence).Select(a => new { a.Action, a.EntityId, a.Before, a.After }).ToListAsync(Ct));
        Assert.Equal([("update", "handling"), ("update", "handling"), ("insert", "dispose.urgent")], audit.Select(a => (a.Action, a.EntityId)));
        Assert.Contains("\"Days\":60", audit[0].Before);
        Assert.Contains("\"Days\":45", audit[0].After);

        var response = await admin.GetFromJsonAsync<JsonElement>("/api/v1/periods/handling/history", Ct);
        Assert.Equal([3, 2, 1], response.EnumerateArray().Select(h => h.GetProperty("version").GetInt32()));
    }

    public static TheoryData<Db, string, string, int, string> BadRules()
    {
        var rows = new (string Code, string Body, int Status, string ErrorCode)[]
        {
            ("handling", """{ "name": "办理期限", "days": 0, "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 422, "period.days-out-of-range"),
            ("handling", """{ "name": "办理期限", "days": -5, "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 422, "period.days-out-of-range"),
            ("handling", """{ "name": "办理期限", "days": 3651, "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 422, "period.days-out-of-range"),
            ("handling", """{ "name": "办理期限", "days": 30, "kind": "fortnight", "rollForward": true, "article": "第三十四条" }""", 400, "request.malformed"),
            ("handling", """{ "name": "办理期限", "days": "thirty", "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 400, "request.malformed"),
            ("handling", """{ "name": "办理期限", "days": 30, "kind": "calendar", "rollForward": true, "article": " " }""", 422, "period.article-required"),
            ("handling", """{ "name": "", "days": 30, "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 422, "period.name-required"),
            ("Dispose_Urgent", """{ "name": "紧急", "days": 7, "kind": "calendar", "rollForward": true, "article": "本区规定" }""", 422, "period.code-invalid"),
            ("nonsense.urgent", """{ "name": "紧急", "days": 7, "kind": "calendar", "rollForward": true, "article": "本区规定" }""", 422, "period.code-unknown"),
            ("brand-new", """{ "name": "新期限", "days": 7, "kind": "calendar", "rollForward": true, "article": "本区规定" }""", 422, "period.code-unknown"),
            ("handling", $$"""{ "name": "{{new string('期', 33)}}", "days": 30, "kind": "calendar", "rollForward": true, "article": "第三十四条" }""", 422, "period.text-too-long"),
        };
        var data = new TheoryData<Db, string, string, int, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
        {
            foreach (var (code, body, status, errorCode) in rows)
            {
                data.Add(db, code, body, status, errorCode);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(BadRules))]
    public async Task A_bad_rule_is_refused_in_chinese_and_nothing_changes(Db db, string code, string body, int status, string errorCode)
    {
        var admin = await (await apps.For(db)).AdminAsync();

        var response = await admin.PutAsync($"/api/v1/periods/{code}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await Http.AssertProblemAsync(response, (HttpStatusCode)status, errorCode);
        var handling = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/periods", Ct)).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "handling");
        Assert.Equal((60, 1), (handling.GetProperty("days").GetInt32(), handling.GetProperty("version").GetInt32()));
    }

    [Theory, DatabaseData]
    public async Task Only_an_administrator_may_change_a_rule(Db db)
    {
        var app = await apps.For(db);
        var director = await app.StaffAsync("610114", "director", "supervisor");

        var response = await director.Http.PutAsJsonAsync("/api/v1/periods/handling",
            new { name = "办理期限", days = 30, kind = "calendar", rollForward = true, article = "第三十四条" }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    private static async Task<JsonElement> Save(HttpClient admin, string code, object body)
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/periods/{code}", body, Ct);
        await Http.EnsureAsync(response);
        return await ReadAsync(response);
    }

    private static (int Days, string Kind, string Article) Rule(JsonElement r) =>
        (r.GetProperty("days").GetInt32(), r.GetProperty("kind").GetString()!, r.GetProperty("article").GetString()!);
}
