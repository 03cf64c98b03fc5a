using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xinfang.Web.Features.Audit;
using Xinfang.Web.Tests.Infrastructure;
using static Xinfang.Web.Tests.Infrastructure.MatterApi;

namespace Xinfang.Web.Tests.Audit;

/// <summary>
/// The audit trail as 等保 三员分立 wants it read: the auditor reads everything, the security administrator the
/// security events, the system administrator nothing of it; every reading and export is itself recorded.
/// </summary>
public sealed class AuditTrailTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task The_auditor_finds_a_matters_history_by_matter_actor_and_date_and_pages_through_it(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var auditor = await app.StaffAsync("610114", "auditor");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today));
        await ActAsync(registrar.Http, matter, "transfer", new { unitId = await app.UnitIdAsync(Street), on = Date(app.Today) });

        var byMatter = await ListAsync(auditor.Http, $"matter={Id(matter)}");
        var types = byMatter.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("entityType").GetString()).ToHashSet();
        Assert.Contains("Matter", types);
        Assert.Contains("Notice", types);
        Assert.All(byMatter.GetProperty("items").EnumerateArray(), e => Assert.Equal(registrar.UserName, e.GetProperty("actor").GetString()));
        Assert.Contains(byMatter.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityLabel").GetString() == "信访事项" && e.GetProperty("actionLabel").GetString() == "新增");

        // Newest first, in pages of two, each page continuing where the last one stopped.
        var seen = new List<long>();
        var query = $"actor={registrar.UserName}&from={Date(app.Today.AddDays(-1))}&to={Date(app.Today.AddDays(1))}&pageSize=2";
        for (var page = await ListAsync(auditor.Http, query); ; page = await ListAsync(auditor.Http, $"{query}&after={page.GetProperty("next").GetInt64()}"))
        {
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }
        }

        Assert.True(seen.Count >= byMatter.GetProperty("items").GetArrayLength(), $"{seen.Count} rows over the pages");
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // Nothing from before the matter's day, and the reading itself is on the record.
        Assert.Empty((await ListAsync(auditor.Http, $"actor={registrar.UserName}&to={Date(app.Today.AddDays(-1))}")).GetProperty("items").EnumerateArray());
        var readings = await ListAsync(auditor.Http, $"actor={auditor.UserName}&action=view");
        Assert.Contains(readings.GetProperty("items").EnumerateArray(), e => e.GetProperty("note").GetString()!.Contains($"事项={Id(matter)}", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task The_security_administrator_sees_sign_ins_but_not_matters_and_the_system_administrator_sees_nothing(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var security = await app.StaffAsync("610114", "security-admin");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today));
        await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = registrar.UserName, password = "wrong-Password-1" }, Ct);

        var page = await ListAsync(security.Http, $"actor={registrar.UserName}");
        Assert.True(page.GetProperty("securityEventsOnly").GetBoolean());
        var actions = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("login", actions);
        Assert.DoesNotContain("insert", actions);
        Assert.Empty((await ListAsync(security.Http, $"matter={Id(matter)}")).GetProperty("items").EnumerateArray());
        var failed = await ListAsync(security.Http, "action=login-failed");
        Assert.Contains(failed.GetProperty("items").EnumerateArray(), e => e.GetProperty("actionLabel").GetString() == "登录失败");

        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.Http.GetAsync("/api/v1/audit/export.xlsx", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task An_export_is_a_readable_workbook_and_is_itself_recorded_and_the_chain_verifies(Db db)
    {
        var app = await apps.For(db);
        var registrar = await app.StaffAsync("610114", "registrar");
        var auditor = await app.StaffAsync("610114", "auditor");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today));

        var response = await auditor.Http.GetAsync($"/api/v1/audit/export.xlsx?matter={Id(matter)}", Ct);
        await Http.EnsureAsync(response);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => r["对象"] as string == "信访事项" && r["操作"] as string == "新增" && r["操作人"] as string == registrar.UserName);

        var exports = await ListAsync(auditor.Http, $"actor={auditor.UserName}&action=audit-export");
        var export = Assert.Single(exports.GetProperty("items").EnumerateArray());
        Assert.Contains($"导出审计记录 {rows.Count} 条", export.GetProperty("note").GetString(), StringComparison.Ordinal);

        var verified = await auditor.Http.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify", Ct);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.True(verified.GetProperty("count").GetInt64() > 0);
    }

    [Theory, DatabaseData]
    public async Task Bad_filters_are_refused_in_chinese(Db db)
    {
        var app = await apps.For(db);
        var auditor = await app.StaffAsync("610114", "auditor");

        await Http.AssertProblemAsync(await auditor.Http.GetAsync("/api/v1/audit?from=2026-05-02&to=2026-05-01", Ct), HttpStatusCode.UnprocessableEntity, "audit.range-reversed");
        await Http.AssertProblemAsync(await auditor.Http.GetAsync("/api/v1/audit?pageSize=0", Ct), HttpStatusCode.UnprocessableEntity, "audit.page-size-invalid");
        await Http.AssertProblemAsync(await auditor.Http.GetAsync($"/api/v1/audit?actor={new string('a', 101)}", Ct), HttpStatusCode.UnprocessableEntity, "audit.filter-too-long");
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.Http.GetAsync("/api/v1/audit?from=2026-13-01", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task One_person_holds_at_most_one_of_the_three_administrator_roles(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var unitId = await app.UnitIdAsync("610114");

        foreach (var roles in new[] { new[] { "admin", "auditor" }, ["security-admin", "auditor"], ["admin", "security-admin"] })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new
            {
                userName = "sep-" + Guid.NewGuid().ToString("N")[..8], displayName = "三员", unitId, roles, password = "Staff-Pass-2026",
            }, Ct);
            var problem = await Http.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "user.roles-separated");
            Assert.Contains("三员分立", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var unknown = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "role-" + Guid.NewGuid().ToString("N")[..8], displayName = "角色", unitId, roles = new[] { "root" }, password = "Staff-Pass-2026",
        }, Ct);
        var detail = (await Http.AssertProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "user.roles-invalid")).GetProperty("detail").GetString()!;
        Assert.Contains("安全审计员", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("registrar", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_table_of_the_model_has_a_chinese_label_for_the_auditor()
    {
        var app = await apps.For(Db.Sqlite);
        var names = await app.WithDbAsync(d => Task.FromResult(d.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType.Name).ToList()));

        Assert.Empty(names.Except(AuditLabels.KnownEntities));
    }

    [Fact]
    public async Task The_audit_page_filters_by_matter_number_and_exports_for_the_auditor_only()
    {
        var app = await apps.For(Db.Sqlite);
        var registrar = await app.StaffAsync("610114", "registrar");
        var matter = await RegisterAsync(registrar.Http, Letter(app.Today));
        var number = matter.GetProperty("number").GetString()!;
        var auditor = await PageSession.StaffAsync(app, "610114", "auditor");

        var html = await auditor.GetPageAsync($"/audit?MatterNumber={Uri.EscapeDataString(number)}");
        Assert.Contains("信访事项", html, StringComparison.Ordinal);
        Assert.Contains(registrar.UserName, html, StringComparison.Ordinal);
        Assert.Contains("没有编号为", await auditor.GetPageAsync("/audit?MatterNumber=NOPE-1"), StringComparison.Ordinal);
        var export = await auditor.GetAsync($"/audit?handler=Export&MatterNumber={Uri.EscapeDataString(number)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);

        var desk = await auditor.GetPageAsync("/");
        Assert.Contains("href=\"/audit\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/users", desk, StringComparison.Ordinal);
        var admin = await PageSession.AdminAsync(app);
        Assert.NotEqual(HttpStatusCode.OK, (await admin.GetAsync("/audit")).StatusCode);
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit?" + query, Ct);
        await Http.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
