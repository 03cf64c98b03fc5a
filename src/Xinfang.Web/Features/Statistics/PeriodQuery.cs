using Xinfang.Domain.Shared;
using Xinfang.Domain.Statistics;

namespace Xinfang.Web.Features.Statistics;

/// <summary>
/// <c>Statistics:MonthClosingDay</c>: the day the statistical month closes (1–28), 0 for the calendar month end.
/// Months, quarters and years asked for by number follow it; explicit ranges do not.
/// </summary>
public sealed record StatisticsSettings(int MonthClosingDay)
{
    public static StatisticsSettings From(IConfiguration configuration)
    {
        var day = configuration.GetValue("Statistics:MonthClosingDay", 0);
        return StatPeriod.IsValidClosingDay(day)
            ? new StatisticsSettings(day)
            : throw new InvalidOperationException($"Statistics:MonthClosingDay must be 0 (calendar month end) or 1–28, not {day}.");
    }
}

/// <summary>A period as the query string gives it: <c>from</c> and <c>to</c>, or <c>year</c> with <c>month</c> or <c>quarter</c>.</summary>
public sealed record PeriodQuery(DateOnly? From, DateOnly? To, int? Year, int? Month, int? Quarter)
{
    public const int MaxRangeDays = 366 * 3;

    public Result<StatPeriod> Resolve(StatisticsSettings settings, DateOnly today)
    {
        if (From is not null || To is not null)
        {
            return From is null || To is null || To < From || To.Value.DayNumber - From.Value.DayNumber >= MaxRangeDays || Year is not null
                ? Invalid("请填写统计期间：from 与 to 同时填写，截止日期不早于开始日期，不超过三年，且不与 year 同用。", "to")
                : StatPeriod.Range(From.Value, To.Value);
        }

        var year = Year ?? today.Year;
        if (year is < 2000 or > 2100)
        {
            return Invalid("年份须在 2000 至 2100 之间。", "year");
        }

        return (Month, Quarter) switch
        {
            (not null, not null) => Invalid("month 与 quarter 只能填写一个。", "quarter"),
            (< 1 or > 12, _) => Invalid("月份须为 1 至 12。", "month"),
            (_, < 1 or > 4) => Invalid("季度须为 1 至 4。", "quarter"),
            ({ } m, null) => StatPeriod.Month(year, m, settings.MonthClosingDay),
            (null, { } q) => StatPeriod.Quarter(year, q, settings.MonthClosingDay),
            (null, null) => StatPeriod.OfYear(year, settings.MonthClosingDay),
        };
    }

    private static Error Invalid(string detail, string field) => Error.Validation("statistics.period-invalid", detail, field);
}
