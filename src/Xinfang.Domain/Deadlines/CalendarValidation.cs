using Xinfang.Domain.Shared;

namespace Xinfang.Domain.Deadlines;

/// <summary>Checks a year's holiday table before it is stored or used; the first problem found is returned.</summary>
public static class CalendarValidation
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static Result<CalendarYear> Validate(CalendarYear calendar)
    {
        if (calendar.Year is < MinYear or > MaxYear)
        {
            return Error.Validation("calendar.year-out-of-range",
                ChineseText.Format($"年份 {calendar.Year} 超出范围，日历只能录入 {MinYear}–{MaxYear} 年。"), "year");
        }

        if (string.IsNullOrWhiteSpace(calendar.Source))
        {
            return Error.Validation("calendar.source-required",
                "请填写日历所依据的通知，如“国务院办公厅关于2025年部分节假日安排的通知”。", "source");
        }

        var seen = new Dictionary<DateOnly, DayKind>();
        for (var i = 0; i < calendar.Days.Count; i++)
        {
            var day = calendar.Days[i];
            var date = ChineseText.Date(day.Date);
            var field = ChineseText.Format($"days[{i}]");

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                return Error.Validation("calendar.name-required",
                    $"{date} 缺少名称，请填写节日名称（如“国庆节”）或调休说明（如“国庆节调休上班”）。", field + ".name");
            }

            if (day.Date.Year != calendar.Year)
            {
                return Error.Validation("calendar.date-outside-year",
                    ChineseText.Format($"{date} 不属于 {calendar.Year} 年，请把它录入 {day.Date.Year} 年的日历。"), field + ".date");
            }

            if (seen.TryGetValue(day.Date, out var earlier))
            {
                var detail = earlier == day.Kind
                    ? $"{date} 重复录入，请删除多余的一行。"
                    : $"{date} 同时被列为节假日和调休上班日，请核对通知后只保留一行。";
                return Error.Validation("calendar.duplicate-date", detail, field + ".date");
            }

            seen.Add(day.Date, day.Kind);

            if (day.Kind == DayKind.Workday && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return Error.Validation("calendar.workday-not-weekend",
                    $"{date} 是{ChineseText.Weekday(day.Date.DayOfWeek)}，调休上班日只能是周六或周日。", field + ".date");
            }
        }

        return calendar;
    }
}
