using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Categories;

/// <summary>管理 · 内容分类: the two-level taxonomy. A category is retired by making it inactive, never deleted, so old matters keep theirs.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TaxonomyModel(CategoryEditor editor) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? ParentCode { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The code being edited; empty when adding.</summary>
    [BindProperty]
    public string? Editing { get; set; }

    public IReadOnlyList<CategoryNode> Tree { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; } = [];

    public async Task OnGetAsync(string? edit, string? parent, CancellationToken cancellationToken)
    {
        Tree = await editor.TreeAsync(cancellationToken);
        if (Tree.FirstOrDefault(t => t.Code == parent) is { } top)
        {
            Input = new InputModel { ParentCode = top.Code, Code = top.Code + "." };
        }

        var all = Tree.SelectMany(t => t.Children.Select(c => (Node: c, Parent: (string?)t.Code)).Prepend((Node: t, Parent: (string?)null)));
        if (all.FirstOrDefault(n => n.Node.Code == edit) is { Node: not null } found)
        {
            Editing = found.Node.Code;
            Input = new InputModel { Code = found.Node.Code, Name = found.Node.Name, ParentCode = found.Parent, IsActive = found.Node.IsActive };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var creating = string.IsNullOrEmpty(Editing);
        var input = new CategoryInput(creating ? Input.Code?.Trim() ?? "" : Editing!, Input.Name ?? "", Input.ParentCode, Input.IsActive);
        if ((await editor.SaveAsync(input, creating, cancellationToken)).TryGet(out var saved, out var error))
        {
            TempData["Flash"] = $"已保存内容分类：{saved.Name}（{saved.Code}）";
            return Redirect("/admin/categories");
        }

        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { ["code"] = [error.Detail] })
        {
            Errors[field] = messages;
        }

        Tree = await editor.TreeAsync(cancellationToken);
        return Page();
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";
}
