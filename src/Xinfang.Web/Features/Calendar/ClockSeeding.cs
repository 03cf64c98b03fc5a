using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Deadlines;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// On first start: the State Council's holiday tables that ship with Xinfang (2023–2026, embedded in the domain)
/// and the ten statutory period rules. A year or rule already in the database is left as the administrator keeps it.
/// Runs inside the start-up transaction of DatabaseInitializer.
/// </summary>
public static class ClockSeeding
{
    public static async Task SeedAsync(XinfangDb db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var years = await db.Set<CalendarYearRecord>().Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var year in ShippedCalendars.All.Where(y => !years.Contains(y.Year)))
        {
            db.Add(CalendarEditor.ToRecord(year, now, "setup"));
        }

        var codes = await db.Set<PeriodRuleRecord>().Select(r => r.Code).ToListAsync(cancellationToken);
        foreach (var rule in PeriodRules.Defaults.Where(r => !codes.Contains(r.Code)))
        {
            db.Add(new PeriodRuleRecord
            {
                Code = rule.Code, Name = rule.Name, Days = rule.Days, Kind = rule.Kind, RollForward = rule.RollForward,
                Article = rule.Article, Version = rule.Version, IsStatutory = true,
            });
            db.Add(PeriodRuleEditor.History(rule, now, "setup"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
