using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

/// <summary>The worked examples of REFERENCE.md §1.12, with roll-forward on.</summary>
public sealed class WorkedExampleTests
{
    [Theory]
    [InlineData("2025-09-20", 15, PeriodKind.Calendar, "2025-10-09")] // nominal 10-05 is 国庆节: rolls to 10-09
    [InlineData("2025-09-26", 15, PeriodKind.Calendar, "2025-10-11")] // 10-11 is a Saturday 调休 working day: no roll
    [InlineData("2024-12-01", 60, PeriodKind.Calendar, "2025-02-05")] // nominal 2025-01-30 is 春节
    [InlineData("2025-09-26", 10, PeriodKind.Working, "2025-10-16")] // 9-28 and 10-11 count; 10-01 to 10-08 do not
    [InlineData("2026-02-12", 10, PeriodKind.Working, "2026-03-04")] // Saturdays 2-14 and 2-28 count
    public void The_worked_examples_of_the_reference_hold(string start, int days, PeriodKind kind, string due)
    {
        var result = Periods.Due(WorkCalendar.Shipped, D(start), days, kind);

        Assert.Equal(D(due), result.Due);
        Assert.False(result.Provisional);
        Assert.Equal(D(start), result.Start);
        Assert.Equal(days, result.Days);
        Assert.Equal(kind, result.Kind);
        Assert.True(result.RollForward);
        Assert.Empty(result.Explanation);
    }
}
