using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Xinfang.Web.Tests.Infrastructure;

public static partial class Http
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The anti-forgery token of the (first) form on a page, which a POST of that form must carry.</summary>
    public static string AntiforgeryTokenOf(string html)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "The page has no form with an anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    /// <summary>Like EnsureSuccessStatusCode, but the failure message shows the problem detail the server sent.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    /// <summary>Asserts a problem detail with this status and stable code, and returns it for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString()!);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString()!);
        return problem;
    }
}
