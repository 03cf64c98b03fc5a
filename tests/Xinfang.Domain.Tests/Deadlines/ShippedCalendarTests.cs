using Xinfang.Domain.Deadlines;
using static Xinfang.Domain.Tests.Deadlines.Dates;

namespace Xinfang.Domain.Tests.Deadlines;

public sealed class ShippedCalendarTests
{
    [Fact]
    public void The_product_ships_the_calendars_of_2023_to_2026()
    {
        Assert.Equal([2023, 2024, 2025, 2026], ShippedCalendars.All.Select(y => y.Year));
        Assert.Equal([2023, 2024, 2025, 2026], WorkCalendar.Shipped.Years);
    }

    [Theory]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Each_shipped_year_has_the_official_number_of_working_days(int year, int workingDays)
    {
        var calendar = WorkCalendar.Shipped;

        Assert.Equal(workingDays, calendar.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
        Assert.Equal(workingDays, EachDayOf(year).Count(calendar.IsWorkingDay));
    }

    [Theory]
    [InlineData(2023, 26, 7)]
    [InlineData(2024, 28, 8)]
    [InlineData(2025, 28, 5)]
    [InlineData(2026, 33, 6)]
    public void Each_shipped_year_lists_every_holiday_and_make_up_day_of_the_notice(int year, int holidays, int workdays)
    {
        var days = ShippedCalendars.All.Single(y => y.Year == year).Days;

        Assert.Equal(holidays, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(workdays, days.Count(d => d.Kind == DayKind.Workday));
    }

    [Fact]
    public void Every_shipped_year_passes_validation_and_names_its_notice()
    {
        foreach (var year in ShippedCalendars.All)
        {
            Assert.True(CalendarValidation.Validate(year).IsSuccess, year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("国务院办公厅关于" + year.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年部分节假日安排的通知", year.Source);
        }
    }

    [Theory]
    [InlineData("2023-01-02", DayKind.Holiday, "元旦")]
    [InlineData("2023-01-29", DayKind.Workday, "春节调休上班")]
    [InlineData("2023-04-05", DayKind.Holiday, "清明节")]
    [InlineData("2023-04-23", DayKind.Workday, "劳动节调休上班")]
    [InlineData("2023-06-25", DayKind.Workday, "端午节调休上班")]
    [InlineData("2023-09-29", DayKind.Holiday, "中秋节、国庆节")]
    [InlineData("2023-10-08", DayKind.Workday, "中秋节、国庆节调休上班")]
    [InlineData("2024-02-04", DayKind.Workday, "春节调休上班")]
    [InlineData("2024-02-17", DayKind.Holiday, "春节")]
    [InlineData("2024-04-07", DayKind.Workday, "清明节调休上班")]
    [InlineData("2024-06-10", DayKind.Holiday, "端午节")]
    [InlineData("2024-09-14", DayKind.Workday, "中秋节调休上班")]
    [InlineData("2024-10-12", DayKind.Workday, "国庆节调休上班")]
    [InlineData("2025-01-26", DayKind.Workday, "春节调休上班")]
    [InlineData("2025-05-31", DayKind.Holiday, "端午节")]
    [InlineData("2025-10-08", DayKind.Holiday, "国庆节、中秋节")]
    [InlineData("2026-01-04", DayKind.Workday, "元旦调休上班")]
    [InlineData("2026-02-15", DayKind.Holiday, "春节")]
    [InlineData("2026-02-23", DayKind.Holiday, "春节")]
    [InlineData("2026-05-09", DayKind.Workday, "劳动节调休上班")]
    [InlineData("2026-09-25", DayKind.Holiday, "中秋节")]
    [InlineData("2026-09-20", DayKind.Workday, "国庆节调休上班")]
    public void Shipped_days_carry_their_kind_and_chinese_name(string date, DayKind kind, string name)
    {
        Assert.Equal(new CalendarDay(D(date), kind, name), WorkCalendar.Shipped.Special(D(date)));
    }

    [Fact]
    public void New_years_eve_2022_is_not_in_the_2023_file()
    {
        Assert.DoesNotContain(ShippedCalendars.All.SelectMany(y => y.Days), d => d.Date.Year == 2022);
        Assert.True(WorkCalendar.Shipped.IsWorkingDay(D("2023-01-03")));
        Assert.False(WorkCalendar.Shipped.IsWorkingDay(D("2023-01-01")));
    }

    [Fact]
    public void The_eve_of_spring_festival_2024_stays_a_working_day()
    {
        // 国办发明电〔2023〕7号: 除夕 (2024-02-09, Friday) is not a holiday; units are only encouraged to give it off.
        Assert.Null(WorkCalendar.Shipped.Special(D("2024-02-09")));
        Assert.True(WorkCalendar.Shipped.IsWorkingDay(D("2024-02-09")));
    }

    private static IEnumerable<DateOnly> EachDayOf(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
