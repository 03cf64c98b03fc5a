using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Shared;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class CalendarValidationTests
{
    private const string Notice = "国务院办公厅关于2025年部分节假日安排的通知";

    [Fact]
    public void A_correct_year_is_accepted_as_it_is()
    {
        var year = Year(2025, Holiday("2025-10-01"), Workday("2025-10-11"));

        Assert.Same(year, CalendarValidation.Validate(year).Value);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void A_year_outside_2000_to_2100_is_refused(int year)
    {
        var error = Refused(Year(year), "calendar.year-out-of-range", "year");

        Assert.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Detail);
    }

    [Fact]
    public void A_year_without_its_source_notice_is_refused()
    {
        Refused(new CalendarYear(2025, " ", []), "calendar.source-required", "source");
    }

    [Fact]
    public void A_date_of_another_year_is_refused()
    {
        var error = Refused(Year(2023, Holiday("2022-12-31", "元旦"), Holiday("2023-01-01", "元旦")), "calendar.date-outside-year", "days[0].date");

        Assert.Equal("2022-12-31 不属于 2023 年，请把它录入 2022 年的日历。", error.Detail);
    }

    [Fact]
    public void A_date_listed_twice_is_refused()
    {
        var error = Refused(Year(2025, Holiday("2025-10-01"), Holiday("2025-10-02"), Holiday("2025-10-01")), "calendar.duplicate-date", "days[2].date");

        Assert.Contains("2025-10-01 重复录入", error.Detail);
    }

    [Fact]
    public void A_date_listed_as_both_holiday_and_make_up_day_is_refused()
    {
        var error = Refused(Year(2025, Workday("2025-10-11"), Holiday("2025-10-11")), "calendar.duplicate-date", "days[1].date");

        Assert.Contains("2025-10-11 同时被列为节假日和调休上班日", error.Detail);
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_refused_with_its_weekday()
    {
        var error = Refused(Year(2025, Holiday("2025-10-01"), Holiday("2025-10-02"), Holiday("2025-10-03"), Workday("2025-10-13")),
            "calendar.workday-not-weekend", "days[3].date");

        Assert.Equal("2025-10-13 是星期一，调休上班日只能是周六或周日。", error.Detail);
    }

    [Fact]
    public void A_holiday_may_fall_on_a_weekend()
    {
        Assert.True(CalendarValidation.Validate(Year(2025, Holiday("2025-10-04"), Holiday("2025-10-05"))).IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_day_without_a_name_is_refused(string name)
    {
        var error = Refused(Year(2025, Holiday("2025-10-01"), new CalendarDay(D("2025-10-02"), DayKind.Holiday, name)), "calendar.name-required", "days[1].name");

        Assert.StartsWith("2025-10-02 缺少名称", error.Detail);
    }

    private static Error Refused(CalendarYear year, string code, string field)
    {
        var result = CalendarValidation.Validate(year);

        Assert.False(result.IsSuccess);
        var error = result.Error!;
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.Equal([field], error.Fields!.Keys);
        Assert.Equal([error.Detail], error.Fields[field]);
        return error;
    }

    private static CalendarYear Year(int year, params CalendarDay[] days) => new(year, Notice, days);

    private static CalendarDay Holiday(string date, string name = "国庆节") => new(D(date), DayKind.Holiday, name);

    private static CalendarDay Workday(string date) => new(D(date), DayKind.Workday, "国庆节调休上班");
}
