namespace Xinfang.Domain.Statistics;

/// <summary>
/// 同比 and 环比 as officials write them: the change as a percentage with one decimal place, rounded half away from
/// zero, in words — "下降34.2%", "上升5.0%", "持平". With nothing to compare with (the base is 0) there is no rate.
/// </summary>
public static class ChangeRate
{
    /// <summary>The change in percent, one decimal place: 697 against 1059 is −34.2.</summary>
    public static decimal? Percent(int now, int before) =>
        before == 0 ? null : Math.Round((now - before) * 100m / before, 1, MidpointRounding.AwayFromZero);

    /// <summary>"下降34.2%", "上升12.5%", "持平"; "无可比数据" when the base is 0.</summary>
    public static string Words(int now, int before) => Percent(now, before) switch
    {
        null => now == 0 ? "持平" : "无可比数据",
        0m => "持平",
        < 0m and var p => $"下降{Format(-p)}%",
        var p => $"上升{Format(p!.Value)}%",
    };

    /// <summary>"+12.5%", "−34.2%", "0.0%" or "—", for tables.</summary>
    public static string Signed(int now, int before) => Percent(now, before) switch
    {
        null => "—",
        0m => "0.0%",
        < 0m and var p => $"-{Format(-p)}%",
        var p => $"+{Format(p!.Value)}%",
    };

    private static string Format(decimal value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
