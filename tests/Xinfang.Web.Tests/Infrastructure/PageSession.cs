using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Xinfang.Web.Tests.Infrastructure;

/// <summary>
/// A browser-like session for page tests: signs in through the /login form with its anti-forgery token, keeps the
/// cookies, and does not follow redirects, so a test can see where a form post sends the user.
/// </summary>
public sealed partial class PageSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<PageSession> LoginAsync(XinfangApp app, string userName, string password)
    {
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var form = await session.GetPageAsync("/login");
        var response = await session.PostFormAsync("/login", form, ("Input.UserName", userName), ("Input.Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>A new member of staff of the unit with this code, signed in through the login form.</summary>
    public static async Task<PageSession> StaffAsync(XinfangApp app, string unitCode, params string[] roles)
    {
        var staff = await app.StaffAsync(unitCode, roles);
        return await LoginAsync(app, staff.UserName, StaffPassword);
    }

    public static Task<PageSession> AdminAsync(XinfangApp app) => LoginAsync(app, "admin", XinfangApp.AdminPassword);

    public const string StaffPassword = "Staff-Pass-2026";

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>Posts a form as the browser would, with the anti-forgery token of <paramref name="page"/> (the HTML the form came from).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string page, params (string Name, string Value)[] fields) =>
        PostFormAsync(path, page, (IEnumerable<(string, string)>)fields);

    public Task<HttpResponseMessage> PostFormAsync(string path, string page, IEnumerable<(string Name, string Value)> fields)
    {
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Token(page)));
        return Client.PostAsync(path, new FormUrlEncodedContent(body), TestContext.Current.CancellationToken);
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
