using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInService signIn) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写原密码。")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "请填写新密码。")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "请再次输入新密码。")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致。")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Forced => User.HasClaim(Staff.MustChangePasswordClaim, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Redirect("/login");
        }

        if (await signIn.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword) is { } error)
        {
            foreach (var message in error.Fields?.Values.SelectMany(m => m) ?? [error.Detail])
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        // A fresh cookie without the forced-change mark.
        await signIn.SignInWithCookieAsync(user);
        TempData["Flash"] = "密码已修改。";
        return Redirect("/");
    }
}
