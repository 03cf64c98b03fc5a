using Microsoft.AspNetCore.Mvc;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Prevention;

/// <summary>更正台账事项: an open item's fields after filing, with the version read (a stale form is refused) and a history entry.</summary>
public sealed class EditModel(Ledger ledger, ReferenceData reference) : LedgerFormModel(ledger, reference)
{
    [BindProperty] public int Version { get; set; }

    public LedgerItemView Item { get; private set; } = null!;

    public override bool Filing => false;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await ItemAsync(id, ct))
        {
            return NotFound();
        }

        var i = Item;
        Input = new LedgerItemInput(i.Topic, i.Title, i.Description, i.LocationUnitId, i.People, i.Headcount, i.Amount, null, null, i.Risk, i.Source,
            i.ResponsibleUnitId, i.ResponsiblePerson, i.Leader, i.Measures, i.ReportedOn, i.DueOn);
        Version = i.Version;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ModelState.ErrorCount == 0)
        {
            var result = await Ledger.EditAsync(id, Input, Version, ct);
            if (result.TryGet(out _, out var error))
            {
                TempData["Flash"] = "已更正台账事项。";
                return Redirect($"/prevention/ledger/{id}");
            }

            if (error.Code == "Ledger.item-not-found")
            {
                return NotFound();
            }

            FieldErrors(error);
        }
        else
        {
            BindingErrors();
        }

        if (!await ItemAsync(id, ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> ItemAsync(Guid id, CancellationToken ct)
    {
        var result = await Ledger.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return false;
        }

        Item = result.Value;
        (KeptPhone, KeptIdNumber) = (Item.ContactPhone is { } p ? $"{p}（不修改请留空）" : null, Item.ContactIdNumber is { } n ? $"{n}（不修改请留空）" : null);
        return true;
    }
}
