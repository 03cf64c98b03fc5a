using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Features.Organisation;

namespace Xinfang.Web.Features.Supervision;

/// <summary>三项建议: the bureau records a suggestion with its 建议书; the receiving unit records its written feedback.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SuggestionsModel(SuggestionRegister register, UnitEditor units, XinfangDb db, Staff staff) : PageModel
{
    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public Guid? TargetUnitId { get; set; }

    /// <summary>信访件编号 of the related matters, separated by commas, 、 or spaces: staff know matters by number.</summary>
    [BindProperty] public string? MatterNumbers { get; set; }

    [BindProperty] public string? Body { get; set; }

    [BindProperty] public DateOnly? FeedbackDueOn { get; set; }

    [BindProperty] public Guid? SuggestionId { get; set; }

    [BindProperty] public bool? Adopted { get; set; }

    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<SuggestionView> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public bool IsBureau => staff.IsBureau;

    public bool MayAnswer(SuggestionView s) => s.Adopted is null && (staff.IsBureau || s.TargetUnitId == staff.UnitId);

    public string? Failure { get; private set; }

    public string? Flash { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var numbers = (MatterNumbers ?? "").Split([',', '，', '、', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var found = await db.VisibleMatters(staff).Where(m => numbers.Contains(m.Number)).Select(m => new { m.Number, m.Id }).ToListAsync(ct);
        if (numbers.FirstOrDefault(n => found.All(f => f.Number != n)) is { } unknown)
        {
            Failure = $"信访件编号 {unknown} 不存在。";
        }
        else if (!(await register.CreateAsync(new SuggestionInput(Kind, TargetUnitId, numbers.Select(n => found.First(f => f.Number == n).Id).ToList(), Body, null, FeedbackDueOn), ct))
                     .TryGet(out var made, out var error))
        {
            Failure = error.Detail;
        }
        else
        {
            Flash = $"已登记建议并出具建议书 {made.Number}。";
            (Kind, TargetUnitId, MatterNumbers, Body, FeedbackDueOn) = (null, null, null, null, null);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct)
    {
        if (SuggestionId is not { } id)
        {
            Failure = "请选择要反馈的建议。";
        }
        else if (!(await register.FeedbackAsync(id, new SuggestionFeedbackInput(Adopted, Note), ct)).TryGet(out var answered, out var error))
        {
            Failure = error.Detail;
        }
        else
        {
            Flash = $"已登记 {answered.Number} 的采纳情况：{answered.StateName}。";
            (Adopted, Note) = (null, null);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        UnitNames = (await units.ListAsync(ct)).Where(u => u.IsActive).ToDictionary(u => u.Id, u => u.Name);
        Items = (await register.ListAsync(null, null, ct)).TryGet(out var items, out _) ? items : [];
    }
}
