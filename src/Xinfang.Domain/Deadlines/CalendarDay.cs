namespace Xinfang.Domain.Deadlines;

/// <summary>One date that differs from the plain week, e.g. 2025-10-01 国庆节 or 2025-10-11 调休上班.</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);
