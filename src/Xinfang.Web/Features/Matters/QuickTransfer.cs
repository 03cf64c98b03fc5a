using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Web.Data;
using Xinfang.Web.Features.Accounts;

namespace Xinfang.Web.Features.Matters;

/// <summary>
/// 转送 in one click from the receipt and from each queue row (<c>_QuickTransfer</c>), the suggested unit preselected.
/// The form posts the matter page's own action (<see cref="DetailsModel.OnPostActAsync"/>) with the same fields, and
/// offers it only where the matter page would: the action allowed now, among the units the domain lets receive it.
/// </summary>
public sealed record QuickTransfer(Guid MatterId, string Number, int Version, IReadOnlyList<SelectListItem> Units, string ReturnUrl)
{
    public static QuickTransfer? Of(MatterView matter, IReadOnlyDictionary<Guid, Unit> units, string returnUrl) =>
        matter.AllowedActions.Contains(MatterAction.Transfer) && matter.Receivers.Count > 0
            ? new(matter.Id, matter.Number, matter.Version, [.. ActionPanel.UnitOptions(matter.Receivers, units, matter.Suggestion?.UnitId)], returnUrl)
            : null;

    /// <summary>The 转送 of each listed matter that may be transferred now, decided on the whole matter as the matter page decides it.</summary>
    public static async Task<IReadOnlyDictionary<Guid, QuickTransfer>> ForAsync(XinfangDb db, Staff staff, MatterWorkflow workflow, IEnumerable<Guid> ids,
                                                                                string returnUrl, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        var context = await workflow.ContextAsync(cancellationToken);
        var matters = await MatterWorkflow.Load(db.VisibleMatters(staff).Where(m => wanted.Contains(m.Id)), tracking: false).ToListAsync(cancellationToken);
        var transfers = new Dictionary<Guid, QuickTransfer>();
        foreach (var m in matters.Where(m => Lifecycle.Allowed(m, context).Contains(MatterAction.Transfer)))
        {
            var receivers = Lifecycle.Receivers(m, context).Select(u => u.Id).ToList();
            if (receivers.Count > 0)
            {
                transfers[m.Id] = new(m.Id, m.Number, m.Version, [.. ActionPanel.UnitOptions(receivers, context.Units, m.Suggestion?.UnitId)], returnUrl);
            }
        }

        return transfers;
    }
}
