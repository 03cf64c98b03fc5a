using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class WorkingPeriodTests
{
    private static DateOnly Due(string start, int days) => Periods.Due(WorkCalendar.Shipped, D(start), days, PeriodKind.Working).Due;

    [Theory]
    [InlineData("2023-01-19", 3, "2023-01-29")] // 1-20, then the 调休 weekend 1-28 and 1-29
    [InlineData("2024-02-08", 2, "2024-02-18")] // 除夕 2-09 counts; 2-10 to 2-17 do not; 调休 Sunday 2-18
    [InlineData("2025-01-24", 5, "2025-02-07")] // 调休 Sunday 1-26 counts
    [InlineData("2025-01-24", 6, "2025-02-08")] // …and so does the 调休 Saturday 2-08
    [InlineData("2026-02-12", 10, "2026-03-04")]
    public void Spring_festival_days_are_skipped_and_its_make_up_days_counted(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2023-04-21", 1, "2023-04-23")] // 调休 Sunday
    [InlineData("2024-04-26", 5, "2024-05-07")]
    [InlineData("2025-04-25", 5, "2025-05-06")]
    [InlineData("2026-04-30", 4, "2026-05-09")] // 调休 Saturday
    public void Labour_day_holidays_are_skipped_and_its_make_up_days_counted(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2023-09-27", 3, "2023-10-08")]
    [InlineData("2024-09-27", 5, "2024-10-10")]
    [InlineData("2025-09-26", 10, "2025-10-16")]
    [InlineData("2026-09-18", 1, "2026-09-20")] // 调休 Sunday
    [InlineData("2026-09-24", 3, "2026-09-30")] // 中秋节 9-25 to 9-27 skipped
    [InlineData("2026-09-24", 6, "2026-10-10")] // 国庆节 skipped, 调休 Saturday 10-10 counts
    public void National_day_holidays_are_skipped_and_its_make_up_days_counted(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2024-02-28", 1, "2024-02-29")]
    [InlineData("2024-02-29", 1, "2024-03-01")]
    public void Working_days_cross_year_ends_and_the_leap_day(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }

    [Theory]
    [InlineData("2025-10-03", 1, "2025-10-09")] // starts on a holiday
    [InlineData("2025-09-28", 10, "2025-10-17")] // starts on a 调休 Sunday, which is not counted
    [InlineData("2025-10-04", 5, "2025-10-14")] // starts on a holiday Saturday; 10-11 counts
    public void Counting_starts_the_day_after_the_start(string start, int days, string due)
    {
        Assert.Equal(D(due), Due(start, days));
    }
}
