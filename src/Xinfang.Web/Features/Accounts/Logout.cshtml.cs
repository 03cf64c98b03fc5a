using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

/// <summary>
/// Logging out is a POST (the header's button) that ends the session on the server too. A GET, which a link or an
/// image elsewhere could trigger, only asks for confirmation.
/// </summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, SignInService sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndSessionsAsync(User);
        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
