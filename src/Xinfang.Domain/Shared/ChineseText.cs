using System.Globalization;

namespace Xinfang.Domain.Shared;

/// <summary>Dates and weekdays as they appear in Chinese details and explanations.</summary>
public static class ChineseText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
