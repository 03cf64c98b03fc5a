using Microsoft.Playwright;

namespace Xinfang.Web.Tests.Browser;

/// <summary>
/// Collects what a person would not see but a broken page shows: console errors (a script or style the CSP
/// refused), failed requests and error responses for the page's own files. Browser tests assert it stays empty.
/// </summary>
public sealed class PageWatch
{
    private readonly List<string> _problems = [];

    public PageWatch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Add($"script error: {error}");
        page.RequestFailed += (_, request) => Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            // Pages answer with the status they mean (302, the 404 page); files must simply be there.
            if (response.Status >= 400 && response.Request.ResourceType is not "document")
            {
                Add($"{response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
