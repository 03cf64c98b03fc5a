using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>待处置: registered matters the bureau has still to transfer, assign, route, refer or decline, nearest 15-day limit first.</summary>
[Authorize(Policy = Policies.Registrar)]
public sealed class QueueModel(MatterList list, UnitEditor units, CategoryEditor categories, XinfangDb db, Staff staff, MatterWorkflow workflow) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>今日到期: the 15-day limit (第二十二条) ends today — <c>status=registered&amp;dueWithin=0&amp;overdue=false</c> in the API.</summary>
    [BindProperty(SupportsGet = true)]
    public bool DueToday { get; set; }

    public int DueTodayCount { get; private set; }

    /// <summary>The queue filtered as it is now (the 转送 of a row comes back here).</summary>
    public string Filter => Overdue ? "?overdue=true" : DueToday ? "?dueToday=true" : "";

    public static MatterFilter DueTodayFilter => new([MatterStatus.Registered], DueWithin: 0, Overdue: false);

    public MatterTable Table { get; private set; } = null!;

    public int Total { get; private set; }

    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var registered = new MatterFilter([MatterStatus.Registered], PageSize: PageSize) { ExactCount = true };
        var shown = Overdue ? registered with { Overdue = true } : DueToday ? registered with { DueWithin = 0, Overdue = false } : registered;
        if (!(await list.FindAsync(shown with { Page = Math.Max(1, PageNumber) }, cancellationToken)).TryGet(out var page, out _))
        {
            return BadRequest();
        }

        Total = (await list.FindAsync(registered with { PageSize = 1 }, cancellationToken)).Value.Total;
        OverdueCount = (await list.FindAsync(registered with { Overdue = true, PageSize = 1 }, cancellationToken)).Value.Total;
        DueTodayCount = (await list.FindAsync(registered with { DueWithin = 0, Overdue = false, PageSize = 1 }, cancellationToken)).Value.Total;
        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Table = new MatterTable(page, n => $"/matters/queue?pageNumber={n}{Filter.Replace('?', '&')}", names, Queue: true,
            Overdue ? "没有超期未处置的事项。" : DueToday ? "今天没有到期的待处置事项。" : "没有待处置的事项。",
            (await CategoryOption.ListAsync(categories, cancellationToken)).ToDictionary(c => c.Code, c => c.Name))
        {
            Transfers = await QuickTransfer.ForAsync(db, staff, workflow, page.Items.Select(m => m.Id), Request.Path + Request.QueryString, cancellationToken),
        };
        return Page();
    }
}
