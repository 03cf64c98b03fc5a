using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Portal;

/// <summary>The number and query code, once, printable; a reload finds them gone (they travel in TempData, never in the address).</summary>
[AllowAnonymous]
public sealed class DoneModel(ReferenceData reference) : PageModel
{
    public string Number { get; private set; } = "";

    public string QueryCode { get; private set; } = "";

    public string ReceivedOn { get; private set; } = "";

    public string PhoneMasked { get; private set; } = "";

    /// <summary>The period in force, so that "what happens next" says what the clocks run.</summary>
    public PeriodRule Rule(string code) => _rules.Rule(code);

    private DeadlineRules _rules = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[SubmitModel.ReceiptKey] is not string receipt || receipt.Split('|') is not [var number, var code, var on, var phone])
        {
            return Redirect("/portal/query");
        }

        (Number, QueryCode, ReceivedOn, PhoneMasked) = (number, code, on, phone);
        _rules = (await reference.CurrentAsync(cancellationToken)).Deadlines;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
