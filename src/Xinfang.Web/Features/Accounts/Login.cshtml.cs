using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinfang.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInService signIn) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写用户名。")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.CheckAsync(Input.UserName, Input.Password);
        if (!outcome.TryGet(out var user, out var error))
        {
            ModelState.AddModelError("", error.Detail);
            return Page();
        }

        await signIn.SignInWithCookieAsync(user);
        return user.MustChangePassword ? Redirect("/account/password") : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
