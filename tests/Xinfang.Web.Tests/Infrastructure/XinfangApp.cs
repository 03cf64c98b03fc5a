using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// Xinfang on a throwaway database of the given provider, with a fake clock. Tests speak HTTP to it through
/// intent-revealing helpers (<see cref="AdminAsync"/>, <see cref="StaffAsync"/>, …).
/// </summary>
public sealed class XinfangApp : WebApplicationFactory<Program>
{
    /// <summary>A Friday morning in Beijing; every back-dated step in the tests lies before it.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 27, 1, 30, 0, TimeSpan.Zero);

    public const string AdminPassword = "Bureau-Test-2026x";

    private readonly bool _ownsDatabase;
    private readonly bool _kestrel;
    private readonly string? _adminPassword;
    private readonly Dictionary<string, Guid> _units = new(StringComparer.Ordinal);
    private int _userCounter;

    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    private XinfangApp(TestDatabase database, bool ownsDatabase, bool kestrel, string? adminPassword)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        _kestrel = kestrel;
        _adminPassword = adminPassword;
    }

    public Db Db => Database.Db;

    /// <summary>Where this instance keeps its data, for tests that reach past the app (raw SQL, the command line).</summary>
    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public DateOnly Today => ChinaTime.DateOf(Clock.GetUtcNow());

    /// <summary>What the app has logged so far, at the levels of its shipped configuration.</summary>
    public LogCapture Log { get; } = new();

    /// <summary>The address of the real server, when started with Kestrel for browser tests.</summary>
    public string BaseAddress { get; private set; } = "http://localhost";

    /// <summary>
    /// Xinfang on a new database. <paramref name="adminPassword"/> is <c>Bootstrap:AdminPassword</c>; null leaves it
    /// unset, as on a real first start, so the administrator gets a generated password that must be changed.
    /// </summary>
    public static async Task<XinfangApp> StartAsync(Db db, bool kestrel = false, string? adminPassword = AdminPassword) =>
        Start(new XinfangApp(await TestDatabase.CreateAsync(db), ownsDatabase: true, kestrel, adminPassword));

    /// <summary>Xinfang on a new database with these settings over the tests' defaults (e.g. the portal's real limits).</summary>
    public static async Task<XinfangApp> StartWithAsync(Db db, IReadOnlyDictionary<string, string> settings) =>
        Start(new XinfangApp(await TestDatabase.CreateAsync(db), ownsDatabase: true, kestrel: false, AdminPassword) { _settings = settings });

    /// <summary>Another start on a database that already exists (a restart, a second server); the caller disposes it.</summary>
    public static XinfangApp StartOn(TestDatabase database, string? adminPassword = AdminPassword, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(new XinfangApp(database, ownsDatabase: false, kestrel: false, adminPassword) { _settings = settings ?? new Dictionary<string, string>() });

    private static XinfangApp Start(XinfangApp app)
    {
        if (app._kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
            app.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
        else
        {
            app.StartServer();
        }

        return app;
    }

    /// <summary>The keyed hash's key in tests (a real deployment's is random, in a 0600 file or the configuration).</summary>
    public const string TestHashKey = "eGluZmFuZy10ZXN0LWlkZW50aWZpZXItaGFzaC1rZXktMzI=";

    /// <summary>The identifier encryption key ring in tests (<c>id=base64</c>, the last one current).</summary>
    public const string TestEncryptionKeys = "t1=eGluZmFuZy10ZXN0LWlkZW50aWZpZXItY2lwaGVyLTE=";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Xinfang", Database.ConnectionString);
        builder.UseSetting("Bootstrap:AdminPassword", _adminPassword ?? "");
        builder.UseSetting("RateLimits:PerMinute", "100000");
        builder.UseSetting("Identifiers:HashKey", TestHashKey);
        builder.UseSetting("Identifiers:EncryptionKeys", TestEncryptionKeys);
        // Every test client comes from the same address: the portal's per-address limits are tested on their own app.
        builder.UseSetting("Portal:SubmissionsPerHour", "100000");
        builder.UseSetting("Portal:MaxFailuresPerAddress", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(new TestOutputLoggerProvider()).AddProvider(Log));
    }

    public async Task<T> WithDbAsync<T>(Func<XinfangDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<XinfangDb>());
    }

    public async Task WithDbAsync(Func<XinfangDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<XinfangDb>());
    }

    public HttpClient Anonymous() => _kestrel ? new HttpClient { BaseAddress = new Uri(BaseAddress) } : CreateClient();

    /// <summary>A client that behaves like a browser for the pages: it keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient Browser() => _kestrel
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(BaseAddress) }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the /login form with its anti-forgery token, as a person does, and returns that browser.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var browser = Browser();
        var form = await browser.GetStringAsync("/login");
        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            [Http.AntiforgeryField] = Http.AntiforgeryTokenOf(form),
        }));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Signing in as {userName} gave {(int)response.StatusCode}");
        return browser;
    }

    public async Task<HttpClient> LoginAsync(string userName, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        await Http.EnsureAsync(response);
        var body = await response.Content.ReadFromJsonAsync<LoginBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.AccessToken);
        return client;
    }

    public Task<HttpClient> AdminAsync() => LoginAsync("admin", AdminPassword);

    /// <summary>A new member of staff of the unit with this code, with these roles, signed in.</summary>
    public async Task<StaffClient> StaffAsync(string unitCode, params string[] roles)
    {
        var admin = await AdminAsync();
        var userName = $"{roles.FirstOrDefault() ?? "user"}{Interlocked.Increment(ref _userCounter)}-{Guid.NewGuid().ToString("N")[..6]}";
        const string password = "Staff-Pass-2026";
        var unitId = await UnitIdAsync(unitCode);
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = "测试" + userName,
            unitId,
            roles,
            password,
            mustChangePassword = false,
        });
        await Http.EnsureAsync(response);
        var userId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        return new StaffClient(await LoginAsync(userName, password), userName, unitId, userId);
    }

    public async Task<Guid> UnitIdAsync(string code)
    {
        lock (_units)
        {
            if (_units.TryGetValue(code, out var known))
            {
                return known;
            }
        }

        var units = await (await AdminAsync()).GetFromJsonAsync<List<UnitBody>>("/api/v1/units");
        lock (_units)
        {
            foreach (var unit in units!)
            {
                _units[unit.Code] = unit.Id;
            }

            return _units.TryGetValue(code, out var id) ? id : throw new ArgumentException($"No unit with code {code}");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private sealed record LoginBody(string AccessToken);

    private sealed record UnitBody(Guid Id, string Code);
}

public sealed record StaffClient(HttpClient Http, string UserName, Guid UnitId, Guid UserId = default);
