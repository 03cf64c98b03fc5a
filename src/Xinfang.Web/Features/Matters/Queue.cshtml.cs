using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>待处置: registered matters the bureau has still to transfer, assign, route, refer or decline, nearest 15-day limit first.</summary>
[Authorize(Policy = Policies.Registrar)]
public sealed class QueueModel(MatterList list, UnitEditor units, CategoryEditor categories) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public MatterTable Table { get; private set; } = null!;

    public int Total { get; private set; }

    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var registered = new MatterFilter([MatterStatus.Registered], PageSize: PageSize) { ExactCount = true };
        if (!(await list.FindAsync(registered with { Overdue = Overdue ? true : null, Page = Math.Max(1, PageNumber) }, cancellationToken))
                .TryGet(out var page, out _))
        {
            return BadRequest();
        }

        Total = Overdue ? (await list.FindAsync(registered with { PageSize = 1 }, cancellationToken)).Value.Total : page.Total;
        OverdueCount = Overdue ? page.Total : (await list.FindAsync(registered with { Overdue = true, PageSize = 1 }, cancellationToken)).Value.Total;
        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Table = new MatterTable(page, n => $"/matters/queue?pageNumber={n}{(Overdue ? "&overdue=true" : "")}", names, Queue: true,
            Overdue ? "没有超期未处置的事项。" : "没有待处置的事项。",
            (await CategoryOption.ListAsync(categories, cancellationToken)).ToDictionary(c => c.Code, c => c.Name));
        return Page();
    }
}
