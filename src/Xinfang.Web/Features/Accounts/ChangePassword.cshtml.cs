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

    /// <summary>
    /// What was typed into a password field, shown again after an error in another field (only the field in error,
    /// and the confirmation of a rejected new password, are emptied), so one mistake does not cost all three.
    /// </summary>
    public string? Kept(string field)
    {
        if (Request.Method != HttpMethods.Post || HasError(field) || field == nameof(InputModel.ConfirmPassword) && HasError(nameof(InputModel.NewPassword)))
        {
            return null;
        }

        return field switch
        {
            nameof(InputModel.CurrentPassword) => Input.CurrentPassword,
            nameof(InputModel.NewPassword) => Input.NewPassword,
            _ => Input.ConfirmPassword,
        };
    }

    /// <summary>The first field with an error takes the cursor.</summary>
    public bool FocusOn(string field) =>
        Request.Method != HttpMethods.Post ? field == nameof(InputModel.CurrentPassword)
            : new[] { nameof(InputModel.CurrentPassword), nameof(InputModel.NewPassword), nameof(InputModel.ConfirmPassword) }.FirstOrDefault(HasError) == field;

    private bool HasError(string field) => ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0;

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
            foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }

            return Page();
        }

        // A fresh cookie without the forced-change mark.
        await signIn.SignInWithCookieAsync(user);
        TempData["Flash"] = "密码已修改。";
        return Redirect("/");
    }
}
