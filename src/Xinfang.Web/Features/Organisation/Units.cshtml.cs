using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Organisation;

[Authorize(Policy = Policies.Admin)]
public sealed class UnitsModel(UnitEditor editor) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写单位名称。")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "请填写单位代码。")]
        public string Code { get; set; } = "";

        public UnitKind Kind { get; set; } = UnitKind.Department;

        public Guid? ParentId { get; set; }

        public Guid? ReviewBodyId { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid? Id { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public IReadOnlyList<UnitView> Units { get; private set; } = [];

    public IReadOnlyList<(UnitView Unit, int Depth)> Tree { get; private set; } = [];

    public UnitView? Edit { get; private set; }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<UnitKind>().Select(k => new SelectListItem(k.ToChinese(), k.ToString()));

    public IEnumerable<SelectListItem> UnitOptions => Units.Where(u => u.IsActive).Select(u => new SelectListItem(u.Name, u.Id.ToString()));

    public string NameOf(Guid? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "—";

    public async Task OnGetAsync(Guid? edit)
    {
        await LoadAsync();
        Edit = Units.FirstOrDefault(u => u.Id == edit);
        if (Edit is not null)
        {
            Id = Edit.Id;
            Version = Edit.Version;
            Input = new InputModel { Name = Edit.Name, Code = Edit.Code, Kind = Edit.Kind, ParentId = Edit.ParentId, ReviewBodyId = Edit.ReviewBodyId, IsActive = Edit.IsActive };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var input = new UnitInput(Input.Code, Input.Name, Input.Kind, Input.ParentId, Input.ReviewBodyId, Input.IsActive);
            var result = Id is { } id ? await editor.UpdateAsync(id, input, Version) : await editor.CreateAsync(input);
            if (result.TryGet(out var unit, out var error))
            {
                TempData["Flash"] = $"已保存：{unit.Name}";
                return Redirect("/admin/units");
            }

            ModelState.AddModelError("", error.Detail);
        }

        await LoadAsync();
        Edit = Units.FirstOrDefault(u => u.Id == Id);
        return Page();
    }

    private async Task LoadAsync()
    {
        Units = await editor.ListAsync();
        Tree = Flatten(Units);
    }

    /// <summary>Depth-first order, children sorted by code, so the table reads as the tree.</summary>
    private static List<(UnitView, int)> Flatten(IReadOnlyList<UnitView> units)
    {
        var children = units.ToLookup(u => u.ParentId);
        var ordered = new List<(UnitView, int)>();
        void Visit(Guid? parent, int depth)
        {
            foreach (var child in children[parent].OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                ordered.Add((child, depth));
                Visit(child.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return ordered;
    }
}
