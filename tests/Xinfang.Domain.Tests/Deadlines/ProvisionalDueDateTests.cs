using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class ProvisionalDueDateTests
{
    private const string Missing2027 = "2027 年节假日安排尚未录入，按周末计算，结果为暂定";

    [Fact]
    public void A_period_inside_a_year_not_held_is_computed_from_weekends_and_marked_provisional()
    {
        var result = Periods.Due(WorkCalendar.Shipped, D("2027-03-01"), 15, PeriodKind.Calendar, explain: true);

        Assert.Equal(D("2027-03-16"), result.Due);
        Assert.True(result.Provisional);
        Assert.Contains(new DueReason(D("2027-03-16"), Missing2027), result.Explanation);
    }

    [Theory]
    [InlineData("2026-12-20", 15, PeriodKind.Calendar, "2027-01-04")]
    [InlineData("2026-12-27", 5, PeriodKind.Calendar, "2027-01-01")] // a Friday: likely 元旦, but 2027 is not entered
    [InlineData("2026-12-25", 5, PeriodKind.Working, "2027-01-01")]
    public void A_period_starting_in_2026_and_ending_in_2027_is_provisional(string start, int days, PeriodKind kind, string due)
    {
        var result = Periods.Due(WorkCalendar.Shipped, D(start), days, kind, explain: true);

        Assert.Equal(D(due), result.Due);
        Assert.True(result.Provisional);
        Assert.Single(result.Explanation, r => r.Reason == Missing2027);
    }

    [Theory]
    [InlineData("2026-12-10", 10, PeriodKind.Calendar)] // 12-20 is a Sunday: rolls to 12-21, still 2026
    [InlineData("2026-12-26", 5, PeriodKind.Calendar)]
    [InlineData("2026-12-24", 5, PeriodKind.Working)]
    [InlineData("2022-12-20", 15, PeriodKind.Calendar)] // starts in 2022, but only 2023 days are looked at
    public void A_period_whose_days_all_lie_in_held_years_is_final(string start, int days, PeriodKind kind)
    {
        var result = Periods.Due(WorkCalendar.Shipped, D(start), days, kind, explain: true);

        Assert.False(result.Provisional);
        Assert.DoesNotContain(result.Explanation, r => r.Reason.Contains("暂定", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_roll_forward_a_calendar_period_does_not_depend_on_the_calendar()
    {
        var result = Periods.Due(WorkCalendar.Shipped, D("2027-03-01"), 15, PeriodKind.Calendar, rollForward: false);

        Assert.Equal(D("2027-03-16"), result.Due);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void The_empty_calendar_makes_every_result_provisional_and_names_each_year()
    {
        var result = Periods.Due(WorkCalendar.Empty, D("2025-12-20"), 15, PeriodKind.Working, explain: true);

        Assert.True(result.Provisional);
        Assert.Equal(
            ["2025 年节假日安排尚未录入，按周末计算，结果为暂定", "2026 年节假日安排尚未录入，按周末计算，结果为暂定"],
            result.Explanation.Where(r => r.Reason.Contains("暂定", StringComparison.Ordinal)).Select(r => r.Reason));
    }

    [Fact]
    public void A_provisional_result_is_flagged_even_without_an_explanation()
    {
        var result = Periods.Due(WorkCalendar.Empty, D("2025-09-20"), 15, PeriodKind.Calendar);

        Assert.Equal(D("2025-10-06"), result.Due); // 10-05 is a Sunday; the holidays are unknown
        Assert.True(result.Provisional);
        Assert.Empty(result.Explanation);
    }
}
