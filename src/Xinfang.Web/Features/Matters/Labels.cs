using Xinfang.Domain.Intake;
using Xinfang.Domain.Matters;

namespace Xinfang.Web.Features.Matters;

/// <summary>How statuses, flags and clocks look on the pages: one badge style per meaning, used by every list and page.</summary>
public static class Labels
{
    public static string StatusBadge(MatterStatus status) => status switch
    {
        MatterStatus.Registered => "text-bg-secondary",
        MatterStatus.Transferred or MatterStatus.Assigned => "text-bg-info",
        MatterStatus.Accepted => "text-bg-primary",
        MatterStatus.Concluded or MatterStatus.Reviewed => "text-bg-success",
        MatterStatus.UnderReview or MatterStatus.UnderRecheck => "text-bg-warning",
        MatterStatus.Rechecked or MatterStatus.Closed => "text-bg-dark",
        MatterStatus.Routed or MatterStatus.Referred or MatterStatus.Declined => "text-bg-light border",
    };

    public static string FlagBadge(MatterFlag flag) => flag switch
    {
        MatterFlag.Urgent => "text-bg-danger",
        MatterFlag.Threat => "text-bg-dark",
        MatterFlag.Collective => "text-bg-warning",
        MatterFlag.OverLevel => "xf-badge-purple",
        MatterFlag.LawRelated => "text-bg-info",
        MatterFlag.FirstTime => "text-bg-light border",
    };

    /// <summary>Overdue red, due within three working days amber, otherwise plain.</summary>
    public static string DueClass(bool overdue, int? workingDaysLeft) =>
        overdue ? "text-danger fw-semibold" : workingDaysLeft is <= 3 ? "text-warning-emphasis fw-semibold" : "";

    public static string DueText(bool overdue, int? workingDaysLeft) => workingDaysLeft switch
    {
        null => "",
        _ when overdue => $"已超期 {-workingDaysLeft} 个工作日",
        0 => "今日到期",
        var n => $"剩 {n} 个工作日",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
