using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Prevention;

public sealed class NewModel(Ledger ledger, ReferenceData reference, Staff staff) : PageModel
{
    [BindProperty] public LedgerItemInput Input { get; set; } = new();

    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new LedgerItemInput(LocationUnitId: staff.UnitId, ResponsibleUnitId: staff.UnitId, ReportedOn: ledger.Today, Headcount: 1);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.ErrorCount == 0)
        {
            var result = await ledger.CreateAsync(Input, ct);
            if (result.TryGet(out var item, out var error))
            {
                TempData["Flash"] = "已登记台账事项。";
                return Redirect($"/prevention/ledger/{item.Id}");
            }

            Errors = error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] };
        }
        else
        {
            Errors = ModelState.Where(e => e.Value!.Errors.Count > 0)
                .ToDictionary(e => e.Key.Replace("Input.", "", StringComparison.Ordinal) is var k && k.Length > 0 ? char.ToLowerInvariant(k[0]) + k[1..] : k,
                    _ => new[] { "格式不正确。" });
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Topics = (await ledger.TopicsAsync(ct)).Where(t => t.IsActive).ToList();
        Units = (await reference.CurrentAsync(ct)).Units.Values
            .Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town or UnitKind.Department or UnitKind.Bureau)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";
}
