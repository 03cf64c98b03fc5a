using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Statistics;

public enum StatPeriodKind
{
    Range,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A statistical period: any date range, or a month, quarter or year of the statistical calendar. Some bureaus close
/// the month on a fixed day (e.g. the 25th): then March runs from 26 February to 25 March, and the year from
/// 26 December of the year before to 25 December. <see cref="ClosingDay"/> 0 means the calendar month end.
/// </summary>
public sealed record StatPeriod(StatPeriodKind Kind, DateOnly From, DateOnly To, int Year, int Index, int ClosingDay)
{
    /// <summary>Days 1–28 may close a month (every month has them); 0 is the calendar month end.</summary>
    public static bool IsValidClosingDay(int day) => day is >= 0 and <= 28;

    public static StatPeriod Range(DateOnly from, DateOnly to) => new(StatPeriodKind.Range, from, to, from.Year, 0, 0);

    public static StatPeriod Month(int year, int month, int closingDay = 0) =>
        new(StatPeriodKind.Month, MonthStart(year, month, closingDay), MonthEnd(year, month, closingDay), year, month, closingDay);

    public static StatPeriod Quarter(int year, int quarter, int closingDay = 0) =>
        new(StatPeriodKind.Quarter, MonthStart(year, quarter * 3 - 2, closingDay), MonthEnd(year, quarter * 3, closingDay), year, quarter, closingDay);

    public static StatPeriod OfYear(int year, int closingDay = 0) =>
        new(StatPeriodKind.Year, MonthStart(year, 1, closingDay), MonthEnd(year, 12, closingDay), year, 1, closingDay);

    /// <summary>The statistical month a day belongs to: with closing day 25, 26 March is in April.</summary>
    public static StatPeriod MonthOf(DateOnly day, int closingDay = 0)
    {
        var month = closingDay > 0 && day.Day > closingDay ? day.AddMonths(1) : day;
        return Month(month.Year, month.Month, closingDay);
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public string Label => Kind switch
    {
        StatPeriodKind.Range => $"{ChineseText.LongDate(From)}至{ChineseText.LongDate(To)}",
        StatPeriodKind.Month => $"{Year}年{Index}月",
        StatPeriodKind.Quarter => $"{Year}年第{"一二三四"[Index - 1]}季度",
        StatPeriodKind.Year => $"{Year}年",
    };

    /// <summary>同比: the same period one year before (29 February of a range falls back to the 28th).</summary>
    public StatPeriod YearBefore() => Kind switch
    {
        StatPeriodKind.Range => Range(From.AddYears(-1), To.AddYears(-1)),
        StatPeriodKind.Month => Month(Year - 1, Index, ClosingDay),
        StatPeriodKind.Quarter => Quarter(Year - 1, Index, ClosingDay),
        StatPeriodKind.Year => OfYear(Year - 1, ClosingDay),
    };

    /// <summary>环比: the period just before — the previous month or quarter, or as many days just before a range.</summary>
    public StatPeriod Previous() => Kind switch
    {
        StatPeriodKind.Range => Range(From.AddDays(-Days), From.AddDays(-1)),
        StatPeriodKind.Month => Index == 1 ? Month(Year - 1, 12, ClosingDay) : Month(Year, Index - 1, ClosingDay),
        StatPeriodKind.Quarter => Index == 1 ? Quarter(Year - 1, 4, ClosingDay) : Quarter(Year, Index - 1, ClosingDay),
        StatPeriodKind.Year => OfYear(Year - 1, ClosingDay),
    };

    /// <summary>The statistical months of the period that end within it, for "by month" series.</summary>
    public IReadOnlyList<StatPeriod> Months()
    {
        var months = new List<StatPeriod>();
        for (var m = MonthOf(From, ClosingDay); m.From <= To; m = m.Next())
        {
            months.Add(m);
        }

        return months;
    }

    private StatPeriod Next() => Index == 12 ? Month(Year + 1, 1, ClosingDay) : Month(Year, Index + 1, ClosingDay);

    private static DateOnly MonthStart(int year, int month, int closingDay) =>
        closingDay == 0 ? new DateOnly(year, month, 1) : new DateOnly(year, month, closingDay).AddMonths(-1).AddDays(1);

    private static DateOnly MonthEnd(int year, int month, int closingDay) =>
        closingDay == 0 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : new DateOnly(year, month, closingDay);
}
