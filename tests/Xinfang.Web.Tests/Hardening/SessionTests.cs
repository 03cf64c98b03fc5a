using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xinfang.Web.Tests.Infrastructure;

namespace Xinfang.Web.Tests.Hardening;

/// <summary>Sessions end on the server, logins tell an outsider nothing, passwords are not the first guesses, transport is HTTPS-aware.</summary>
public sealed class SessionTests(SharedApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task A_cookie_captured_before_logout_no_longer_opens_a_page(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync(MatterApi.Street, "handler");
        var jar = new CookieJar();
        var browser = app.CreateDefaultClient(jar);
        var form = await browser.GetStringAsync("/login", Ct);
        await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = staff.UserName, ["Input.Password"] = "Staff-Pass-2026", [Http.AntiforgeryField] = Http.AntiforgeryTokenOf(form),
        }), Ct);
        var desk = await browser.GetStringAsync("/desk/handling", Ct);
        var stolen = new CookieJar();
        stolen.Cookies.Add(jar.Cookies.GetAllCookies());
        var captured = app.CreateDefaultClient(stolen);

        Assert.Equal(HttpStatusCode.OK, (await captured.GetAsync("/desk/handling", Ct)).StatusCode);
        var logout = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { [Http.AntiforgeryField] = Http.AntiforgeryTokenOf(desk) }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await captured.GetAsync("/desk/handling", Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count(a => a.Action == "logout" && a.Note == staff.UserName))));
    }

    [Theory, DatabaseData]
    public async Task A_get_of_logout_only_asks_for_confirmation(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync(MatterApi.Street, "handler");
        var browser = await app.SignInAsync(staff.UserName, "Staff-Pass-2026");

        var page = await browser.GetStringAsync("/logout", Ct);

        Assert.Contains("确认退出", page);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/desk/handling", Ct)).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Api_logout_revokes_the_token_and_is_audited_like_the_login(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync(MatterApi.Street, "handler");
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/api/v1/matters", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.Http.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);

        await Http.AssertProblemAsync(await staff.Http.GetAsync("/api/v1/matters", Ct), HttpStatusCode.Unauthorized, "auth.token-revoked");
        await Http.AssertProblemAsync(await app.Anonymous().PostAsync("/api/v1/auth/logout", null, Ct), HttpStatusCode.Unauthorized, "auth.required");
        var actions = await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Where(a => a.Note == staff.UserName).Select(a => a.Action).ToList()));
        Assert.Contains("login", actions);
        Assert.Contains("logout", actions);
    }

    [Theory, DatabaseData]
    public async Task An_unknown_name_and_a_real_one_get_the_same_answers_and_the_account_is_never_locked(Db db)
    {
        var app = await apps.For(db);
        var staff = await app.StaffAsync(MatterApi.Street, "handler");
        using var guesser = From(app, "198.51.100.7");
        using var desk = From(app, "192.0.2.20");
        var anonymous = guesser.CreateClient();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..6];

        for (var i = 0; i < SignInAttempts; i++)
        {
            var real = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Wrong-Pass-1" }, Ct);
            var fake = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = unknown, password = "Wrong-Pass-1" }, Ct);
            Assert.Equal((real.StatusCode, await CodeAsync(real)), (fake.StatusCode, await CodeAsync(fake)));
        }

        // The guesser's address is throttled for that name, even with the right password …
        await Http.AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Staff-Pass-2026" }, Ct),
            HttpStatusCode.Unauthorized, "auth.too-many-attempts");
        // … but the account itself is not locked: the clerk at another address still signs in.
        var atDesk = await desk.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { userName = staff.UserName, password = "Staff-Pass-2026" }, Ct);
        Assert.Equal(HttpStatusCode.OK, atDesk.StatusCode);
        var account = await app.WithDbAsync(d => Task.FromResult(d.Users.Single(u => u.UserName == staff.UserName)));
        Assert.Null(account.LockoutEnd);
    }

    private const int SignInAttempts = 7;

    public static TheoryData<Db, string> WeakPasswords() => new()
    {
        { Db.Sqlite, "Password12" }, { Db.Postgres, "Password12" },
        { Db.Sqlite, "Qwerty12345" }, { Db.Postgres, "Qwerty12345" },
        { Db.Sqlite, "Admin12345" }, { Db.Postgres, "Admin12345" },
        { Db.Sqlite, "Xinfang2026" }, { Db.Postgres, "Xinfang2026" },
        { Db.Sqlite, "{user}A1" }, { Db.Postgres, "{user}A1" },
    };

    [Theory, MemberData(nameof(WeakPasswords))]
    public async Task Common_and_context_derived_passwords_are_refused(Db db, string password)
    {
        var app = await apps.For(db);
        var admin = await app.AdminAsync();
        var userName = "weak" + Guid.NewGuid().ToString("N")[..6];

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "弱口令", unitId = await app.UnitIdAsync(MatterApi.Street), roles = new[] { "handler" },
            password = password.Replace("{user}", userName.ToUpperInvariant(), StringComparison.Ordinal),
        }, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("password", body);
    }

    [Theory, DatabaseData]
    public async Task Behind_a_configured_proxy_https_gets_secure_cookies_and_hsts_and_others_cannot_claim_it(Db db)
    {
        var app = await apps.For(db);
        const string proxy = "10.0.0.9";
        // A client that is not the configured proxy cannot claim HTTPS …
        using var outsider = From(app, "198.51.100.7", ("ReverseProxy:KnownProxies", proxy));
        var plain = await outsider.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(Forwarded("/login"), Ct);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // … the proxy can: HSTS and Secure cookies, as on a request that arrived over HTTPS directly.
        using var proxied = From(app, proxy, ("ReverseProxy:KnownProxies", proxy));
        var viaProxy = await proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(Forwarded("/login"), Ct);
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        var set = viaProxy.Headers.GetValues("Set-Cookie").Where(c => !c.Contains("=;", StringComparison.Ordinal)).ToList(); // not deletions
        Assert.NotEmpty(set);
        Assert.All(set, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        var direct = await outsider.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") })
            .GetAsync("/login", Ct);
        Assert.True(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory, DatabaseData]
    public async Task The_api_documents_are_not_public_when_the_setting_is_off(Db db)
    {
        var app = await apps.For(db);
        using var production = From(app, "192.0.2.20", ("ApiDocs:Public", "false"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/openapi/v1.json", "/api/docs/index.html" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("openapi", await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The same app seen from a given client address (TestServer gives none), with extra settings.</summary>
    private static WebApplicationFactory<Program> From(XinfangApp app, string address, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(address))));
        });

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                http.Connection.RemoteIpAddress = address;
                return then(http);
            });
            next(app);
        };
    }

    private static HttpRequestMessage Forwarded(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    /// <summary>A cookie container the test can read and copy, as someone who captured a session cookie would.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        public CookieContainer Cookies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (Cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                Cookies.SetCookies(uri, cookie);
            }

            return response;
        }
    }
}
