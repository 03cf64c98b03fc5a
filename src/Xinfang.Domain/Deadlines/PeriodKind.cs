namespace Xinfang.Domain.Deadlines;

/// <summary>
/// How a period counts. The 条例 writes “15日” and “5个工作日” side by side (第二十三条第三款), so a plain “日”
/// is read as calendar days and only an explicit “工作日” counts working days.
/// </summary>
public enum PeriodKind
{
    /// <summary>自然日: every day counts; the end may roll forward off a rest day.</summary>
    Calendar,
    /// <summary>工作日: only working days count, make-up working days (调休上班) included.</summary>
    Working,
}
