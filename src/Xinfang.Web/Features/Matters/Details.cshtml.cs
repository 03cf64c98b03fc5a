using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Categories;
using Xinfang.Web.Features.Packages;

namespace Xinfang.Web.Features.Matters;

/// <summary>The matter page: what it is, where it stands, its clocks and history, and only the actions allowed now.</summary>
public sealed class DetailsModel(MatterWorkflow workflow, XinfangDb db, Staff staff, CategoryEditor categories, Packages.Packages packages) : PageModel
{
    public MatterView Matter { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, Unit> Units { get; private set; } = new Dictionary<Guid, Unit>();

    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<PackageView> LeaderPackages { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Leaders { get; private set; } = [];

    public IReadOnlyList<MatterWorkflow.PetitionerIdentity>? Identities { get; private set; }

    /// <summary>Display names of the staff in the history, which records user names.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    /// <summary>The action whose form failed, kept open with its error.</summary>
    public MatterAction? Failed { get; private set; }

    public string? FailedMessage { get; private set; }

    public DateOnly Today => workflow.Today;

    public Staff Viewer => staff;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(Guid id)
    {
        var result = await workflow.ActAsync(id, Form.ToCommand(), Form.Version);
        if (result.TryGet(out var view, out var error))
        {
            TempData["Flash"] = $"“{Form.Action.ToChinese()}”已办理，事项现为“{view.StatusLabel}”。";
            return Redirect($"/matters/{id}");
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Failed = Form.Action;
        FailedMessage = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.Values.SelectMany(m => m)) : error.Detail;
        if (error.Code == "matter.deadline-passed")
        {
            // A late request was refused but its notice recorded: show the page as it now is, with the explanation.
            TempData["Flash"] = error.Detail;
        }

        return Page();
    }

    /// <summary>Shows the full ID numbers and phones; the view is audited (MatterWorkflow.RevealAsync).</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var revealed = await workflow.RevealAsync(id);
        Identities = revealed.IsSuccess ? revealed.Value : null;
        FailedMessage = revealed.IsSuccess ? null : revealed.Error!.Detail;
        return Page();
    }

    public async Task<IActionResult> OnPostPackageAsync(Guid id, Guid leaderUserId, string? plan)
    {
        var result = await packages.AssignAsync(id, new PackageInput(leaderUserId, plan));
        if (result.IsSuccess)
        {
            TempData["Flash"] = $"已安排{result.Value.LeaderName}包案。";
            return Redirect($"/matters/{id}");
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        FailedMessage = result.Error!.Detail;
        return Page();
    }

    public string StaffName(string userName) => StaffNames.TryGetValue(userName, out var name) ? name : userName == "system" ? "系统" : userName;

    public string UnitName(Guid? id) => id is { } v && Units.TryGetValue(v, out var unit) ? unit.Name : "—";

    public string CategoryName(string? code) => code is null ? "—" : CategoryNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>Units a matter may be transferred or assigned to (有权处理的单位), and referral targets.</summary>
    public IEnumerable<SelectListItem> HandlingUnits => Options(u => u.Kind.CanHandle() && u.Id != Matter.RegisteringUnitId, Matter.Suggestion?.UnitId);

    public IEnumerable<SelectListItem> ReferralUnits => Options(u => u.Kind.IsReferralTarget(), Matter.Suggestion?.UnitId);

    public bool Allowed(MatterAction action) => Matter.AllowedActions.Contains(action);

    public bool HasMediation => Matter.Events.Any(e => e.Action == MatterAction.Log
        && e.Data is { } data && data.TryGetProperty("kind", out var kind) && kind.GetString() == "mediation");

    private IEnumerable<SelectListItem> Options(Func<Unit, bool> filter, Guid? selected) =>
        Units.Values.Where(u => u.IsActive && filter(u)).OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new SelectListItem(u.Id == selected ? $"{u.Name}（建议）" : u.Name, u.Id.ToString(), u.Id == selected));

    private async Task<bool> LoadAsync(Guid id)
    {
        var result = await workflow.GetAsync(id);
        if (!result.IsSuccess)
        {
            return false;
        }

        Matter = result.Value;
        Units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id);
        CategoryNames = Flatten(await categories.TreeAsync()).ToDictionary(c => c.Code, c => c.Name);
        LeaderPackages = await packages.ForMatterAsync(id);
        var actors = Matter.Events.Select(e => e.By).Distinct().ToList();
        StaffNames = await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName);
        if (staff.Has(Roles.Registrar) || staff.Has(Roles.Director) || staff.Has(Roles.UnitHead))
        {
            Leaders = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => x.Name == Roles.Leader)
                .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u)
                .Where(u => u.IsActive)
                .OrderBy(u => u.DisplayName)
                .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))
                .ToListAsync();
        }

        // Always the version just loaded: after a refusal the clerk acts on what the page now shows.
        ModelState.Remove($"{nameof(Form)}.{nameof(ActionForm.Version)}");
        Form.Version = Matter.Version;

        if (Form.Items.Count == 0)
        {
            Form.Items = Matter.Demands.Select(d => new ActionForm.ItemForm { Demand = d }).ToList();
        }

        if (Form.Standards.Count == 0)
        {
            Form.Standards = Enum.GetValues<Standard>().Select(s => new ActionForm.StandardForm { Standard = s }).ToList();
        }

        return true;
    }

    private static IEnumerable<CategoryNode> Flatten(IEnumerable<CategoryNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
