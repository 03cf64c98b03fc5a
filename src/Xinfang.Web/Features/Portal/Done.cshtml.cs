using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinfang.Web.Features.Portal;

/// <summary>The number and query code, once, printable; a reload finds them gone (they travel in TempData, never in the address).</summary>
[AllowAnonymous]
public sealed class DoneModel : PageModel
{
    public string Number { get; private set; } = "";

    public string QueryCode { get; private set; } = "";

    public string ReceivedOn { get; private set; } = "";

    public string PhoneMasked { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (TempData[SubmitModel.ReceiptKey] is not string receipt || receipt.Split('|') is not [var number, var code, var on, var phone])
        {
            return Redirect("/portal/query");
        }

        (Number, QueryCode, ReceivedOn, PhoneMasked) = (number, code, on, phone);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
