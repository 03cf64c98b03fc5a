using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Supervision;

namespace Xinfang.Web.Features.Desk;

/// <summary>The landing page: what waits for this user today, as counts that link to the queues.</summary>
public sealed class IndexModel(XinfangDb db, Staff staff, TimeProvider time, DeskTiles tiles, UnitDigests digests) : PageModel
{
    public DateOnly Today { get; private set; }

    public string Weekday => ChineseText.Weekday(Today.DayOfWeek);

    public string UnitName { get; private set; } = "";

    public IReadOnlyList<DeskTile> Tiles { get; private set; } = [];

    /// <summary>The unit's supervision digest, for its handlers and head (null for other roles).</summary>
    public UnitDigestView? Digest { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = ChinaTime.DateOf(time.GetUtcNow());
        UnitName = await db.Units.Where(u => u.Id == staff.UnitId).Select(u => u.Name).SingleOrDefaultAsync() ?? "";
        Tiles = await tiles.ForAsync(staff);
        if ((staff.Has(Roles.Handler) || staff.Has(Roles.UnitHead)) && (await digests.ForAsync(null, null)).TryGet(out var digest, out _))
        {
            Digest = digest;
        }
        // The director and the supervisors have no queue of their own: they land on the dashboard (its KPIs, and
        // overdue matters per unit), unless another role of theirs gives them work waiting here.
        if (Tiles.Count == 0 && (staff.Has(Roles.Director) || staff.Has(Roles.Supervisor)))
        {
            return Redirect(DashboardPath);
        }

        return Page();
    }

    /// <summary>Features.Statistics sits above the desk in the layers: the desk knows the dashboard by its address only.</summary>
    public const string DashboardPath = "/statistics";
}
