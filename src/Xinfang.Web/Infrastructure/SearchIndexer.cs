using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Xinfang.Domain.Matters;
using Xinfang.Web.Data;

namespace Xinfang.Web.Infrastructure;

/// <summary>
/// Keeps the search index (<see cref="MatterTerm"/>) and the petitioners' identifier hashes in step with the data, in
/// the same transaction as the change: on every save that adds or changes a matter, a petitioner, a notice or a
/// handling note, the terms of that matter are computed again from what it will be after the save.
/// </summary>
public sealed class SearchIndexer(IdentifierHash hash) : SaveChangesInterceptor
{
    // What a matter is found by; a save that changes none of these (a deadline recalculated) leaves the index alone.
    private static readonly HashSet<string> IndexedProperties =
    [
        nameof(Matter.Number), nameof(Matter.Title), nameof(Matter.Content), nameof(Matter.Demands), nameof(Matter.Conclusion),
        nameof(Matter.ReviewOpinion), nameof(Matter.RecheckOpinion), nameof(Matter.Implementation),
    ];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
                                                                                CancellationToken cancellationToken = default)
    {
        if (eventData.Context is XinfangDb db)
        {
            await IndexAsync(db, cancellationToken);
        }

        return result;
    }

    // XinfangDb turns every synchronous save into an asynchronous one; this is for completeness.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private async Task IndexAsync(XinfangDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var matters = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Matter m when entry.State == EntityState.Added
                                   || entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedProperties.Contains(p.Metadata.Name)):
                    matters.Add(m.Id);
                    break;
                case Petitioner p when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    matters.Add(p.MatterId);
                    if (entry.State != EntityState.Deleted)
                    {
                        SetHashes(entry, p);
                    }

                    break;
                case Notice n when entry.State is EntityState.Added or EntityState.Modified:
                    matters.Add(n.MatterId);
                    break;
                case MatterEvent e when entry.State == EntityState.Added && !string.IsNullOrWhiteSpace(e.Note):
                    matters.Add(e.MatterId);
                    break;
            }
        }

        matters.Remove(Guid.Empty);
        foreach (var id in matters)
        {
            await ReindexAsync(db, id, cancellationToken);
        }
    }

    private void SetHashes(EntityEntry entry, Petitioner petitioner)
    {
        foreach (var (name, value) in hash.Of(petitioner))
        {
            var property = entry.Property(name);
            if (!Equals(property.CurrentValue, value))
            {
                property.CurrentValue = value;
            }
        }
    }

    private static async Task ReindexAsync(XinfangDb db, Guid matterId, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<Matter>().FirstOrDefault(e => e.Entity.Id == matterId);
        if (tracked?.State == EntityState.Deleted)
        {
            return; // the cascade takes its terms
        }

        var matter = tracked?.Entity ?? await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matterId, cancellationToken);
        if (matter is null)
        {
            return;
        }

        // The children as they will be after the save: the stored ones nobody has touched, then the tracked ones.
        var names = await AfterSaveAsync(db, db.Set<Petitioner>().Where(p => p.MatterId == matterId), p => p.MatterId == matterId, p => p.Id, p => p.Name, cancellationToken);
        var noticeNumbers = await AfterSaveAsync(db, db.Set<Notice>().Where(n => n.MatterId == matterId), n => n.MatterId == matterId, n => n.Id, n => n.Number, cancellationToken);
        var notes = await AfterSaveAsync(db, db.Set<MatterEvent>().Where(e => e.MatterId == matterId && e.Note != null), e => e.MatterId == matterId, e => e.Id,
            e => e.Note ?? "", cancellationToken);

        var terms = SearchTerms.Of(matter, names, noticeNumbers, notes);
        // A second save in the same context (e.g. an evaluation stored, then the matter's step) still tracks the terms
        // the first one wrote: they are replaced, so they must not stay tracked beside their new copies.
        foreach (var stale in db.ChangeTracker.Entries<MatterTerm>().Where(e => e.Entity.MatterId == matterId).ToList())
        {
            stale.State = EntityState.Detached;
        }

        if (tracked?.State != EntityState.Added)
        {
            await db.Set<MatterTerm>().Where(t => t.MatterId == matterId).ExecuteDeleteAsync(cancellationToken);
        }

        db.Set<MatterTerm>().AddRange(terms.Select(t => new MatterTerm { MatterId = matterId, Field = t.Field, Term = t.Term }));
    }

    private static async Task<List<string>> AfterSaveAsync<T, TKey>(XinfangDb db, IQueryable<T> stored, Func<T, bool> ofMatter, Func<T, TKey> key,
                                                                    Func<T, string> value, CancellationToken cancellationToken)
        where T : class
    {
        var entries = db.ChangeTracker.Entries<T>().Where(e => ofMatter(e.Entity)).ToList();
        var touched = entries.Select(e => key(e.Entity)).ToHashSet();
        var rows = await stored.AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => !touched.Contains(key(r))).Select(value)
            .Concat(entries.Where(e => e.State != EntityState.Deleted).Select(e => value(e.Entity)))
            .ToList();
    }
}
