using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Statistics;

/// <summary>年度报告: the report's text and tables on screen, and the Word file to download and edit.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class AnnualModel(AnnualReportQuery report, SummaryQuery summary) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public AnnualReportView? Report { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Until the year is over, the report of interest is last year's.
        Year ??= summary.Today.Year - 1;
        if (AnnualReportQuery.CheckYear(Year.Value) is { } error)
        {
            Problem = error.Detail;
            return;
        }

        Report = await report.RunAsync(Year.Value, ct);
    }
}
