using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Shared;

namespace Xinfang.Web.Features.Prevention;

public sealed class AnalysisModel(LedgerAnalysisQuery analysis, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public AnalysisView? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The figures for the charts, as JSON in the page (the CSP allows no inline script; analysis.js reads this).</summary>
    public string ChartData => Result is null ? "{}" : JsonSerializer.Serialize(new
    {
        byTopic = Result.ByTopic, byRisk = Result.ByRisk, byUnit = Result.ByUnit.Take(15),
        trends = Result.Trends.Select(t => new { t.Topic, t.Count, t.Previous, t.LastYear }),
    }, JsonSerializerOptions.Web);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        if (LedgerAnalysisQuery.CheckPeriod(From, To) is { } error)
        {
            Error = error.Detail;
            return;
        }

        Result = await analysis.RunAsync(From.Value, To.Value, ct);
    }

    public static string Rate(decimal? rate) => rate is { } r ? (r >= 0 ? "+" : "") + (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
