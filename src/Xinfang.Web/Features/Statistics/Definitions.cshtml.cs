using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Statistics;

/// <summary>统计口径: the definitions every figure is counted by, as <see cref="Domain.Statistics.Definitions"/> holds them.</summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class DefinitionsModel(StatisticsSettings settings) : PageModel
{
    public int MonthClosingDay => settings.MonthClosingDay;

    public void OnGet()
    {
    }
}
