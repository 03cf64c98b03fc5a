using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Portal;

namespace Xinfang.Web.Features.Desk;

/// <summary>待回访: the unit's return visits after a 不满意 rating, nearest due date first, each recorded here when done.</summary>
public sealed class ReturnVisitsModel(ReturnVisits visits, Staff staff) : PageModel
{
    public IReadOnlyList<ReturnVisitView> Open { get; private set; } = [];

    [BindProperty]
    public Guid VisitId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public string? Error { get; private set; }

    public Guid? ErrorFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!May)
        {
            return Redirect("/denied");
        }

        Open = await visits.OpenAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var done = await visits.DoneAsync(VisitId, new ReturnVisitDone(Note), cancellationToken);
        if (done.IsSuccess)
        {
            return Redirect("/desk/return-visits");
        }

        (Error, ErrorFor) = (done.Error!.Detail, VisitId);
        Open = await visits.OpenAsync(cancellationToken);
        return Page();
    }

    private bool May => staff.Has(Roles.Handler) || staff.Has(Roles.UnitHead) || staff.Has(Roles.Registrar);
}
