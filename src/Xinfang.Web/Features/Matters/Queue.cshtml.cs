using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// 待处置: registered matters the bureau has still to transfer, assign, route, refer or decline, nearest 15-day limit
/// first. Online submissions set aside as spam are not in it; <c>?spam=true</c> lists them, for the supervisor who
/// reviews the registrar's marks (bureau staff see every matter anyway).
/// </summary>
[Authorize(Policy = Policies.Bureau)]
public sealed class QueueModel(MatterList list, UnitEditor units, CategoryEditor categories) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Spam { get; set; }

    public int SpamCount { get; private set; }

    public MatterTable Table { get; private set; } = null!;

    public int Total { get; private set; }

    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var registered = new MatterFilter([MatterStatus.Registered], PageSize: PageSize) { ExactCount = true, Spam = false };
        var spam = registered with { Spam = true, PageSize = 1 };
        if (Spam)
        {
            (registered, Overdue) = (registered with { Spam = true }, false);
        }

        if (!(await list.FindAsync(registered with { Overdue = Overdue ? true : null, Page = Math.Max(1, PageNumber) }, cancellationToken))
                .TryGet(out var page, out _))
        {
            return BadRequest();
        }

        var queue = registered with { Spam = false, PageSize = 1 };
        Total = Overdue || Spam ? (await list.FindAsync(queue, cancellationToken)).Value.Total : page.Total;
        OverdueCount = Overdue ? page.Total : (await list.FindAsync(queue with { Overdue = true }, cancellationToken)).Value.Total;
        SpamCount = Spam ? page.Total : (await list.FindAsync(spam, cancellationToken)).Value.Total;
        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Table = new MatterTable(page, n => $"/matters/queue?pageNumber={n}{(Overdue ? "&overdue=true" : "")}{(Spam ? "&spam=true" : "")}", names, Queue: !Spam,
            Spam ? "没有标记为垃圾信息的事项。" : Overdue ? "没有超期未处置的事项。" : "没有待处置的事项。",
            (await CategoryOption.ListAsync(categories, cancellationToken)).ToDictionary(c => c.Code, c => c.Name));
        return Page();
    }
}
