namespace Xinfang.Domain.Deadlines;

/// <summary>
/// A statutory or local time limit: how many days, which clock, and the article it comes from. Rules are data an
/// administrator may tighten; a matter keeps the <see cref="Version"/> it was measured by.
/// </summary>
public sealed record PeriodRule(string Code, string Name, int Days, PeriodKind Kind, bool RollForward, string Article, int Version = 1);
