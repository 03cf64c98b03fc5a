using Microsoft.EntityFrameworkCore;
using Xinfang.Domain.Matters;
using Xinfang.Domain.Organisation;
using Xinfang.Domain.Routing;

namespace Xinfang.Web.Data;

/// <summary>What every registration, action and list reads and administrators change a few times a year.</summary>
public sealed record Reference(IReadOnlyDictionary<Guid, Unit> Units, IReadOnlySet<string> ActiveCategories, IReadOnlyList<RoutingRule> RoutingRules,
                               DeadlineRules Deadlines);

/// <summary>
/// The organisation tree, the active content categories, the routing rules, the work calendar and the period rules,
/// read from the database once and kept in memory: a due date is computed on every action and every list, and
/// registration used to read all of it inside its serialised transaction. An edit on this server clears the copy as
/// soon as it is saved; other servers pick it up within <see cref="ReferenceCache.Lifetime"/>. The cached objects
/// are shared: read them, never change them.
/// </summary>
public sealed class ReferenceData(XinfangDb db, ReferenceCache cache)
{
    public Task<Reference> CurrentAsync(CancellationToken cancellationToken = default) => cache.GetAsync(() => LoadAsync(cancellationToken));

    /// <summary>Call after saving a change to units, categories, routing rules, the calendar or the period rules.</summary>
    public void Invalidate() => cache.Invalidate();

    private async Task<Reference> LoadAsync(CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var categories = await db.Set<CategoryRecord>().AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(cancellationToken);
        var rules = await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.CategoryCode).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var deadlines = new DeadlineRules(await db.WorkCalendarAsync(cancellationToken), await db.PeriodRulesAsync(cancellationToken));
        return new Reference(units, categories.ToHashSet(), rules, deadlines);
    }
}

/// <summary>
/// The copy behind <see cref="ReferenceData"/>, one per server. A load that overlaps an invalidation is used once but
/// not kept, so a copy read just before an edit committed cannot outlive the edit.
/// </summary>
public sealed class ReferenceCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(Reference Value, long Generation, DateTimeOffset Expires);

    private Entry? _entry;
    private long _generation;

    public async Task<Reference> GetAsync(Func<Task<Reference>> load)
    {
        var generation = Interlocked.Read(ref _generation);
        if (Volatile.Read(ref _entry) is { } entry && entry.Generation == generation && time.GetUtcNow() < entry.Expires)
        {
            return entry.Value;
        }

        var value = await load();
        var fresh = new Entry(value, generation, time.GetUtcNow() + Lifetime);
        if (Interlocked.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _entry, fresh);
        }

        return value;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }
}
