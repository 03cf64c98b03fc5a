using CsCheck;
using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class DueDatePropertyTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Shipped;

    // Starts from mid-2022 to mid-2027, so that some periods begin or end in years the calendar does not hold.
    private static readonly Gen<DateOnly> Start = Gen.DateOnly[D("2022-06-01"), D("2027-06-30")];
    private static readonly Gen<int> Days = Gen.Int[0, 400];
    private static readonly Gen<PeriodKind> Kind = Gen.Enum<PeriodKind>();

    [Fact]
    public void The_due_date_is_never_before_the_start()
    {
        Gen.Select(Start, Days, Kind, Gen.Bool).Sample((start, days, kind, roll) =>
            Assert.True(Periods.Due(Calendar, start, days, kind, roll).Due >= start));
    }

    [Fact]
    public void One_more_day_never_gives_an_earlier_due_date()
    {
        Gen.Select(Start, Days, Kind, Gen.Bool).Sample((start, days, kind, roll) =>
            Assert.True(Periods.Due(Calendar, start, days + 1, kind, roll).Due >= Periods.Due(Calendar, start, days, kind, roll).Due));
    }

    [Fact]
    public void A_working_day_result_is_a_working_day_and_exactly_that_many_working_days_away()
    {
        Gen.Select(Start, Gen.Int[1, 400]).Sample((start, days) =>
        {
            var due = Periods.Due(Calendar, start, days, PeriodKind.Working).Due;

            Assert.True(Calendar.IsWorkingDay(due));
            Assert.Equal(days, Calendar.CountWorkingDays(start, due));
        });
    }

    [Fact]
    public void A_rolled_forward_calendar_result_is_the_first_working_day_on_or_after_the_nominal_end()
    {
        Gen.Select(Start, Gen.Int[1, 400]).Sample((start, days) =>
        {
            var due = Periods.Due(Calendar, start, days, PeriodKind.Calendar).Due;

            Assert.True(Calendar.IsWorkingDay(due));
            Assert.Equal(0, Calendar.CountWorkingDays(start.AddDays(days - 1), due.AddDays(-1)));
        });
    }

    [Fact]
    public void Without_roll_forward_a_calendar_result_is_exactly_start_plus_days()
    {
        Gen.Select(Start, Days).Sample((start, days) =>
            Assert.Equal(start.AddDays(days), Periods.Due(Calendar, start, days, PeriodKind.Calendar, rollForward: false).Due));
    }

    [Fact]
    public void A_result_is_provisional_exactly_when_it_looks_at_a_year_not_held()
    {
        Gen.Select(Start, Gen.Int[1, 400], Kind).Sample((start, days, kind) =>
        {
            var result = Periods.Due(Calendar, start, days, kind);
            var firstLooked = kind == PeriodKind.Working ? start.AddDays(1) : start.AddDays(days);
            var expected = Enumerable.Range(firstLooked.Year, result.Due.Year - firstLooked.Year + 1).Any(y => !Calendar.Covers(y));

            Assert.Equal(expected, result.Provisional);
        });
    }
}
