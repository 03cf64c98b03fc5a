using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class DeadlineStatusTests
{
    [Theory]
    [InlineData("2025-10-09", "2025-10-09", 0)]
    [InlineData("2025-09-30", "2025-10-09", 1)] // the National Day holidays do not count
    [InlineData("2025-09-26", "2025-10-16", 10)]
    [InlineData("2025-10-10", "2025-10-13", 2)] // the 调休 Saturday 10-11 counts
    [InlineData("2025-10-13", "2025-10-09", -3)] // 10-10, 10-11 (调休) and 10-13 have passed
    [InlineData("2025-10-12", "2025-10-11", 0)] // overdue only by a Sunday
    public void Working_days_left_count_down_to_the_due_date_and_below_zero_after_it(string today, string due, int left)
    {
        Assert.Equal(left, DeadlineStatus.WorkingDaysLeft(WorkCalendar.Shipped, D(today), D(due)));
    }

    [Theory]
    [InlineData("2025-10-09", "2025-10-09", false)] // the due date itself runs until 24:00
    [InlineData("2025-10-10", "2025-10-09", true)]
    [InlineData("2025-10-08", "2025-10-09", false)]
    public void A_deadline_is_overdue_from_the_day_after_its_due_date(string today, string due, bool overdue)
    {
        Assert.Equal(overdue, DeadlineStatus.IsOverdue(D(today), D(due)));
    }
}
