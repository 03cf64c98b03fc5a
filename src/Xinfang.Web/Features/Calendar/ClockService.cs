using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Xinfang.Domain.Deadlines;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Features.Calendar;

/// <summary>
/// The calendar and period rules in force, read from the database and kept in memory: a due date is computed on
/// every action and every list, and the data changes a few times a year. An edit on this server clears the cache
/// at once; other servers pick it up within <see cref="Lifetime"/>.
/// </summary>
public sealed class ClockService(XinfangDb db, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const string Key = "xinfang:clocks";

    public async Task<Clocks> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return new Clocks(await LoadCalendarAsync(cancellationToken), await LoadRulesAsync(cancellationToken));
        }))!;

    public void Invalidate() => cache.Remove(Key);

    public async Task<WorkCalendar> LoadCalendarAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.Set<CalendarYearRecord>().AsNoTracking().Include(y => y.Days).ToListAsync(cancellationToken);
        return new WorkCalendar(years.Select(y => y.ToDomain()));
    }

    public async Task<IReadOnlyList<PeriodRule>> LoadRulesAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<PeriodRuleRecord>().AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken)).Select(r => r.ToDomain()).ToList();
}
