namespace Xinfang.Domain.Deadlines;

/// <summary>How an entry in the State Council's holiday notice changes the plain Monday–Friday week.</summary>
public enum DayKind
{
    /// <summary>A day off (放假), whatever weekday it falls on.</summary>
    Holiday,
    /// <summary>A Saturday or Sunday made a working day (调休上班).</summary>
    Workday,
}
