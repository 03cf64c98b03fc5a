using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Intake;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Routing;

/// <summary>管理 · 分流规则: the rules that propose where a registered matter goes; the registrar still decides.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RulesModel(RoutingRules rules, UnitEditor units, CategoryEditor categories) : PageModel
{
    public sealed class InputModel
    {
        public string? CategoryCode { get; set; }

        public Guid? LocationUnitId { get; set; }

        public Purpose? Purpose { get; set; }

        public MatterFlag? Flag { get; set; }

        public Guid? TargetUnitId { get; set; }

        public string? Note { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public Guid? Id { get; set; }

    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];

    public IReadOnlyList<UnitView> Units { get; private set; } = [];

    public IReadOnlyList<CategoryOption> CategoryOptions { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; } = [];

    public async Task OnGetAsync(Guid? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Rules.FirstOrDefault(r => r.Id == edit) is { } rule)
        {
            Id = rule.Id;
            Input = new InputModel
            {
                CategoryCode = rule.CategoryCode,
                LocationUnitId = rule.LocationUnitId,
                Purpose = rule.Purpose,
                Flag = rule.Flag,
                TargetUnitId = rule.TargetUnitId,
                Note = rule.Note,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var input = new RoutingRuleInput(Input.TargetUnitId ?? Guid.Empty, string.IsNullOrWhiteSpace(Input.CategoryCode) ? null : Input.CategoryCode,
                Input.LocationUnitId, Input.Purpose, Input.Flag, Input.Note);
            if ((await rules.SaveAsync(Id, input, cancellationToken)).TryGet(out _, out var error))
            {
                TempData["Flash"] = Id is null ? "已新增分流规则。" : "已保存分流规则。";
                return Redirect("/admin/routing");
            }

            foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] })
            {
                Errors[field] = messages;
            }
        }
        else
        {
            Errors[""] = ["所选的值无法识别，请重新选择。"];
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        TempData["Flash"] = await rules.DeleteAsync(id, cancellationToken) is { } error ? error.Detail : "已删除分流规则。";
        return Redirect("/admin/routing");
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    public string UnitName(Guid? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";

    public string CategoryLabel(string? code) => CategoryOptions.FirstOrDefault(c => c.Code == code)?.Label ?? code ?? "";

    public IEnumerable<UnitView> Places => Units.Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await rules.ListAsync(cancellationToken);
        Units = await units.ListAsync(cancellationToken);
        CategoryOptions = await CategoryOption.ListAsync(categories, cancellationToken);
    }
}
