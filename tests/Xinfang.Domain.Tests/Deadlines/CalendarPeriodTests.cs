using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class CalendarPeriodTests
{
    private static DateOnly Due(string start, int days, bool rollForward = true) =>
        Periods.Due(WorkCalendar.Shipped, D(start), days, PeriodKind.Calendar, rollForward).Due;

    [Theory]
    [InlineData("2023-01-06", 15, "2023-01-28")] // 1-21 春节 → rolls through 1-27 onto the 调休 Saturday 1-28
    [InlineData("2024-01-31", 15, "2024-02-18")] // 2-15 春节 → rolls onto the 调休 Sunday 2-18
    [InlineData("2026-02-05", 15, "2026-02-24")] // 2-20 春节 → rolls to Tuesday 2-24
    [InlineData("2026-01-30", 15, "2026-02-14")] // 2-14 is a 调休 Saturday: no roll
    public void A_spring_festival_end_rolls_forward_to_the_next_working_day(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2023-04-15", 15, "2023-05-04")]
    [InlineData("2024-04-20", 15, "2024-05-06")] // 5-05 is a holiday Sunday
    [InlineData("2025-04-16", 15, "2025-05-06")]
    [InlineData("2026-04-24", 15, "2026-05-09")] // 5-09 is a 调休 Saturday
    public void A_labour_day_end_rolls_forward_to_the_next_working_day(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2023-09-20", 15, "2023-10-07")] // rolls onto the 调休 Saturday 10-07
    [InlineData("2024-09-27", 15, "2024-10-12")] // 10-12 is a 调休 Saturday
    [InlineData("2025-09-20", 15, "2025-10-09")]
    [InlineData("2026-09-20", 15, "2026-10-08")] // starts on a 调休 Sunday
    public void A_national_day_end_rolls_forward_to_the_next_working_day(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2025-12-31", 1, "2026-01-04")] // 元旦 2026-01-01 to 01-03, then the 调休 Sunday 01-04
    [InlineData("2025-12-17", 15, "2026-01-04")]
    [InlineData("2023-12-31", 1, "2024-01-02")]
    [InlineData("2024-11-01", 60, "2024-12-31")]
    [InlineData("2025-01-31", 30, "2025-03-03")] // 03-02 is a Sunday
    [InlineData("2024-01-31", 30, "2024-03-01")] // leap year: February has 29 days
    public void Month_and_year_ends_are_crossed_by_plain_date_arithmetic(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2024-02-14", 15, "2024-02-29")]
    [InlineData("2024-01-30", 30, "2024-02-29")]
    [InlineData("2024-02-29", 30, "2024-04-01")] // 03-30 is a Saturday
    [InlineData("2024-02-29", 366, "2025-03-03")] // 2025-03-01 is a Saturday
    public void The_leap_day_is_an_ordinary_day(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2025-10-01", 15, "2025-10-16")] // starts on 国庆节
    [InlineData("2024-09-16", 15, "2024-10-08")] // starts on 中秋节, ends in 国庆节
    [InlineData("2025-10-11", 15, "2025-10-27")] // starts on a 调休 Saturday; 10-26 is a Sunday
    public void The_start_day_is_not_counted_whatever_kind_of_day_it_is(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2025-09-20", 15, "2025-10-05")]
    [InlineData("2024-12-01", 60, "2025-01-30")]
    [InlineData("2025-10-01", 3, "2025-10-04")]
    public void Without_roll_forward_the_end_is_start_plus_days_even_on_a_holiday(string start, int days, string due)
    {
        var result = Periods.Due(WorkCalendar.Shipped, D(start), days, PeriodKind.Calendar, rollForward: false);

        Assert.Equal(D(due), result.Due);
        Assert.False(result.RollForward);
    }

    [Fact]
    public void A_zero_day_period_ends_on_its_start()
    {
        Assert.Equal(D("2025-10-01"), Due("2025-10-01", 0));
        Assert.Equal(D("2025-10-01"), Periods.Due(WorkCalendar.Shipped, D("2025-10-01"), 0, PeriodKind.Working).Due);
    }

    [Fact]
    public void A_negative_period_is_a_bug_and_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Due("2025-10-01", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Periods.Due(WorkCalendar.Shipped, D("2025-10-01"), PeriodRules.Find(PeriodRules.Recheck)!, extraDays: -1));
    }
}
