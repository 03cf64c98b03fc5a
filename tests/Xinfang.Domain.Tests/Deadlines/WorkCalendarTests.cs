using CsCheck;
using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Shipped;

    [Theory]
    [InlineData("2025-10-01", false)] // 国庆节, Wednesday
    [InlineData("2025-10-04", false)] // holiday on a Saturday
    [InlineData("2025-10-11", true)] // 调休上班, Saturday
    [InlineData("2025-09-28", true)] // 调休上班, Sunday
    [InlineData("2025-10-12", false)] // plain Sunday
    [InlineData("2025-10-09", true)] // plain Thursday
    [InlineData("2024-02-29", true)] // leap day, Thursday
    [InlineData("2027-01-01", true)] // not held: weekends alone
    [InlineData("2027-01-02", false)]
    [InlineData("2022-12-31", false)] // not held: a Saturday
    public void A_working_day_is_a_weekday_minus_holidays_plus_make_up_days(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void A_plain_day_has_no_special_entry()
    {
        Assert.Null(Calendar.Special(D("2025-10-09")));
        Assert.Null(Calendar.Special(D("2027-10-01")));
        Assert.Null(Calendar.Special(DateOnly.MinValue));
        Assert.Null(Calendar.Special(DateOnly.MaxValue));
    }

    [Theory]
    [InlineData(2022, false)]
    [InlineData(2023, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void The_shipped_calendar_covers_2023_to_2026(int year, bool covered)
    {
        Assert.Equal(covered, Calendar.Covers(year));
    }

    [Fact]
    public void The_empty_calendar_knows_only_weekends()
    {
        var empty = WorkCalendar.Empty;

        Assert.Empty(empty.Years);
        Assert.False(empty.Covers(2025));
        Assert.True(empty.IsWorkingDay(D("2025-10-01")));
        Assert.False(empty.IsWorkingDay(D("2025-10-11")));
        Assert.Equal(261, empty.CountWorkingDays(D("2024-12-31"), D("2025-12-31")));
    }

    [Fact]
    public void A_gap_between_held_years_is_counted_by_weekends()
    {
        var calendar = new WorkCalendar(ShippedCalendars.All.Where(y => y.Year != 2024));

        Assert.False(calendar.Covers(2024));
        Assert.True(calendar.Covers(2025));
        Assert.True(calendar.IsWorkingDay(D("2024-10-01")));
        Assert.Equal(262, calendar.CountWorkingDays(D("2023-12-31"), D("2024-12-31")));
        Assert.Equal(248, calendar.CountWorkingDays(D("2024-12-31"), D("2025-12-31")));
    }

    [Theory]
    [InlineData("2025-09-30", "2025-10-08", 0)]
    [InlineData("2025-09-26", "2025-10-16", 10)]
    [InlineData("2025-10-16", "2025-09-26", 0)]
    [InlineData("2025-10-16", "2025-10-16", 0)]
    [InlineData("2026-12-31", "2027-12-31", 261)]
    [InlineData("2022-12-31", "2023-12-31", 249)]
    [InlineData("2022-12-30", "2023-01-03", 1)]
    public void Working_days_are_counted_after_the_first_date_up_to_the_second(string after, string to, int count)
    {
        Assert.Equal(count, Calendar.CountWorkingDays(D(after), D(to)));
    }

    [Fact]
    public void A_work_calendar_refuses_an_invalid_or_repeated_year()
    {
        var weekdayMakeUp = new CalendarYear(2025, "通知", [new CalendarDay(D("2025-10-13"), DayKind.Workday, "国庆节调休上班")]);
        var empty2025 = new CalendarYear(2025, "通知", []);

        Assert.Throws<ArgumentException>(() => new WorkCalendar([weekdayMakeUp]));
        Assert.Throws<ArgumentException>(() => new WorkCalendar([empty2025, empty2025]));
    }

    [Fact]
    public void Counting_agrees_with_checking_day_by_day()
    {
        Gen.Select(Gen.DateOnly[D("2021-06-01"), D("2028-06-30")], Gen.Int[0, 900])
            .Sample((after, length) =>
            {
                var to = after.AddDays(length);
                var expected = 0;
                for (var day = after.AddDays(1); day <= to; day = day.AddDays(1))
                {
                    expected += Calendar.IsWorkingDay(day) ? 1 : 0;
                }

                Assert.Equal(expected, Calendar.CountWorkingDays(after, to));
            });
    }
}
