using Microsoft.EntityFrameworkCore;

namespace Xinfang.Web.Data;

/// <summary>
/// Keeps the query planner's statistics fresh. Without them SQLite chose, for the registrar's list at 100,000 matters,
/// an index that made the query quadratic (issue 11); PostgreSQL's autovacuum analyses on its own.
/// </summary>
public static class PlannerStatistics
{
    /// <summary>
    /// SQLite: <c>PRAGMA optimize</c> over every table (0x10000), which analyses only where the statistics are missing
    /// or stale and is cheap otherwise; the documented call at start and then every few hours. PostgreSQL: nothing.
    /// </summary>
    public static async Task OptimizeAsync(XinfangDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    /// <summary>After bulk writes (the data generator): full statistics now, on both databases.</summary>
    public static Task AnalyzeAsync(XinfangDb db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
}
