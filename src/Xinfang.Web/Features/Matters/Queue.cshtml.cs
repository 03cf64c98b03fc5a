using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// 待处置: registered matters the bureau has still to transfer, assign, route, refer or decline, nearest 15-day limit
/// first. Online submissions set aside as spam are not in it; <c>?spam=true</c> lists them, for the supervisor who
/// reviews the registrar's marks (bureau staff see every matter anyway). A row offers 转送 to whoever may take it.
/// </summary>
[Authorize(Policy = Policies.Bureau)]
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

    [BindProperty(SupportsGet = true)]
    public bool Spam { get; set; }

    public int SpamCount { get; private set; }

    public int DueTodayCount { get; private set; }

    /// <summary>The queue filtered as it is now (the 转送 of a row comes back here).</summary>
    public string Filter => Spam ? "?spam=true" : Overdue ? "?overdue=true" : DueToday ? "?dueToday=true" : "";

    /// <summary>待处置: registered and not set aside as spam — the queue, and the registrar's desk tiles.</summary>
    public static MatterFilter Waiting => new([MatterStatus.Registered]) { Spam = false };

    /// <summary>今日到期 among <paramref name="waiting"/>: the 15-day limit ends today.</summary>
    public static MatterFilter DueTodayOf(MatterFilter waiting) => waiting with { DueWithin = 0, Overdue = false };

    public MatterTable Table { get; private set; } = null!;

    public int Total { get; private set; }

    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var queue = Waiting with { PageSize = PageSize, ExactCount = true };
        var shown = Spam ? queue with { Spam = true } : Overdue ? queue with { Overdue = true } : DueToday ? DueTodayOf(queue) : queue;
        if (!(await list.FindAsync(shown with { Page = Math.Max(1, PageNumber) }, cancellationToken)).TryGet(out var page, out _))
        {
            return BadRequest();
        }

        async Task<int> CountAsync(MatterFilter filter) => (await list.FindAsync(filter with { PageSize = 1 }, cancellationToken)).Value.Total;
        Total = await CountAsync(queue);
        OverdueCount = await CountAsync(queue with { Overdue = true });
        DueTodayCount = await CountAsync(DueTodayOf(queue));
        SpamCount = await CountAsync(queue with { Spam = true });
        var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        Table = new MatterTable(page, n => $"/matters/queue?pageNumber={n}{Filter.Replace('?', '&')}", names, Queue: !Spam,
            Spam ? "没有标记为垃圾信息的事项。" : Overdue ? "没有超期未处置的事项。" : DueToday ? "今天没有到期的待处置事项。" : "没有待处置的事项。",
            (await CategoryOption.ListAsync(categories, cancellationToken)).ToDictionary(c => c.Code, c => c.Name))
        {
            Transfers = Spam ? new Dictionary<Guid, QuickTransfer>()
                : await QuickTransfer.ForAsync(db, staff, workflow, page.Items.Select(m => m.Id), Request.Path + Request.QueryString, cancellationToken),
        };
        return Page();
    }
}
