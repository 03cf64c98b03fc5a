using System.Net;
using System.Net.Http.Headers;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

public sealed class AuthTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Login_returns_a_bearer_token_and_who_the_user_is(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = XinfangApp.AdminPassword }, Ct);

        await Http.EnsureAsync(response);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(8 * 3600, body.GetProperty("expiresIn").GetInt64());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal("admin", body.GetProperty("user").GetProperty("userName").GetString());
        Assert.Contains("admin", body.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory, DatabaseData]
    public async Task A_wrong_password_is_refused_with_401(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "wrong" }, Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Theory, DatabaseData]
    public async Task Five_wrong_passwords_throttle_that_address_and_name_even_for_the_right_one(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114001", "handler");
        var anonymous = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Wrong-Pass-1" }, Ct);
        }

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Staff-Pass-2026" }, Ct);
        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.too-many-attempts");
    }

    [Theory, DatabaseData]
    public async Task A_password_set_by_the_administrator_must_be_changed_before_the_api_can_be_used(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var userName = "new-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "王五", unitId = await app.UnitIdAsync("610114002"), roles = new[] { "handler" }, password = "Initial-Pass-1",
        }, Ct);
        await Http.EnsureAsync(created);

        var refused = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Initial-Pass-1" }, Ct);
        await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "auth.password-change-required");

        var weak = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/password", new { userName, currentPassword = "Initial-Pass-1", newPassword = "short" }, Ct);
        var problem = await Http.AssertProblemAsync(weak, HttpStatusCode.UnprocessableEntity, "auth.password-rejected");
        Assert.Contains("至少需要 10 位", problem.GetProperty("detail").GetString());

        var changed = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/password", new { userName, currentPassword = "Initial-Pass-1", newPassword = "Mine-Own-Pass-7" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await app.LoginAsync(userName, "Mine-Own-Pass-7");
    }

    [Theory, DatabaseData]
    public async Task Without_a_token_the_api_answers_401_as_a_problem(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().GetAsync("/api/v1/units", Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, DatabaseData]
    public async Task A_forged_token_is_refused(Db db)
    {
        var app = await apps.For(db);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged-token");

        var response = await client.GetAsync("/api/v1/units", Ct);

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, DatabaseData]
    public async Task A_token_expires_after_eight_hours(Db db)
    {
        await using var app = await XinfangApp.StartAsync(db);
        var admin = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/units", Ct)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        await Http.AssertProblemAsync(await admin.GetAsync("/api/v1/units", Ct), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory, DatabaseData]
    public async Task A_handler_may_not_manage_users_or_units(Db db)
    {
        var app = await apps.For(db);
        var handler = await app.StaffAsync("610114003", "handler");

        await Http.AssertProblemAsync(await handler.Http.GetAsync("/api/v1/users", Ct), HttpStatusCode.Forbidden, "auth.forbidden");
        var create = await handler.Http.PostAsJsonAsync("/api/v1/units", new { code = "610114999", name = "某单位", kind = "department" }, Ct);
        await Http.AssertProblemAsync(create, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Theory, DatabaseData]
    public async Task A_token_stops_working_when_the_account_is_deactivated(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var staff = await app.StaffAsync("610114004", "handler");
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/api/v1/units", Ct)).StatusCode);
        var users = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/users", Ct);
        var id = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == staff.UserName).GetProperty("id").GetGuid();

        var deactivated = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new
        {
            userName = staff.UserName, displayName = "离职人员", unitId = staff.UnitId, roles = new[] { "handler" }, isActive = false,
        }, Ct);
        await Http.EnsureAsync(deactivated);

        await Http.AssertProblemAsync(await staff.Http.GetAsync("/api/v1/units", Ct), HttpStatusCode.Unauthorized, "auth.token-revoked");
    }
}
