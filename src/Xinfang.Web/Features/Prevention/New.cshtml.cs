using Microsoft.AspNetCore.Mvc;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed class NewModel(Ledger ledger, ReferenceData reference, Staff staff) : LedgerFormModel(ledger, reference)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new LedgerItemInput(LocationUnitId: staff.UnitId, ResponsibleUnitId: staff.UnitId, ReportedOn: Ledger.Today, Headcount: 1);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.ErrorCount == 0)
        {
            var result = await Ledger.CreateAsync(Input, ct);
            if (result.TryGet(out var item, out var error))
            {
                TempData["Flash"] = "已登记台账事项。";
                return Redirect($"/prevention/ledger/{item.Id}");
            }

            FieldErrors(error);
        }
        else
        {
            BindingErrors();
        }

        await LoadAsync(ct);
        return Page();
    }
}
