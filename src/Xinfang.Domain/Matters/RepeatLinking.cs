using Xinfang.Domain.Intake;
using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Matters;

/// <summary>
/// A registrar's decision on a suggested repeat. Confirming links the newer matter to the root of the older one's
/// chain (a repeat of a repeat counts against the first matter), counts it there, and marks 办理后仍重复信访 when
/// that matter was already concluded. Dismissing changes no matter; the caller records it so the pair is not
/// suggested again.
/// </summary>
public static class RepeatLinking
{
    /// <summary>Statuses after which the matter was handled to an end: a new petition on it is "办理后仍重复信访".</summary>
    public static bool IsConcluded(MatterStatus status) =>
        status is MatterStatus.Concluded or MatterStatus.UnderReview or MatterStatus.Reviewed or MatterStatus.UnderRecheck
            or MatterStatus.Rechecked or MatterStatus.Closed;

    /// <summary>
    /// Where an earlier matter stands for a new petition registered by <paramref name="registeringUnitId"/> on
    /// <paramref name="today"/>: in the hands of another (lower) unit and within its time limit (第十九条第三款), concluded,
    /// or finalized by 复核 (第三十六条第三款).
    /// </summary>
    public static PriorStanding StandingOf(MatterStatus status, Guid? unitId, DateOnly nextDueOn, Guid registeringUnitId, DateOnly today) => status switch
    {
        MatterStatus.Rechecked => PriorStanding.Finalized,
        _ when IsConcluded(status) => PriorStanding.Concluded,
        MatterStatus.Transferred or MatterStatus.Assigned or MatterStatus.Accepted
            when unitId is { } unit && unit != registeringUnitId && nextDueOn >= today => PriorStanding.PendingWithinLimit,
        _ => PriorStanding.Open,
    };

    /// <summary>Checks a link and, when allowed, applies it to both matters in memory; <paramref name="main"/> must be the root of its chain. True: 办理后仍重复信访.</summary>
    public static Result<bool> Confirm(Matter repeat, Matter main)
    {
        if (repeat.Id == main.Id)
        {
            return Error.Rule("repeat.self", "不能关联自身", "一件信访事项不能是它自己的重复件。");
        }

        if (repeat.RepeatOfId is { } existing)
        {
            return existing == main.Id
                ? Error.Conflict("repeat.already-linked", "已关联", "该事项已确认为这件事项的重复件。")
                : Error.Conflict("repeat.linked-elsewhere", "已关联其他事项", "该事项已确认为另一件事项的重复件；如需更改，请先核实原关联。");
        }

        if (main.RepeatOfId == repeat.Id || main.ReceivedOn > repeat.ReceivedOn
            || main.ReceivedOn == repeat.ReceivedOn && string.CompareOrdinal(main.Number, repeat.Number) > 0)
        {
            return Error.Rule("repeat.not-earlier", "原事项须在先", "只能把较晚登记的事项关联为较早事项的重复件。");
        }

        // Whether this is 办理后仍重复信访 is answered for the main matter by the problem rules (ProblemRules, from RepeatOfId), not stored here.
        repeat.LinkAsRepeatOf(main);
        return IsConcluded(main.Status);
    }
}
