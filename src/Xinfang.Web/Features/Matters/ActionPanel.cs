using Xinfang.Domain.Matters;

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
}
