using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Xinfang.Domain.Statistics;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Statistics;

/// <summary>领导看板: the period's KPIs with 同比/环比, volume by month against last year, top categories and units, overdue per unit.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class DashboardModel(DashboardQuery dashboard, SummaryQuery summary, StatisticsSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }

    public DashboardView? View { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!new PeriodQuery(null, null, Year, Month, Quarter).Resolve(settings, summary.Today).TryGet(out var period, out var error))
        {
            Problem = error.Detail;
            return;
        }

        Year = period.Year;
        View = await dashboard.RunAsync(period, ct);
    }

    /// <summary>The period in the query string, for the Excel links and the period switcher.</summary>
    public string Query(string path, string? table = null) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["month"] = Month?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quarter"] = Quarter?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["table"] = table,
    }.Where(p => p.Value is not null));

    /// <summary>The list of matters behind a figure: the matter list's own filters, with the period's dates.</summary>
    public string Drill(string? key = null, string? value = null, bool overdue = false)
    {
        var s = View!.Summary;
        var query = new Dictionary<string, string?> { ["from"] = overdue ? null : s.From, ["to"] = overdue ? null : s.To, ["overdue"] = overdue ? "true" : null };
        if (key is not null && value is { Length: > 0 })
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString("/matters", query.Where(p => p.Value is not null));
    }

    /// <summary>The charts' figures with the address each bar drills down to, as JSON in the page (the CSP allows no inline script).</summary>
    public string ChartData
    {
        get
        {
            if (View is null)
            {
                return "{}";
            }

            var s = View.Summary;
            object Items(IEnumerable<Breakdown> rows, string key) => rows.Where(b => b.Count > 0).Take(10)
                .Select(b => new { name = b.Name, count = b.Count, href = b.Key.Length > 0 ? Drill(key, b.Key) : null });
            return JsonSerializer.Serialize(new
            {
                year = View.Year,
                months = View.Months.Select(m => new { m.Month, m.Count, m.LastYear, href = QueryHelpers.AddQueryString("/matters", new Dictionary<string, string?> { ["from"] = m.From, ["to"] = m.To }) }),
                byChannel = Items(s.ByChannel, "channel"),
                byCategory = Items(s.ByCategory, "categoryCode"),
                byUnit = Items(s.ByUnit, "unitId"),
                overdue = View.OverdueByUnit.Take(15).Select(o => new { name = o.Unit, count = o.Overdue, href = Drill("unitId", o.UnitId, overdue: true) }),
            }, JsonSerializerOptions.Web);
        }
    }
}
