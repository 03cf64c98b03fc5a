using Microsoft.AspNetCore.Mvc.Rendering;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;

namespace Xinfang.Web.Features.Matters;

/// <summary>Presentation of the action panel on the matter page: element ids, and the expected next step in each state.</summary>
public static class ActionPanel
{
    public static string Key(MatterAction action) => action.ToString().ToLowerInvariant();

    public static bool IsPrimary(MatterAction action, MatterStatus status) => (status, action) switch
    {
        (MatterStatus.Registered, MatterAction.Transfer) => true,
        (MatterStatus.Transferred or MatterStatus.Assigned, MatterAction.Accept) => true,
        (MatterStatus.Accepted, MatterAction.Conclude or MatterAction.ApproveConclusion) => true,
        (MatterStatus.Concluded or MatterStatus.Reviewed, MatterAction.Deliver) => true,
        (MatterStatus.UnderReview, MatterAction.ConcludeReview) => true,
        (MatterStatus.UnderRecheck, MatterAction.ConcludeRecheck) => true,
        _ => false,
    };

    /// <summary>
    /// The units a clerk may choose for 转送/交办/移送, in the order of the organisation (bureau, departments, streets),
    /// the routing suggestion preselected and marked. The matter page and the quick 转送 of the receipt and the queue
    /// show the same list.
    /// </summary>
    public static IEnumerable<SelectListItem> UnitOptions(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, Unit> units, Guid? suggested) =>
        ids.Select(id => units[id]).OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new SelectListItem(u.Id == suggested ? $"{u.Name}（建议）" : u.Name, u.Id.ToString(), u.Id == suggested));

    /// <summary>Forms too long for the side column (items, facts, legal basis, opinion) open in a wide panel instead.</summary>
    public static bool IsLong(MatterAction action) => action is MatterAction.Conclude or MatterAction.ConcludeReview or MatterAction.ConcludeRecheck;
}
