namespace Xinfang.Domain.Deadlines;

/// <summary>Where today stands against a due date, in working days: what the daily supervision sweep needs
/// (a 提醒函 within N working days of the due date, 挂牌督办 at ≥ 10 working days overdue).</summary>
public static class DeadlineStatus
{
    /// <summary>
    /// Working days after <paramref name="today"/> up to and including <paramref name="due"/>; negative once the due
    /// date has passed (the working days elapsed since it). Zero means due today, or overdue only by rest days:
    /// use <see cref="IsOverdue"/> to tell them apart.
    /// </summary>
    public static int WorkingDaysLeft(WorkCalendar calendar, DateOnly today, DateOnly due) =>
        due >= today ? calendar.CountWorkingDays(today, due) : -calendar.CountWorkingDays(due, today);

    /// <summary>The due date is the last day of the period (《民法典》第二百零三条: it ends at 24:00).</summary>
    public static bool IsOverdue(DateOnly today, DateOnly due) => today > due;
}
