using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Prevention;

public sealed class ItemModel(Ledger ledger, XinfangDb db, Staff staff) : PageModel
{
    public LedgerItemView Item { get; private set; } = null!;

    [BindProperty] public LedgerUpdateInput Update { get; set; } = new();

    [BindProperty] public int Version { get; set; }

    /// <summary>已转信访: the matter is chosen by its number (信访事项编号), as staff know it, among the matters they may see.</summary>
    [BindProperty] public string? MatterNumber { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.ErrorCount > 0)
        {
            Error = "日期或状态格式不正确。";
        }
        else if (await MatterAsync(ct) is not { Known: true } matter)
        {
            Error = $"未找到编号为“{MatterNumber!.Trim()}”的信访事项，或该事项不在您的查看范围内。";
        }
        else if ((await ledger.UpdateAsync(id, Update with { MatterId = matter.Id ?? Update.MatterId }, Version, ct)).TryGet(out _, out var error))
        {
            TempData["Flash"] = "已记录化解进展。";
            return Redirect($"/prevention/ledger/{id}");
        }
        else
        {
            Error = error.Detail;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The matter named by <see cref="MatterNumber"/>: no id when none was typed; not known when no visible matter has that number.</summary>
    private async Task<(Guid? Id, bool Known)> MatterAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(MatterNumber))
        {
            return (null, true);
        }

        var number = MatterNumber.Trim();
        var id = await db.VisibleMatters(staff).Where(m => m.Number == number).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        return (id, id is not null);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await ledger.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Item = result.Value;
        return true;
    }
}
