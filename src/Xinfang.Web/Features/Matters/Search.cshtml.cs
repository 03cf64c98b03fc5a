using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>事项查询: every matter the user may see, filtered as <c>GET /api/v1/matters</c> filters, all in the query string.</summary>
// Every member of staff: the list holds only the matters they may see (VisibleMatters), so a handling unit searches
// its own matters, and the search matches nothing they may not see (MatterSearch.Apply).
[Authorize(Policy = Policies.Staff)]
public sealed class SearchModel(MatterList list, UnitEditor units, CategoryEditor categories) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)] public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)] public string? CategoryCode { get; set; }

    /// <summary>Dates as typed (2026-11-01, 20261101, 2026/11/1), the same as on the registration form.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    /// <summary>Notices the viewer's unit issued and has still to deliver (the desk's 待送达 tile).</summary>
    [BindProperty(SupportsGet = true)] public bool Undelivered { get; set; }

    /// <summary>The responsible unit: the statistics' drill-down by unit lands here.</summary>
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public MatterTable? Table { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>A problem type of concentrated supervision (<c>problem=not-accepted</c>, …).</summary>
    [BindProperty(SupportsGet = true)] public string? Problem { get; set; }

    public IReadOnlyList<CategoryOption> CategoryOptions { get; private set; } = [];

    public bool Filtered => Q is { Length: > 0 } || Status is { Length: > 0 } || Channel is { Length: > 0 } || Purpose is { Length: > 0 }
        || CategoryCode is { Length: > 0 } || From is { Length: > 0 } || To is { Length: > 0 } || Overdue || Undelivered || UnitId is not null || Problem is { Length: > 0 };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CategoryOptions = await CategoryOption.ListAsync(categories, cancellationToken);
        var from = RegistrationForm.ParseDate(From);
        var to = RegistrationForm.ParseDate(To);
        if (from is null && !string.IsNullOrWhiteSpace(From) || to is null && !string.IsNullOrWhiteSpace(To))
        {
            Failure = "收到日期请按“年-月-日”填写，如 2026-03-02。";
            return;
        }

        From = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = new MatterEndpoints.MatterQuery(Empty(Status) is { } s ? [s] : null, UnitId, Empty(Purpose), Empty(CategoryCode), Empty(Channel), from, to,
            null, Overdue ? true : null, Empty(Q), Math.Max(1, PageNumber), PageSize, Problem: Empty(Problem),
            Undelivered: Undelivered ? true : null);
        var found = await query.ToFilter().ThenAsync(filter => list.FindAsync(filter, cancellationToken));
        if (!found.TryGet(out var page, out var error))
        {
            Failure = error.Detail;
            return;
        }

        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Table = new MatterTable(page, PageUrl, names, Queue: false, Filtered ? "没有符合条件的事项，请放宽查询条件。" : "还没有登记的事项。")
        {
            Highlights = MatterSearch.HighlightsOf(Q),
        };
    }

    /// <summary>The same list in Excel (as <c>GET /api/v1/matters/export.xlsx</c>, served for the session cookie), with the filters as shown.</summary>
    public string ExportUrl => QueryHelpers.AddQueryString("/matters/export.xlsx", Filters().Where(p => p.Value is not null));

    private Dictionary<string, string?> Filters() => new()
    {
        ["q"] = Empty(Q),
        ["status"] = Empty(Status),
        ["channel"] = Empty(Channel),
        ["purpose"] = Empty(Purpose),
        ["categoryCode"] = Empty(CategoryCode),
        ["from"] = Empty(From),
        ["to"] = Empty(To),
        ["overdue"] = Overdue ? "true" : null,
        ["undelivered"] = Undelivered ? "true" : null,
        ["unitId"] = UnitId?.ToString(),
        ["problem"] = Empty(Problem),
    };

    private string PageUrl(int pageNumber)
    {
        var query = Filters();
        query["pageNumber"] = pageNumber.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/matters", query.Where(p => p.Value is not null));
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
