using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Prevention;

/// <summary>What the filing form (New) and the correction form (Edit) share: the input, the lists to choose from, field errors.</summary>
public abstract class LedgerFormModel(Ledger ledger, ReferenceData reference) : PageModel
{
    protected Ledger Ledger { get; } = ledger;

    [BindProperty] public LedgerItemInput Input { get; set; } = new();

    public IReadOnlyList<TopicView> Topics { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>True when filing: the status is chosen then; afterwards it moves only through 化解进展.</summary>
    public virtual bool Filing => true;

    /// <summary>When correcting, the masked identifiers already on file: a blank field keeps them.</summary>
    public string? KeptPhone { get; protected set; }

    public string? KeptIdNumber { get; protected set; }

    protected void FieldErrors(Error error) => Errors = error.Fields ?? new Dictionary<string, string[]> { [""] = [error.Detail] };

    protected void BindingErrors() =>
        Errors = ModelState.Where(e => e.Value!.Errors.Count > 0)
            .ToDictionary(e => e.Key.Replace("Input.", "", StringComparison.Ordinal) is var k && k.Length > 0 ? char.ToLowerInvariant(k[0]) + k[1..] : k,
                _ => new[] { "格式不正确。" });

    protected async Task LoadAsync(CancellationToken ct)
    {
        Topics = (await Ledger.TopicsAsync(ct)).Where(t => t.IsActive).ToList();
        Units = (await reference.CurrentAsync(ct)).Units.Values
            .Where(u => u.IsActive && u.Kind is UnitKind.Street or UnitKind.Town or UnitKind.Department or UnitKind.Bureau)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";
}
