using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Supervision;

/// <summary>领导督查视图: what the leader in charge and the director follow — 挂牌督办, units ranked, leaders' packages.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LeadersModel(LeaderOverview overview, Staff staff) : PageModel
{
    public LeaderBoard Board { get; private set; } = new([], [], []);

    /// <summary>Drill-down goes to the concentrated-supervision page, which the bureau may open; a leader follows the matters themselves.</summary>
    public bool CanDrill => staff.IsBureau;

    public async Task OnGetAsync(CancellationToken ct) => Board = await overview.BoardAsync(ct);

    public static string DrillUrl(Guid unitId, string? type) => QueryHelpers.AddQueryString("/supervision",
        new Dictionary<string, string?> { ["unitId"] = unitId.ToString(), ["type"] = type }.Where(p => p.Value is not null));
}
