namespace Xinfang.Domain.Deadlines;

/// <summary>
/// A statutory or local time limit: how many days, which clock, and the article it comes from. Rules are data an
/// administrator may tighten; a matter keeps the <see cref="Version"/> it was measured by.
/// </summary>
public sealed record PeriodRule(string Code, string Name, int Days, PeriodKind Kind, bool RollForward, string Article, int Version = 1)
{
    /// <summary>The length as an explanation or an error message says it: "30 日（自然日）", "5 个工作日".</summary>
    public string Length => Periods.Length(Days, Kind);

    /// <summary>The length as a document writes it: "三十日", "十个工作日".</summary>
    public string Written => Kind == PeriodKind.Working ? $"{Shared.ChineseText.Numeral(Days)}个工作日" : $"{Shared.ChineseText.Numeral(Days)}日";
}
