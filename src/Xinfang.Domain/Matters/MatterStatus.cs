namespace Xinfang.Domain.Matters;

/// <summary>The states of a matter (LIFECYCLE.md). Every switch over it is exhaustive: a new state does not build until handled.</summary>
public enum MatterStatus
{
    Registered,
    Transferred,
    Assigned,
    Accepted,
    Concluded,
    UnderReview,
    Reviewed,
    UnderRecheck,
    Rechecked,
    Routed,
    Referred,
    Declined,
    Closed,
}

public static class MatterStatuses
{
    public static string ToChinese(this MatterStatus status) => status switch
    {
        MatterStatus.Registered => "已登记",
        MatterStatus.Transferred => "已转送",
        MatterStatus.Assigned => "已交办",
        MatterStatus.Accepted => "已受理（办理中）",
        MatterStatus.Concluded => "已办结（待送达/待评价）",
        MatterStatus.UnderReview => "复查中",
        MatterStatus.Reviewed => "已复查",
        MatterStatus.UnderRecheck => "复核中",
        MatterStatus.Rechecked => "已复核（终结）",
        MatterStatus.Routed => "已导入法定途径",
        MatterStatus.Referred => "已转纪检监察/政法",
        MatterStatus.Declined => "不予受理/不再受理",
        MatterStatus.Closed => "已归档",
    };

    /// <summary>States in which no statutory step remains: nothing more is done on the matter in the petition track.</summary>
    public static bool IsFinal(this MatterStatus status) => status switch
    {
        MatterStatus.Rechecked or MatterStatus.Routed or MatterStatus.Referred or MatterStatus.Declined or MatterStatus.Closed => true,
        MatterStatus.Registered or MatterStatus.Transferred or MatterStatus.Assigned or MatterStatus.Accepted or MatterStatus.Concluded
            or MatterStatus.UnderReview or MatterStatus.Reviewed or MatterStatus.UnderRecheck => false,
    };
}
