namespace Xinfang.Domain.Shared;

/// <summary>
/// The day something happened, as a clerk records it: it may lie in the past (a letter received last week is
/// registered today), never in the future, and never before the step it follows.
/// </summary>
public static class StepDates
{
    public static Error? Check(DateOnly on, DateOnly today, string field, DateOnly? earliest = null, string what = "办理日期")
    {
        if (on > today)
        {
            return Error.Validation("matter.on-in-future", $"{what} {on:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}），不能记录未来发生的事项。", field);
        }

        return earliest is { } first && on < first
            ? Error.Validation("matter.on-before-previous-step", $"{what} {on:yyyy-MM-dd} 早于上一步骤的日期 {first:yyyy-MM-dd}。", field)
            : null;
    }
}
