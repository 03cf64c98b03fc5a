using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;
using Xinfang.Web.Features.Matters;

namespace Xinfang.Web.Features.Desk;

/// <summary>
/// 我的办理台: the unit's work in the order the law sets it — matters to accept (15 days, objections within 5
/// working days), matters in hand by due date, opinions awaiting the head, notices to deliver, reviews to decide.
/// </summary>
public sealed class HandlingModel(MatterList list, Staff staff, Organisation.UnitEditor units, ReferenceData reference) : PageModel
{
    public sealed record Section(string Key, string Title, string Icon, string Hint, MatterTable Table);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!staff.Has(Roles.Handler) && !staff.Has(Roles.UnitHead))
        {
            return Redirect("/denied");
        }

        var unit = staff.UnitId;
        _unitNames = (await units.ListAsync()).ToDictionary(u => u.Id, u => u.Name);
        // The hints state the periods in force, which an administrator may have shortened by a rule.
        var rules = (await reference.CurrentAsync()).Deadlines;
        var sections = new List<Section>
        {
            await SectionAsync("accept", "待受理", "bi-inbox",
                $"收到之日起 {rules.Rule(PeriodRules.AcceptanceNotice).Length}内书面告知受理（第二十三条），不属本单位职权的 {rules.Rule(PeriodRules.Objection).Length}内提出异议。",
                new MatterFilter([MatterStatus.Transferred, MatterStatus.Assigned], unit)),
            await SectionAsync("handling", "办理中", "bi-hourglass-split", $"自受理之日起 {rules.Rule(PeriodRules.Handling).Length}内办结（第三十四条），按到期日排序。",
                new MatterFilter([MatterStatus.Accepted], unit)),
        };
        if (staff.Has(Roles.UnitHead))
        {
            sections.Add(await SectionAsync("approve", "待审批", "bi-pen", "承办人提交的处理意见，审批后出具。", new MatterFilter(UnitId: unit) { AwaitingApproval = true }));
        }

        sections.Add(await SectionAsync("deliver", "待送达", "bi-send", "复查、复核申请期限自送达之日起计算。", new MatterFilter { UndeliveredBy = unit }));
        sections.Add(await SectionAsync("review", "复查复核", "bi-arrow-repeat",
            $"收到请求之日起 {rules.Rule(PeriodRules.Review).Length}内提出意见（第三十五条、第三十六条）。", new MatterFilter { ReviewingBody = unit }));
        Sections = sections;
        return Page();
    }

    private IReadOnlyDictionary<Guid, string> _unitNames = new Dictionary<Guid, string>();

    /// <summary>Up to 100 matters a section; a unit with more opens the search with the same filter.</summary>
    private async Task<Section> SectionAsync(string key, string title, string icon, string hint, MatterFilter filter)
    {
        var page = (await list.FindAsync(filter with { PageSize = 100 })).Value;
        return new Section(key, title, icon, hint, new MatterTable(page, _ => "#", _unitNames, Queue: false, "没有事项。"));
    }
}
