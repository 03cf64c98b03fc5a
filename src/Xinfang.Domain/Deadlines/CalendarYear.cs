namespace Xinfang.Domain.Deadlines;

/// <summary>
/// One year of holidays and make-up working days, as published by the State Council (国务院办公厅) each November.
/// <see cref="Source"/> names the notice, so every deadline can be traced back to it.
/// </summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<CalendarDay> Days);
