using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Xinfang.LoadTest;

/// <summary>What the load test does through the API: sign in as admin, create a registrar of the bureau, register.</summary>
public sealed class XinfangApi(HttpClient http)
{
    public const string BureauCode = "610114"; // 阎良区信访局

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A new registrar (登记员) of the bureau, signed in; also returns what valid bodies need (categories, places).</summary>
    public static async Task<(XinfangApi Registrar, Registrations Bodies)> SetUpAsync(Uri baseAddress, string adminPassword, DateOnly today)
    {
        var admin = new XinfangApi(NewClient(baseAddress));
        await admin.LoginAsync("admin", adminPassword);
        var units = await admin.GetAsync("/api/v1/units");
        var bureau = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == BureauCode).GetProperty("id").GetGuid();
        var places = units.EnumerateArray().Where(u => u.GetProperty("kind").GetString() is "street" or "town").Select(u => u.GetProperty("id").GetGuid()).ToList();
        var categories = new List<(string, string)>();
        foreach (var top in (await admin.GetAsync("/api/v1/categories")).EnumerateArray())
        {
            categories.AddRange(top.GetProperty("children").EnumerateArray().Where(c => c.GetProperty("isActive").GetBoolean())
                .Select(c => (c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!)));
        }

        var userName = "loadtest-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "Load-Test-2026x";
        var created = await admin.Http.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = "压测登记员",
            unitId = bureau,
            roles = new[] { "registrar" },
            password,
            mustChangePassword = false,
        });
        await EnsureAsync(created, "creating the registrar");

        var registrar = new XinfangApi(NewClient(baseAddress));
        await registrar.LoginAsync(userName, password);
        return (registrar, new Registrations(categories, places, today));
    }

    public HttpClient Http => http;

    public async Task LoginAsync(string userName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        await EnsureAsync(response, $"signing in as {userName}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        await EnsureAsync(response, $"GET {path}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One registration; true when it was created (201). The body is read to the end, as a real client would.</summary>
    public async Task<bool> RegisterAsync(byte[] body, bool idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        if (idempotencyKey)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        Failures.Report($"{(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        return false;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>The first few failures are printed, the rest only counted: one bad body should not flood the output.</summary>
public static class Failures
{
    private static int _reported;

    public static void Report(string message)
    {
        if (Interlocked.Increment(ref _reported) <= 5)
        {
            Console.Error.WriteLine($"  failed request: {message}");
        }
    }
}
