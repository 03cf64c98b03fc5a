using System.Globalization;

namespace Xinfang.Domain.Shared;

/// <summary>Dates and weekdays as they appear in Chinese details and explanations.</summary>
public static class ChineseText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as documents write it: 2025年3月4日.</summary>
    public static string LongDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

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

    /// <summary>
    /// A whole number as official documents write it in words (三十, 六十, 一百零五, 三千六百五十): periods are stated
    /// this way in notices ("自收到本意见书之日起三十日内").
    /// </summary>
    public static string Numeral(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9999);
        const string digits = "零一二三四五六七八九";
        if (value < 10)
        {
            return digits[value].ToString();
        }

        var units = new[] { (1000, "千"), (100, "百"), (10, "十"), (1, "") };
        var text = new System.Text.StringBuilder();
        var pendingZero = false;
        foreach (var (unit, name) in units)
        {
            var digit = value / unit % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text.Append('零');
                pendingZero = false;
            }

            // 十 alone, not 一十, at the head of a number below twenty (十五, not 一十五).
            if (!(unit == 10 && digit == 1 && text.Length == 0))
            {
                text.Append(digits[digit]);
            }

            text.Append(name);
        }

        return text.ToString();
    }

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
