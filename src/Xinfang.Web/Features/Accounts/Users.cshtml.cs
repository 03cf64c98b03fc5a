using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Accounts;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UserEditor editor, ReferenceData reference) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写用户名。")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写姓名。")]
        public string DisplayName { get; set; } = "";

        public Guid UnitId { get; set; }

        public List<string> Roles { get; set; } = [];

        [DataType(DataType.Password)]
        public string? Password { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid? Id { get; set; }

    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public IReadOnlyList<SelectListItem> UnitOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? edit)
    {
        await LoadAsync();
        if (Users.FirstOrDefault(u => u.Id == edit) is { } user)
        {
            Id = user.Id;
            Input = new InputModel
            {
                UserName = user.UserName, DisplayName = user.DisplayName, UnitId = user.UnitId, Roles = [.. user.Roles], IsActive = user.IsActive,
            };
        }
        else
        {
            // A new user most often works at the bureau itself: preselect it, not the first unit of the list.
            Input.UnitId = (await reference.CurrentAsync()).Units.Values.FirstOrDefault(u => u.IsActive && u.Kind == UnitKind.Bureau)?.Id ?? Guid.Empty;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var input = new UserInput(Input.UserName, Input.DisplayName, Input.UnitId, Input.Roles, Input.Password, IsActive: Input.IsActive);
            var result = Id is { } id ? await editor.UpdateAsync(id, input) : await editor.CreateAsync(input);
            if (result.TryGet(out var user, out var error))
            {
                TempData["Flash"] = $"已保存用户：{user.DisplayName}（{user.UserName}）";
                return Redirect("/admin/users");
            }

            foreach (var message in error.Fields?.Values.SelectMany(m => m) ?? [error.Detail])
            {
                ModelState.AddModelError("", message);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Users = await editor.ListAsync();
        UnitOptions = (await reference.CurrentAsync()).Units.Values.Where(u => u.IsActive).OrderBy(u => u.Code).Select(u => new SelectListItem(u.Name, u.Id.ToString())).ToList();
    }
}
