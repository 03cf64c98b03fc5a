using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Shared;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

/// <summary>The matter page: what it is, where it stands, its clocks and history, and only the actions allowed now.</summary>
public sealed class DetailsModel(MatterWorkflow workflow, XinfangDb db, Staff staff, LeaderPackages packages, ReferenceData reference,
                                 RepeatFinder repeatFinder, RepeatLinks repeatLinks) : PageModel
{
    /// <summary>重复信访 decisions on this matter either way, and the live candidates (issue 14), in the viewer's scope.</summary>
    public IReadOnlyList<RepeatLinkView> RepeatLinkViews { get; private set; } = [];

    /// <summary>The matter this one repeats is flagged 办理后仍重复信访 (the problem rules are the one source of that finding).</summary>
    public bool RepeatOfFlagged { get; private set; }

    public IReadOnlyList<RepeatMatch> RepeatMatches { get; private set; } = [];

    /// <summary>Registrars and supervisors confirm or dismiss a suggested repeat.</summary>
    public bool MayDecideRepeats => staff.Has(Roles.Registrar) || staff.Has(Roles.Supervisor);

    public async Task<IActionResult> OnPostRepeatAsync(Guid id, Guid earlierMatterId, RepeatDecision decision)
    {
        var decided = await repeatLinks.DecideAsync(id, new RepeatLinkInput(earlierMatterId, decision), HttpContext.RequestAborted);
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        FailedMessage = decided.IsSuccess ? null : decided.Error!.Detail;
        return decided.IsSuccess ? Redirect($"/matters/{id}") : Page();
    }

    public MatterView Matter { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, Unit> Units { get; private set; } = new Dictionary<Guid, Unit>();

    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<PackageView> LeaderPackages { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Leaders { get; private set; } = [];

    public IReadOnlyList<MatterWorkflow.PetitionerIdentity>? Identities { get; private set; }

    /// <summary>Display names of the staff in the history, which records user names.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The action whose form failed, kept open with its error and what was typed.</summary>
    public MatterAction? Failed { get; private set; }

    public string? FailedMessage { get; private set; }

    public DateOnly Today => workflow.Today;

    public Staff Viewer => staff;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <param name="returnUrl">
    /// Where the clerk acted from when it was not this page: the receipt's and the queue's 转送 (<c>_QuickTransfer</c>)
    /// post here, so one action has one path. Success goes back there; a refusal shows this page with the form open.
    /// </param>
    public async Task<IActionResult> OnPostActAsync(Guid id, MatterAction action, int version, string? returnUrl = null)
    {
        var command = Lifecycle.Commands.ContainsKey(action) ? await CommandForm.BindAsync(this, action) : null;
        var result = command is null
            ? Error.Validation("request.invalid", "提交的内容格式有误（例如日期或数字不正确），请检查后重新提交。")
            : await workflow.ActAsync(id, command, version);
        if (result.TryGet(out var view, out var error))
        {
            var elsewhere = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl);
            TempData["Flash"] = (elsewhere ? $"{view.Number}：" : "") + Done(action, view);
            return elsewhere ? LocalRedirect(returnUrl!) : Redirect($"/matters/{id}");
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Failed = action;
        FailedMessage = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.Values.SelectMany(m => m)) : error.Detail;
        return Page();
    }

    /// <summary>What the clerk typed into the form that failed, to show it again.</summary>
    public string? Posted(string field) => Failed is null ? null : Request.Form[CommandForm.Field(field)].FirstOrDefault();

    /// <summary>A handler's conclusion is a draft that the unit head approves (API.md "Who"): the button says so.</summary>
    public string Label(MatterAction action) => IsDraft(action) ? "提交处理意见（待审批）" : action.ToChinese();

    public string SubmitLabel(MatterAction action) => IsDraft(action) ? "提交审批" : "确认" + action.ToChinese();

    private bool IsDraft(MatterAction action) => action == MatterAction.Conclude && !staff.Has(Roles.UnitHead);

    /// <summary>Says what happened: a handler's opinion is not concluded yet, it waits for the unit head.</summary>
    private static string Done(MatterAction action, MatterView view) =>
        action switch
        {
            MatterAction.Transfer => $"已转送至{view.UnitName}，事项现为“{view.StatusLabel}”。",
            MatterAction.Conclude when view.Conclusion is { IsIssued: false } => "处理意见已提交，待单位负责人审批后出具。",
            MatterAction.Reissue => "已出具更正文书，原文书作废；请送达更正后的文书。",
            MatterAction.Deliver => "送达已记录。如有签收的送达回执，请在“附件”中上传扫描件。",
            _ => $"“{action.ToChinese()}”已办理，事项现为“{view.StatusLabel}”。",
        };

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

    public string StaffName(string userName) => StaffNames.TryGetValue(userName, out var name) ? name : userName switch
    {
        "system" => "系统",
        MatterWorkflow.OnlineRegistrar => "信访人（网上提交）",
        "petitioner" => "信访人（网上）",
        _ => userName,
    };

    public string UnitName(Guid? id) => id is { } v && Units.TryGetValue(v, out var unit) ? unit.Name : "—";

    public string CategoryName(string? code) => code is null ? "—" : CategoryNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>Units the matter may be transferred or assigned to (有权处理的单位), and referral targets, as the domain decides them.</summary>
    public IEnumerable<SelectListItem> HandlingUnits => Options(Matter.Receivers, Matter.Suggestion?.UnitId);

    public IEnumerable<SelectListItem> ReferralUnits => Options(Matter.ReferralTargets, Matter.Suggestion?.UnitId);

    public bool Allowed(MatterAction action) => Matter.AllowedActions.Contains(action);

    /// <summary>The bureau opens a petitioner's page (all their matters and visits, /people/{id}); units do not.</summary>
    public bool SeesRegistry => staff.IsBureau;

    public IEnumerable<NoticeView> Deliverable => Matter.Notices.Where(n => Matter.Deliverable.Contains(n.Id));

    /// <summary>The signed 送达回执 (scans) uploaded for each notice, linked from the notice and from its delivery in the history.</summary>
    public ILookup<Guid, (Guid Id, string FileName)> Receipts { get; private set; } = Array.Empty<(Guid, (Guid, string))>().ToLookup(r => r.Item1, r => r.Item2);

    /// <summary>The period rule that governs this matter (a local rule where one applies): forms say the limit it sets.</summary>
    public PeriodRule Rule(string code) => Deadlines.RuleFor(code, Matter.Qualifiers);

    private DeadlineRules Deadlines { get; set; } = null!;

    private IEnumerable<SelectListItem> Options(IReadOnlyList<Guid> ids, Guid? selected) => ActionPanel.UnitOptions(ids, Units, selected);

    private async Task<bool> LoadAsync(Guid id)
    {
        var result = await workflow.GetAsync(id);
        if (!result.IsSuccess)
        {
            return false;
        }

        Matter = result.Value;
        RepeatLinkViews = (await repeatLinks.ListAsync(id, HttpContext.RequestAborted)).TryGet(out var links, out _) ? links : [];
        RepeatOfFlagged = Matter.RepeatOf is { } repeatOf && await db.Set<MatterProblem>().AnyAsync(
            p => p.MatterId == repeatOf && p.Type == Xinfang.Domain.Supervision.ProblemType.RepeatAfterConclusion, HttpContext.RequestAborted);
        RepeatMatches = (await repeatFinder.ForMatterAsync(id, HttpContext.RequestAborted)).TryGet(out var matches, out _) ? matches : [];
        var current = await reference.CurrentAsync();
        Deadlines = current.Deadlines;
        Units = current.Units;
        CategoryNames = current.CategoryNames;
        LeaderPackages = (await packages.ForMatterAsync(id)).Value; // the matter was found just above
        if (!Matter.IdentityWithheld) // an accusation's files are the accuser's: never to the accused (第三十条)
        {
            var receipts = await db.Set<Attachment>().AsNoTracking()
                .Where(a => a.MatterId == id && a.Kind == AttachmentKind.DeliveryReceipt && a.NoticeId != null)
                .OrderBy(a => a.UploadedAt).Select(a => new { NoticeId = a.NoticeId!.Value, a.Id, a.FileName }).ToListAsync();
            Receipts = receipts.ToLookup(r => r.NoticeId, r => (r.Id, r.FileName));
        }

        var actors = Matter.Events.Select(e => e.By).Concat(RepeatLinkViews.Select(l => l.By)).Distinct().ToList();
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

        return true;
    }
}
