using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinfang.Web.Features.Prevention;

public sealed class ItemModel(Ledger ledger) : PageModel
{
    public LedgerItemView Item { get; private set; } = null!;

    [BindProperty] public LedgerUpdateInput Update { get; set; } = new();

    [BindProperty] public int Version { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.ErrorCount > 0)
        {
            Error = "日期或状态格式不正确。";
        }
        else if ((await ledger.UpdateAsync(id, Update, Version, ct)).TryGet(out _, out var error))
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
