namespace Xinfang.Domain.Shared;

/// <summary>
/// Statutory dates are China Standard Time (UTC+8, no daylight saving since 1991). A fixed offset avoids
/// depending on the host's time-zone database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly DateOf(DateTime utc) => DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The UTC instant at which a China-time day begins, for comparing with stored UTC instants.</summary>
    public static DateTime StartOf(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
