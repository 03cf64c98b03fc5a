using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Foundation;

/// <summary>What every page and response shares: headers, encoding, anti-forgery, documents, errors, static files.</summary>
public sealed class WebShellTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Pages_and_api_responses_carry_the_security_headers(Db db)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();

        var page = await app.Anonymous().GetAsync("/login", Ct);
        var api = await admin.GetAsync("/api/v1/units", Ct);

        foreach (var response in new[] { page, api })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var directives = csp.Split(';', StringSplitOptions.TrimEntries);
            Assert.Contains("script-src 'self'", directives);
            Assert.Contains("frame-ancestors 'none'", directives);
            Assert.DoesNotContain("'unsafe-inline'", csp);
            Assert.DoesNotContain("'unsafe-eval'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Theory, DatabaseData]
    public async Task The_login_page_writes_Chinese_as_characters_not_entities(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().GetAsync("/login", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("信访事项办理系统", html);
        Assert.Contains("请使用本人账户登录", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Theory, DatabaseData]
    public async Task A_login_form_posted_without_the_anti_forgery_token_is_refused_and_changes_nothing(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync("610114001", "handler");
        var browser = app.Browser();
        await browser.GetAsync("/login", Ct); // the anti-forgery cookie, but the form field is left out

        var wrong = await browser.PostAsync("/login", Form(staff.UserName, "Wrong-Pass-1"), Ct);
        var right = await browser.PostAsync("/login", Form(staff.UserName, "Staff-Pass-2026"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("请求格式不正确", await right.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("xinfang=", StringComparison.Ordinal));
        var (failures, auditRows) = await app.WithDbAsync(async d => (
            await d.Users.Where(u => u.UserName == staff.UserName).Select(u => u.AccessFailedCount).SingleAsync(Ct),
            await d.AuditEntries.CountAsync(a => a.Action.StartsWith("login-") && a.Note == staff.UserName, Ct)));
        Assert.Equal(0, failures);
        Assert.Equal(0, auditRows);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode); // still signed out

        static FormUrlEncodedContent Form(string userName, string password) =>
            new(new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
    }

    [Theory, DatabaseData]
    public async Task The_logout_button_in_the_header_signs_out(Db db)
    {
        var app = await apps.For(db);
        // Its own account: logging out renews the security stamp, which would revoke the shared admin's tokens that
        // tests running beside this one hold.
        var staff = await app.StaffAsync("610114", "registrar");
        var browser = await app.SignInAsync(staff.UserName, "Staff-Pass-2026");
        var desk = await browser.GetStringAsync("/", Ct);
        Assert.Contains("action=\"/logout\"", desk);

        var response = await browser.PostAsync("/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { [Http.AntiforgeryField] = Http.AntiforgeryTokenOf(desk) }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task The_openapi_document_is_served_anonymously_and_lists_the_api(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        await Http.EnsureAsync(response);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("信访事项办理系统 API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/users", paths);
    }

    [Theory, DatabaseData]
    public async Task The_api_reference_ui_is_served(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Anonymous().GetAsync("/api/docs/index.html", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", html);
        Assert.Contains("信访事项办理系统 API", html);
    }

    [Theory, DatabaseData]
    public async Task An_unknown_page_is_a_Chinese_404_page(Db db)
    {
        var app = await apps.For(db);
        var browser = await app.SignInAsync("admin", XinfangApp.AdminPassword);

        var response = await browser.GetAsync("/no-such-page", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("未找到", html);
        Assert.Contains("返回工作台", html);
    }

    [Theory, DatabaseData]
    public async Task Static_files_are_served_to_anyone(Db db)
    {
        var app = await apps.For(db);
        var anonymous = app.Browser();

        foreach (var path in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/css/site.css", "/lib/bootstrap/js/bootstrap.bundle.min.js", "/js/site.js" })
        {
            var response = await anonymous.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length > 100, path);
        }
    }

    [Theory, DatabaseData]
    public async Task An_anonymous_visit_to_the_desk_is_sent_to_the_login_page(Db db)
    {
        var app = await apps.For(db);

        var response = await app.Browser().GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2F", response.Headers.Location?.Query);
    }
}
